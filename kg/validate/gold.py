"""Score extracted facts against hand-read gold facts: precision, recall and F1 per fact type."""

from __future__ import annotations

import datetime as dt
import tomllib
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import InputError
from kg.nlp.decimals import plain_text

# The gold file's lists, in report order, and the length of each entry.
TYPES = {
    "posts": 3,
    "bylines": 2,
    "containment": 2,
    "gazetteer": 2,
    "events": 2,
    "event_roles": 3,
    "statistics": 3,
}
# Lists scored only when the gold file has them (the samples annotated for people and organizations).
OPTIONAL_TYPES = {
    "people": 1,
    "organizations": 1,
    "roles_without_org": 2,
}


@dataclass(frozen=True)
class Gold:
    path: str
    date: dt.date | None
    facts: dict[str, frozenset[tuple[str, ...]]]


@dataclass(frozen=True)
class Score:
    type: str
    true_positives: int
    missed: tuple[tuple[str, ...], ...] = field(default=())
    extra: tuple[tuple[str, ...], ...] = field(default=())

    @property
    def precision(self) -> float:
        found = self.true_positives + len(self.extra)
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        wanted = self.true_positives + len(self.missed)
        return self.true_positives / wanted if wanted else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def load_gold(path: Path) -> Gold:
    """Read a gold TOML file; a malformed one is an InputError naming the file."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(str(path), "no such file") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
        raise InputError(str(path), f"not a gold TOML file: {e}") from None
    facts = {}
    for name, size in (TYPES | {k: v for k, v in OPTIONAL_TYPES.items() if k in data}).items():
        rows = data.get(name, [])
        if not isinstance(rows, list) or any(
            not isinstance(r, list) or len(r) != size or not all(isinstance(x, str) for x in r) for r in rows
        ):
            raise InputError(str(path), f"{name}: every entry must be a list of {size} strings")
        facts[name] = frozenset(_normal(name, tuple(r)) for r in rows)
    date = data.get("date")
    try:
        date = dt.date.fromisoformat(date) if isinstance(date, str) else date
    except ValueError:
        raise InputError(str(path), f"date: not YYYY-MM-DD: {date!r}") from None
    return Gold(str(path), date, facts)


_QUERIES = {
    "posts": """
        SELECT DISTINCT ?a ?b ?c WHERE {
          VALUES ?held { org:holds kg:formerlyHeld kg:nominatedTo kg:actingIn }
          ?p ?held ?post .
          ?post org:postIn ?o ; org:role ?r .
          ?p schema:name ?a . ?r skos:prefLabel ?label . ?o schema:name ?c .
          # A former holding is written 前主席 (or 原主席) in the gold lists, as the text prints it.
          BIND(IF(?held = kg:formerlyHeld, CONCAT("前", STR(?label)), STR(?label)) AS ?b)
        }""",
    "people": """SELECT DISTINCT ?a WHERE { ?p a schema:Person ; schema:name ?a . }""",
    "organizations": """SELECT DISTINCT ?a WHERE { ?o a org:Organization ; schema:name ?a . }""",
    "roles_without_org": """
        SELECT DISTINCT ?a ?b WHERE {
          { ?m a org:Membership ; org:member/schema:name ?a ; org:role/skos:prefLabel ?label .
            FILTER NOT EXISTS { ?m org:organization ?o }
            OPTIONAL { ?m kg:status ?status }
            BIND(IF(COALESCE(STR(?status), "") = "former", CONCAT("前", STR(?label)), STR(?label)) AS ?b) }
          UNION  # a profession held in no organization (演员, 摄影师) is an occupation
          { ?p schema:hasOccupation/schema:name ?b ; schema:name ?a . }
        }""",
    "bylines": """
        SELECT DISTINCT ?a ?b WHERE { ?art schema:author ?p ; schema:identifier ?a . ?p schema:name ?b . }""",
    "containment": """
        SELECT DISTINCT ?a ?b WHERE {
          ?x schema:containedInPlace|org:subOrganizationOf ?y . ?x schema:name ?a . ?y schema:name ?b .
          FILTER NOT EXISTS { ?x a schema:AdministrativeArea . ?y a schema:AdministrativeArea . }
        }""",
    "gazetteer": """
        SELECT DISTINCT ?a ?b WHERE {
          ?x schema:containedInPlace ?y . ?x schema:name ?a . ?y schema:name ?b .
          ?x a schema:AdministrativeArea . ?y a schema:AdministrativeArea .
        }""",
    "events": """
        SELECT DISTINCT ?a ?b WHERE { ?e a schema:Event ; schema:name ?a . OPTIONAL { ?e schema:startDate ?b } }""",
    "event_roles": """
        SELECT DISTINCT ?a ?b ?c WHERE {
          ?e a schema:Event ; schema:name ?a .
          { ?e schema:location ?x . BIND("location" AS ?b) } UNION { ?e schema:organizer ?x . BIND("organizer" AS ?b) }
          UNION { ?e schema:attendee ?x . BIND("attendee" AS ?b) } UNION { ?e kg:released ?c . BIND("subject" AS ?b) }
          OPTIONAL { ?x schema:name ?xn }
          BIND(COALESCE(?c, ?xn) AS ?c)
        }""",
    "statistics": """
        SELECT DISTINCT ?a ?b ?c WHERE {
          ?o a schema:Observation ; schema:observationAbout ?x ; schema:value ?b .
          ?x schema:name ?a . OPTIONAL { ?o schema:unitText ?c }
        }""",
}
_PREFIXES = {
    "schema": "https://schema.org/",
    "org": "http://www.w3.org/ns/org#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "kg": "https://w3id.org/kg-news/ns#",
}


def keys(graph) -> dict[str, set[tuple[str, ...]]]:
    """The comparable form of each fact the graph states, by gold list, read with SPARQL."""
    out = {}
    for name, query in _QUERIES.items():
        rows = graph.query(query, initNs=_PREFIXES)
        found = set()
        for row in rows:
            values = tuple("" if v is None else str(v) for v in row)
            found.add(_normal(name, values))
        out[name] = found
    return out


def evaluate(gold: Gold, graph) -> list[Score]:
    """Compare the gold facts with those the built graph states (the union of its named graphs)."""
    found = keys(graph)
    articles = {k[0] for k in found["bylines"]}
    scores = []
    for name in gold.facts:
        want = set(gold.facts[name])
        if name == "bylines":  # gold names an article by the end of its id: "02" for PAGE-02
            want = {(next((a for a in sorted(articles) if a.endswith(s)), s), p) for s, p in want}
        got = found[name]
        scores.append(Score(name, len(want & got), tuple(sorted(want - got)), tuple(sorted(got - want))))
    return scores


def _normal(name: str, row: tuple[str, ...]) -> tuple[str, ...]:
    # Gold is written from the raw text (让－马里, full-width); kg's names come from cleaned text (让-马里).
    row = tuple(unicodedata.normalize("NFKC", v) for v in row)
    if name == "statistics":
        return row[0], plain_text(row[1]), row[2]
    if name in ("posts", "roles_without_org") and row[1].startswith("原") and len(row[1]) > 2:
        return row[0], "前" + row[1][1:], row[2]  # 原主席 and 前主席 both say the post is held no more
    return row
