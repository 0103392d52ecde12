"""The names government bodies go by: their area spelled in full (陕西公安厅 -> 陕西省公安厅), the official
form of a party committee or a government (某县县委 -> 某县委), and a state's body named by its country's
one-character short form (叙政府 -> 叙利亚政府)."""

from __future__ import annotations

import re

from kg.nlp import gazetteer
from kg.nlp.lexicon import load

# The types of a government body's name.
GOVERNMENT = (
    "厅",
    "局",
    "委",
    "政府",
    "法院",
    "检察院",
    "办",
    "办公室",
    "办公厅",
    "委员会",
    "人大",
    "政协",
    "党委",
    "纪委",
    "指挥部",
)


def spell_areas(name: str) -> str:
    """A government body's name starts at its own area, spelled in full: 陕西公安厅 -> 陕西省公安厅, and the
    province written before a county or city is dropped (江西某县公安局 -> 某县公安局), but not the city
    before a district (某市某某区文化旅游局 stays).

    >>> spell_areas("陕西公安厅"), spell_areas("浙江杭州市公安局"), spell_areas("杭州地铁集团")
    ('陕西省公安厅', '杭州市公安局', '杭州地铁集团')
    """
    if not name.endswith(GOVERNMENT):
        return name
    lead = []
    for m in gazetteer.find(name):
        if m.begin != (lead[-1].end if lead else 0) or len(m.areas) != 1:
            break
        lead.append(m)
    if not lead or lead[-1].end >= len(name):
        return name
    own = lead[-1].areas[0]
    if len(lead) > 1 and any(a.areas[0] not in gazetteer.chain(own) for a in lead[:-1]):
        return name  # areas that do not contain one another: not a place then its part
    written = name[: lead[-1].end]
    if own.name.endswith("区") and own.city and own.city[:2] in written[: -len(own.name) + 1 or None]:
        return own.city + own.name + name[lead[-1].end :]  # many cities have a 鼓楼区: the city stays
    return own.name + name[lead[-1].end :]


_DOUBLED = re.compile(r"([省市县区州])\1委$")
GOVERNMENT_OF = re.compile(r"([省市县区州])\1?政府$")


def official(name: str) -> str:
    """The name an area's party committee and government go by: 某县县委 -> 某县委, 某县县政府 and 某市政府
    -> 某县人民政府, 某市人民政府.

    >>> official("华县县委"), official("某市政府"), official("某县县政府"), official("某市人民政府")
    ('华县委', '某市人民政府', '某县人民政府', '某市人民政府')
    """
    return GOVERNMENT_OF.sub(r"\1人民政府", _DOUBLED.sub(r"\1委", name))


def leading_area(name: str) -> str | None:
    """The administrative area a name opens with, as written: 某市人民政府 -> 某市."""
    found = gazetteer.find(name)
    return found[0].surface if found and found[0].begin == 0 and found[0].end < len(name) else None


_STATE_BODY = re.compile(r"(?:政府|外交部|国防部|内政部|财政部|国务院|议会|总统府|军方)")


def spell_country(name: str) -> str:
    """A state's body named by the country's one-character short form: 叙政府 -> 叙利亚政府, 俄外交部 ->
    俄罗斯外交部 (people.toml's country_abbreviations).

    >>> spell_country("叙政府"), spell_country("俄外交部"), spell_country("市政府")
    ('叙利亚政府', '俄罗斯外交部', '市政府')
    """
    countries = load("people")["country_abbreviations"]
    if name[:1] in countries and _STATE_BODY.fullmatch(name, 1):
        return countries[name[0]] + name[1:]
    return name
