"""Graphs in and out of files: RDF formats by extension, sorted N-Quads, writes that never leave half a file."""

from __future__ import annotations

import json
import logging
import os
import re
import tempfile
from collections.abc import Callable
from pathlib import Path

from rdflib import Dataset, Graph, Literal
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import ORG, PROV, RDF, RDFS, SKOS, XSD

from kg.errors import InputError
from kg.paths import file_mode, walk
from kg.rdf.vocab import KG, NIF, SCHEMA
from kg.store import entities

# Extension -> rdflib format. Turtle and N-Triples hold the union of the named graphs.
FORMATS = {
    ".ttl": "turtle",
    ".trig": "trig",
    ".nq": "nquads",
    ".nt": "ntriples",
    ".jsonld": "json-ld",
    ".json": "json-ld",
    ".rdf": "xml",
    ".owl": "xml",
    ".xml": "xml",
}
WRITABLE = ("turtle", "trig", "nquads", "ntriples", "json-ld")
_PREFIXES = {
    "schema": SCHEMA._NS,
    "org": ORG,
    "prov": PROV,
    "skos": SKOS,
    "nif": NIF._NS,
    "kg": KG._NS,
    "xsd": XSD,
    "rdf": RDF,
    "rdfs": RDFS,
}


def compact(iri: str) -> str:
    """An IRI in a known namespace as prefix:name (schema:name), for reports people read."""
    for prefix, ns in _PREFIXES.items():
        if iri.startswith(str(ns)):
            return f"{prefix}:{iri[len(str(ns)) :]}"
    return iri


def format_of(path: Path, given: str | None = None) -> str:
    if given:
        return given
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise InputError(str(path), f"unknown RDF format; use one of {', '.join(sorted(FORMATS))} or --format")
    return fmt


def serialize(data: Dataset, fmt: str) -> bytes:
    """The dataset in a format; N-Quads and N-Triples sorted, so equal graphs give equal bytes."""
    if fmt in ("nquads", "ntriples"):
        source = data if fmt == "nquads" else union(data)
        lines = source.serialize(format=fmt, encoding="utf-8").decode("utf-8").splitlines()
        return "".join(sorted({line + "\n" for line in lines if line.strip()})).encode("utf-8")
    if fmt == "trig":
        return _trig(data)
    if fmt == "json-ld":
        return _jsonld(data)
    target = union(data) if fmt == "turtle" else data
    for prefix, ns in _PREFIXES.items():
        target.bind(prefix, ns, override=True)
    return target.serialize(format=fmt, encoding="utf-8")


def _jsonld(data: Dataset) -> bytes:
    """JSON-LD with every array sorted and keys in order (rdflib's writer follows hash order)."""
    raw = json.loads(data.serialize(format="json-ld", encoding="utf-8"))

    def order(node):
        if isinstance(node, dict):
            return {k: order(v) for k, v in sorted(node.items())}
        if isinstance(node, list):
            return sorted((order(x) for x in node), key=lambda x: json.dumps(x, ensure_ascii=False, sort_keys=True))
        return node

    return (json.dumps(order(raw), ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")


def _trig(data: Dataset) -> bytes:
    """TriG with the named graphs in IRI order (rdflib's own TriG writer orders them by hash)."""
    header = "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in sorted(_PREFIXES.items()))
    parts = [header]
    groups = by_graph(data)
    for name in sorted(groups, key=str):
        copy = Graph()
        for prefix, ns in _PREFIXES.items():
            copy.bind(prefix, ns, override=True)
        for t in groups[name]:
            copy.add(t)
        body = copy.serialize(format="turtle")
        lines = [line for line in body.splitlines() if not line.startswith("@prefix")]
        inner = "\n".join(("    " + line) if line else "" for line in lines).strip("\n")
        label = name.n3() if name != DATASET_DEFAULT_GRAPH_ID else ""
        parts.append(f"\n{label} {{\n{inner}\n}}\n" if label else f"\n{{\n{inner}\n}}\n")
    return "".join(parts).encode("utf-8")


def by_graph(data: Dataset) -> dict:
    """Graph name -> its triples, in one pass over the quads.

    Walking a big Dataset graph by graph (``len(g)``, ``for t in g``) costs a scan of the whole store
    per graph in rdflib's memory store; one pass over the quads stays linear.
    """
    groups: dict = {}
    for s, p, o, g in data.quads((None, None, None, None)):
        groups.setdefault(getattr(g, "identifier", g), []).append((s, p, o))
    return groups


def union(data: Dataset) -> Graph:
    g = Graph()
    for s, p, o, _ in data.quads((None, None, None, None)):
        g.add((s, p, o))
    return g


def write(data: Dataset, out: str | Path, fmt: str) -> None:
    """Write to a temporary file beside the target, then rename: a failed write leaves nothing behind."""
    write_bytes(Path(out), serialize(data, fmt))


def write_text(out: Path, text: str) -> None:
    write_bytes(out, text.encode("utf-8"))


def write_bytes(out: Path, payload: bytes) -> None:
    """The file is made beside the target with mkstemp, which gives it mode 0600: it gets the mode
    the user's umask gives any new file before it takes the target's name."""
    fd, tmp = tempfile.mkstemp(dir=out.parent if str(out.parent) else ".", prefix=f".{out.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(payload)
            os.fchmod(f.fileno(), file_mode())
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def rdf_files(paths: list[Path]) -> list[Path]:
    """The RDF files named or found in folders; a sub-folder that cannot be read is an InputError."""
    out = []
    for p in paths:
        if p.is_dir():
            out += [f for f in walk(p) if f.suffix.lower() in FORMATS]
        elif p.is_file():
            out.append(p)
        else:
            raise InputError(str(p), "no such file or folder")
    return out


class _Complaints(logging.Handler):
    """What rdflib logs while it parses (a traceback for each literal it cannot convert, a line for each
    IRI it doubts), kept to be said once per file instead of printed to stderr."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage().splitlines()[0])


_COMPLAINTS = _Complaints()
for _name in ("rdflib.term", "rdflib.plugins.parsers.notation3"):
    logging.getLogger(_name).addHandler(_COMPLAINTS)
    logging.getLogger(_name).propagate = False


def read(paths: list[Path], fmt: str | None = None, warn: Callable[[str], None] | None = None) -> Dataset:
    """Load RDF files (any format by extension) into one dataset; a syntax error names the file and line.

    Ill-typed literals ("abc"^^xsd:integer) are read as they are and, with ``warn``, said in one line per
    file."""
    data = Dataset()
    files = rdf_files(paths)
    if not files:
        raise InputError(", ".join(map(str, paths)), "no RDF files there")
    for f in files:
        kind = format_of(f, fmt)
        if kind == "xml":
            entities.check(f)
        _COMPLAINTS.messages.clear()
        try:
            with open(f, "rb") as fh:  # rdflib leaves files it opens itself unclosed
                target = data if kind in ("trig", "nquads", "json-ld") else data.default_graph
                target.parse(source=fh, format=kind, publicID=f.resolve().as_uri())
        except Exception as e:  # rdflib's parsers raise many unrelated exception types for bad input
            raise InputError(str(f), _syntax_message(e), _line_of(e)) from None
        if _COMPLAINTS.messages and warn is not None:
            warn(f"{f}: {_complaint(_COMPLAINTS.messages, target)}")
    return data


def _complaint(messages: list[str], graph) -> str:
    """One line for what rdflib logged about a file: the first ill-typed literal, and how many."""
    objects = (q[2] for q in graph.quads((None, None, None, None))) if isinstance(graph, Dataset) else graph.objects()
    bad = [o for o in objects if isinstance(o, Literal) and o.ill_typed]
    if bad:
        first = bad[0]
        return f"{len(bad)} ill-typed literal(s), e.g. {first.n3()}: not a valid {compact(str(first.datatype))}"
    more = f" (and {len(messages) - 1} more)" if len(messages) > 1 else ""
    return messages[0] + more


def _line_of(e: Exception) -> int | None:
    m = re.search(r"line (\d+)", str(e)) or re.search(r":(\d+):", str(e))
    return int(m.group(1)) if m else None


def _syntax_message(e: Exception) -> str:
    text = " ".join(str(e).split())
    return "not valid RDF: " + (text[:200] if text else type(e).__name__)
