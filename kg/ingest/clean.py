"""Character-level cleaning of OCR text, keeping a map from every cleaned character to its source offset."""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

# Full-width letters, digits and the symbols that are ASCII in running Chinese text.
# Chinese punctuation proper (，。：；！？（）) stays full-width.
_HALF = {chr(c): chr(c - 0xFEE0) for c in range(0xFF10, 0xFF1A)}
_HALF.update({chr(c): chr(c - 0xFEE0) for c in range(0xFF21, 0xFF3B)})
_HALF.update({chr(c): chr(c - 0xFEE0) for c in range(0xFF41, 0xFF5B)})
_HALF.update({f: chr(ord(f) - 0xFEE0) for f in "％＋－．／＝＜＞＠＃＆＊＿｜～＂＇"})
_HALF.update({"「": "“", "」": "”", "『": "‘", "』": "’", "―": "—", "─": "—"})
# ASCII punctuation that becomes its Chinese form next to Chinese text.
_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}


# What clean() may change: white space, private-use debris, the characters above, quotes, ... and --.
# A paragraph with none of them comes out as it went in (most lines of a clean article do).
_TOUCHED = re.compile(r"\.\.\.|--|[\s\ue000-\uf8ff\"'" + re.escape("".join(_HALF)) + re.escape("".join(_FULL)) + "]")


def is_han(c: str) -> bool:
    o = ord(c)
    return 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0x20000 <= o <= 0x2FFFF or 0xF900 <= o <= 0xFAFF


@functools.lru_cache(maxsize=1 << 16)
def is_wide(c: str) -> bool:
    """Han characters and full-width punctuation: the characters that justified spacing pads."""
    return is_han(c) or unicodedata.east_asian_width(c) in "WF" or c in "“”‘’…—·"


def visual_width(text: str) -> float:
    """Width of a line in Han-character cells, ignoring spaces (a Latin letter is half a cell)."""
    return sum(1.0 if is_wide(c) else 0.5 for c in text if not c.isspace())


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
    if not _TOUCHED.search("".join(text.chars)):
        return Text(list(text.chars), list(text.offs))
    chars = [_HALF.get(c, " " if c.isspace() else c) for c in text.chars]
    offs = list(text.offs)
    # Spaces: collapse runs, then drop them wherever a Chinese character or full-width mark is a neighbour.
    c2: list[str] = []
    o2: list[int] = []
    for c, o in zip(chars, offs, strict=True):
        if c == " " and (not c2 or c2[-1] == " ") or "\ue000" <= c <= "\uf8ff":
            continue  # private-use characters are debris of broken encodings, never text
        c2.append(c)
        o2.append(o)
    while c2 and c2[-1] == " ":
        c2.pop()
        o2.pop()
    keep = [True] * len(c2)
    for i, c in enumerate(c2):
        if c != " ":
            continue
        a, b = c2[i - 1], c2[i + 1]
        if keep_phrase_spaces and is_han(a) and is_han(b) and not _justified(c2, i):
            continue
        if is_wide(a) or is_wide(b):
            keep[i] = False
    chars = [c for c, k in zip(c2, keep, strict=True) if k]
    offs = [o for o, k in zip(o2, keep, strict=True) if k]
    has_han = any(is_han(c) for c in chars)
    out = Text([], [])
    dq = sq = 0
    i = 0
    while i < len(chars):
        c, o = chars[i], offs[i]
        prev = chars[i - 1] if i else ""
        nxt = chars[i + 1] if i + 1 < len(chars) else ""
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
        elif c == "-" and nxt == "-" and (is_han(prev or "a") or (i + 2 < len(chars) and is_han(chars[i + 2]))):
            out.chars += ["—", "—"]
            out.offs += [o, offs[i + 1]]
            i += 2
            continue
        out.chars.append(c)
        out.offs.append(o)
        i += 1
    return out
