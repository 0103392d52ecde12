"""Validation of whole datasets: the union of the graphs, or each named graph alone, then the cycles
across graphs. The shapes are split once into those checked graph by graph and those checked across
graphs (marked kg:acrossGraphs)."""

from __future__ import annotations

import functools
from pathlib import Path

from rdflib import BNode, Dataset, Graph, Literal
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from kg.rdf.vocab import KG
from kg.store import files
from kg.validate.cycles import cross_check
from kg.validate.shacl import SH, SHAPES, Report, shapes_graph, validate


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
        for name, triples in sorted(files.by_graph(data).items(), key=lambda kv: str(kv[0])):
            g = Graph()
            for t in triples:
                g.add(t)
            parts.append((g, None if name == DATASET_DEFAULT_GRAPH_ID else str(name)))
    else:
        parts = [(files.union(data), None)]
    for g, name in parts:
        r = validate(g, local, name)
        out.results += r.results
        out.graph += r.graph
    cross = cross_check(data, across)
    out.results += cross.results
    out.graph += cross.graph
    return out


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
