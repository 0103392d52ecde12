"""Write the hand-annotated sample of real articles (tests/gold/corpus.toml) from ../shared/corpus to a folder.

The corpus has no stated licence, so the sample is never committed: this script rebuilds it anywhere.

    python bench/corpus_sample.py /tmp/kg-sample && kg eval tests/gold/corpus.toml /tmp/kg-sample
    python bench/corpus_sample.py /tmp/kg-blind tests/gold/corpus-blind.toml
"""

from __future__ import annotations

import json
import shutil
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
SOGOU = CORPUS / "sogou-news-mini" / "sogou_mini_2012.jsonl"
CEC = CORPUS / "cec-emergency-events" / "raw" / "allSourceText"


def build(out: Path, gold: Path = ROOT / "tests" / "gold" / "corpus.toml") -> Path:
    sample = tomllib.loads(gold.read_text(encoding="utf-8"))["sample"]
    out.mkdir(parents=True, exist_ok=True)
    wanted = set(sample["sogou"])
    records = []
    for line in SOGOU.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        if r["docno"] in wanted:
            records.append({"id": r["docno"], "date": r["date_from_url"], "headline": r["title"], "text": r["content"]})
    records.sort(key=lambda r: r["id"])
    (out / "sogou.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")
    for name in sample["cec"]:
        shutil.copyfile(CEC / name, out / name)
    return out


if __name__ == "__main__":
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/kg-sample")
    print(build(out, Path(sys.argv[2])) if len(sys.argv) > 2 else build(out))
