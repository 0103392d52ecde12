"""Organizations kg names in CLUENER dev sentences (held out: measured, never tuned on), against the
spans CLUENER labels organization, government or company.

A name kg gives counts as right when it is a gold span, or a gold span with a place written before it
(kg qualifies 市公安局 with the city; CLUENER labels what is written); it counts as overlapping when it
overlaps a gold span of those types or of a name, position or address; else it is junk. The junk
is listed, for reading.

    python bench/orgs_cluener.py [--list N]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT.parent / "shared" / "corpus" / "cluener2020" / "dev.json"
ORG_TYPES = ("organization", "government", "company")


def main() -> None:
    import datetime as dt

    from kg.models import Article, Paragraph, SourceMeta
    from kg.nlp.doc import analyse

    show = int(sys.argv[sys.argv.index("--list") + 1]) if "--list" in sys.argv else 30
    right = overlap = junk = gold_n = found_gold = 0
    junk_list = []
    for k, line in enumerate(DEV.read_text("utf-8").splitlines()):
        rec = json.loads(line)
        text = rec["text"]
        gold, other = set(), set()
        for kind, names in rec.get("label", {}).items():
            for spans in names.values():
                for b, e in spans:
                    (gold if kind in ORG_TYPES else other).add((b, e + 1))
        gold_n += len(gold)
        a = Article(
            id=f"c{k}",
            path="dev",
            headlines=("",),
            paragraphs=(Paragraph(text),),
            offsets=tuple(range(len(text))),
            meta=SourceMeta(date=dt.date(2010, 1, 1)),
        )
        mentions = [m for m in analyse(a).mentions if m.kind == "org"]
        spans = {(m.begin, m.end) for m in mentions}
        found_gold += sum(1 for g in gold if g in spans)
        for m in mentions:
            if (m.begin, m.end) in gold:
                right += 1
            elif any(b <= m.begin and m.end == e for b, e in gold):
                right += 1  # the gold span with a place before the part kg marked
            elif any(m.begin < e and b < m.end for b, e in gold | other):
                overlap += 1
            else:
                junk += 1
                junk_list.append((m.surface, text[max(0, m.begin - 8) : m.end + 8]))
    total = right + overlap + junk
    print(f"CLUENER dev: {total} organizations named by kg; right {right / total:.2f}, overlapping a labelled span")
    print(f"{overlap / total:.2f}, junk {junk / total:.2f}; {found_gold} of {gold_n} gold organizations found exactly")
    print(f"(recall {found_gold / gold_n:.2f})")
    for surface, context in junk_list[:show]:
        print(f"  junk: {surface}  ({context})")


if __name__ == "__main__":
    main()
