"""The engine interface: what every SPARQL engine kg reads from gives back, whatever it runs on.

An engine is any object with ``query(text, bindings=None) -> Result`` that raises SparqlError for a
query it cannot run: rdflib over files in memory (kg.store.memory), Oxigraph in a folder or in
memory (kg.store.oxigraph), a SPARQL server (kg.store.remote). Rows are Cells, the same on every
engine, so that a query gives the same rows wherever it runs.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import BNode, Graph, Literal, URIRef

from kg.nlp.decimals import plain_text


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
        datatype = str(term.datatype) if term.datatype and str(term.datatype) != XSD_STRING else None
        value = str(term)
        if datatype == _XSD_DECIMAL:  # engines write 244.0 or 244; the value is the same
            value = plain_text(value)
        return Cell("literal", value, term.language, None if term.language else datatype)
    raise SparqlError(f"unexpected term {term!r}")


XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_XSD_DECIMAL = "http://www.w3.org/2001/XMLSchema#decimal"
