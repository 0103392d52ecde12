"""Score extracted facts against hand-read gold facts: precision, recall and F1 per fact type."""

from __future__ import annotations

import datetime as dt
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from kg.errors import InputError
from kg.extract.facts import Authored, Contained, EventFact, Fact, PostHeld, Statistic

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
    for name, size in TYPES.items():
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


def keys(facts: Iterable[Fact]) -> dict[str, set[tuple[str, ...]]]:
    """The comparable form of each fact, by gold list."""
    out: dict[str, set[tuple[str, ...]]] = {name: set() for name in TYPES}
    for f in facts:
        if isinstance(f, PostHeld):
            out["posts"].add((f.person.name, f.role, f.org.name))
        elif isinstance(f, Authored):
            out["bylines"].add((f.evidence.article, f.person.name))
        elif isinstance(f, Contained):
            out["gazetteer" if f.source == "gazetteer" else "containment"].add((f.child.name, f.parent.name))
        elif isinstance(f, EventFact):
            out["events"].add((f.name, f.date or ""))
            roles = [("location", f.location)] if f.location else []
            roles += [("organizer", o) for o in f.organizers] + [("attendee", a) for a in f.attendees]
            out["event_roles"].update((f.name, role, e.name) for role, e in roles)
            out["event_roles"].update((f.name, "subject", s) for s in f.subjects)
        elif isinstance(f, Statistic):
            out["statistics"].add((f.about.name, _number(str(f.value)), f.unit or ""))
    return out


def evaluate(gold: Gold, facts: Iterable[Fact]) -> list[Score]:
    found = keys(facts)
    articles = {k[0] for k in found["bylines"]}
    scores = []
    for name in TYPES:
        want = set(gold.facts[name])
        if name == "bylines":  # gold names an article by the end of its id: "02" for PAGE-02
            want = {(next((a for a in sorted(articles) if a.endswith(s)), s), p) for s, p in want}
        got = found[name]
        scores.append(Score(name, len(want & got), tuple(sorted(want - got)), tuple(sorted(got - want))))
    return scores


def _normal(name: str, row: tuple[str, ...]) -> tuple[str, ...]:
    if name == "statistics":
        return row[0], _number(row[1]), row[2]
    return row


def _number(text: str) -> str:
    try:
        value = Decimal(text)
    except InvalidOperation:
        return text
    return format(value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize(), "f")
