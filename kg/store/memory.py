"""RDF files read into memory and queried there: rdflib's engine, or Oxigraph's in memory."""

from __future__ import annotations

from pathlib import Path

import rdflib.plugins.sparql
from rdflib import Dataset, Graph
from rdflib.term import Identifier

from kg.store import files
from kg.store.engine import Result, SparqlError, cell
from kg.store.oxigraph import OxigraphBackend

# rdflib loads a FROM or FROM NAMED graph that the dataset lacks from the web, by its IRI: never.
rdflib.plugins.sparql.SPARQL_LOAD_GRAPHS = False


class RdflibBackend:
    """RDF files in memory; parameters through initBindings. A Dataset is read as kg's stores are: its
    default graph holds the union of its graphs, each triple once, and GRAPH reaches the named ones."""

    def __init__(self, graph: Graph | Dataset):
        self.graph = graph

    def query(self, text: str, bindings: dict[str, Identifier] | None = None) -> Result:
        from pyparsing import ParseException

        try:  # rdflib evaluates lazily: the answer is read inside, where its failures are caught
            return _result(self.graph.query(text, initBindings=bindings or {}))
        except ParseException as e:
            raise SparqlError(f"SPARQL syntax error at line {e.lineno}, column {e.col}: {e.msg}") from None
        except Exception as e:  # rdflib raises bare Exceptions for unsupported forms and updates
            raise SparqlError(f"query failed: {type(e).__name__}: {e}") from None


def _result(res) -> Result:
    if res.type == "ASK":
        return Result("ask", boolean=bool(res.askAnswer))
    if res.type in ("CONSTRUCT", "DESCRIBE"):
        g = Graph()
        for t in res.graph:
            g.add(t)
        return Result("graph", graph=g)
    names = [str(v) for v in res.vars]
    return Result("select", names, [tuple(cell(row[i]) for i in range(len(names))) for row in res])


def from_files(paths: list[Path], warn=None) -> RdflibBackend:
    """RDF files (any format, folders too) loaded into memory: the named graphs of TriG and N-Quads
    kept for GRAPH, and their union in the default graph, as in a store."""
    data = files.read(paths, warn=warn)
    default = data.default_graph
    default.addN((s, p, o, default) for s, p, o, _ in list(data.quads((None, None, None, None))))
    return RdflibBackend(data)


def oxigraph_from_files(paths: list[Path]) -> OxigraphBackend:
    """The same files in an in-memory Oxigraph store, named graphs kept."""
    import pyoxigraph as ox

    st = ox.Store()
    payload = files.serialize(files.read(paths), "nquads")
    st.load(payload, format=ox.RdfFormat.N_QUADS)
    st.update("INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")  # the union, each triple once
    return OxigraphBackend(st)
