"""Validation time at 10k, 100k and 1M quads: graph by graph (kg's design) against one pyshacl call on the union.

The seed page's graph is replicated: each copy gets new article, sentence and observation IRIs (so each copy
is new articles) while people, organizations, places, posts and events stay shared, as in a real archive.

python bench/validate.py [SIZE...]      # default 10000 100000 1000000
"""

from __future__ import annotations

import datetime as dt
import resource
import sys
import tempfile
import time
from pathlib import Path

from rdflib import Dataset, URIRef

from kg import validate as validation
from kg.pipeline import run
from kg.store import files

ROOT = Path(__file__).resolve().parent.parent


def replicate(seed: Dataset, copies: int) -> Dataset:
    out = Dataset()
    quads = list(seed.quads((None, None, None, None)))

    def rename(term, k):
        if isinstance(term, URIRef) and ("/article/" in term or "/observation/" in term):
            return URIRef(term.replace("/article/", f"/article/c{k}-").replace("/observation/", f"/observation/c{k}-"))
        return term

    for k in range(copies):
        for s, p, o, g in quads:
            out.graph(rename(g.identifier if hasattr(g, "identifier") else g, k)).add((rename(s, k), p, rename(o, k)))
    return out


def timed(fn):
    t0 = time.perf_counter()
    value = fn()
    return value, time.perf_counter() - t0


def main() -> None:
    sizes = [int(x) for x in sys.argv[1:]] or [10_000, 100_000, 1_000_000]
    seed = run([ROOT / "seeds"], date=dt.date(2023, 12, 27), validate=False).dataset
    per_copy = sum(1 for _ in seed.quads((None, None, None, None)))
    shapes = validation.shapes_graph()
    print(
        "| quads | graphs | distinct triples | write TriG | parse TriG | kg validate (union) | --per-graph "
        "| naive: all shapes on the union | peak RSS |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for size in sizes:
        data = replicate(seed, max(1, round(size / per_copy)))
        n = sum(1 for _ in data.quads((None, None, None, None)))
        graphs = len(files.by_graph(data))
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "g.trig"
            _, write_s = timed(lambda d=data, p=path: files.write(d, p, "trig"))
            loaded, parse_s = timed(lambda p=path: files.read([p]))
        distinct = len(files.union(loaded))
        report, union_s = timed(lambda d=loaded: validation.validate_dataset(d, shapes))
        assert report.conforms, report.results[:3]
        _, per_graph_s = timed(lambda d=loaded: validation.validate_dataset(d, shapes, per_graph=True))
        if n <= 150_000:  # the cycle constraints' SPARQL paths run once per place: far slower, skipped at 1M
            _, naive_s = timed(lambda d=loaded: validation.validate(files.union(d), shapes))
            naive = f"{naive_s:.1f} s"
        else:
            naive = "not run"
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(
            f"| {n:,} | {graphs:,} | {distinct:,} | {write_s:.1f} s | {parse_s:.1f} s | {union_s:.1f} s "
            f"| {per_graph_s:.1f} s | {naive} | {rss:,.0f} MB |",
            flush=True,
        )


if __name__ == "__main__":
    main()
