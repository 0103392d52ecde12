"""Where a graph lives between runs: an Oxigraph store on disk, one named graph per article.

Each article is written in one SPARQL Update (drop its graph, insert its triples), which Oxigraph
runs as one transaction: a build killed half-way leaves whole articles or none of an article.
Entities live in the graphs of the articles that mention them, so removing an article's graph
removes every entity no other article mentions.
"""

from __future__ import annotations

from pathlib import Path

from rdflib import Dataset, URIRef

from kg.errors import InputError


class LocalStore:
    """An Oxigraph store in a folder (created when missing)."""

    def __init__(self, path: Path, read_only: bool = False):
        import pyoxigraph as ox

        self.path = Path(path)
        if read_only and not self.path.is_dir():
            raise InputError(str(path), "no store there")
        try:
            self.ox = ox.Store.read_only(str(self.path)) if read_only else ox.Store(str(self.path))
        except OSError as e:
            raise InputError(str(path), f"cannot open the store: {e}") from None

    def put(self, graph: URIRef, triples) -> None:
        """Replace one article's graph with these triples, in one transaction."""
        body = "\n".join(f"{s.n3()} {p.n3()} {o.n3()} ." for s, p, o in triples)
        self.ox.update(f"DROP SILENT GRAPH {graph.n3()} ; INSERT DATA {{ GRAPH {graph.n3()} {{\n{body}\n}} }}")

    def remove(self, graph: URIRef) -> bool:
        """Drop an article's graph; False when the store has no such graph."""
        import pyoxigraph as ox

        node = ox.NamedNode(str(graph))
        if not self.ox.contains_named_graph(node):
            return False
        self.ox.update(f"DROP GRAPH {graph.n3()}")
        return True

    def graphs(self) -> list[str]:
        return sorted(g.value for g in self.ox.named_graphs())

    def dataset(self) -> Dataset:
        """The whole store as an rdflib Dataset (for export and validation)."""
        import pyoxigraph as ox

        data = Dataset()
        payload = self.ox.dump(format=ox.RdfFormat.N_QUADS)
        if payload:
            data.parse(data=payload.decode("utf-8"), format="nquads")
        return data

    def flush(self) -> None:
        self.ox.flush()

    def query(self, text: str):
        from kg.sparql import OxigraphBackend

        return OxigraphBackend(self.ox).query(text)


def open_target(location, read_only: bool = False):
    """A store by where it is: a folder (Oxigraph on disk) or an http(s) URL (a SPARQL server)."""
    from kg.remote import Remote, is_remote

    if is_remote(str(location)):
        return Remote(str(location))
    return LocalStore(Path(location), read_only=read_only)


# The containment links of a whole store, with the types and names of their ends: all the cross-article
# check (containment cycles) needs, read without exporting the store.
LINKS_QUERY = """
SELECT DISTINCT ?s ?p ?o WHERE {
  ?a <https://schema.org/containedInPlace>|<http://www.w3.org/ns/org#subOrganizationOf> ?b .
  { BIND(?a AS ?s) } UNION { BIND(?b AS ?s) }
  ?s ?p ?o .
  FILTER(?p IN (<https://schema.org/containedInPlace>, <http://www.w3.org/ns/org#subOrganizationOf>,
                <http://www.w3.org/1999/02/22-rdf-syntax-ns#type>, <https://schema.org/name>))
}"""


def links(target) -> Dataset:
    """A store's containment links as a Dataset (for validate.cross_check)."""
    data = Dataset()
    for s, p, o in target.query(LINKS_QUERY).rows:
        data.default_graph.add((s.term(), p.term(), o.term()))
    return data
