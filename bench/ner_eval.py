"""The tagger on held-out splits: precision, recall and F1 per type, exact spans, and its speed.

Splits (in ../shared/corpus, never trained on): CLUENER dev (Sina news; name, position, organization),
Resume dev, People's Daily 1998 NER dev (PER, ORG, LOC). jieba alone (its nr words as people) is the
baseline for people. The speed is the tagger's (features and CRF, on jieba's tokens that kg has
already) against jieba.posseg alone on the same text, in the same run.

    python bench/ner_eval.py [MODEL] [--threshold P]     # writes bench/results/ner.md
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
RESULTS = ROOT / "bench" / "results"
SPLITS = {
    "CLUENER dev": (CORPUS / "cluener2020" / "dev.json", ("PER", "POS", "ORG")),
    "Resume dev": (CORPUS / "resume-ner" / "dev.char.bmes", ("PER", "POS", "ORG")),
    "People's Daily dev": (CORPUS / "peopledaily1998-ner" / "example.dev", ("PER", "ORG", "LOC")),
}


def score(gold: set, found: set) -> tuple[float, float, float]:
    tp = len(gold & found)
    p = tp / len(found) if found else 0.0
    r = tp / len(gold) if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main() -> None:
    from kg.nlp import segment, tagger
    from kg.nlp.train import read

    args = sys.argv[1:]
    threshold = 0.0
    if "--threshold" in args:
        k = args.index("--threshold")
        threshold = float(args[k + 1])
        del args[k : k + 2]
    model = args[0] if args else None
    lines = [
        f"Model: `{model or tagger.default_model().relative_to(ROOT)}`, confidence threshold {threshold}.",
        "",
        "| split | type | gold | P | R | F1 | jieba alone (people): P / R / F1 |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    import jieba.posseg as posseg

    jieba_s = tag_s = hmm_s = 0.0
    for split, (path, kinds) in SPLITS.items():
        gold, found, baseline = set(), set(), set()
        for n, (text, spans) in enumerate(read(path)):
            gold |= {(n, b, e, k) for b, e, k in spans}
            t0 = time.perf_counter()
            toks = segment.tokens(text)
            t1 = time.perf_counter()
            spans_found = tagger.tag(text, toks, model)
            t2 = time.perf_counter()
            jieba_s, tag_s = jieba_s + t1 - t0, tag_s + t2 - t1
            found |= {(n, s.begin, s.end, s.kind) for s in spans_found if s.confidence >= threshold}
            t3 = time.perf_counter()
            full = list(posseg.cut(text))  # jieba as it comes, HMM and all: the baseline, and the clock
            hmm_s += time.perf_counter() - t3
            at = 0
            for pair in full:
                if pair.flag in ("nr", "nrfg", "nrt"):
                    baseline.add((n, at, at + len(pair.word), "PER"))
                at += len(pair.word)
        for kind in kinds:
            g = {x for x in gold if x[3] == kind}
            p, r, f = score(g, {x for x in found if x[3] == kind})
            base = " / ".join(f"{v:.2f}" for v in score(g, baseline)) if kind == "PER" else ""
            lines.append(f"| {split} | {kind} | {len(g)} | {p:.2f} | {r:.2f} | {f:.2f} | {base} |")
    lines += ["", f"Speed: tagging (features and CRF) took {tag_s / hmm_s:.2f}× the time of jieba.posseg (with its"]
    lines.append(f"HMM, as it comes) on the same sentences ({hmm_s:.1f} s against {tag_s:.1f} s); kg.nlp.segment's")
    lines.append(f"tokens, which the tagger reads, took {jieba_s:.1f} s.")
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "ner.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
