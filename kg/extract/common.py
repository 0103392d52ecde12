"""Small helpers the extractors share: evidence from a sentence, entities from mentions."""

from __future__ import annotations

import functools

from kg.extract.facts import Entity, Evidence
from kg.nlp import gazetteer
from kg.nlp.doc import Doc, Sent
from kg.nlp.gazetteer import Area
from kg.nlp.mentions import Mention
from kg.nlp.orgs import OrgName


def evidence(doc: Doc, sent: Sent) -> Evidence:
    return Evidence(doc.article.id, sent.begin, sent.end, sent.text)


def entity(m: Mention) -> Entity:
    if m.area is not None:
        return area_entity(m.area, m.aliases)
    return Entity(m.kind, m.name, m.aliases)


def area_entity(a: Area, aliases: tuple[str, ...] = ()) -> Entity:
    names = set(aliases)
    if a.alias and a.alias != a.name and len(a.alias) >= 2:
        names.add(a.alias)
    path = tuple(x.name for x in reversed(gazetteer.chain(a)))
    return Entity("place", a.name, tuple(sorted(names)), a.level, path)


@functools.lru_cache(maxsize=256)
def headline_area(headline: str) -> Entity | None:
    """The last administrative area a headline names with one reading (某地地震致15万人受灾): what an
    article is about when its sentences do not say."""
    found = [a for m in gazetteer.find(headline) if (a := one_reading(m.areas)) is not None]
    return area_entity(found[-1]) if found else None


def one_reading(areas) -> gazetteer.Area | None:
    """The area a name reads as: its only one, or the region when its readings are a region and a city
    inside it of the same short name (澳门: 澳门特别行政区 and its city 澳门)."""
    if len(areas) == 1:
        return areas[0]
    regions = [a for a in areas if a.level == "province"]
    if len(regions) == 1 and all(a.province == regions[0].name for a in areas):
        return regions[0]
    return None


def org_entity(org: OrgName) -> Entity:
    return Entity("org", org.name, org.aliases)


def person(name: str) -> Entity:
    return Entity("person", name)
