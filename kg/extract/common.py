"""Small helpers the extractors share: evidence from a sentence, entities from mentions."""

from __future__ import annotations

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


def org_entity(org: OrgName) -> Entity:
    return Entity("org", org.name, org.aliases)


def person(name: str) -> Entity:
    return Entity("person", name)
