"""Saved-query latency of two builds on the same machine, runs interleaved: a change's cost measured
against the code before it, whatever the machine's speed that hour (it drifts by 30 % and more).

    python bench/compare.py OLD_STORE OLD_QUERIES NEW_STORE [QUERY...]

OLD_QUERIES is the queries/ folder of the old checkout (git worktree add /tmp/old REV); the new
queries are this checkout's. Values are the busiest in the new store (bench/scale.py's picks), paged
queries at their last page. Prints one row per query: the medians of nine runs of each, and the ratio.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import scale  # noqa: E402


def main() -> None:
    import pyoxigraph as ox

    from kg.query import saved
    from kg.store.oxigraph import OxigraphBackend

    old_store, old_queries, new_store, *only = sys.argv[1:]
    old = OxigraphBackend(ox.Store.read_only(old_store))
    new = OxigraphBackend(ox.Store.read_only(new_store))
    queries = {**saved.catalogue(), **{f"pages/{n}": q for n, q in saved.catalogue(saved.QUERIES / "pages").items()}}
    texts = {}
    for name, q in queries.items():
        if only and name not in only:
            continue
        values = {p.name: scale.candidates(new, name, p)[0] for p in q.params}
        if {"limit", "offset"} <= set(values):
            everything = len(new.query(q.render({**values, "limit": str(10**9), "offset": "0"})).rows)
            values["offset"] = str(max(0, everything - int(values["limit"])))
        before = saved.parse(Path(old_queries) / f"{name}.rq")
        texts[name] = (before.render(values), q.render(values))
    took: dict = {k: ([], []) for k in texts}
    for _ in range(10):  # the first round warms the caches and is not counted
        for k, (a, b) in texts.items():
            for engine, text, times in ((old, a, took[k][0]), (new, b, took[k][1])):
                t0 = time.perf_counter()
                engine.query(text)
                times.append(time.perf_counter() - t0)
    print("| saved query | before, median ms | after, median ms | after / before |")
    print("| --- | --- | --- | --- |")
    for k, (a, b) in took.items():
        ma, mb = statistics.median(a[1:]) * 1000, statistics.median(b[1:]) * 1000
        print(f"| {k} | {ma:.1f} | {mb:.1f} | {mb / ma:.2f} |")


if __name__ == "__main__":
    main()
