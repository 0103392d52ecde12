"""Containment: a place in a place, a unit in an organization, and the gazetteer's own chain."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from kg.extract.common import area_entity, entity, evidence, org_entity
from kg.extract.facts import Contained, Entity, Gazetteer
from kg.models import Article
from kg.nlp import gazetteer, orgs
from kg.nlp.doc import Doc, Sent, analyse
from kg.nlp.lexicon import load
from kg.nlp.mentions import Mention

# Connectors that state where the sentence's topic lies when no place stands right before them.
_TOPIC_CONNECTORS = ("位于", "地处", "坐落于", "坐落在")
_NEAR = re.compile(r"[东南西北]{1,2}(?:方向)?(?:约|大约)?\d|以[东南西北]|[东南西北]{1,2}部?约?\d|附近|周边|一带")
_LIST_OPENER = re.compile(r"(?:不仅|还)?(?:有|拥有|包括|包含)$")


@functools.cache
def _patterns() -> tuple[tuple[bool, re.Pattern, re.Pattern], ...]:
    """(child first?, connector, what must follow the second place) for each pattern of the lexicon."""
    out = []
    for p in load("places")["containment_patterns"]:
        m = re.fullmatch(r"\{(child|parent)\}(.*?)\{(child|parent)\}(.*)", p)
        if m is None:
            raise ValueError(f"kg/nlp/lexicons/places.toml: bad containment pattern {p!r}")
        out.append((m.group(1) == "child", re.compile(m.group(2) + "$"), re.compile(m.group(4))))
    return tuple(out)


def extract(article: Article) -> Iterator[Contained]:
    doc = analyse(article)
    chained: set[str] = set()
    for s in doc.sents:
        places = doc.in_sent(s, "place")
        yield from _stated(doc, s, places)
        yield from _listed(doc, s, places)
        for m in places:
            if m.locator:  # 某区某某小区
                yield _fact(doc, s, entity(m), area_entity(m.locator), "text")
            if m.within:  # 某镇某村
                yield _fact(doc, s, entity(m), Entity("place", m.within), "text")
            if m.area is not None and m.area.name not in chained:  # the gazetteer's chain, once an article
                chained.add(m.area.name)
                yield from _chain(doc, s, m)
        for m in doc.in_sent(s, "org"):
            yield from _units(doc, s, m)


def _stated(doc: Doc, s: Sent, places: list[Mention]) -> Iterator[Contained]:
    text = doc.article.text
    topic = _topic(s, places, doc.in_sent(s, "org"))
    for j, b in enumerate(places):
        for a in places[:j]:
            gap = text[a.end : b.begin]
            if len(gap) > 6 or a.end > b.begin:
                continue
            for child_first, connector, tail in _patterns():
                if connector.fullmatch(gap) and tail.match(text, b.end):
                    child, parent = (a, b) if child_first else (b, a)
                    if _plausible(text, child, parent):
                        yield _fact(doc, s, entity(child), entity(parent), "text")
                    break
        connector = next((c for c in _TOPIC_CONNECTORS if text.endswith(c, s.begin, b.begin)), None)
        if connector and topic is not None and topic is not b and _plausible(text, topic, b):
            if not any(p.end == b.begin - len(connector) for p in places):
                yield _fact(doc, s, entity(topic), entity(b), "text")


def _plausible(text: str, child: Mention, parent: Mention) -> bool:
    """Drop what the text cannot mean: 位于某市东北69公里 places something near the city, not in it; and
    two administrative areas lie in each other only as the gazetteer says."""
    if _NEAR.match(text, parent.end):
        return False
    if child.area is not None and parent.area is not None:
        return parent.area in gazetteer.chain(child.area)[1:]
    return True


def _topic(s: Sent, places: list[Mention], orgs: list[Mention]) -> Mention | None:
    """The place a sentence is about: the last one before its first comma."""
    comma = s.text.find("，")
    if comma < 0:
        return None
    # A place inside an organization's name (某州委宣传部) is not what the sentence is about.
    before = [
        m for m in places if m.end <= s.begin + comma and not any(o.begin <= m.begin and m.end <= o.end for o in orgs)
    ]
    return before[-1] if before else None


def _listed(doc: Doc, s: Sent, places: list[Mention]) -> Iterator[Contained]:
    """甲不仅有乙、丙等商业地标: 乙 and 丙 lie in 甲."""
    text = doc.article.text
    items = [m for m in places if m.cue == "class"]
    if not items:
        return
    first = items[0]
    for parent in reversed([m for m in places if m.end <= first.begin and m.cue != "class"]):
        if _LIST_OPENER.search(text[parent.end : first.begin]):
            for item in items:
                yield _fact(doc, s, entity(item), entity(parent), "text")
        break


def _chain(doc: Doc, s: Sent, m: Mention) -> Iterator[Contained]:
    """The gazetteer's chain above a named area: its source is the gazetteer, not the sentence (which
    names only the area; the sentence stays as the fact's place in the article, for the quarantine)."""
    areas = gazetteer.chain(m.area)
    source = Gazetteer(gazetteer.SOURCE_NAME, gazetteer.version())
    for child, parent in zip(areas, areas[1:], strict=False):
        yield Contained(
            evidence=evidence(doc, s),
            child=area_entity(child),
            parent=area_entity(parent),
            source="gazetteer",
            gazetteer=source,
        )


def _units(doc: Doc, s: Sent, m: Mention) -> Iterator[Contained]:
    """某某大学财政金融学院 is a unit of 某某大学; 某市委组织部 of 某市委."""
    name, aliases = m.name, m.aliases
    while (split := orgs.split_parent(name)) is not None:
        parent, unit = split
        child_entity = entity(m) if name == m.name else Entity("org", name, aliases)
        # The parent keeps the forms the child was printed in: 国家发改委 of 国家发改委气候司.
        aliases = tuple(
            sorted({a[: -len(unit)] for a in aliases if a.endswith(unit) and len(a) > len(unit)} - {parent})
        )
        yield _fact(doc, s, child_entity, org_entity(orgs.OrgName(parent, aliases)), "name")
        name = parent


def _fact(doc: Doc, s: Sent, child: Entity, parent: Entity, source: str) -> Contained:
    return Contained(evidence=evidence(doc, s), child=child, parent=parent, source=source)
