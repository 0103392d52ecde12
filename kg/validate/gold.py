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
    "incidents": 4,  # kind, place as printed, the administrative area it lies in, date
    "casualties": 3,  # kind of the incident, 死亡人数 …, value
}
# Statistics written with what they measure ([about, variable, value, unit]) are scored twice: strictly
# (about, value, unit), and leniently as "measures": the right value and unit, and a label that overlaps
# the measured quantity (社会消费品零售总额 for 零售总额), whatever the subject.


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
    scored = data.get("scored")  # the lists a sample was annotated for; the others are not scored
    if scored is not None and (not isinstance(scored, list) or not set(scored) <= {*TYPES, *OPTIONAL_TYPES}):
        raise InputError(str(path), f"scored: a list of fact types from {sorted({*TYPES, *OPTIONAL_TYPES})}")
    for name, size in (TYPES | {k: v for k, v in OPTIONAL_TYPES.items() if k in data}).items():
        if scored is not None and name not in scored:
            continue
        rows = data.get(name, [])
        sizes = (3, 4) if name == "statistics" else (size,)
        if not isinstance(rows, list) or any(
            not isinstance(r, list) or len(r) not in sizes or not all(isinstance(x, str) for x in r) for r in rows
        ):
            raise InputError(str(path), f"{name}: every entry must be a list of {size} strings")
        if name == "statistics" and rows and all(len(r) == 4 for r in rows):
            facts["measures"] = frozenset(_normal("measures", (r[1], r[2], r[3])) for r in rows)
            rows = [[r[0], r[2], r[3]] for r in rows]
        facts[name] = frozenset(_normal(name, tuple(r)) for r in rows)
    date = data.get("date")
    try:
        date = dt.date.fromisoformat(date) if isinstance(date, str) else date
    except ValueError:
        raise InputError(str(path), f"date: not YYYY-MM-DD: {date!r}") from None
    return Gold(str(path), date, facts)


_QUERIES = {
    "posts": """
        SELECT DISTINCT ?a ?b ?c ?d WHERE {
          VALUES ?held { org:holds kg:formerlyHeld kg:nominatedTo kg:actingIn }
          ?p ?held ?post .
          ?post org:postIn ?o ; org:role ?r .
          ?p schema:name ?a . ?r skos:prefLabel ?label . ?o schema:name ?c .
          # A former holding is written 前主席 (or 原主席) in the gold lists, as the text prints it.
          BIND(IF(?held = kg:formerlyHeld, CONCAT("前", STR(?label)), STR(?label)) AS ?b)
          OPTIONAL { SELECT ?o (GROUP_CONCAT(DISTINCT STR(?alt); separator="|") AS ?d)
                     WHERE { ?o schema:alternateName ?alt } GROUP BY ?o }
        }""",
    "people": """SELECT DISTINCT ?a WHERE { ?p a schema:Person ; schema:name ?a . }""",
    # An organization is its canonical name and the forms it was printed in (schema:alternateName, as
    # MODEL.md has them): a gold 广州市政府 is kg's 广州市人民政府 when the article printed that form.
    "organizations": """
        SELECT ?a (GROUP_CONCAT(DISTINCT STR(?alt); separator="|") AS ?d) WHERE {
          ?o a org:Organization ; schema:name ?a . OPTIONAL { ?o schema:alternateName ?alt }
        } GROUP BY ?o ?a""",
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
        SELECT DISTINCT ?a ?b WHERE {
          ?e a schema:Event ; schema:name ?a . OPTIONAL { ?e schema:startDate ?b }
          FILTER NOT EXISTS { ?e schema:additionalType ?kind }  # incidents are scored as incidents
        }""",
    "event_roles": """
        SELECT DISTINCT ?a ?b ?c WHERE {
          ?e a schema:Event ; schema:name ?a .
          FILTER NOT EXISTS { ?e schema:additionalType ?kind }
          { ?e schema:location ?x . BIND("location" AS ?b) } UNION { ?e schema:organizer ?x . BIND("organizer" AS ?b) }
          UNION { ?e schema:attendee ?x . BIND("attendee" AS ?b) } UNION { ?e kg:released ?c . BIND("subject" AS ?b) }
          OPTIONAL { ?x schema:name ?xn }
          BIND(COALESCE(?c, ?xn) AS ?c)
        }""",
    "measures": """
        SELECT DISTINCT ?a ?b ?c WHERE {
          ?o a schema:Observation ; schema:variableMeasured ?a ; schema:value ?b . OPTIONAL { ?o schema:unitText ?c }
        }""",
    "incidents": """
        SELECT ?kind ?place ?date (GROUP_CONCAT(DISTINCT COALESCE(?within, ""); separator="|") AS ?w) WHERE {
          ?e a schema:Event ; schema:additionalType ?kind .
          OPTIONAL { ?e schema:startDate ?date }
          OPTIONAL { ?e schema:location ?l . ?l schema:name ?place .
                     OPTIONAL { ?l schema:containedInPlace+ ?up . ?up schema:name ?within } }
        } GROUP BY ?e ?kind ?place ?date""",
    "casualties": """
        SELECT DISTINCT ?kind ?v ?n WHERE {
          ?o schema:observationAbout ?e ; schema:variableMeasured ?v ; schema:value ?n .
          ?e schema:additionalType ?kind . FILTER(STR(?v) IN ("死亡人数", "受伤人数", "失踪人数", "被困人数"))
        }""",
    # An incident's casualty count is scored by the incident's place (军堰村 | 2 | 人), as the samples
    # annotated before incidents were modelled have it.
    "statistics": """
        SELECT DISTINCT ?a ?b ?c WHERE {
          ?o a schema:Observation ; schema:observationAbout ?x ; schema:value ?b .
          ?x schema:name ?name . OPTIONAL { ?o schema:unitText ?c }
          OPTIONAL { ?x schema:additionalType ?kind ; schema:location/schema:name ?where }
          BIND(COALESCE(?where, ?name) AS ?a)
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
        if name in _LENIENT:
            scores.append(_match(name, want, got, _LENIENT[name]))
            continue
        scores.append(Score(name, len(want & got), tuple(sorted(want - got)), tuple(sorted(got - want))))
    return scores


def _overlaps(a: str, b: str) -> bool:
    """Two labels overlap when one holds the other or they share two characters in a row."""
    if not a or not b:
        return False
    return a in b or b in a or any(a[i : i + 2] in b for i in range(len(a) - 1))


def _same_measure(gold: tuple[str, ...], found: tuple[str, ...]) -> bool:
    return gold[1:] == found[1:] and _overlaps(gold[0], found[0])


def _same_incident(gold: tuple[str, ...], found: tuple[str, ...]) -> bool:
    """Same kind and date, and the place found is the place printed, its administrative area, a place
    inside or around it, or a place in that area (the area is among the found place's containers)."""
    kind, place, admin, date = gold
    f_kind, f_place, f_date, within = found
    if (kind, date) != (f_kind, f_date) or not f_place:
        return False
    return (
        f_place in (place, admin)
        or (admin and admin in within.split("|"))
        or (len(f_place) > 1 and (f_place in place or place in f_place))
    )


def _same_named(gold: tuple[str, ...], found: tuple[str, ...]) -> bool:
    """The same fact, its last field (an organization) matched by its name or one of its printed forms."""
    *head, org = gold
    return tuple(head) == found[: len(head)] and (org == found[len(head)] or org in found[-1].split("|"))


_LENIENT = {"measures": _same_measure, "incidents": _same_incident, "organizations": _same_named, "posts": _same_named}


def _match(name: str, want: set, got: set, same) -> Score:
    """Pair each gold fact with one found fact it agrees with, greedily, in sorted order."""
    free = sorted(got)
    missed = []
    for g in sorted(want):
        # A found fact equal to the gold one first (its name, not a printed form another gold fact names).
        hit = next((f for f in free if f[: len(g)] == g), None) or next((f for f in free if same(g, f)), None)
        if hit is None:
            missed.append(g)
        else:
            free.remove(hit)
    if same is _same_named:
        free = [f[:-1] for f in free]  # shown without the printed forms they were compared with
    return Score(name, len(want) - len(missed), tuple(missed), tuple(free))


def _normal(name: str, row: tuple[str, ...]) -> tuple[str, ...]:
    # Gold is written from the raw text (让－马里, full-width); kg's names come from cleaned text (让-马里).
    row = tuple(unicodedata.normalize("NFKC", v) for v in row)
    if name == "statistics":
        return row[0], plain_text(row[1]), row[2]
    if name == "measures":
        return row[0], plain_text(row[1]), row[2]
    if name == "casualties":
        return row[0], row[1], plain_text(row[2])
    if name in ("posts", "roles_without_org") and row[1].startswith("原") and len(row[1]) > 2:
        return row[0], "前" + row[1][1:], *row[2:]  # 原主席 and 前主席 both say the post is held no more
    return row
