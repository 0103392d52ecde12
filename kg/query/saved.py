"""Saved queries: queries/*.rq with a comment header; parameters bound as typed RDF terms, never pasted."""

from __future__ import annotations

import datetime as dt
import re
import shlex
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import XSD, Literal, URIRef
from rdflib.term import Identifier

from kg.query.guard import ESCAPE
from kg.query.guard import SKIP as _SKIP
from kg.rdf.folders import data_dir

QUERIES = data_dir("queries")
TYPES = ("literal", "iri", "date", "integer")
_HEADER = re.compile(r"^#\+\s*(\w+(?:@zh)?)\s*:\s*(.*)$")
_VARIABLE = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")


class QueryError(ValueError):
    """An unknown query, a missing or badly typed parameter: one line for the user."""


@dataclass(frozen=True)
class Param:
    name: str
    type: str  # literal, iri, date or integer
    default: str | None
    example: str
    description: str

    def term(self, raw: str) -> Identifier:
        """The typed RDF term for a raw value; literals are Chinese names, tagged @zh as in the graph."""
        raw = raw.strip()
        if self.type == "literal":
            if not raw:
                raise QueryError(f"parameter {self.name}: empty value")
            if ESCAPE.search(raw):  # rdflib would read it as a character before parsing, even in a string
                raise QueryError(f"parameter {self.name}: a value may not hold \\u escapes: {raw!r}")
            return Literal(raw, lang="zh")
        if self.type == "integer":
            if not re.fullmatch(r"[+-]?\d+", raw):
                raise QueryError(f"parameter {self.name}: not an integer: {raw!r}")
            return Literal(int(raw), datatype=XSD.integer)
        if self.type == "date":
            try:
                return Literal(dt.date.fromisoformat(raw).isoformat(), datatype=XSD.date)
            except ValueError:
                raise QueryError(f"parameter {self.name}: not a date (YYYY-MM-DD): {raw!r}") from None
        if not re.fullmatch(r"[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]+", raw):
            raise QueryError(f"parameter {self.name}: not an IRI: {raw!r}")
        return URIRef(raw)


@dataclass(frozen=True)
class SavedQuery:
    name: str
    title: str
    description: str
    params: tuple[Param, ...]
    example: str
    text: str
    path: str = field(compare=False, default="")
    # What a reader sees on the pages, in Chinese (#+ title@zh, description@zh, label@zh, column@zh);
    # the English above is for the command line and OpenAPI.
    title_zh: str = ""
    description_zh: str = ""
    labels_zh: tuple[tuple[str, str], ...] = ()
    columns_zh: tuple[tuple[str, str], ...] = ()

    def label(self, param: str) -> str:
        """A parameter's label on the page: its Chinese one, else its name."""
        return dict(self.labels_zh).get(param, param)

    def heading(self, column: str) -> str:
        """A result column's heading on the page: its Chinese one, else the variable's name."""
        return dict(self.columns_zh).get(column, column)

    def bind(self, values: dict[str, str]) -> dict[str, Identifier]:
        """Typed terms for every parameter: given values, else defaults; unknown or missing ones are errors."""
        known = {p.name: p for p in self.params}
        unknown = sorted(set(values) - set(known))
        if unknown:
            raise QueryError(f"{self.name}: unknown parameter {unknown[0]!r} (has: {', '.join(known) or 'none'})")
        out = {}
        for p in self.params:
            raw = values.get(p.name, p.default)
            if raw is None:
                raise QueryError(f"{self.name}: missing parameter {p.name!r} ({p.type}), e.g. -p {p.name}={p.example}")
            out[p.name] = p.term(raw)
        return out

    def command(self, values: dict[str, str]) -> str:
        """The command line that runs this query with these values (the example when none is given)."""
        given = [(p.name, values[p.name].strip()) for p in self.params if values.get(p.name, "").strip()]
        if not given:
            return self.example
        return " ".join(["kg query", self.name, *(f"-p {shlex.quote(f'{k}={v}')}" for k, v in given)])

    def render(self, values: dict[str, str]) -> str:
        """The query text with every parameter replaced by its typed term."""
        return substitute(self.text, self.bind(values))


def substitute(text: str, bindings: dict[str, Identifier]) -> str:
    """Replace each $name in the query's code (not in comments, strings or IRIs) by its term.

    The terms are RDF terms written by rdflib (``Literal.n3()`` escapes quotes and backslashes), so a
    value such as ``x" } UNION { ?s ?p ?o } #`` stays one strange literal: this is the SEP-0007
    substitution of a variable by a constant, done the same way for every engine.
    """
    out, pos = [], 0
    for m in _SKIP.finditer(text):
        out.append(_VARIABLE.sub(lambda v: _n3(v.group(1), bindings), text[pos : m.start()]))
        out.append(m.group(0))
        pos = m.end()
    out.append(_VARIABLE.sub(lambda v: _n3(v.group(1), bindings), text[pos:]))
    return "".join(out)


def _n3(name: str, bindings: dict[str, Identifier]) -> str:
    if name not in bindings:
        raise QueryError(f"no value for ${name}")
    term = bindings[name]
    if isinstance(term, Literal) and term.datatype == XSD.integer:
        return str(int(term))  # SPARQL's INTEGER token: valid in expressions and in LIMIT / OFFSET
    if isinstance(term, Literal) and term.language:
        return f"{_string(str(term))}@{term.language}"
    return term.n3()


_ECHAR = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}


def _string(text: str) -> str:
    """A SPARQL string with every character that has an escape written as one: a raw tab would reach
    rdflib's parser (pyparsing) as spaces, and a raw line break is not allowed in a "string"."""
    return '"' + "".join(_ECHAR.get(c, c) for c in text) + '"'


def parse(path: Path) -> SavedQuery:
    """Read one .rq file; the header's params must be the $variables the query uses."""
    text = path.read_text(encoding="utf-8")
    fields: dict[str, list[str]] = {}
    for line in text.splitlines():
        m = _HEADER.match(line)
        if m:
            fields.setdefault(m.group(1), []).append(m.group(2).strip())
    params = []
    for spec in fields.get("param", []):
        parts = [x.strip() for x in spec.split("|")]
        if len(parts) != 5 or parts[1] not in TYPES:
            raise QueryError(f"{path}: bad param line {spec!r} (name | type | default | example | description)")
        name, kind, default, example, description = parts
        params.append(Param(name, kind, default or None, example, description))
    used = set(_VARIABLE.findall(_SKIP.sub(" ", text)))
    declared = {p.name for p in params}
    if used != declared:
        raise QueryError(f"{path}: the query uses ${', $'.join(sorted(used))} but declares {sorted(declared)}")
    for key in ("title", "description"):
        if not fields.get(key):
            raise QueryError(f"{path}: no '#+ {key}:' line")
    return SavedQuery(
        name=path.stem,
        title=fields["title"][0],
        description=" ".join(fields["description"]),
        params=tuple(params),
        example=(fields.get("example") or [f"kg query {path.stem}"])[0],
        title_zh=(fields.get("title@zh") or [""])[0],
        description_zh=" ".join(fields.get("description@zh", [])),
        labels_zh=_pairs(fields.get("label@zh", []), path),
        columns_zh=_pairs(fields.get("column@zh", []), path),
        text=text,
        path=str(path),
    )


def _pairs(lines: list[str], path: Path) -> tuple[tuple[str, str], ...]:
    """NAME | 中文 lines of a header."""
    out = []
    for line in lines:
        name, sep, text = (x.strip() for x in line.partition("|"))
        if not sep or not name or not text:
            raise QueryError(f"{path}: bad line {line!r} (NAME | 中文)")
        out.append((name, text))
    return tuple(out)


def catalogue(folder: Path | None = None) -> dict[str, SavedQuery]:
    """All saved queries by name, in name order."""
    folder = folder or QUERIES
    return {q.name: q for q in (parse(p) for p in sorted(folder.glob("*.rq")))}


def get(name: str, folder: Path | None = None) -> SavedQuery:
    found = catalogue(folder)
    if name not in found:
        raise QueryError(f"no saved query {name!r}; `kg query list` shows them")
    return found[name]
