"""Where a graph lives between runs: an Oxigraph store on disk, one named graph per article.

Articles are written in SPARQL Updates of whole articles (drop each one's graph, insert its triples),
each of which Oxigraph runs as one transaction: a build killed half-way leaves whole articles or none
of an article.
Entities live in the graphs of the articles that mention them, so removing an article's graph
removes every entity no other article mentions.

The store's default graph is the union of its named graphs, kept up to date in the same update:
a triple goes in with the first article that states it and goes out with the last. Queries read
that default graph, where each triple is once. Oxigraph's own union view
(``use_default_graph_as_union``) returns a triple once per graph that holds it, and every article
restates the types and names of the entities it mentions, so joins there multiply rows by the
number of articles (Oxigraph issue 1919) and a query that takes milliseconds here took minutes.
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

        if not read_only:
            self._materialize()

    def put(self, graph: URIRef, triples) -> None:
        """Replace one article's graph with these triples, and the union with it, in one transaction."""
        self.put_many([(graph, triples)])

    def put_many(self, articles: list[tuple[URIRef, list]]) -> None:
        """Replace several articles' graphs, in order, in one transaction: all of them or none.

        One update for a few articles costs Python's lock fewer hand-overs with a writer thread
        than one each (the thread waits for the lock each time Oxigraph hands back)."""
        # A new article has nothing to retract (the retraction is a query): one lookup for them all
        written = self._present([g for g, _ in articles])
        steps = []
        for graph, triples in articles:
            body = "\n".join(f"{s.n3()} {p.n3()} {o.n3()} ." for s, p, o in triples)
            if str(graph) in written:
                steps.append(_retract(graph))
            steps.append(f"INSERT DATA {{ GRAPH {graph.n3()} {{\n{body}\n}}\n{body}\n}}")
            written.add(str(graph))
        if steps:
            self.ox.update(" ;\n".join(steps))

    def _present(self, graphs: list[URIRef]) -> set[str]:
        """Which of these article graphs the store holds (one query: each call into Oxigraph from a
        writer thread waits for Python's lock on the way back)."""
        if not graphs:
            return set()
        values = " ".join(g.n3() for g in graphs)
        rows = self.ox.query(
            f"SELECT ?g WHERE {{ VALUES ?g {{ {values} }} FILTER EXISTS {{ GRAPH ?g {{ ?s ?p ?o }} }} }}"
        )
        return {row[0].value for row in rows}

    def remove(self, graph: URIRef) -> bool:
        """Drop an article's graph; False when the store has no such graph."""
        import pyoxigraph as ox

        node = ox.NamedNode(str(graph))
        if not self.ox.contains_named_graph(node):
            return False
        self.ox.update(_retract(graph))
        return True

    def _materialize(self) -> None:
        """Fill an empty default graph with the union of the named graphs (a store from kg 0.1)."""
        from kg.sparql import has_union

        if not has_union(self.ox):
            self.ox.update("INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")

    def graphs(self) -> list[str]:
        return sorted(g.value for g in self.ox.named_graphs())

    def dataset(self) -> Dataset:
        """The whole store as an rdflib Dataset (for export and validation)."""
        import pyoxigraph as ox

        data = Dataset()
        named = (q for q in self.ox if not isinstance(q.graph_name, ox.DefaultGraph))
        payload = ox.serialize(named, format=ox.RdfFormat.N_QUADS)
        if payload:
            data.parse(data=payload.decode("utf-8"), format="nquads")
        return data

    def union(self) -> Dataset:
        """The union of the articles' graphs (the store's default graph, each triple once), for kg validate.

        Far smaller than dataset() when articles share entities; a store without the union (from
        kg 0.1, opened read-only) gives dataset() instead."""
        import pyoxigraph as ox

        from kg.sparql import has_union

        if not has_union(self.ox):
            return self.dataset()
        data = Dataset()
        payload = self.ox.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())
        data.default_graph.parse(data=payload.decode("utf-8"), format="nt")
        return data

    def flush(self) -> None:
        self.ox.flush()

    def query(self, text: str):
        from kg.sparql import OxigraphBackend

        return OxigraphBackend(self.ox).query(text)


def _retract(graph: URIRef) -> str:
    """SPARQL Update: drop an article's graph, and from the union the triples no other graph states."""
    g = graph.n3()
    return (
        f"DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH {g} {{ ?s ?p ?o }} "
        f"FILTER NOT EXISTS {{ GRAPH ?other {{ ?s ?p ?o }} FILTER(?other != {g}) }} }} ; DROP SILENT GRAPH {g}"
    )


def open_target(location, read_only: bool = False):
    """A store by where it is: a folder (Oxigraph on disk) or an http(s) URL (a SPARQL server)."""
    from kg.remote import Remote, is_remote

    if is_remote(str(location)):
        return Remote(str(location))
    return LocalStore(Path(location), read_only=read_only)


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


class Writer:
    """Writes articles to a store from a thread of its own, in the order given, while the caller goes on
    extracting (Oxigraph lets go of Python's lock while it writes). What has queued up meanwhile, up to
    ``group`` articles, goes in one transaction when the target can (put_many). A write that fails is
    raised by the next put() or by close()."""

    def __init__(self, target, depth: int = 64, group: int = 32):
        import queue
        import threading

        self.target = target
        self.group = group
        self.todo: queue.Queue = queue.Queue(maxsize=depth)
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._run, name="kg-store-writer", daemon=True)
        self.thread.start()

    def _run(self) -> None:
        import queue

        many = getattr(self.target, "put_many", None)
        while True:
            items = [self.todo.get()]
            while items[-1] is not None and len(items) < self.group:
                try:
                    items.append(self.todo.get_nowait())
                except queue.Empty:
                    break
            last = items[-1] is None
            items = [x for x in items if x is not None]
            if items and self.error is None:
                try:
                    if many is not None:
                        many(items)
                    else:
                        for item in items:
                            self.target.put(*item)
                except BaseException as e:  # handed to the caller's thread, raised there
                    self.error = e
            if last:
                return

    def put(self, graph, triples) -> None:
        if self.error is not None:
            raise self.error
        self.todo.put((graph, triples))

    def stop(self) -> None:
        """Write what is queued and end the thread (again: nothing)."""
        if self.thread.is_alive():
            self.todo.put(None)
            self.thread.join()

    def close(self) -> None:
        """stop(), then raise the first write that failed, if one did."""
        self.stop()
        if self.error is not None:
            raise self.error
