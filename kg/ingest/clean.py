"""Character-level cleaning of OCR text, keeping a map from every cleaned character to its source offset."""

from __future__ import annotations

import functools
import re
import tomllib
import unicodedata
from dataclasses import dataclass
from importlib import resources

# Full-width letters, digits and the symbols that are ASCII in running Chinese text.
# Chinese punctuation proper (，。：；！？（）) stays full-width.
_HALF = {chr(c): chr(c - 0xFEE0) for c in range(0xFF10, 0xFF1A)}
_HALF.update({chr(c): chr(c - 0xFEE0) for c in range(0xFF21, 0xFF3B)})
_HALF.update({chr(c): chr(c - 0xFEE0) for c in range(0xFF41, 0xFF5B)})
_HALF.update({f: chr(ord(f) - 0xFEE0) for f in "％＋－．／＝＜＞＠＃＆＊＿｜～＂＇"})
_HALF.update({"「": "“", "」": "”", "『": "‘", "』": "’", "―": "—", "─": "—"})
# The dots that part a transliterated name (katakana's, Taiwan's) are the one Chinese text uses: 某洛斯・某拉.
_HALF.update({"・": "·", "‧": "·"})
# ASCII punctuation that becomes its Chinese form next to Chinese text.
_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}


_HALF_TABLE = str.maketrans(_HALF)
_WHITE = re.compile(r"\s")  # the characters str.isspace() calls white space
_PRIVATE = re.compile("[\ue000-\uf8ff]+")
_SPACES = re.compile(" +")
_SPACE = re.compile(" ")
_ANY_HAN = re.compile("[\u4e00-\u9fff\u3400-\u4dbf\U00020000-\U0002ffff\uf900-\ufaff]")  # is_han
# Text decoded one byte out of step (GBK read from its second byte): an ASCII ? for the lost byte, then
# characters that a full-width sign usually opens (?Ｇ故痔永胂殖。?), up to the ? where step is regained.
# Real text never has an ASCII ? next to a full-width sign. The stretch becomes □, the typesetter's mark
# for an illegible character (□□ when it swallowed a Chinese character, see _ungarbled): nothing is read
# from it, and it ends the sentence before it.
_GARBLED = re.compile(r"\?[\uff01-\uff5e][^?\n]{0,60}?\?")
GARBLED = "□"
_LAYOUT = tomllib.loads(resources.files("kg.ingest").joinpath("layout.toml").read_text("utf-8"))
_ROLES = "|".join(sorted(map(re.escape, _LAYOUT["byline_roles"]), key=len, reverse=True))
_TAILS = "|".join(sorted(map(re.escape, _LAYOUT["byline_verbs"] + _LAYOUT["credit_suffixes"]), key=len, reverse=True))
# Names after a reporter's title, parted by spaces: （记者 赵某　文某）. The spaces are all that parts them.
_NAME = rf"(?!{_TAILS}|{_ROLES})[\u4e00-\u9fff]{{2,3}}"
_SPACED_NAMES = re.compile(rf"(?:{_ROLES})\s*(?P<names>{_NAME}(?: {_NAME})+)(?= ?(?:[）)]|$|{_TAILS}|{_ROLES}))")
_PUNCT = re.compile("[" + re.escape("".join(_FULL)) + "\"'.\\-]")

# What clean() may change: white space, private-use debris, the characters above, quotes, ... and --.
# A paragraph with none of them comes out as it went in (most lines of a clean article do).
_TOUCHED = re.compile(r"\.\.\.|--|[\s\ue000-\uf8ff\"'" + re.escape("".join(_HALF)) + re.escape("".join(_FULL)) + "]")


# Page furniture, not text: link labels (［详细］, 【组图】, 点击进入专题), and a bracketed kicker that opens a
# paragraph (【某网综合报道】). A bracketed name inside a sentence (“某某”【春夏秋冬】系列活动) stays.
_FURNITURE = re.compile(
    r"[［\[【]\s*(?:详细|全文|详情|组图|图|视频|更多|专题|图片|评论|进入论坛|高清组图)\s*[］\]】]"
    r"|^\s*【[^】\n]{1,16}】"
    r"|(?:点击|点此)(?:进入|查看|浏览|观看|阅读|下载|这里|此处|图片|大图)[^，。；！？\n]{0,20}?(?:>>+|》》|$|(?=[。；\n]))"
)


def is_han(c: str) -> bool:
    o = ord(c)
    return 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0x20000 <= o <= 0x2FFFF or 0xF900 <= o <= 0xFAFF


@functools.lru_cache(maxsize=1 << 16)
def is_wide(c: str) -> bool:
    """Han characters and full-width punctuation: the characters that justified spacing pads."""
    return is_han(c) or unicodedata.east_asian_width(c) in "WF" or c in "“”‘’…—·"


def visual_width(text: str) -> float:
    """Width of a line in Han-character cells, ignoring spaces (a Latin letter is half a cell)."""
    return sum(map(_width, text))


@functools.lru_cache(maxsize=1 << 16)
def _width(c: str) -> float:
    return 0.0 if c.isspace() else 1.0 if is_wide(c) else 0.5


@dataclass
class Text:
    """Characters with the source offset each one came from."""

    chars: list[str]
    offs: list[int]

    @classmethod
    def of(cls, text: str, start: int) -> Text:
        return cls(list(text), list(range(start, start + len(text))))

    def __str__(self) -> str:
        return "".join(self.chars)

    def extend(self, other: Text) -> None:
        self.chars += other.chars
        self.offs += other.offs


def join_lines(lines: list[Text]) -> Text:
    """Join lines wrapped inside a paragraph: nothing between Chinese characters, a space between Latin words."""
    out = Text([], [])
    for line in lines:
        if not line.chars:
            continue
        if out.chars:
            a, b = out.chars[-1], line.chars[0]
            if not is_wide(a) and not is_wide(b) and a.isalnum() and b.isalnum():
                out.chars.append(" ")
                out.offs.append(line.offs[0] - 1)
        out.extend(line)
    return out


def _single(chars: list[str], j: int) -> bool:
    """A Han character standing alone between spaces, as in 锦 江 区."""
    if not (0 <= j < len(chars) and is_han(chars[j])):
        return False
    return (j == 0 or chars[j - 1] == " ") and (j == len(chars) - 1 or chars[j + 1] == " ")


def _justified(chars: list[str], i: int) -> bool:
    """True when the space at i pads justified text rather than separating two phrases."""
    return _single(chars, i - 1) or _single(chars, i + 1)


def clean(text: Text, keep_phrase_spaces: bool = False) -> Text:
    """Normalise one paragraph (or headline when keep_phrase_spaces) of raw text.

    >>> str(clean(Text.of("社 会 消 费 品 零 售 总 额 实 现", 0)))
    '社会消费品零售总额实现'
    """
    raw = "".join(text.chars)
    furniture = [m.span() for m in _FURNITURE.finditer(raw)]
    if not furniture and not _TOUCHED.search(raw):
        return Text(list(text.chars), list(text.offs))
    raw, offs = _without(raw, list(text.offs), furniture)
    raw, offs = _ungarbled(raw, offs)
    # Full-width letters and digits become ASCII, every kind of white space a space (one for one).
    s = _WHITE.sub(" ", raw.translate(_HALF_TABLE))
    # Private-use characters are debris of broken encodings, never text.
    s, offs = _without(s, offs, [m.span() for m in _PRIVATE.finditer(s)])
    # Spaces: one of a run stays, none at either end ...
    s, offs = _without(s, offs, [_run(m, len(s)) for m in _SPACES.finditer(s)])
    # ... one that parts two names in a byline becomes 、 ...
    s = _SPACED_NAMES.sub(lambda m: m[0][: m.start("names") - m.start()] + m["names"].replace(" ", "、"), s)
    # ... and none where a Chinese character or full-width mark is a neighbour.
    drop = []
    for m in _SPACE.finditer(s):
        i = m.start()
        a, b = s[i - 1], s[i + 1]
        if keep_phrase_spaces and is_han(a) and is_han(b) and not _justified(s, i):
            continue
        if is_wide(a) or is_wide(b):
            drop.append((i, i + 1))
    s, offs = _without(s, offs, drop)
    return _punctuate(s, offs, bool(_ANY_HAN.search(s)))


def _ungarbled(s: str, offs: list[int]) -> tuple[str, list[int]]:
    """s with each garbled stretch one □, and a second □ when the character it swallowed at its end was a
    Chinese one, so that the text after it may start inside a word (□□某某集团 may be the tail of a name)."""
    spans = [m.span() for m in _GARBLED.finditer(s)]
    if not spans:
        return s, offs
    out, kept, at = [], [], 0
    for a, b in spans:
        out.append(s[at:a])
        kept += offs[at:a]
        marks = GARBLED * (2 if _swallowed_han(s[a + 1 : b - 1]) else 1)
        out.append(marks)
        kept += offs[a : a + len(marks)]
        at = b
    out.append(s[at:])
    kept += offs[at:]
    return "".join(out), kept


def _swallowed_han(inner: str) -> bool:
    """Whether the character lost at a stretch's end was a Chinese one. Read one byte out of step, the
    stretch's GBK bytes end with that character's first byte: 0xB0-0xF7 opens a Han character, while
    punctuation (，。２) opens with 0xA1-0xA3."""
    try:
        last = inner.encode("gbk")[-1]
    except UnicodeEncodeError:
        return True
    return 0xB0 <= last <= 0xF7


def _without(s: str, offs: list[int], spans: list[tuple[int, int]]) -> tuple[str, list[int]]:
    """s and its offsets with the characters of these (sorted, disjoint) spans taken out."""
    spans = [(a, b) for a, b in spans if b > a]
    if not spans:
        return s, offs
    chars: list[str] = []
    kept: list[int] = []
    at = 0
    for a, b in spans:
        chars.append(s[at:a])
        kept += offs[at:a]
        at = b
    chars.append(s[at:])
    kept += offs[at:]
    return "".join(chars), kept


def _run(m: re.Match, n: int) -> tuple[int, int]:
    """What goes of a run of spaces: all of it at either end of the text, else all but its first."""
    a, b = m.span()
    return (a, b) if a == 0 or b == n else (a + 1, b)


def _punctuate(s: str, offs: list[int], has_han: bool) -> Text:
    """ASCII punctuation next to Chinese becomes Chinese: ，：（）, paired quotes, ……, ——."""
    chars = list(s)
    out = Text([], [])
    dq = sq = 0
    i = 0
    n = len(chars)
    while True:
        # Only these characters can change; the text between them is copied as it is.
        m = _PUNCT.search(s, i)
        j = m.start() if m else n
        out.chars += chars[i:j]
        out.offs += offs[i:j]
        if m is None:
            return out
        i = j
        c, o = chars[i], offs[i]
        prev = chars[i - 1] if i else ""
        nxt = chars[i + 1] if i + 1 < n else ""
        near_han = (prev and is_wide(prev)) or (nxt and is_wide(nxt))
        if c in _FULL and near_han and not (c in ",:" and prev.isdigit() and nxt.isdigit()):
            c = _FULL[c]
        elif c == '"' and has_han:
            c = "“" if dq % 2 == 0 else "”"
            dq += 1
        elif c == "'" and near_han:
            c = "‘" if sq % 2 == 0 else "’"
            sq += 1
        elif c == "." and chars[i : i + 3] == [".", ".", "."] and near_han:
            out.chars += ["…", "…"]
            out.offs += [o, offs[i + 2]]
            i += 3
            continue
        elif c == "-" and nxt == "-" and (is_han(prev or "a") or (i + 2 < n and is_han(chars[i + 2]))):
            out.chars += ["—", "—"]
            out.offs += [o, offs[i + 1]]
            i += 2
            continue
        out.chars.append(c)
        out.offs.append(o)
        i += 1
