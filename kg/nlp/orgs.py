"""Organization names: type suffixes, abbreviations, and the locale that 省/市 stand for."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from kg.nlp import gazetteer
from kg.nlp.govnames import GOVERNMENT, leading_area, official, spell_areas, spell_country
from kg.nlp.lexicon import load, longest_first
from kg.nlp.segment import known_word


@dataclass(frozen=True)
class OrgName:
    """A canonical organization name and the surface forms that named it."""

    name: str
    aliases: tuple[str, ...] = ()


@functools.cache
def _vocab():
    orgs = load("orgs")
    suffixes = longest_first(orgs["suffixes"])
    return (
        suffixes,
        re.compile("(?:" + "|".join(map(re.escape, suffixes)) + ")$"),
        frozenset(orgs["not_orgs"]),
        tuple(sorted(((a, b) for a, b in orgs["abbreviations"]), key=lambda p: -len(p[0]))),
        orgs["department_max_length"],
        frozenset(orgs["not_after_place"]),
        tuple(orgs["department_suffixes"]),
    )


def org_suffix(text: str) -> str | None:
    """The organization type suffix text ends with, if any.

    >>> org_suffix("某某工程有限公司"), org_suffix("美丽家园")
    ('有限公司', None)
    """
    m = _vocab()[1].search(text)
    return m.group(0) if m else None


def is_org_name(text: str) -> bool:
    """A name that ends with a type suffix, is more than the suffix, and is not a generic head."""
    suffix = org_suffix(text)
    return bool(suffix) and len(text) > len(suffix) and text not in _vocab()[2]


def is_type_word(text: str) -> bool:
    """A bare type word (基金会, 公司) that stands for an organization named before."""
    return text in _vocab()[0]


def is_department(text: str) -> bool:
    """A short unit name that belongs to the organization before it: 组织部, 机关党委."""
    return is_org_name(text) and len(text) <= _vocab()[4] and text.endswith(_vocab()[6])


def expand(text: str) -> str:
    """Spell out abbreviations inside a name: 某省医保局 -> 某省医疗保障局.

    >>> expand("市医保局"), expand("省发改委")
    ('市医疗保障局', '省发展和改革委员会')
    """
    for short, full in _vocab()[3]:
        if short in text and full not in text:
            text = text.replace(short, full)
    return text


def split_parent(name: str) -> tuple[str, str] | None:
    """(parent, unit) when a name is another organization's name plus a unit's.

    >>> split_parent("某某大学财政金融学院")
    ('某某大学', '财政金融学院')
    """
    inside = _inside_type_words(name)
    for cut in range(len(name) - 2, 1, -1):
        parent, unit = name[:cut], name[cut:]
        # A cut inside a type word (委|员会) is no cut: 某某工作委员会办公室 is one name.
        if cut in inside:
            continue
        # The unit may be a bare unit word: 某局党委, 国务院办公厅.
        bare_unit = len(unit) >= 2 and unit in _vocab()[6]
        if is_org_name(parent) and (is_org_name(unit) or bare_unit):
            return parent, unit
    return None


def _inside_type_words(name: str) -> set[int]:
    """The cut positions that fall strictly inside a type word of two or more characters in name."""
    inside: set[int] = set()
    for s in _long_suffixes():
        i = name.find(s)
        while i >= 0:
            inside.update(range(i + 1, i + len(s)))
            i = name.find(s, i + 1)
    return inside


@functools.cache
def _long_suffixes() -> tuple[str, ...]:
    return tuple(s for s in _vocab()[0] if len(s) > 1)


# Words a name may start with although jieba does not tag them as names: the locale's 省/市/区/县
# and the national prefixes.
_NATIONAL = ("国家", "中国", "中央", "全国")
_STARTS = ("省", "市", "区", "县", *_NATIONAL)


def has_place_prefix(name: str) -> bool:
    """Whether a name opens with 省/市/区/县 or a national prefix (国家, 中国…) standing for a place."""
    return name.startswith(_STARTS)


def find(tokens, offset: int, qualify, is_role, is_place, tagged: tuple[tuple[int, int], ...] = ()) -> list:
    """Organizations named in a sentence: proper phrases ending in a type suffix.

    ``qualify`` spells out 省/市 with the locale; ``is_role`` tells a title (常委) from a suffix; ``tagged``
    are the spans the trained tagger reads as organizations (sentence offsets).
    """
    from kg.nlp import phrases
    from kg.nlp.mentions import Mention

    suffixes, _, not_orgs, _, _, _, _ = _vocab()
    stops = frozenset(load("places")["left_stops"])
    text = "".join(t.word for t in tokens)  # the sentence, for what stands around a name
    out = []
    for begin, end, _suffix in phrases.ending_in(tokens, suffixes, not_orgs, stops):
        first = next(t for t in tokens if t.begin == begin)
        # 联盟|成员|湖北|水上|救援队: common nouns run into the name; the name starts at the place inside.
        inner = next((t for t in tokens if begin < t.begin < end and t.flag in ("ns", "nt", "nz")), first)
        skipped = [t for t in tokens if begin <= t.begin < inner.begin]
        if (
            skipped
            and len(inner.word) > 1
            and all(len(t.word) > 1 and t.flag in ("n", "j", "vn", "b") for t in skipped)
            and skipped[-1].flag == "n"
            and not org_suffix(skipped[-1].word)
            and (not phrases.proper(first) or inner.flag == "ns")
        ):
            first, begin = inner, inner.begin  # not 人|社部, nor 某某集团|北京分公司
        if (lead := _lead(tokens, begin)) is not None:
            first, begin = lead  # 国家|发改委, 某市|林业|和|园林局: the words before the phrase are its name's
        surface = "".join(t.word for t in tokens if begin <= t.begin and t.end <= end)
        if not (phrases.proper(first) or surface.startswith(_STARTS)) or is_role(surface) or not is_org_name(surface):
            continue
        if not specific(surface) or any(t.end == begin and t.word in _DEMONSTRATIVES for t in tokens):
            continue  # 这|类产品银行: what a demonstrative opens describes, it names no one
        head = next(t for t in tokens if t.end == end)
        if _suffix == "中心" and goal(text, begin, end):
            continue  # 加快建设某某国际航运中心, 某某金融中心建设: a role a city aims at, not a body
        if any(t.begin == end and t.word in _UNIT_AFTER for t in tokens):
            continue  # 某某中心日报|室: the suffix is part of a unit's word; the body before it is named alone
        if (
            _risky_head(head.word, _suffix)
            and not any(b <= head.begin and head.end <= e for b, e in tagged)
            and not (head.flag == "nt" or any(t.end == head.begin and gazetteer.is_area(t.word) for t in tokens))
        ):
            continue  # …but 某省|民政厅, 某市|法制办: a body's word after its area (the tagger may read a place)
        if head.word == "处" and _LOCATIVE.search(text, 0, begin) and not _holds_org(surface[:-1]):
            continue  # 停在某某路口的斑马线处: 在…处 is "at … spot", a place
        if _suffix in _vocab()[5] and is_place(surface[: -len(_suffix)]):
            continue  # 某市中心 is the middle of a city
        if head.word in _not_heads() or _REGION.fullmatch(head.word):
            continue  # 某某市中心, 某某总部, 某省中西部: a word that merely ends like a type
        # 住|建部: the tagger reads a name one character further left (jieba cut it off) than the phrase starts.
        starts = {t.begin for t in tokens if len(t.word) == 1 and "\u4e00" <= t.word <= "\u9fff"}
        wider = min((b for b, e in tagged if e == end and b == begin - 1 and b in starts), default=begin)
        if wider < begin:
            surface, begin = "".join(t.word for t in tokens if wider <= t.begin and t.end <= end), wider
            if not surface or not specific(surface):
                continue
        # 某省某市某镇某某中学: the places before a school or a company locate it; its name is what follows.
        if (at := _after_places(tokens, begin, end)) > begin:
            surface, begin = surface[at - begin :], at
        # 某县委县政府, 某市委市政府: two organizations written as one.
        pair = _PAIR.fullmatch(surface)
        parts = [(begin, begin + pair.end(1)), (begin + pair.end(1), end)] if pair else [(begin, end)]
        for b, e in parts:
            name = surface[b - begin : e - begin]
            parent = out[-1] if out and out[-1].end == offset + b and name.endswith(_BRANCHES) else None
            if parent is not None:  # 某某银行|某市分行: a branch is named after its parent
                out.pop()
                b, name = parent.begin - offset, parent.surface + name
            org = canonical(name, qualify)
            out.append(Mention(offset + b, offset + e, name, "org", org.name, org.aliases, cue="suffix"))
    return out


def _lead(tokens, begin: int):
    """(first token, begin) of the words before a phrase that belong to its name: a national prefix (国家|
    发改委), or an area, a noun and 和 (某市|林业|和|园林局, 工业|和|信息化部 as one body: the noun names no
    body of its own); None when there are none."""
    before = [t for t in tokens if t.end <= begin]
    if before and before[-1].end == begin and before[-1].word in _NATIONAL:
        return before[-1], before[-1].begin
    if (
        len(before) >= 3
        and before[-1].word == "和"
        and before[-2].flag in ("n", "vn")
        and not org_suffix(before[-2].word)
    ):
        area = before[-3]
        if gazetteer.is_area(area.word) or area.word in _NATIONAL:
            return area, area.begin
    return None


_BRANCHES = ("分行", "支行", "分公司", "营业部")


def _holds_org(text: str) -> bool:
    """Whether text holds an organization's name (市规划局|规划处): some stretch of it ends in a type."""
    return any(is_org_name(text[:k]) for k in range(2, len(text) + 1))


# 在 (or 位于, 于) earlier in the clause, no mark between: the frame 在…处 of a spot.
_LOCATIVE = re.compile(r"[在于][^，。；：！？、]*$")


_REGION = re.compile(r"[东南西北中]{1,3}部")  # 中西部, 东北部: a part of a place
_REGION_END = re.compile(r"(?:[省市县州国]|[东南西北])[东南西北中]{1,2}部$")
_UNIT_AFTER = frozenset({"室", "科", "股", "组", "栏目", "版"})
_GOAL = re.compile(r"(?:[、和及与][^，。；、和及与]{2,20}?中心)*(?:的)?建设(?:[，。；、]|$|步伐|进程)")
_BUILDING = r"(?:建设|打造|建成|加快|成为|构建|定位为?)"
_GOAL_BEFORE = re.compile(_BUILDING + "$")
_GOAL_OPENS = re.compile(_BUILDING)


def goal(text: str, begin: int, end: int) -> bool:
    """A 中心 a place aims to be, not a body: a verb of building before it, or 建设 after the list it ends
    (加快某某航运中心、某某物流中心和某某金融中心建设)."""
    if not text.endswith("中心", 0, end):
        return False
    return bool(_GOAL_BEFORE.search(text, 0, begin) or _GOAL_OPENS.match(text, begin) or _GOAL.match(text, end))


_DEMONSTRATIVES = frozenset({"这", "那", "该", "此", "各", "每", "这些", "那些", "这种", "那种"})
_DETERMINERS = re.compile(
    r"^(?:一家|一个|一所|这|那|该|某|本|各|多家|两家|几家|有关|相关|当地|新一届|本届|上一届|下一届|历届|新任|下称|以下简称|简称)"
    r"|[一两几多]家|部门$"
    r"|[0-9一二两三四五六七八九十百千几多]+[所家个座处条名位院]"  # a count (两所小学, 172处), not a name
)


def specific(name: str) -> bool:
    """Whether a name names one body, not a kind of body: not a generic head (公司), not led by a
    determiner (一家银行, 该公司), not generic descriptors and a type (外贸公司, 中资银行, 城市商业银行).

    >>> specific("兴业银行"), specific("中资银行"), specific("广州一家银行"), specific("央视")
    (True, False, False, True)
    """
    if len(name) < 2 or name in _vocab()[2] or is_type_word(name) or _DETERMINERS.search(name):
        return False
    if name.endswith(tuple(_not_heads())) or _REGION_END.search(name):
        return False  # 某某总部, 某某市中心, 某省中西部: a place
    descriptors, heads = _generic()
    head = next((h for h in heads if name.endswith(h)), None)
    if head is None:
        return True
    stem = name[: -len(head)]
    while stem:
        word = next((d for d in descriptors if stem.startswith(d)), None)
        if word is None:
            return True
        stem = stem[len(word) :]
    return False


@functools.cache
def _generic() -> tuple[tuple[str, ...], tuple[str, ...]]:
    lexicon = load("orgs")
    return longest_first(lexicon["generic_descriptors"]), longest_first(lexicon["generic_heads"])


@functools.cache
def _not_heads() -> frozenset[str]:
    return frozenset(load("orgs")["not_heads"])


_RURAL = ("镇", "乡", "村", "街道")


def _after_places(tokens, begin: int, end: int) -> int:
    """Where the name proper starts in a non-government organization's phrase that opens with two places
    or more (areas of the gazetteer, then towns and villages: 某省某市某镇某某中学), when a proper word
    starts it there; else begin. A company keeps its places (湖南长沙某乳业有限公司 is its name)."""
    inside = [t for t in tokens if begin <= t.begin and t.end <= end]
    surface = "".join(t.word for t in inside)
    if surface.endswith(GOVERNMENT):
        return begin
    places = 0
    for t in inside[:-1]:
        if gazetteer.is_area(t.word) or (len(t.word) >= 3 and t.word.endswith(_RURAL)):
            places += 1
            continue
        rest = surface[t.begin - begin :]
        if places >= 2 and t.flag in ("nz", "nr", "ns", "j", "nt") and is_org_name(rest) and not is_type_word(rest):
            # A company is registered with the places it is written with (湖南长沙某乳业有限公司), unless its
            # name opens with a place of its own; a school is named from its town (某市某镇|某塘初级中学).
            company = surface.endswith(("公司", "集团", "厂", "商行"))
            return t.begin if not company or (lead := gazetteer.find(rest)) and lead[0].begin == 0 else begin
        break
    return begin


def _risky_head(word: str, suffix: str) -> bool:
    """A dictionary word that merely ends in a one-character type suffix (阴凉处 a shady spot, 事关全局
    concerns the whole): a name only where the trained tagger reads an organization there too.

    >>> _risky_head("阴凉处", "处"), _risky_head("局", "局"), _risky_head("财政局", "局")
    (True, False, True)
    """
    return len(suffix) == 1 and len(word) > 2 and known_word(word) and word not in _vocab()[0]


_PAIR = re.compile(r"(.+?[省市县区]委)([省市县区](?:人民)?政府)")


def inherit_area(name: str, before: str) -> str:
    """A government body named without its area, after one that has it in the same chain (某市政府副秘书长、
    轨道交通建设办公室主任): it is that area's. Other names are as written.

    >>> inherit_area("轨道交通建设办公室", "深圳市人民政府"), inherit_area("某某公司", "深圳市人民政府")
    ('深圳市轨道交通建设办公室', '某某公司')
    """
    area = leading_area(before)
    if area is None or not name.endswith(GOVERNMENT) or leading_area(name) or has_place_prefix(name):
        return name
    return area + name


def canonical(surface: str, qualify) -> OrgName:
    """The full name of an organization and its other forms: 省医保局 -> 某省医疗保障局."""
    full = official(qualify(spell_areas(expand(spell_country(surface)))))
    if full == expand(surface) != surface and surface.startswith(
        tuple(s for s, _ in _vocab()[3] if s[0] not in "省市区县")
    ):
        full = surface  # 发改委 alone, of no area: kept as written (the long form without its area names no one)
    forms = {surface, expand(surface), qualify(surface)}
    if full.endswith("人民政府") and len(full) > 5:
        forms.add(full[:-4] + "政府")  # 某镇人民政府 is 某镇政府 as often as not
    return OrgName(full, tuple(sorted(forms - {full})))
