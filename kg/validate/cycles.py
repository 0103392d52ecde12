"""The one check that spans articles: containment and sub-organization cycles.

Only the containment links of the whole dataset (or store) are read; the kg:acrossGraphs shapes then
run on the links of the nodes that a graph search finds on a cycle, with their types and names.
"""

from __future__ import annotations

from rdflib import RDF, Dataset, Graph, URIRef

from kg.rdf.vocab import SCHEMA
from kg.validate.shacl import Report, validate

# Cross-article links: the only triples whose constraints span articles (containment cycles).
ORG_CLASS = URIRef("http://www.w3.org/ns/org#Organization")
_LINKS = (SCHEMA.containedInPlace, URIRef("http://www.w3.org/ns/org#subOrganizationOf"))


def cross_check(data: Dataset, shapes: Graph, describe=None) -> Report:
    """Check the kg:acrossGraphs shapes on the containment links of every graph that lie on a cycle.

    The types and names of the nodes on a cycle come from data, or from ``describe(nodes)`` (a
    Dataset) when data holds the links only (a store's links, see links below)."""
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


# The containment links of a whole store: all the cross-article check (containment cycles) needs to
# find cycles, read without exporting the store. The types and names of the few nodes on a cycle are
# read afterwards (describe), for the report.
LINKS_QUERY = """
SELECT ?s ?p ?o WHERE {
  VALUES ?p { <https://schema.org/containedInPlace> <http://www.w3.org/ns/org#subOrganizationOf> }
  ?s ?p ?o .
}"""
DESCRIBE_QUERY = """
SELECT ?s ?p ?o WHERE {
  VALUES ?s { %s }
  VALUES ?p { <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://schema.org/name> }
  ?s ?p ?o .
}"""


def links(target) -> Dataset:
    """A store's containment links as a Dataset (for validate.cross_check)."""
    return _dataset(target.query(LINKS_QUERY).rows)


def describe(target, nodes) -> Dataset:
    """The types and names of these nodes in a store."""
    if not nodes:
        return Dataset()
    return _dataset(target.query(DESCRIBE_QUERY % " ".join(n.n3() for n in sorted(nodes))).rows)


def _dataset(rows) -> Dataset:
    data = Dataset()
    for s, p, o in rows:
        data.default_graph.add((s.term(), p.term(), o.term()))
    return data
