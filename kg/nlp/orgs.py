"""Organization names: type suffixes, abbreviations, and the locale that 省/市 stand for."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

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
_STARTS = ("省", "市", "区", "县", "国家", "中国", "中央", "全国")


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
    out = []
    for begin, end, _suffix in phrases.ending_in(tokens, suffixes, not_orgs, stops):
        surface = "".join(t.word for t in tokens if begin <= t.begin and t.end <= end)
        first = next(t for t in tokens if t.begin == begin)
        if not (phrases.proper(first) or surface.startswith(_STARTS)) or is_role(surface) or not is_org_name(surface):
            continue
        head = next(t for t in tokens if t.end == end)
        if _risky_head(head.word, _suffix) and not any(b <= head.begin and head.end <= e for b, e in tagged):
            continue
        if _suffix in _vocab()[5] and is_place(surface[: -len(_suffix)]):
            continue  # 某市中心 is the middle of a city
        # 某县委县政府, 某市委市政府: two organizations written as one.
        pair = _PAIR.fullmatch(surface)
        parts = [(begin, begin + pair.end(1)), (begin + pair.end(1), end)] if pair else [(begin, end)]
        for b, e in parts:
            org = canonical(surface[b - begin : e - begin], qualify)
            out.append(
                Mention(
                    offset + b, offset + e, surface[b - begin : e - begin], "org", org.name, org.aliases, cue="suffix"
                )
            )
    return out


def _risky_head(word: str, suffix: str) -> bool:
    """A dictionary word that merely ends in a one-character type suffix (阴凉处 a shady spot, 事关全局
    concerns the whole): a name only where the trained tagger reads an organization there too.

    >>> _risky_head("阴凉处", "处"), _risky_head("局", "局"), _risky_head("财政局", "局")
    (True, False, True)
    """
    return len(suffix) == 1 and len(word) > 2 and known_word(word) and word not in _vocab()[0]


_PAIR = re.compile(r"(.+?[省市县区]委)([省市县区](?:人民)?政府)")


def canonical(surface: str, qualify) -> OrgName:
    """The full name of an organization and its other forms: 省医保局 -> 某省医疗保障局."""
    full = qualify(expand(surface))
    forms = {surface, expand(surface), qualify(surface)} - {full}
    return OrgName(full, tuple(sorted(forms)))
