"""Extraction throughput against its floor, jieba's part-of-speech segmentation of the same text.

python bench/extract.py            # the CEC corpus when ../shared is present, else the seed page
python bench/extract.py --profile  # and the ten most expensive functions (cProfile)
"""

from __future__ import annotations

import cProfile
import pstats
import sys
import time
from pathlib import Path

from kg.extract import extract
from kg.ingest import read_articles
from kg.nlp import doc as nlp_doc
from kg.nlp.segment import tokens

ROOT = Path(__file__).resolve().parent.parent
CEC = ROOT.parent / "shared" / "corpus" / "cec-emergency-events" / "raw" / "allSourceText"


def main() -> None:
    source = CEC if CEC.is_dir() else ROOT / "seeds"
    articles = read_articles([source], report=lambda e: None)
    chars = sum(len(a.text) for a in articles)
    tokens("预热")  # load jieba's dictionary outside the timings
    extract(articles[0])
    nlp_doc.analyse.cache_clear()

    t0 = time.perf_counter()
    for a in articles:
        tokens(a.text)
    floor = time.perf_counter() - t0

    profiler = cProfile.Profile() if "--profile" in sys.argv else None
    t0 = time.perf_counter()
    if profiler:
        profiler.enable()
    facts = sum(len(extract(a)) for a in articles)
    if profiler:
        profiler.disable()
    full = time.perf_counter() - t0

    print(f"{source.name}: {len(articles)} articles, {chars:,} chars, {facts:,} facts")
    print(f"jieba.posseg alone : {floor:6.2f} s  {chars / floor:10,.0f} chars/s")
    print(f"kg extract         : {full:6.2f} s  {chars / full:10,.0f} chars/s  ({floor / full:.0%} of jieba's rate)")
    if profiler:
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(15)


if __name__ == "__main__":
    main()
