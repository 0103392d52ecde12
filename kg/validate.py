"""SHACL validation, pyshacl wrapped once: validate(graph) -> Report, and the build's quarantine."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import RDF, RDFS, BNode, Dataset, Graph, Literal, Namespace, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import SKOS

from kg import store
from kg.errors import InputError
from kg.extract.facts import Fact
from kg.rdf.vocab import KG, NIF, SCHEMA
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


def split(shapes: Graph) -> tuple[Graph, Graph]:
    """(shapes checked graph by graph, shapes marked kg:acrossGraphs, checked on the union's links)."""
    across_nodes = set(shapes.subjects(KG.acrossGraphs, Literal(True)))
    local, across = Graph(), Graph()
    for t in shapes:
        (across if t[0] in across_nodes else local).add(t)
    # Blank nodes (property shapes, SPARQL constraints, prefix declarations) go with their owners.
    for g in (local, across):
        _close(shapes, g)
    return local, across


@functools.lru_cache(maxsize=4)
def _split_cached(path: str) -> tuple[Graph, Graph]:
    return split(_shapes(path))


def validate_dataset(data: Dataset, shapes: Graph | None = None, per_graph: bool = False) -> Report:
    """The union of the graphs (or, with per_graph, each named graph alone), then cycles across graphs.

    Time grows linearly: the local shapes look no further than a node's own links, and the cycle
    shapes run only on the containment links that a graph search finds on a cycle. The union checks
    each distinct triple once however many articles repeat it; per_graph names the graph of each result.
    """
    local, across = split(shapes) if shapes is not None else _split_cached(str(SHAPES))
    out = Report()
    if per_graph:
        parts = []
        for name, triples in sorted(store.by_graph(data).items(), key=lambda kv: str(kv[0])):
            g = Graph()
            for t in triples:
                g.add(t)
            parts.append((g, None if name == DATASET_DEFAULT_GRAPH_ID else str(name)))
    else:
        parts = [(store.union(data), None)]
    for g, name in parts:
        r = validate(g, local, name)
        out.results += r.results
        out.graph += r.graph
    cross = cross_check(data, across)
    out.results += cross.results
    out.graph += cross.graph
    return out


def cross_check(data: Dataset, shapes: Graph) -> Report:
    """Check the kg:acrossGraphs shapes on the containment links of every graph that lie on a cycle."""
    if len(shapes) == 0:
        return Report()
    edges: dict = {}
    for link in _LINKS:
        for s, _, o, _ in data.quads((None, link, None, None)):
            edges.setdefault((s, link), set()).add(o)
    cyclic = _on_cycles(edges)
    if not cyclic:
        return Report()
    links = Graph()
    for (s, link), targets in edges.items():
        for o in targets:
            if s in cyclic and o in cyclic:
                links.add((s, link, o))
    for node in cyclic:
        for _, p, o, _ in data.quads((node, None, None, None)):
            if p in (RDF.type, SCHEMA.name):
                links.add((node, p, o))
    return validate(links, shapes)


def _on_cycles(edges: dict) -> set:
    """Nodes on a cycle of one link type (Tarjan's strongly connected components, without recursion)."""
    found = set()
    for link in _LINKS:
        graph = {s: targets for (s, kind), targets in edges.items() if kind == link}
        index: dict = {}
        low: dict = {}
        stack: list = []
        on_stack: set = set()
        counter = 0
        for root in sorted(graph, key=str):
            if root in index:
                continue
            work = [(root, iter(sorted(graph.get(root, ()), key=str)))]
            index[root] = low[root] = counter
            counter += 1
            stack.append(root)
            on_stack.add(root)
            while work:
                node, children = work[-1]
                child = next(children, None)
                if child is not None:
                    if child not in index:
                        index[child] = low[child] = counter
                        counter += 1
                        stack.append(child)
                        on_stack.add(child)
                        work.append((child, iter(sorted(graph.get(child, ()), key=str))))
                    elif child in on_stack:
                        low[node] = min(low[node], index[child])
                    continue
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        top = stack.pop()
                        on_stack.discard(top)
                        component.append(top)
                        if top == node:
                            break
                    if len(component) > 1 or node in graph.get(node, ()):
                        found.update(component)
    return found


def _close(source: Graph, target: Graph) -> None:
    """Copy into target every triple of source about a blank node target already refers to."""
    todo = [o for o in target.objects() if isinstance(o, BNode)]
    seen = set()
    while todo:
        node = todo.pop()
        if node in seen:
            continue
        seen.add(node)
        for t in source.triples((node, None, None)):
            target.add(t)
            if isinstance(t[2], BNode):
                todo.append(t[2])
        # rdf:List cells of sh:or, sh:languageIn and sh:alternativePath are blank nodes too
    # SPARQL constraints name their prefix declarations by IRI (sh:prefixes kgsh:)
    for prefixes in list(target.objects(None, SH.prefixes)):
        for t in source.triples((prefixes, None, None)):
            target.add(t)
            if isinstance(t[2], BNode):
                for u in source.triples((t[2], None, None)):
                    target.add(u)


class Validator:
    """The build's validation: check each article's triples, quarantine the facts that violate."""

    def __init__(self, shapes: Graph | None = None):
        self.local, self.across = split(shapes) if shapes is not None else _split_cached(str(SHAPES))

    def check(self, mapped) -> list[Quarantined]:
        g = Graph()
        for t in mapped.own:
            g.add(t)
        for _, triples in mapped.facts:
            for t in triples:
                g.add(t)
        report = validate(g, self.local, str(mapped.article))
        bad = [r for r in report.results if r.severity == "Violation"]
        out = []
        for fact, triples in mapped.facts:
            subjects = {str(s) for s, _, _ in triples}
            hits = tuple(r for r in bad if r.focus in subjects)
            if hits:
                out.append(Quarantined(fact, hits))
        return out

    def cross_check(self, data: Dataset) -> list[Quarantined]:
        return [Quarantined(None, (r,)) for r in cross_check(data, self.across).results if r.severity == "Violation"]


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
