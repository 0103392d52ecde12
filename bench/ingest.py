"""Ingest throughput: the seed page replicated N times, and the CEC corpus when ../shared is present.

python bench/ingest.py [N]
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from kg.ingest import read_articles

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_a519de1940e34702.txt"
CEC = ROOT.parent / "shared" / "corpus" / "cec-emergency-events" / "raw" / "allSourceText"


def measure(label: str, paths: list[Path]) -> None:
    t0 = time.perf_counter()
    found = read_articles(paths, report=lambda e: None)
    dt = time.perf_counter() - t0
    chars = sum(len(a.text) for a in found)
    print(f"{label}: {len(found)} articles, {chars:,} chars in {dt:.2f} s = {chars / dt:,.0f} chars/s")


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    with tempfile.TemporaryDirectory() as tmp:
        text = SEED.read_text("utf-8")
        for k in range(n):
            (Path(tmp) / f"page{k:04d}.txt").write_text(text, "utf-8")
        measure(f"seed page x{n}", [Path(tmp)])
    if CEC.is_dir():
        measure("CEC corpus (332 files)", [CEC])


if __name__ == "__main__":
    main()
