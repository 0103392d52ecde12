"""(person, position) pairs of CLUENER dev (held out; the corpus's derived file, 145 pairs written
position-then-name): how many kg build states as a holding of that person with that role: a post
(org:Membership) or, for a profession held in no organization the text names (演员, 导演), an
occupation (schema:hasOccupation).

    python bench/pairs_cluener.py [-v]    # -v: list the pairs missed
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAIRS = ROOT.parent / "shared" / "corpus" / "cluener2020" / "derived_position_name_pairs.jsonl"


def main() -> None:
    from rdflib.namespace import ORG, SKOS

    from kg.pipeline import run
    from kg.rdf.vocab import SCHEMA
    from kg.store import files

    rows = [json.loads(x) for x in PAIRS.read_text("utf-8").splitlines()]
    rows = [r for r in rows if r["split"] == "dev"]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "dev.jsonl"
        records = [{"id": f"c{k}", "headline": r["text"][:20], "text": r["text"]} for k, r in enumerate(rows)]
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")
        g = files.union(run([path], jobs=2).dataset)
    held = set()
    for m in g.subjects(ORG.member, None):
        person = g.value(g.value(m, ORG.member), SCHEMA.name)
        role = g.value(g.value(m, ORG.role), SKOS.prefLabel)
        held.add((str(person), str(role)))
    posts = sum((r["name"], r["position"]) in held for r in rows)
    for p, job in g.subject_objects(SCHEMA.hasOccupation):
        held.add((str(g.value(p, SCHEMA.name)), str(g.value(job, SCHEMA.name))))
    hits = sum((r["name"], r["position"]) in held for r in rows)
    named = {str(n) for p in g.subjects(None, None) for n in g.objects(p, SCHEMA.name)}
    people = sum(r["name"] in named for r in rows)
    print(f"CLUENER dev, {len(rows)} (person, position) pairs: {hits} held ({hits / len(rows):.2f}), {posts} of them")
    print(f"as posts ({posts / len(rows):.2f});")
    print(f"the person found for {people} ({people / len(rows):.2f})")
    # CLUENER's position spans often carry the organization (埃及文化部长) or drop a modifier the text has
    # (经济师 of 高级经济师): held loosely when one title contains the other.
    loose = sum(any(n == r["name"] and (x in r["position"] or r["position"] in x) for n, x in held) for r in rows)
    print(f"held with either title containing the other: {loose} ({loose / len(rows):.2f})")
    if "-v" in sys.argv:  # the pairs missed, with what kg holds for that person
        for r in rows:
            if (r["name"], r["position"]) not in held:
                print(f"  missed: {r['name']} | {r['position']} | has {sorted(x for n, x in held if n == r['name'])}")


if __name__ == "__main__":
    main()
