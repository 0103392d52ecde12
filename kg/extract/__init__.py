"""extract: typed facts with their evidence, one extractor per kind of fact.

Owns the fact types (facts: PostHeld, Contained, EventFact, Statistic, ...) and the extractors,
each ``Article -> Iterable[Fact]``, run in the order EXTRACTORS lists them. Every fact carries the
sentence that states it or the gazetteer it came from.

May import: kg.nlp, kg.ingest (byline and dateline markers), kg.models, kg.errors. Nothing above.
"""

from __future__ import annotations

from kg.extract import bylines, containment, events, incidents, mentions, posts, statistics
from kg.extract.facts import (
    Authored,
    Contained,
    Entity,
    EventFact,
    Evidence,
    Fact,
    Mentioned,
    OccupationHeld,
    PostHeld,
    Statistic,
)
from kg.models import Article

EXTRACTORS = (
    mentions.extract,
    bylines.extract,
    posts.extract,
    containment.extract,
    events.extract,
    incidents.extract,
    statistics.extract,
)


def extract(article: Article) -> list[Fact]:
    """Every fact of an article, each once, in a stable order."""
    out: list[Fact] = []
    seen: set[Fact] = set()
    for extractor in EXTRACTORS:
        for fact in extractor(article):
            if fact not in seen:
                seen.add(fact)
                out.append(fact)
    # 某报讯（记者张三）: the byline's 记者 at the paper makes the same sentence's bare 记者张三 redundant.
    placed = {(f.person, f.role, f.evidence) for f in out if isinstance(f, PostHeld) and f.org is not None}
    return [
        f for f in out if not (isinstance(f, PostHeld) and f.org is None and (f.person, f.role, f.evidence) in placed)
    ]


__all__ = [
    "EXTRACTORS",
    "Authored",
    "Contained",
    "Entity",
    "EventFact",
    "Evidence",
    "Fact",
    "Mentioned",
    "OccupationHeld",
    "PostHeld",
    "Statistic",
    "extract",
]
