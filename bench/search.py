"""Search on a large store: the time to build the index, and each search's median and worst time, in
the process (kg.query.search.Index) and through kg serve's /search (JSON), on a store built before.

python bench/search.py STORE      # e.g. the 100x store of bench/scale.py: kg build CORPUS --store STORE
Writes bench/results/search.md.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.query import search  # noqa: E402
from kg.store import open_store, version_of  # noqa: E402
from tests.conftest import serve, stop  # noqa: E402

# Texts of every length a reader types: a surname, two characters, a common word, a long name, none.
TEXTS = ["王", "李", "北京", "国务院", "人民政府", "地震", "中华人民共和国", "医院", "公司", "xyz", "会议", "市委书记"]
RUNS = 20


def timed(fn, runs=RUNS) -> tuple[float, float]:
    took = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        took.append(time.perf_counter() - start)
    return statistics.median(took) * 1000, max(took) * 1000


def main() -> None:
    store = Path(sys.argv[1])
    engine = open_store(store)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / search.INDEX
        start = time.perf_counter()
        search.build(engine, path, version_of(store)())
        build = time.perf_counter() - start
        index = search.Index(path)
        counts = index.counts()
        rows = [(t, index.search(t).total, *timed(lambda t=t: index.search(t))) for t in TEXTS]
        browse = [(s, *timed(lambda s=s: index.browse("person", s, 20, 100))) for s in search.SORTS]
    base, proc = serve(["--store", str(store)], Path(tempfile.gettempdir()) / "kg-bench-search.log")
    try:
        urllib.request.urlopen(base + "/search?q=x&format=json").read()  # the index, checked once

        def http(t):
            url = base + "/search?format=json&q=" + urllib.parse.quote(t)
            return lambda: urllib.request.urlopen(url).read()

        served = {t: timed(http(t)) for t in TEXTS}
    finally:
        stop(proc)
    lines = [
        f"Store: {store.name}, {counts.get('article', 0):,} articles; index of "
        + ", ".join(f"{n:,} {k}" for k, n in sorted(counts.items()))
        + f"; built in {build:.1f} s ({(Path(store) / search.INDEX).stat().st_size / 1e6:.1f} MB beside the store).",
        "",
        "| text | found | in process, median ms | worst ms | GET /search, median ms | worst ms |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for t, total, med, worst in rows:
        lines.append(f"| {t} | {total:,} | {med:.2f} | {worst:.2f} | {served[t][0]:.1f} | {served[t][1]:.1f} |")
    lines += ["", "| browse people, page 6, by | median ms | worst ms |", "| --- | --- | --- |"]
    lines += [f"| {s} | {med:.2f} | {worst:.2f} |" for s, med, worst in browse]
    out = ROOT / "bench" / "results" / "search.md"
    out.write_text("\n".join(lines) + "\n", "utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
