"""pyshacl, wrapped once: the shapes files, one engine per shapes graph, and readable results.

validate(graph) -> Report runs the shapes on one graph. The rest of kg.validate builds on it: whole
datasets, the build's per-article quarantine and the cycle checks across articles.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import RDF, RDFS, Graph, Literal, Namespace, URIRef
from rdflib.namespace import SKOS

from kg.errors import InputError
from kg.rdf.folders import data_dir
from kg.rdf.vocab import NIF, SCHEMA

SH = Namespace("http://www.w3.org/ns/shacl#")
SHAPES = data_dir("shapes")


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
    shapes = shapes if shapes is not None else shapes_graph()
    report_graph = _engine(shapes).run(data)
    return Report(_results(report_graph, data, shapes, graph_name), report_graph)


class _Engine:
    """pyshacl with its shapes harvested once.

    ``pyshacl.validate`` loads the shapes graph and builds its shape objects on every call, which was
    a third of the time of checking one article; this keeps one ``ShapesGraph`` and gives it to a
    fresh ``pyshacl.Validator`` per data graph (shape objects keep no state between runs).
    """

    OPTIONS = {"inference": "none", "abort_on_first": False, "allow_infos": True, "allow_warnings": True}

    def __init__(self, shapes: Graph):
        from pyshacl import ShapesGraph

        copy = Graph()
        for t in shapes:  # pyshacl adds its system triples to the graph it is given
            copy.add(t)
        for prefix, ns in shapes.namespaces():
            copy.bind(prefix, ns)
        _flatten(copy)
        self.shapes = ShapesGraph(copy)
        _ = self.shapes.shapes  # harvest the shapes now, once

    def run(self, data: Graph) -> Graph:
        from pyshacl import Validator
        from pyshacl.graph_abstraction import DataGraph

        validator = Validator(DataGraph.from_rdflib(data), shacl_graph=Graph(), options=dict(self.OPTIONS))
        validator.shacl_graph = self.shapes
        _conforms, report_graph, _text = validator.run()
        return report_graph


_TARGETS = (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf)


def _flatten(shapes: Graph) -> None:
    """Give each property shape of a node shape that node shape's targets, and unlink it.

    pyshacl checks a node shape's sh:property once per focus node, each check paying for building
    the property shape's constraints again; a property shape with targets of its own is checked
    once for all its focus nodes. SHACL means the same by both (the focus nodes, the property
    shape's own severity and messages, sh:sourceShape). Closed and deactivated node shapes are left
    as they are: sh:closed reads the sh:property list.
    """
    for node in set(shapes.subjects(SH.property, None)):
        targets = [(p, o) for p in _TARGETS for o in shapes.objects(node, p)]
        if not targets or shapes.value(node, SH.closed) or shapes.value(node, SH.deactivated):
            continue
        for prop in list(shapes.objects(node, SH.property)):
            for p, o in targets:
                shapes.add((prop, p, o))
            shapes.remove((node, SH.property, prop))


_ENGINES: dict[int, tuple[Graph, _Engine]] = {}


def _engine(shapes: Graph) -> _Engine:
    """One engine per shapes graph object (the shapes graphs themselves are cached by path)."""
    hit = _ENGINES.get(id(shapes))
    if hit is None or hit[0] is not shapes:
        if len(_ENGINES) >= 8:
            _ENGINES.clear()
        hit = _ENGINES[id(shapes)] = (shapes, _Engine(shapes))
    return hit[1]


def order(r: Result):
    return (r.shape, r.focus, r.path or "", r.value or "", r.message)


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
    return sorted(out, key=order)


def _label(data: Graph, node) -> str | None:
    """The node's name for the report; of several, the first in order, so every run names it alike."""
    for p in (SCHEMA.name, RDFS.label, SKOS.prefLabel, SCHEMA.headline, NIF.anchorOf):
        names = sorted(str(v) for v in data.objects(node, p) if isinstance(v, Literal))
        if names:
            return names[0]
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
