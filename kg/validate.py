"""SHACL validation, pyshacl wrapped once: validate(graph) -> Report, and the build's quarantine."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import RDF, RDFS, Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import SKOS

from kg.errors import InputError
from kg.extract.facts import Fact
from kg.rdf.vocab import NIF, SCHEMA
from kg.resources import data_dir

SH = Namespace("http://www.w3.org/ns/shacl#")
SHAPES = data_dir("shapes")
# Cross-article links: the only triples whose constraints span articles (containment cycles).
ORG_CLASS = URIRef("http://www.w3.org/ns/org#Organization")
_LINKS = (SCHEMA.containedInPlace, URIRef("http://www.w3.org/ns/org#subOrganizationOf"))


@dataclass(frozen=True)
class Result:
    """One SHACL result, readable: the focus node by its label and IRI, the path, the value, the message."""

    severity: str  # Violation, Warning or Info
    shape: str
    focus: str
    label: str | None
    path: str | None
    value: str | None
    message: str  # Chinese, then English, joined by " / "
    graph: str | None = None  # the named graph the focus node was checked in


@dataclass
class Report:
    results: list[Result] = field(default_factory=list)
    graph: Graph = field(default_factory=Graph)  # the standard sh:ValidationReport

    @property
    def conforms(self) -> bool:
        return not any(r.severity == "Violation" for r in self.results)


@dataclass(frozen=True)
class Quarantined:
    """A fact kept out of the graph, with why and where it was read."""

    fact: Fact | None
    results: tuple[Result, ...]


def shapes_graph(path: Path | None = None) -> Graph:
    """The shapes in a file or a folder of *.ttl files (default: the project's shapes/)."""
    return _shapes(str(path or SHAPES))


@functools.lru_cache(maxsize=4)
def _shapes(path: str) -> Graph:
    p = Path(path)
    files = sorted(p.glob("*.ttl")) if p.is_dir() else [p]
    if not files or not all(f.is_file() for f in files):
        raise InputError(path, "no shapes file (*.ttl) there")
    g = Graph()
    for f in files:
        try:
            with open(f, "rb") as fh:
                g.parse(source=fh, format="turtle")
        except Exception as e:  # rdflib raises many parser exception types; all mean a bad shapes file
            raise InputError(str(f), f"not valid Turtle: {e}") from None
    return g


def validate(data: Graph, shapes: Graph | None = None, graph_name: str | None = None) -> Report:
    """Validate one graph with pyshacl: no inference, every result collected."""
    from pyshacl import validate as pyshacl_validate

    shapes = shapes if shapes is not None else shapes_graph()
    _conforms, report_graph, _text = pyshacl_validate(
        data,
        shacl_graph=shapes,
        inference="none",
        abort_on_first=False,
        allow_infos=True,
        allow_warnings=True,
        advanced=False,
    )
    return Report(
        _results(report_graph, data, shapes if shapes is not None else shapes_graph(), graph_name), report_graph
    )


def validate_dataset(data: Dataset, shapes: Graph | None = None) -> Report:
    """Each named graph on its own, then the union's containment links for cycles across graphs.

    Time grows with the number of graphs, not with the square of the graph's size.
    """
    shapes = shapes if shapes is not None else shapes_graph()
    out = Report()
    for g in sorted(data.graphs(), key=lambda g: str(g.identifier)):
        if len(g) == 0:
            continue
        r = validate(g, shapes, None if g.identifier == data.default_graph.identifier else str(g.identifier))
        out.results += r.results
        out.graph += r.graph
    cross = cross_check(data, shapes)
    out.results += cross.results
    out.graph += cross.graph
    return out


def cross_check(data: Dataset, shapes: Graph) -> Report:
    """Containment cycles can only show across articles: check the union of the links alone."""
    links = Graph()
    for link in _LINKS:
        for s, _, o, _ in data.quads((None, link, None, None)):
            links.add((s, link, o))
            for node in (s, o):
                for _, _, t, _ in data.quads((node, RDF.type, None, None)):
                    links.add((node, RDF.type, t))
                for _, _, n, _ in data.quads((node, SCHEMA.name, None, None)):
                    links.add((node, SCHEMA.name, n))
                    break
    if len(links) == 0:
        return Report()
    report = validate(links, shapes)
    report.results = [r for r in report.results if "cycle" in r.message]
    return report


class Validator:
    """The build's validation: check each article's triples, quarantine the facts that violate."""

    def __init__(self, shapes: Graph | None = None):
        self.shapes = shapes if shapes is not None else shapes_graph()

    def check(self, mapped) -> list[Quarantined]:
        g = Graph()
        for t in mapped.own:
            g.add(t)
        for _, triples in mapped.facts:
            for t in triples:
                g.add(t)
        report = validate(g, self.shapes, str(mapped.article))
        bad = [r for r in report.results if r.severity == "Violation"]
        out = []
        for fact, triples in mapped.facts:
            subjects = {str(s) for s, _, _ in triples}
            hits = tuple(r for r in bad if r.focus in subjects)
            if hits:
                out.append(Quarantined(fact, hits))
        return out

    def cross_check(self, data: Dataset) -> list[Quarantined]:
        return [Quarantined(None, (r,)) for r in cross_check(data, self.shapes).results if r.severity == "Violation"]


def _results(report: Graph, data: Graph, shapes: Graph, graph_name: str | None) -> list[Result]:
    out = []
    for r in report.subjects(RDF.type, SH.ValidationResult):
        focus = report.value(r, SH.focusNode)
        messages = sorted(report.objects(r, SH.resultMessage), key=lambda m: (getattr(m, "language", "") != "zh", m))
        value = report.value(r, SH.value)
        path = report.value(r, SH.resultPath)
        severity = str(report.value(r, SH.resultSeverity) or SH.Violation).rsplit("#", 1)[-1]
        out.append(
            Result(
                severity=severity,
                shape=_shape_name(shapes, report.value(r, SH.sourceShape)),
                focus=str(focus),
                label=_label(data, focus),
                path=_path_text(report, path),
                value=str(value) if value is not None else None,
                message=" / ".join(str(m) for m in messages) or "(no message)",
                graph=graph_name,
            )
        )
    return sorted(out, key=lambda r: (r.shape, r.focus, r.path or "", r.value or "", r.message))


def _label(data: Graph, node) -> str | None:
    for p in (SCHEMA.name, RDFS.label, SKOS.prefLabel, SCHEMA.headline, NIF.anchorOf):
        v = data.value(node, p)
        if isinstance(v, Literal):
            return str(v)
    return None


def _shape_name(shapes: Graph, shape) -> str:
    """The node shape a result comes from, by its local name (PostShape), for grouping."""
    if isinstance(shape, URIRef):
        return str(shape).rsplit("#", 1)[-1].rsplit("/", 1)[-1]
    if shape is None:
        return "shape"
    parent = next(iter(shapes.subjects(SH.property, shape)), None) or next(
        iter(shapes.subjects(SH.sparql, shape)), None
    )
    if parent is None:
        return "shape"
    if isinstance(parent, URIRef):
        return _shape_name(shapes, parent)
    target = shapes.value(parent, SH.targetClass)
    return f"shape of {str(target).rsplit('/', 1)[-1].rsplit('#', 1)[-1]}" if target is not None else "shape"


def _path_text(report: Graph, path) -> str | None:
    if path is None:
        return None
    if isinstance(path, URIRef):
        return str(path)
    inverse = report.value(path, SH.inversePath)
    if inverse is not None:
        return f"^{inverse}"
    return "(path)"
