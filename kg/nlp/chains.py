"""Role-and-name chains: 某市委常委、组织部部长张三 -> items (某市委, 常委), (组织部, 部长) held by 张三."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from kg.ingest.markers import BYLINE_ROLES, OUTLET_SUFFIXES
from kg.nlp import names, orgs, segment, tagger, titlewords
from kg.nlp.lexicon import alternation, load, longest_first
from kg.nlp.lexicon import roles as roles_lexicon
from kg.nlp.orgtrim import qualifiers, trim

# Clause boundaries: a chain never crosses them. 、 separates the items of one chain.
_CLAUSE = re.compile(r"[，。；：！？,;:!?（）()“”‘’《》「」\n□]")
ITEM_SEP = re.compile(r"、|兼任|兼(?!职)")


@dataclass(frozen=True)
class Item:
    """One post in a chain: the organization as written (may be empty) and the role."""

    org: str
    role: str
    status: str | None = None  # former, nominated, acting
    org_begin: int = -1  # offset of org in the text searched; -1 when org is empty
    alone: bool = False  # 著名演员: an occupation held in no organization, not even its neighbours'


@dataclass(frozen=True)
class Chain:
    name: str
    begin: int  # of the chain's first item
    name_begin: int
    name_end: int
    items: tuple[Item, ...]
    end: int = 0  # where the chain's text ends: after the name, or after a title that follows it

    @property
    def stop(self) -> int:
        return max(self.end, self.name_end)


@functools.cache
def _vocab():
    people = load("people")
    base = roles_lexicon()
    roles = set(base) | set(people["occupations"])
    for mod in people["role_modifiers"]:  # 副局长; 特邀评论员, 首席设计师: occupations take them too
        roles.update(mod + r for r in (*base, *people["occupations"]) if not r.startswith(mod))
    # Two modifiers where the inner one is 副: 第一副部长, 常务副主任.
    roles.update(mod + "副" + r for mod in people["role_modifiers"] if not mod.endswith("副") for r in base)
    # A business function before a manager's title (客户经理 in the lexicon makes 客户 a function, and so
    # 客户总监 a title): the functions are read off the lexicon's own titles.
    managers = ("总监", "经理", "主管", "总裁", "总经理", "副总经理", "副总裁", "副经理")
    functions = {r[:2] for r in base if len(r) > 2 and r[2:] in managers and not r.startswith(("副", "总"))}
    functions |= set(people["business_functions"])
    roles.update(f + m for f in functions for m in managers)
    for suf in people["role_suffixes"]:
        roles.update(r + suf for r in list(roles))
    role_then_name = re.compile("(?:" + alternation(roles) + ")")
    status = longest_first(people["status_markers"])
    return frozenset(roles), role_then_name, status, people["status_markers"]


def ends_with_role(name: str) -> bool:
    """Whether a name ends in a title (某市委常委): a chain item, not an organization."""
    roles = _vocab()[0]
    return any(name[-k:] in roles for k in _role_lengths() if k <= len(name))


@functools.cache
def _role_lengths() -> tuple[int, ...]:
    """The lengths of the roles, longest first."""
    return tuple(sorted({len(r) for r in _vocab()[0]}, reverse=True))


def find(text: str, toks=None) -> list[Chain]:
    """Every chain of titles ending in a personal name.

    >>> [(c.name, [(i.org, i.role) for i in c.items]) for c in find("某市委常委、组织部部长张三出席。")]
    [('张三', [('某市委', '常委'), ('组织部', '部长')])]
    >>> [(c.name, [(i.org, i.role) for i in c.items]) for c in find("某协会副主席兼秘书长张三出席。")]
    [('张三', [('某协会', '副主席'), ('', '秘书长')])]
    """
    _, pattern, _, _ = _vocab()
    toks = tagger.read(text)[0] if toks is None else toks
    starts = {t.begin: t for t in toks}
    out: list[Chain] = []
    taken = -1
    for m in pattern.finditer(text):
        start = m.end()
        quoted = text[start : start + 1] in "”’"  # 台湾“考试院长”某某: a title in quotes
        start += quoted
        if start <= taken:
            continue
        end = names.name_at(text, start, stops="、，。；：,;:□", starts=starts)
        abroad = 0 if end else _foreign_holder(text, m, starts)
        end = end or abroad or _tagged_person(m, starts) or _latin_name(text, m.end()) or _speaker(text, start)
        if not end:
            continue
        chain = _chain(text, start, end, quoted) or (_head_of_state(text, m, end) if abroad else None)
        if chain is not None:
            out.append(chain)
            taken = end
    spans = [(c.name_begin, c.name_end) for c in out]
    # 沙特国王某某: a title that a name follows is that name's, not the word's before it (沙特 is no name).
    named = {c.name_begin for c in out}
    out += [c for c in _title_after(text, toks) if (c.name_begin, c.name_end) not in spans and c.end not in named]
    return sorted(out, key=lambda c: c.name_begin)


def _title_after(text: str, toks) -> list[Chain]:
    """The other order, name then title: 某市政府张三市长、李四副市长 -> (某市政府, 市长), (, 副市长).

    Only names jieba itself tags as personal names count here, as nothing before them vouches for them.
    """
    _, pattern, _, _ = _vocab()
    out = []
    for t in toks:
        if t.flag != "nr" or not names.plausible(t.word):
            continue
        m = pattern.match(text, t.end)
        if m is None:
            continue
        left = t.begin
        while left > 0 and not _CLAUSE.match(text[left - 1]) and text[left - 1] != "、":
            left -= 1
        org = trim(text[left : t.begin]) or ""
        at = text.rfind(org, left, t.begin) if org else -1
        out.append(Chain(t.word, left, t.begin, t.end, (Item(org, m.group(0), None, at),), m.end()))
        out += _listed_after(text, m.end(), pattern)
    return out


def _listed_after(text: str, at: int, pattern) -> list[Chain]:
    """张三市长、李四副市长、王五副市长: the names after the first, each before its own title, across 、
    (the list vouches for them; a name is a surname and one or two characters before a title)."""
    out = []
    while at < len(text) and text[at] == "、":
        name_begin = at + 1
        for size in (2, 3, 4):
            name = text[name_begin : name_begin + size]
            m = pattern.match(text, name_begin + size)
            if m and names.plausible(name):
                out.append(
                    Chain(name, name_begin, name_begin, name_begin + size, (Item("", m.group(0), None),), m.end())
                )
                at = m.end()
                break
        else:
            break
    return out


def _foreign_holder(text: str, m: re.Match, starts: dict) -> int:
    """End of the name after a title of state written after a country (俄罗斯总统普京从…, 约旦国王阿卜杜拉二世):
    a word jieba knows as a proper noun (it tags 普京 a place), or one it does not know, of two to six
    characters, then a verb, a function word or a mark. 0 when the text is not so written."""
    t = starts.get(m.end())
    if t is None or m.group(0) not in _states() or not 2 <= len(t.word) <= 6 or t.flag not in _PROPER_NAMES:
        return 0
    if not m.start() or not "\u4e00" <= text[m.start() - 1] <= "\u9fff":
        return 0  # not after a country or region (jieba tags 约旦 an adverb: any word will do)
    end = t.end + (2 if text.startswith(("二世", "三世", "四世"), t.end) else 0)
    after = starts.get(end)
    if _DAY.match(text, end):  # 某国总统某某12日表示: the day the name is followed by dates what it did
        return end
    return end if after is None or after.flag[:1] in "vpcdux" or after.word == "时" else 0


_DAY = re.compile(r"\d{1,2}日(?:[上下]午|晚|凌晨)?[\u4e00-\u9fff]")


_PROPER_NAMES = frozenset({"nr", "nrt", "ns", "nz"})


_LATIN_NAME = re.compile(r"[A-Za-z][a-z]+(?: [A-Z][a-z]+)*(?![A-Za-z0-9])")


def _latin_name(text: str, at: int) -> int:
    """End of a name written in Latin letters right after a title (制片人Steven, 设计师ron): a word that is
    no acronym (CEO, NBA are all capitals)."""
    m = _LATIN_NAME.match(text, at)
    return m.end() if m else 0


# What a speaker does right after being named: 发言人某某表示.
_SAYS = ("表示", "指出", "强调", "透露", "坦言", "认为", "说", "称")


def _speaker(text: str, at: int) -> int:
    """End of a name that nothing but its place vouches for: right after a title and right before a
    verb of saying (某国国务院发言人某某表示), two to four characters that jieba knows as no common word of
    another kind (a transliterated name: jieba makes it a proper noun it has never counted). 0 otherwise.

    >>> _speaker("发言人纽兰表示反对", 3), _speaker("发言人对此表示", 3), _speaker("局长昨天说", 2)
    (5, 0, 0)
    """
    for size in (2, 3, 4):
        cand = text[at : at + size]
        if len(cand) < size or not all("\u4e00" <= c <= "\u9fff" for c in cand):
            return 0
        if not text.startswith(_SAYS, at + size):
            continue
        words = segment.tokens(cand)
        if len(words) == 1 and words[0].flag in ("nz", "nr", "nrt", "nrfg") and segment.frequency(cand) == 0:
            return at + size
        return 0
    return 0


_TIME_WORD = re.compile(r"(?:[今昨明前后当本每近]|大前|大后)[天日晚早夜午周月年]|[上下中]午|凌晨|傍晚|日前")


def _tagged_person(m: re.Match, starts: dict) -> int:
    """End of a person right after a title that no surname opens (历史学家塞尔比): a word tagged as a person
    (the tagger's names are such words) that is no title and no common word of another kind."""
    t = starts.get(m.end())
    if t is None or t.flag != "nr" or not 2 <= len(t.word) <= 6 or ends_with_role(t.word):
        return 0  # 实习记者|某某记者: the tagger ran a name into the next title
    if segment.frequency(t.word) >= names.COMMON and segment.tag(t.word) not in ("nr", "nrt"):
        return 0
    if _TIME_WORD.match(t.word):
        return 0  # 记者|今天上午从…: a time, not a name
    return t.end


def _head_of_state(text: str, m: re.Match, end: int) -> Chain:
    """The chain of 某国国王某某 when the country's name is no noun to jieba (约旦): the Han characters before
    the title, back to a mark or a word a name never holds (的)."""
    at = m.start()
    while at > 0 and "\u4e00" <= text[at - 1] <= "\u9fff" and text[at - 1] not in "的在和与及是为由对从向":
        at -= 1
    return Chain(text[m.end() : end], at, m.end(), end, (Item(text[at : m.start()], m.group(0), None, at),))


@functools.cache
def _countries() -> dict[str, str]:
    return load("people")["country_abbreviations"]


@functools.cache
def _states() -> frozenset[str]:
    people = load("people")
    return frozenset(people["foreign_government_roles"] + people["heads_of_state"] + people["other_titles_of_state"])


def _chain(text: str, name_begin: int, name_end: int, quoted: bool = False) -> Chain | None:
    # The chain runs back from the name (or the quote closing the titles) to the clause start.
    right = name_begin - quoted
    left = right
    while left > 0 and not _CLAUSE.match(text[left - 1]):
        left -= 1
    # 、 and 兼 separate the items: 副主席兼秘书长 is two posts, as 副主席、秘书长 is.
    pieces, starts, at = [], [], left
    for sep in ITEM_SEP.finditer(text, left, right):
        pieces.append(text[at : sep.start()])
        starts.append(at)
        at = sep.end()
    pieces.append(text[at:right])
    starts.append(at)
    items: list[Item] = []
    begin = name_begin
    for piece, start in zip(reversed(pieces), reversed(starts), strict=True):
        item, after = parse_item(piece), False
        joined = max(piece.rfind(c) for c in "和与及") if item is None else -1
        if joined >= 0 and (item := parse_item(piece[joined + 1 :])) is not None:
            # 某甲和新锐歌手某乙: the titles start after the conjunction, and so does the chain
            start, piece, after = start + joined + 1, piece[joined + 1 :], True
        if item is None:
            break
        at = piece.rfind(item.org, 0, len(piece) - len(item.role)) if item.org else -1
        if item.org and at < 0:  # a fused title (省公安厅长): the organization runs into the title
            at = piece.rfind(item.org)
        # An organization not written as such (俄 of 俄外长 is 俄罗斯) has no place in the text: -1.
        items.append(Item(item.org, item.role, item.status, start + at if item.org and at >= 0 else -1, item.alone))
        begin = start + max(at, 0) if item.org else start + len(piece) - len(item.role)
        if after or item.org and not _only_qualifiers(piece[:at]):
            break  # 某某代表李四赠送给联合国秘书长: the chain starts inside its piece, not at a 、 before it
    if not items:
        return None
    if quoted and left > 0 and text[left - 1] in "“‘":
        items[0] = _quoted_title(items[0], text[left:right], text[max(0, left - 3) : left - 1])
    items.reverse()
    return Chain(text[name_begin:name_end], begin, name_begin, name_end, tuple(items))


def _quoted_title(item: Item, inner: str, before: str) -> Item:
    """A title printed in quotes is one title unless it names an organization of a known kind: 前“国策顾问”
    is the former 国策顾问 (国策 is no body); 台湾“考试院长” is 考试院's 院长. The status stands before the quote."""
    _, _, status_words, status_map = _vocab()
    status = next((status_map[w] for w in status_words if before.endswith(w)), item.status)
    if item.org and not titlewords.fused(item.org, item.role) and trim(item.org, strict=True) is None:
        return Item("", split_status(inner)[1], status, -1)
    return Item(item.org, item.role, status, item.org_begin)


def _only_qualifiers(text: str) -> bool:
    """Whether text, before an item's organization, is no more than status words and qualifiers (原, 新任)."""
    _, _, status_words, _ = _vocab()
    for lead in (status_words, qualifiers()):
        text = next((text[len(w) :] for w in lead if text.startswith(w)), text)
    return not text


def split_status(piece: str) -> tuple[str | None, str]:
    """(status, the rest) for a piece opening with a status word: 原市委书记 -> (former, 市委书记).

    >>> split_status("原市委书记"), split_status("市委书记")
    (('former', '市委书记'), (None, '市委书记'))
    """
    _, _, status_words, status_map = _vocab()
    for s in status_words:
        if piece.startswith(s):
            return status_map[s], piece[len(s) :]
    return None, piece


def parse_item(piece: str) -> Item | None:
    """Split 'organization + role' at the longest role that leaves a sensible organization."""
    roles, _, status_words, status_map = _vocab()
    if (job := titlewords.described_occupation(piece)) is not None:  # before 原 of 原创 is read as a status
        return Item("", job, None, alone=True)  # 知名作家, 原创歌手: praise before an occupation names no body
    status, piece = split_status(piece)
    if (job := titlewords.described_occupation(piece)) is not None:
        return Item("", job, status, alone=True)
    # 某刑警大队副大队长, 某派出所所长: the head of a unit is titled after the unit's type.
    head = _UNIT_HEAD.fullmatch(piece)
    if head and orgs.is_org_name(head["org"]) and (org := trim(head["org"], strict=True)):
        return Item(org, head["role"], status)
    # The roles piece ends with, longest first: one lookup per role length, not a scan of every role.
    # A split whose organization is of a known kind wins (机关党委 + 书记 over 机关 + 党委书记); only
    # when none is, any noun phrase before the longest title.
    loose = None
    for k in _role_lengths():
        role = piece[-k:]
        if k > len(piece) or role not in roles:
            continue
        org, found = piece[: -len(role)], status
        for s in status_words:
            if org.endswith(s) and len(org) > len(s):
                found, org = status_map[s], org[: -len(s)]
                break
        else:  # 法国新任总统, 某省现任省长, 某国第八任总统: words about the holding between the body and the title
            if (q := next((q for q in _tenure() if org.endswith(q) and len(org) > len(q)), None)) is not None:
                org = org[: -len(q)]
            elif (nth := _NTH.search(org)) is not None and nth.start() > 0:
                org = org[: nth.start()]
        if role in BYLINE_ROLES and org and not org.endswith(OUTLET_SUFFIXES):
            org = ""  # 记者 of a news outlet only: 详细预案…倒计时记者, 记者某某通讯员 name none
        if (
            org
            and org[-1:] in _countries()
            and role in _states()
            and (len(org) == 1 or not "\u4e00" <= org[-2] <= "\u9fff")
        ):
            return Item(_countries()[org[-1]], role, found)  # 俄总统顾问: 俄 is 俄罗斯
        fused = titlewords.fused(org, role)
        strict = fused if fused is not None else trim(org, strict=True)
        if strict is not None:
            return Item(strict, role, found)
        if loose is None and (split := titlewords.role_words_after(org)) is not None:
            loose = Item(split[0], split[1] + role, found)
        if loose is None and (split := titlewords.field_before(org, role)) is not None:
            loose = Item(split[0], split[1] + role, found)
        if loose is None and (phrase := trim(org)) is not None:
            loose = Item(phrase, role, found)
    return loose


@functools.cache
def _tenure() -> tuple[str, ...]:
    return tuple(load("people")["tenure_words"])


_NTH = re.compile(r"第[一二三四五六七八九十百\d]{1,4}[任届]$")
_UNIT_HEAD = re.compile(
    r"(?P<org>[\u4e00-\u9fffA-Za-z0-9]+?(?P<unit>[\u4e00-\u9fff]{1,2}))(?P<role>(?:常务)?副?(?P=unit)长)"
)
