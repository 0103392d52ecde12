"""A store behind a SPARQL 1.1 server: Graph Store Protocol writes per article, SPARQL Query reads.

``--store http://host:port/path`` names the dataset. By default the endpoints are Oxigraph's
(``/query``, ``/update``, ``/store``); other servers are reached by naming theirs in the URL's
fragment, e.g. Apache Jena Fuseki: ``http://host:3030/ds#query=sparql&update=update&data=data``.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request

from rdflib import Dataset, Graph, URIRef

from kg.errors import InputError
from kg.store.engine import Cell, Result, SparqlError, cell
from kg.store.model import META as _META

_DEFAULTS = {"query": "query", "update": "update", "data": "store"}
_ACCEPT = "application/sparql-results+json, application/n-triples;q=0.9"


class Remote:
    """Endpoints of one dataset on a SPARQL server."""

    def __init__(self, url: str, timeout: float = 60.0):
        base, _, fragment = url.partition("#")
        try:
            parts = urllib.parse.urlsplit(base)
            parts.port  # noqa: B018 - read for its check: a port that is not a number raises here
        except ValueError as e:
            raise InputError(url, f"not a store URL: {e}") from None
        if not parts.hostname:
            raise InputError(url, "not a store URL: no host")
        self.base = base.rstrip("/")
        names = {**_DEFAULTS, **dict(urllib.parse.parse_qsl(fragment))}
        self.endpoints = {k: f"{self.base}/{v.lstrip('/')}" for k, v in names.items()}
        self.timeout = timeout

    def _request(self, url: str, method: str = "GET", data: bytes | None = None, headers: dict | None = None):
        req = urllib.request.Request(url, data=data, method=method, headers=headers or {})
        try:
            with urllib.request.urlopen(req, timeout=self.timeout) as r:
                return r.status, r.headers.get("Content-Type", ""), r.read()
        except urllib.error.HTTPError as e:
            return e.code, e.headers.get("Content-Type", ""), e.read()
        except (OSError, ValueError) as e:  # ValueError: http.client's InvalidURL
            raise InputError(self.base, f"cannot reach the store: {e}") from None

    # writes: the Graph Store Protocol
    def put(self, graph: URIRef, triples) -> None:
        """Replace one article's graph (PUT replaces it whole, in one request)."""
        g = Graph()
        for t in triples:
            g.add(t)
        body = g.serialize(format="nt", encoding="utf-8")
        status, _, text = self._request(self._graph_url(graph), "PUT", body, {"Content-Type": "application/n-triples"})
        if status not in (200, 201, 204):
            raise InputError(self.base, f"PUT of {graph} answered {status}: {text[:200]!r}")

    def remove(self, graph: URIRef) -> bool:
        status, _, text = self._request(self._graph_url(graph), "DELETE")
        if status == 404:
            return False
        if status not in (200, 204):
            raise InputError(self.base, f"DELETE of {graph} answered {status}: {text[:200]!r}")
        return True

    def _graph_url(self, graph: URIRef) -> str:
        return self.endpoints["data"] + "?" + urllib.parse.urlencode({"graph": str(graph)})

    # reads: SPARQL Query, the default graph being the union of the graphs
    def query(self, text: str, bindings=None) -> Result:
        if bindings:
            raise SparqlError("a remote store takes queries with their parameters already substituted")
        body = urllib.parse.urlencode({"query": text, "union-default-graph": ""}).encode()
        status, ctype, payload = self._request(
            self.endpoints["query"],
            "POST",
            body,
            {"Content-Type": "application/x-www-form-urlencoded", "Accept": _ACCEPT},
        )
        if status != 200:
            raise SparqlError(f"the store answered {status}: {payload.decode('utf-8', 'replace')[:300]}")
        if ctype.startswith("application/n-triples") or ctype.startswith("text/turtle"):
            g = Graph()
            g.parse(data=payload.decode("utf-8"), format="nt" if "n-triples" in ctype else "turtle")
            return Result("graph", graph=g)
        data = json.loads(payload)
        if "boolean" in data:
            return Result("ask", boolean=bool(data["boolean"]))
        names = data["head"]["vars"]
        rows = [tuple(_normal(Cell.from_json(b.get(n))) for n in names) for b in data["results"]["bindings"]]
        return Result("select", names, rows)

    def graphs(self) -> list[str]:
        """The articles' graphs (not the store's own, kg.store.model.META)."""
        rows = self.query(f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER (?g != {_META.n3()}) }}").rows
        return sorted(r[0].value for r in rows)

    def dataset(self) -> Dataset:
        """Every named graph, read with one SPARQL query."""
        data = Dataset()
        rows = self.query(f"SELECT ?s ?p ?o ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER (?g != {_META.n3()}) }}").rows
        for s, p, o, g in rows:
            graph = data.graph(URIRef(g.value))
            graph.add((s.term(), p.term(), o.term()))
        return data

    def union(self) -> Dataset:
        """The union of the articles' graphs, each triple once."""
        data = Dataset()
        query = f"SELECT DISTINCT ?s ?p ?o WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER (?g != {_META.n3()}) }}"
        for s, p, o in self.query(query).rows:
            data.default_graph.add((s.term(), p.term(), o.term()))
        return data

    def flush(self) -> None:
        pass

    def close(self) -> None:
        pass


def _normal(c: Cell | None) -> Cell | None:
    """The same cell an in-process engine gives (plain strings, canonical decimals)."""
    return None if c is None else cell(c.term())


def is_remote(store: str | None) -> bool:
    return bool(store) and str(store).startswith(("http://", "https://"))
