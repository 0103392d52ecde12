"""Where a store build spends its time, stage by stage, on the scale corpus (see bench/scale.py).

Runs what `kg build --store` runs, in this process, timing each stage on its own: reading, extraction
(with jieba's share inside it), mapping to RDF, SHACL checks (32 articles a run), and the store writes;
then jieba.posseg.cut alone over the same text, the floor. With --profile, the build runs under
cProfile and the most expensive functions are printed.

python bench/stages.py [FACTOR] [--profile]     # default 10
"""

from __future__ import annotations

import cProfile
import pstats
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import scale  # noqa: E402

from kg.extract import extract  # noqa: E402
from kg.extract.warm import warm  # noqa: E402
from kg.ingest import read_articles  # noqa: E402
from kg.nlp import doc as nlp_doc  # noqa: E402
from kg.nlp import segment  # noqa: E402
from kg.pipeline import BATCH  # noqa: E402
from kg.rdf.iris import DEFAULT_BASE, Minter  # noqa: E402
from kg.rdf.mapping import map_article  # noqa: E402
from kg.store.oxigraph import LocalStore  # noqa: E402
from kg.validate import Validator  # noqa: E402


def stages(folder: Path, store: Path) -> dict[str, float]:
    spent = {"jieba inside extraction": 0.0}
    real = segment.tokens

    def counted(text, *args):
        t0 = time.perf_counter()
        out = real(text, *args)
        spent["jieba inside extraction"] += time.perf_counter() - t0
        return out

    nlp_doc.tokens = counted
    t0 = time.perf_counter()
    warm()
    spent["load lexicons, jieba, jionlp"] = time.perf_counter() - t0
    spent["jieba inside extraction"] = 0.0
    t0 = time.perf_counter()
    articles = read_articles([folder])
    spent["read and clean"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    facts = [extract(a) for a in articles]
    spent["extraction"] = time.perf_counter() - t0
    mint = Minter(DEFAULT_BASE)
    t0 = time.perf_counter()
    mapped = [map_article(a, f, mint) for a, f in zip(articles, facts, strict=True)]
    spent["mapping to RDF"] = time.perf_counter() - t0
    validator = Validator()
    t0 = time.perf_counter()
    for i in range(0, len(mapped), BATCH):
        validator.check_many(mapped[i : i + BATCH])
    spent["SHACL checks"] = time.perf_counter() - t0
    target = LocalStore(store)
    t0 = time.perf_counter()
    for m in mapped:
        target.put(m.article, m.triples())
    target.flush()
    spent["store writes"] = time.perf_counter() - t0
    nlp_doc.tokens = real
    return spent


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    factor = int(args[0]) if args else 10
    with tempfile.TemporaryDirectory() as tmp:
        chars, _ = scale.write_corpus(Path(tmp) / "corpus", scale.base_corpus(), factor)
        if "--profile" in sys.argv:
            prof = cProfile.Profile()
            prof.runcall(stages, Path(tmp) / "corpus", Path(tmp) / "store")
            pstats.Stats(prof).sort_stats("tottime").print_stats(25)
            return
        spent = stages(Path(tmp) / "corpus", Path(tmp) / "store")
        shutil.rmtree(Path(tmp) / "store")
        floor = scale.jieba_floor(scale.base_corpus(), factor)
    total = sum(v for k, v in spent.items() if k != "jieba inside extraction")
    print(f"{factor}x: {chars:,} characters")
    print("| stage | seconds | share |")
    print("| --- | --- | --- |")
    for name, seconds in spent.items():
        print(f"| {name} | {seconds:.1f} | {seconds / total:.0%} |")
    print(f"| all stages | {total:.1f} | {chars / total / 1000:.1f}k chars/s |")
    print(f"| jieba.posseg.cut alone (the floor) | {floor:.1f} | {chars / floor / 1000:.1f}k chars/s |")


if __name__ == "__main__":
    main()
