"""The whole flow in one function: read -> extract -> map -> validate -> one named graph per article."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Dataset

from kg.errors import InputError
from kg.extract import extract
from kg.ingest import read_articles
from kg.models import Article
from kg.rdf.iris import DEFAULT_BASE, Minter
from kg.rdf.mapping import Mapped, map_article
from kg.validate import Quarantined, Validator


@dataclass
class Build:
    """A built graph and what happened on the way."""

    dataset: Dataset
    articles: list[Article] = field(default_factory=list)
    facts: Counter = field(default_factory=Counter)  # by type, kept in the graph
    quarantined: list[Quarantined] = field(default_factory=list)


def run(
    paths: Iterable[str | Path],
    date: dt.date | None = None,
    base: str = DEFAULT_BASE,
    validate: bool = True,
    report: Callable[[InputError], None] | None = None,
    sink: Callable[[Mapped], None] | None = None,
) -> Build:
    """Read, extract, map and (by default) validate; facts that violate a shape are quarantined.

    ``sink``, when given, receives each article's mapped triples as soon as they are checked (a store
    writes them there and then), and the returned dataset stays empty.
    """
    mint = Minter(base)
    articles = read_articles(list(paths), date=date, report=report)
    out = Build(Dataset(), articles)
    validator = Validator() if validate else None
    for article in articles:
        mapped = map_article(article, extract(article), mint)
        if validator is not None:
            bad = validator.check(mapped)
            out.quarantined += bad
            mapped.facts = [(f, t) for f, t in mapped.facts if not any(q.fact is f for q in bad)]
        if sink is not None:
            sink(mapped)
            out.facts.update(f.type for f, _ in mapped.facts)
        else:
            _add(out, mapped)
    if validator is not None and sink is None:
        out.quarantined += validator.cross_check(out.dataset)
    return out


def build(paths: Iterable[str | Path], date: dt.date | None = None, base: str = DEFAULT_BASE) -> Dataset:
    """The graph of the articles in paths: one named graph per article, validated.

    >>> ds = build(["seeds/"], date=dt.date(2023, 12, 27))  # doctest: +SKIP
    """
    return run(paths, date=date, base=base).dataset


def _add(out: Build, mapped: Mapped) -> None:
    graph = out.dataset.graph(mapped.article)
    graph.addN((s, p, o, graph) for s, p, o in mapped.triples())
    out.facts.update(f.type for f, _ in mapped.facts)
