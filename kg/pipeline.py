"""The whole flow in one function: read -> extract -> map -> validate -> one named graph per article."""

from __future__ import annotations

import datetime as dt
import functools
import multiprocessing
from collections import Counter
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Dataset

from kg.errors import InputError
from kg.extract import extract
from kg.extract.warm import warm
from kg.ingest import read_articles
from kg.models import Article
from kg.rdf.iris import DEFAULT_BASE, Minter
from kg.rdf.mapping import Mapped, map_article
from kg.validate import Quarantined, Validator

BATCH = 32  # articles per pyshacl run (one run over 32 costs about a third of 32 runs)


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
    jobs: int = 1,
    progress: Callable[[int, int], None] | None = None,
    scheduler: str | None = None,
    fields: dict[str, str] | None = None,
) -> Build:
    """Read, extract, map and (by default) validate; facts that violate a shape are quarantined.

    ``sink``, when given, receives each article's mapped triples as soon as they are checked (a store
    writes them there and then), and the returned dataset stays empty. ``jobs`` > 1 extracts, maps
    and checks articles in that many processes; the results come back in article order, so the
    graph is the same byte for byte. ``progress(done, total)`` is called after each article.
    ``scheduler`` (``tcp://host:8786``) sends the same work to a Dask cluster's workers instead; this
    process collects the results in article order and writes them. ``fields`` maps JSON Lines keys
    (kg.ingest.read_articles).
    """
    articles = read_articles(list(paths), date=date, report=report, fields=fields)
    out = Build(Dataset(), articles)
    step = functools.partial(_batch, base=base, validate=validate)
    # Batches of up to BATCH articles, at least four per worker so that the workers finish together (a
    # cluster's size is not known here: batches small enough for eight workers). The output is the same
    # whatever the batches.
    workers = 8 if scheduler else max(1, jobs)
    size = max(1, min(BATCH, -(-len(articles) // (workers * 4))))
    batches = [articles[i : i + size] for i in range(0, len(articles), size)]
    if articles and not scheduler:
        warm()  # before forking, so that --jobs workers share what it loaded
    if scheduler:
        _collect(out, _on_cluster(scheduler, step, batches), sink, progress)
    elif jobs > 1 and len(batches) > 1:
        with ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("fork")) as pool:
            _collect(out, pool.map(step, batches), sink, progress)
    else:
        _collect(out, map(step, batches), sink, progress)
    if validate and sink is None:
        out.quarantined += Validator().cross_check(out.dataset)
    return out


def _batch(articles: list[Article], base: str, validate: bool) -> list[tuple[Mapped, list[Quarantined]]]:
    """A few articles, start to end: extract and map each, check them in one pyshacl run (each still
    as if alone, see Validator.check_many). Runs in a worker process with --jobs or on a Dask worker;
    how articles are batched changes nothing in the result."""
    warm()
    mint = _minter(base)
    done = [map_article(a, extract(a), mint) for a in articles]
    if not validate:
        return [(mapped, []) for mapped in done]
    out = []
    for mapped, bad in zip(done, _validator().check_many(done), strict=True):
        mapped.facts = [(f, t) for f, t in mapped.facts if not any(q.fact is f for q in bad)]
        out.append((mapped, bad))
    return out


def _on_cluster(address: str, step, batches: list[list[Article]]):
    """Each batch's work on a Dask cluster, yielded in article order as results arrive."""
    try:
        from distributed import Client
    except ImportError:
        raise InputError(address, "Dask is not installed: pip install 'kg[dask]'") from None
    try:
        client = Client(address, timeout="10s")
    except OSError as e:
        raise InputError(address, f"cannot reach the Dask scheduler: {e}") from None
    with client:
        futures = client.map(step, batches, pure=False)
        for future in futures:
            yield future.result()


@functools.cache
def _validator() -> Validator:
    return Validator()


@functools.cache
def _minter(base: str) -> Minter:
    """One Minter per process and base, so that the IRIs it remembers serve every batch."""
    return Minter(base)


def _collect(out: Build, batches, sink, progress) -> None:
    done = 0
    for batch in batches:
        for mapped, bad in batch:
            out.quarantined += bad
            if sink is not None:
                sink(mapped)
                out.facts.update(f.type for f, _ in mapped.facts)
            else:
                _add(out, mapped)
            done += 1
            if progress is not None:
                progress(done, len(out.articles))


def build(paths: Iterable[str | Path], date: dt.date | None = None, base: str = DEFAULT_BASE) -> Dataset:
    """The graph of the articles in paths: one named graph per article, validated.

    >>> ds = build(["seeds/"], date=dt.date(2023, 12, 27))  # doctest: +SKIP
    """
    return run(paths, date=date, base=base).dataset


def _add(out: Build, mapped: Mapped) -> None:
    graph = out.dataset.graph(mapped.article)
    graph.addN((s, p, o, graph) for s, p, o in mapped.triples())
    out.facts.update(f.type for f, _ in mapped.facts)
