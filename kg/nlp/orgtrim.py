"""The organization in the text written before a title: the left edge cut at stop words, verbs, qualifiers
and a person listed before it (某网副总编张三和|某频道), and a noun phrase when no type suffix says what it is."""

from __future__ import annotations

import functools
import re

from kg.nlp import gazetteer, names, orgs
from kg.nlp.lexicon import load, longest_first
from kg.nlp.segment import frequency, tokens

# Characters that cannot be inside an organization's name: where its left edge is.
_LEFT_STOP = set("的了在由对向把被将从是为也已让给等据/")
# The end of a dateline a name runs on from once its space is gone: 某网6月2日讯|某党主席某某.
_DATELINE_END = re.compile(r"[0-9０-９一二三四五六七八九十]日(?:讯|电)")
PROPER_TAGS = frozenset({"nt", "ns", "nz", "nr", "j", "eng", "nrt"})


def trim(org: str, strict: bool = False) -> str | None:
    """The organization part of a piece, cut at its left edge; None when it cannot be one.

    An organization of the lexicon's kinds (a type suffix, a type word, an area) always counts. So,
    unless strict, does any other noun phrase (联合国, 新华社, 某网站): the text before a title is its
    organization far more often than not, and dropping it dropped the person with it."""
    cut = max((i + 1 for i, c in enumerate(org) if c in _LEFT_STOP and not org.startswith("有限", i)), default=0)
    cut = max([cut] + [m.end() for m in _DATELINE_END.finditer(org)])
    # Verbs a name never holds (明确, 会同) end whatever stands before the name, unless what they leave is
    # a bare type (某某文化发展有限公司: 发展 is part of the company's name there).
    # (not before 和 or 与 that joins two words of one name: 国家发展和改革委员会, 住房和城乡建设部)
    words = sorted(
        (i + len(w) for w in _leftwords() if (i := org.rfind(w)) >= 0 and org[i + len(w) :][:1] not in "和与及"),
        reverse=True,
    )
    cut = next((c for c in words if c > cut and orgs.specific(org[c:])), cut)
    org = org[cut:]
    for q in qualifiers():  # 分管, 新任, 时任: words about the post, not part of the organization
        if org.startswith(q):
            org = org[len(q) :]
            break
    org = _from_proper(_after_listed_person(org))
    if not org or orgs.is_org_name(org) or orgs.is_type_word(org) or gazetteer.is_area(org):
        return org
    if strict:
        return None
    # 中国雅虎副总编张银生和凤凰网城市频道总监赵耀: the second person's organization starts after 和.
    tail = max((org.rfind(c) for c in "和与及"), default=-1)
    return _noun_phrase(org) or (trim(org[tail + 1 :]) if tail >= 0 else None)


def _after_listed_person(org: str) -> str:
    """某网副总编张三和某频道 (总监李四): the organization starts after the person the list named before it.

    >>> _after_listed_person("某网副总编张银生和某某网城市频道"), _after_listed_person("中华人民共和国外交部")
    ('某某网城市频道', '中华人民共和国外交部')
    """
    for joiner in "和与及":
        at = org.rfind(joiner)
        if at >= 2 and any(names.plausible(org[at - k : at]) for k in (2, 3)) and _name_ends_at(org, at):
            return org[at + 1 :]
    return org


def _name_ends_at(org: str, at: int) -> bool:
    """Whether jieba reads a personal name (or no common word) right before position at: not 发展 of
    国家发展和改革委员会, nor 住房 of 住房和城乡建设部."""
    before = next((t for t in words(org) if t.end == at), None)
    return before is None or before.flag.startswith("nr") or frequency(before.word) < _COMMON_WORD


def _from_proper(org: str) -> str:
    """An organization name that a common word opens and a known name follows (连带农业银行: 连带 + 农业银行)
    starts at the known name; the national and local prefixes (国家, 省) belong to it.

    >>> _from_proper("连带农业银行"), _from_proper("国家质检总局"), _from_proper("人民银行")
    ('农业银行', '国家质检总局', '人民银行')
    """
    if len(org) < 4 or orgs.has_place_prefix(org):
        return org
    toks = words(org)
    lone = len(toks[0].word) < 2 and toks[0].flag[:1] not in "vpcdurm"  # 中|坤|集团, not 有|某协会
    # 手摇车窗保险|广州某某汽车销售服务公司: common words run into a name that opens with its city (a subhead
    # printed into the paragraph); the name starts at the city.
    area = next((t.begin for t in toks[1:] if t.flag == "ns" and gazetteer.is_area(t.word)), None)
    if area is not None and area >= 4 and orgs.is_org_name(org[area:]):
        if all(t.flag in ("n", "b", "vn", "a") for t in toks if t.end <= area):
            return org[area:]
    if len(toks) < 2 or toks[0].flag in PROPER_TAGS or frequency(toks[0].word) < _COMMON_WORD or lone:
        return org  # …, or a lone character, more likely the name's own than a word before it
    at = next((t.begin for t in toks[1:] if t.flag in PROPER_TAGS), None)
    if at is not None and any(t.word in ("和", "与") for t in toks if t.end <= at):
        return org  # 住房和城乡建设部: the words joined by 和 are one name
    if at is not None and orgs.is_org_name(org[:at]):
        return org  # 公安部|治安局: a body, then its unit (jieba reads 治安 as a place)
    return org[at:] if at is not None and orgs.is_org_name(org[at:]) else org


@functools.lru_cache(maxsize=4096)
def words(text: str) -> tuple:
    """jieba's tokens of a piece of a chain, segmented once: a piece's trimming reads them several times."""
    return tuple(tokens(text))


_COMMON_WORD = 200  # jieba's count above which an opening word is common (连带), not part of a name


def known_kind(org: str) -> bool:
    """An organization of a kind the lexicons know: a type suffix (局, 公司), a type word, an area."""
    return orgs.is_org_name(org) or orgs.is_type_word(org) or gazetteer.is_area(org)


def _noun_phrase(text: str) -> str | None:
    """The name of something that text ends with: Han letters, digits or Latin ones, ending in a noun,
    from after the last verb, adverb, pronoun, particle or time word (jieba's tags): 近日农行 -> 农行."""
    if not 2 <= len(text) <= 20 or not _NAMEISH.fullmatch(text):
        return None
    toks = words(text)
    if toks[-1].flag not in _NOUN_TAGS:
        return None
    stops = [t for t in toks if t.flag[:1] in _NOT_IN_NAMES and t.flag != "vn"]
    start = stops[-1].end if stops else 0
    # 某某红丝带基金: a one-character verb inside a name (带) leaves a bare type word; the name runs on.
    if stops and not orgs.specific(text[start:]) and len(stops[-1].word) == 1 and stops[-1].flag == "v":
        start = stops[-2].end if len(stops) > 1 else 0
    phrase = text[start:]
    if all(t.flag == "vn" for t in toks if t.begin >= start):
        return None  # 传播 alone is an activity, not a name
    return phrase if len(phrase) >= 2 else None


_NAMEISH = re.compile(r"[\u4e00-\u9fffA-Za-z0-9·]+")
# vn: 某某传播; nr: 某某顾问 (jieba tags some titles and company names as names)
_NOUN_TAGS = frozenset({"n", "nt", "nz", "ns", "nr", "nrt", "j", "eng", "nis", "vn"})
_NOT_IN_NAMES = frozenset("vdprcuyeozqftm")  # verbs, adverbs, pronouns, prepositions, particles, times...


@functools.cache
def qualifiers() -> tuple[str, ...]:
    return longest_first(load("people")["org_qualifiers"])


@functools.cache
def _leftwords() -> tuple[str, ...]:
    return tuple(load("places")["left_stops"])
