"""SPARQL over a graph: one small interface, on rdflib (files in memory) or on Oxigraph (a store)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Identifier

from kg import store
from kg.decimals import plain_text


class SparqlError(ValueError):
    """A query that cannot be parsed or run: one line for the user."""


@dataclass(frozen=True)
class Cell:
    """One value of a result row, as the SPARQL 1.1 JSON results format describes it."""

    type: str  # uri, literal or bnode
    value: str
    lang: str | None = None
    datatype: str | None = None

    def term(self):
        """The rdflib term again."""
        if self.type == "uri":
            return URIRef(self.value)
        if self.type == "bnode":
            return BNode(self.value)
        return Literal(self.value, lang=self.lang, datatype=URIRef(self.datatype) if self.datatype else None)

    @classmethod
    def from_json(cls, binding: dict | None) -> Cell | None:
        """A cell from a SPARQL JSON results binding."""
        if binding is None:
            return None
        return cls(
            binding["type"] if binding["type"] != "typed-literal" else "literal",
            binding["value"],
            binding.get("xml:lang"),
            binding.get("datatype"),
        )

    def json(self) -> dict:
        out = {"type": self.type, "value": self.value}
        if self.lang:
            out["xml:lang"] = self.lang
        if self.datatype:
            out["datatype"] = self.datatype
        return out


@dataclass
class Result:
    """A SELECT table, an ASK answer, or a CONSTRUCT/DESCRIBE graph."""

    kind: str  # select, ask or graph
    vars: list[str] = field(default_factory=list)
    rows: list[tuple[Cell | None, ...]] = field(default_factory=list)
    boolean: bool | None = None
    graph: Graph | None = None

    def json(self) -> dict:
        """SPARQL 1.1 Query Results JSON."""
        if self.kind == "ask":
            return {"head": {}, "boolean": bool(self.boolean)}
        bindings = [{v: c.json() for v, c in zip(self.vars, row, strict=True) if c is not None} for row in self.rows]
        return {"head": {"vars": self.vars}, "results": {"bindings": bindings}}


def cell(term) -> Cell | None:
    """The Cell of an rdflib term (None stays None)."""
    if term is None:
        return None
    if isinstance(term, URIRef):
        return Cell("uri", str(term))
    if isinstance(term, BNode):
        return Cell("bnode", str(term))
    if isinstance(term, Literal):
        # RDF 1.1: a simple literal is an xsd:string; engines differ in saying so, the cell does not.
        datatype = str(term.datatype) if term.datatype and str(term.datatype) != _XSD_STRING else None
        value = str(term)
        if datatype == _XSD_DECIMAL:  # engines write 244.0 or 244; the value is the same
            value = plain_text(value)
        return Cell("literal", value, term.language, None if term.language else datatype)
    raise SparqlError(f"unexpected term {term!r}")


_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_XSD_DECIMAL = "http://www.w3.org/2001/XMLSchema#decimal"


class RdflibBackend:
    """The union of the named graphs of RDF files, in memory; parameters through initBindings."""

    def __init__(self, graph: Graph):
        self.graph = graph

    def query(self, text: str, bindings: dict[str, Identifier] | None = None) -> Result:
        from pyparsing import ParseException

        try:
            res = self.graph.query(text, initBindings=bindings or {})
        except ParseException as e:
            raise SparqlError(f"SPARQL syntax error at line {e.lineno}, column {e.col}: {e.msg}") from None
        except Exception as e:  # rdflib raises bare Exceptions for unsupported forms and updates
            raise SparqlError(f"query failed: {e}") from None
        if res.type == "ASK":
            return Result("ask", boolean=bool(res.askAnswer))
        if res.type in ("CONSTRUCT", "DESCRIBE"):
            g = Graph()
            for t in res.graph:
                g.add(t)
            return Result("graph", graph=g)
        names = [str(v) for v in res.vars]
        return Result("select", names, [tuple(cell(row[i]) for i in range(len(names))) for row in res])


class OxigraphBackend:
    """An Oxigraph store; parameters as substitutions.

    Queries read the store's default graph, which kg keeps as the union of the named graphs (each
    triple once; see kg.stores). A store whose default graph is empty is read through Oxigraph's
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
        if term.datatype.value == _XSD_STRING:
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


def from_files(paths: list[Path]) -> RdflibBackend:
    """RDF files (any format, folders too) loaded into memory, as one union graph."""
    return RdflibBackend(store.union(store.read(paths)))


def oxigraph_from_files(paths: list[Path]) -> OxigraphBackend:
    """The same files in an in-memory Oxigraph store, named graphs kept."""
    import pyoxigraph as ox

    st = ox.Store()
    payload = store.serialize(store.read(paths), "nquads")
    st.load(payload, format=ox.RdfFormat.N_QUADS)
    st.update("INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")  # the union, each triple once
    return OxigraphBackend(st)


def open_store(path) -> OxigraphBackend:
    """An Oxigraph store on disk (made by kg build --store), opened read-only; or a SPARQL server's URL."""
    import pyoxigraph as ox

    if str(path).startswith(("http://", "https://")):
        from kg.remote import Remote

        return Remote(str(path))
    if not Path(path).is_dir():
        raise SparqlError(f"{path}: no store there")
    try:
        return OxigraphBackend(ox.Store.read_only(str(path)))
    except OSError as e:
        raise SparqlError(f"{path}: cannot open the store: {e}") from None
