"""Oxigraph: the store on disk that a build writes (LocalStore, one named graph per article), and the
engine that reads it or any Oxigraph store (OxigraphBackend).

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

import os
import uuid
from pathlib import Path

from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.term import Identifier

from kg.errors import InputError
from kg.store import model
from kg.store.engine import XSD_STRING, Cell, Result, SparqlError, cell


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

        try:
            empty = model.check(self)
        except model.OutdatedStore as e:
            raise InputError(str(path), str(e)) from None
        if empty and not read_only:
            body = " ".join(f"{s.n3()} {p.n3()} {o.n3()} ." for s, p, o in model.triples())
            self.ox.update(f"INSERT DATA {{ GRAPH {model.META.n3()} {{ {body} }} }}")
            stamp(self.path)

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
            stamp(self.path)

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
        stamp(self.path)
        return True

    def graphs(self) -> list[str]:
        return sorted(g.value for g in self.ox.named_graphs() if g.value != str(model.META))

    def dataset(self) -> Dataset:
        """The whole store as an rdflib Dataset (for export and validation)."""
        import pyoxigraph as ox

        data = Dataset()
        meta = ox.NamedNode(str(model.META))
        named = (q for q in self.ox if not isinstance(q.graph_name, ox.DefaultGraph) and q.graph_name != meta)
        payload = ox.serialize(named, format=ox.RdfFormat.N_QUADS)
        if payload:
            data.parse(data=payload.decode("utf-8"), format="nquads")
        return data

    def union(self) -> Dataset:
        """The union of the articles' graphs (the store's default graph, each triple once), for kg validate.

        Far smaller than dataset() when articles share entities; a store with no article yet has no
        union, and gives dataset() (empty) instead."""
        import pyoxigraph as ox

        if not has_union(self.ox):
            return self.dataset()
        data = Dataset()
        payload = self.ox.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())
        data.default_graph.parse(data=payload.decode("utf-8"), format="nt")
        return data

    def flush(self) -> None:
        self.ox.flush()

    def close(self) -> None:
        """Flush, and let go of the folder's lock now: a frame that outlives the command (in a garbage
        cycle until Python's collector runs) would otherwise keep the store open in this process."""
        if self.ox is not None:
            self.ox.flush()
            self.ox = None

    def query(self, text: str):
        return OxigraphBackend(self.ox).query(text)


REVISION = "kg-revision"


def stamp(path: Path) -> None:
    """Mark the store as changed: a new token in its revision file, written after every transaction.

    A reader (kg serve) compares tokens to know when its cached answers and open snapshots are stale.
    The file sits beside Oxigraph's own files, which RocksDB leaves alone (it knows its files by name)."""
    tmp = path / (REVISION + ".tmp")
    tmp.write_text(uuid.uuid4().hex + "\n", "ascii")
    os.replace(tmp, path / REVISION)


def revision(path: Path) -> str:
    """The store's revision token ("" for a store no kg build has written to; a new one at each call
    when the file cannot be read, so that nothing read then is cached as current)."""
    try:
        return (Path(path) / REVISION).read_text("ascii").strip()
    except (OSError, UnicodeDecodeError) as e:  # none yet, or unreadable: a version of its own, never cached
        return "" if isinstance(e, FileNotFoundError) else f"unreadable-{uuid.uuid4().hex}"


def _retract(graph: URIRef) -> str:
    """SPARQL Update: drop an article's graph, and from the union the triples no other graph states."""
    g = graph.n3()
    return (
        f"DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH {g} {{ ?s ?p ?o }} "
        f"FILTER NOT EXISTS {{ GRAPH ?other {{ ?s ?p ?o }} FILTER(?other != {g}) }} }} ; DROP SILENT GRAPH {g}"
    )


class OxigraphBackend:
    """An Oxigraph store; parameters as substitutions.

    Queries read the store's default graph, which kg keeps as the union of the named graphs (each
    triple once; see LocalStore above). A store whose default graph is empty is read through Oxigraph's
    union view instead, which repeats a triple once per graph that holds it.
    """

    def __init__(self, ox_store):
        self.store = ox_store
        self.union = not has_union(ox_store)

    def query(self, text: str, bindings: dict[str, Identifier] | None = None) -> Result:
        import pyoxigraph as ox

        subs = {ox.Variable(k): _to_ox(v) for k, v in (bindings or {}).items()}
        try:
            res = self.store.query(text, use_default_graph_as_union=self.union, substitutions=subs)
        except SyntaxError as e:
            raise SparqlError(f"SPARQL syntax error: {e}") from None
        except OSError as e:
            raise SparqlError(f"query failed: {e}") from None
        if isinstance(res, ox.QueryBoolean):
            return Result("ask", boolean=bool(res))
        if isinstance(res, ox.QueryTriples):
            g = Graph()
            for t in res:
                g.add((_from_ox(t.subject), _from_ox(t.predicate), _from_ox(t.object)))
            return Result("graph", graph=g)
        names = [v.value for v in res.variables]
        rows = [tuple(_ox_cell(sol[i]) for i in range(len(names))) for sol in res]
        return Result("select", names, rows)


def has_union(ox_store) -> bool:
    """Whether an Oxigraph store holds the union of its graphs in its default graph (kg's stores do)."""
    import pyoxigraph as ox

    return next(ox_store.quads_for_pattern(None, None, None, ox.DefaultGraph()), None) is not None


def _ox_cell(term) -> Cell | None:
    """A cell straight from an Oxigraph term: IRIs and strings skip rdflib's terms, which took half of
    the time of a large result. Other typed literals go through rdflib, which normalises their lexical
    form, so that cells are the same on every engine."""
    import pyoxigraph as ox

    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return Cell("uri", term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Cell("literal", term.value, term.language, None)
        if term.datatype.value == XSD_STRING:
            return Cell("literal", term.value)
    return cell(_from_ox(term))


def _to_ox(term: Identifier):
    import pyoxigraph as ox

    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise SparqlError(f"cannot bind {term!r}")


def _from_ox(term):
    import pyoxigraph as ox

    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    raise SparqlError(f"unexpected term {term!r}")
