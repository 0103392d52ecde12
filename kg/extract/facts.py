"""Typed facts with their evidence: what extractors give and the RDF mapping reads."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class Evidence:
    """The sentence that states a fact: article[begin:end] == text."""

    article: str
    begin: int
    end: int
    text: str


@dataclass(frozen=True)
class Entity:
    """A person, organization or place by its canonical name; aliases are the other names it had."""

    kind: str  # person, org or place
    name: str
    aliases: tuple[str, ...] = ()
    level: str | None = None  # province, city or county for administrative areas
    path: tuple[str, ...] = ()  # an administrative area's chain, outermost first: (某省, 某市, 某区)


@dataclass(frozen=True)
class Gazetteer:
    """Reference data a fact was read from instead of a sentence: jionlp's administrative divisions."""

    name: str
    version: str


@dataclass(frozen=True, kw_only=True)
class Fact:
    evidence: Evidence

    @property
    def type(self) -> str:
        return _TYPES[type(self)]


@dataclass(frozen=True, kw_only=True)
class Mentioned(Fact):
    """The article names this entity."""

    entity: Entity


@dataclass(frozen=True, kw_only=True)
class Authored(Fact):
    """A byline: the person wrote the article as (role) of (org)."""

    person: Entity
    role: str
    org: Entity | None


@dataclass(frozen=True, kw_only=True)
class PostHeld(Fact):
    """A person holds (role) in (org), as of the article's date; status former/nominated/acting when said.

    org is None for a role whose organization the text does not give (教授, 主持人): still a holding."""

    person: Entity
    role: str
    org: Entity | None
    status: str | None = None
    as_of: dt.date | None = None


@dataclass(frozen=True, kw_only=True)
class OccupationHeld(Fact):
    """The person works as (occupation), in no organization the text names: 律师, 导演, 演员."""

    person: Entity
    occupation: str


@dataclass(frozen=True, kw_only=True)
class Contained(Fact):
    """child lies in parent (places) or is a unit of parent (organizations)."""

    child: Entity
    parent: Entity
    source: str  # text, name (a compound name) or gazetteer
    gazetteer: Gazetteer | None = None  # the data a gazetteer link came from (its evidence is no sentence)


@dataclass(frozen=True)
class Casualty:
    """A casualty count of an incident (死亡人数 3), with the sentence that states it."""

    variable: str
    value: Decimal
    approximate: bool
    evidence: Evidence
    unit: str = "人"  # 级 for an earthquake's magnitude


@dataclass(frozen=True, kw_only=True)
class EventFact(Fact):
    """A meeting, conference, forum, signing or release; or an incident, whose kind (火灾, 交通事故 …) is
    given, with its casualties."""

    name: str
    date: str | None = None  # ISO 8601: 2023-12-26, 2023-10 or 2023
    location: Entity | None = None
    organizers: tuple[Entity, ...] = ()
    attendees: tuple[Entity, ...] = ()
    subjects: tuple[str, ...] = ()  # what was released or signed
    kind: str | None = None  # an incident's kind: 交通事故, 火灾, 地震, 中毒, 袭击 …
    casualties: tuple[Casualty, ...] = ()
    more_evidence: tuple[Evidence, ...] = ()  # the next sentence, when it gave the place or the organizers


@dataclass(frozen=True, kw_only=True)
class Statistic(Fact):
    """A measured value about an entity: 1298.6亿元 of 社会消费品零售总额 for 某区 in 2023-01/2023-11."""

    about: Entity
    variable: str
    value: Decimal
    unit: str | None = None
    period: str | None = None
    approximate: bool = False
    upper: Decimal | None = None  # the upper bound of a range (10—15万元)


_TYPES = {
    Fact: "fact",
    Mentioned: "mention",
    Authored: "byline",
    PostHeld: "post",
    OccupationHeld: "occupation",
    Contained: "containment",
    EventFact: "event",
    Statistic: "statistic",
}


# What `kg facts --type` accepts: every kind an extractor gives.
TYPE_NAMES = tuple(sorted(name for cls, name in _TYPES.items() if cls is not Fact))


def as_dict(fact: Fact) -> dict:
    """A JSON-ready view of a fact: entities by name, dates and decimals as strings."""
    out: dict = {"type": fact.type}
    for name in fact.__dataclass_fields__:
        out[name] = _plain(getattr(fact, name))
    return out


def _plain(value):
    if isinstance(value, Entity):
        return value.name
    if isinstance(value, Gazetteer):
        return f"{value.name} {value.version}"
    if isinstance(value, Casualty):
        return {
            "variable": value.variable,
            "value": str(value.value),
            "unit": value.unit,
            "approximate": value.approximate,
        }
    if isinstance(value, Evidence):
        return {"article": value.article, "begin": value.begin, "end": value.end, "text": value.text}
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    if isinstance(value, Decimal | dt.date):
        return str(value)
    return value
