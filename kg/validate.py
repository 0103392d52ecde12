"""Validation of datasets and builds: union or graph by graph, cycles across articles, and the build's
per-article quarantine, checked in batches. The pyshacl engine itself is kg.shacl."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace
from pathlib import Path

from rdflib import RDF, BNode, Dataset, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from kg import store
from kg.extract.facts import Fact
from kg.rdf.vocab import KG, SCHEMA
from kg.shacl import SH, SHAPES, Report, Result, order, shapes_graph, validate

__all__ = [
    "Quarantined",
    "Report",
    "Result",
    "Validator",
    "cross_check",
    "shapes_graph",
    "validate",
    "validate_dataset",
]
# Cross-article links: the only triples whose constraints span articles (containment cycles).
ORG_CLASS = URIRef("http://www.w3.org/ns/org#Organization")
_LINKS = (SCHEMA.containedInPlace, URIRef("http://www.w3.org/ns/org#subOrganizationOf"))


@dataclass(frozen=True)
class Quarantined:
    """A fact kept out of the graph, with why and where it was read."""

    fact: Fact | None
    results: tuple[Result, ...]


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
    return split(shapes_graph(Path(path)))


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


def cross_check(data: Dataset, shapes: Graph, describe=None) -> Report:
    """Check the kg:acrossGraphs shapes on the containment links of every graph that lie on a cycle.

    The types and names of the nodes on a cycle come from data, or from ``describe(nodes)`` (a
    Dataset) when data holds the links only (a store's links, see kg.stores.links)."""
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
    source = describe(cyclic) if describe is not None else data
    for node in cyclic:
        for _, p, o, _ in source.quads((node, None, None, None)):
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
        """One article's quarantine: the facts whose triples a local shape rejects."""
        g = Graph()
        for t in mapped.triples():
            g.add(t)
        return _quarantine(mapped, validate(g, self.local, str(mapped.article)).results)

    def check_many(self, batch: list) -> list[list[Quarantined]]:
        """Each article's quarantine, exactly as check() gives it, from one pyshacl run over the batch.

        pyshacl's cost is mostly per shape per run, so one run over 32 articles costs a third of 32
        runs. The articles are made disjoint first: every IRI an article says something about is
        prefixed with the article's place in the batch, so each node is checked with its own
        article's triples only, as if alone. A result that names no article's node sends the batch
        back to check() one article at a time.
        """
        if len(batch) < 2:
            return [self.check(m) for m in batch]
        g = Graph()
        for k, mapped in enumerate(batch):
            for t in _disjoint(k, mapped.triples()):
                g.add(t)
        per: list[list[Result]] = [[] for _ in batch]
        for r in validate(g, self.local).results:
            m = _BATCH_NODE.match(r.focus)
            if m is None:
                return [self.check(x) for x in batch]
            k = int(m.group(1))
            per[k].append(replace(r, focus=_undo(r.focus), value=_undo(r.value), graph=str(batch[k].article)))
        return [_quarantine(mapped, sorted(results, key=order)) for mapped, results in zip(batch, per, strict=True)]

    def cross_check(self, data: Dataset, describe=None) -> list[Quarantined]:
        found = cross_check(data, self.across, describe).results
        return [Quarantined(None, (r,)) for r in found if r.severity == "Violation"]


def _quarantine(mapped, results: list[Result]) -> list[Quarantined]:
    bad = [r for r in results if r.severity == "Violation"]
    out = []
    for fact, triples in mapped.facts:
        subjects = {str(s) for s, _, _ in triples}
        hits = tuple(r for r in bad if r.focus in subjects)
        if hits:
            out.append(Quarantined(fact, hits))
    return out


_BATCH = "urn:kg-batch:"
_BATCH_NODE = re.compile(r"^urn:kg-batch:(\d+):")


def _disjoint(k: int, triples: list) -> list:
    """The triples with every node they describe renamed into batch slot k (urn:kg-batch:k:IRI)."""
    prefix = f"{_BATCH}{k}:"
    # prefix + str(s): prefix + s would be a URIRef already, built (and checked) twice
    renamed = {s: URIRef(prefix + str(s)) for s, _, _ in triples if isinstance(s, URIRef)}
    return [(renamed.get(s, s), p, renamed.get(o, o) if isinstance(o, URIRef) else o) for s, p, o in triples]


def _undo(text: str | None) -> str | None:
    return _BATCH_NODE.sub("", text) if text is not None else None
