"""Precision and recall of the tagger's people and organizations at each confidence threshold, on
CLUENER dev (held out): how kg.nlp.tagger.PERSON_CONFIDENCE and ORG_CONFIDENCE were chosen. Writes
bench/results/ner-threshold.md.

    python bench/ner_threshold.py
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT.parent / "shared" / "corpus" / "cluener2020" / "dev.json"


def main() -> None:
    from kg.nlp import tagger
    from kg.nlp.train import read

    gold, found = set(), []
    for n, (text, spans) in enumerate(read(DEV)):
        gold |= {(n, b, e, k) for b, e, k in spans if k in ("PER", "ORG")}
        found += [((n, s.begin, s.end, s.kind), s.confidence) for s in tagger.tag(text) if s.kind in ("PER", "ORG")]
    lines = ["| type | threshold | found | P | R | F1 |", "| --- | --- | --- | --- | --- | --- |"]
    for kind in ("PER", "ORG"):
        want = {x for x in gold if x[3] == kind}
        for t in (0.0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9):
            kept = {x for x, c in found if c >= t and x[3] == kind}
            tp = len(kept & want)
            p, r = tp / len(kept), tp / len(want)
            lines.append(f"| {kind} | {t:.1f} | {len(kept)} | {p:.3f} | {r:.3f} | {2 * p * r / (p + r):.3f} |")
    out = ROOT / "bench" / "results" / "ner-threshold.md"
    head = "People and organizations on CLUENER dev by confidence threshold:\n\n"
    out.write_text(head + "\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
