"""The build's throughput against jieba.posseg's, in one process, in the same run.

What `kg build CORPUS -o out.nq` does (read, extract with the tagger, map, SHACL-check, serialise), in
this process with models and lexicons loaded first, against jieba.posseg.cut alone over the same
texts (its dictionary loaded first). The two are timed back to back, ROUNDS times; each round gives a
ratio, jieba's time over the build's (1.0 would mean the whole build costs no more than segmenting
the text), and the median of the rounds is the figure: a noisy machine slows the two runs of a round
alike far more often than it slows two runs minutes apart.

python bench/throughput.py [FACTOR] [--rounds N]     # default 3 copies of the scale corpus, 5 rounds
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import scale  # noqa: E402

from kg.extract.warm import warm  # noqa: E402
from kg.pipeline import run  # noqa: E402


def build_once(folder: Path, out: Path) -> float:
    t0 = time.perf_counter()
    result = run([folder])
    out.write_bytes(result.dataset.serialize(format="nquads", encoding="utf-8"))
    return time.perf_counter() - t0


def main() -> None:
    parser = argparse.ArgumentParser(description="The build's rate against jieba.posseg's, in one process.")
    parser.add_argument("factor", nargs="?", type=int, default=3, help="copies of the scale corpus")
    parser.add_argument("--rounds", type=int, default=5, help="build and jieba back to back, this many times")
    args = parser.parse_args()
    factor, rounds = args.factor, args.rounds
    records = scale.base_corpus()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        chars, size = scale.write_corpus(folder, records, factor)
        warm()
        scale.jieba_floor(records, 1)  # jieba's dictionary and caches, before timing
        builds, floors = [], []
        for _ in range(rounds):
            floors.append(scale.jieba_floor(records, factor))
            builds.append(build_once(folder, Path(tmp) / "out.nq"))
    b, j = statistics.median(builds), statistics.median(floors)
    ratios = sorted(f / x for f, x in zip(floors, builds, strict=True))
    print(f"{len(records) * factor} articles, {chars:,} characters ({size / 1e6:.1f} MB)")
    print(f"build  {b:6.1f} s  {chars / b:9,.0f} chars/s   (runs: {', '.join(f'{x:.1f}' for x in builds)})")
    print(f"jieba  {j:6.1f} s  {chars / j:9,.0f} chars/s   (runs: {', '.join(f'{x:.1f}' for x in floors)})")
    print(f"build / jieba.posseg rate, per round: {', '.join(f'{r:.2f}' for r in ratios)}")
    print(f"median: {statistics.median(ratios):.2f}x")


if __name__ == "__main__":
    main()
