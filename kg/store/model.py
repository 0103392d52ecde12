"""Which version of the data model a store was built with: recorded when a build starts on an empty
store, checked whenever a store is opened, so that a store built before a model change is refused
with one line instead of answering queries wrongly.

The record lives in a named graph of its own (never an article's), which exports, ``graphs()`` and
the union default graph leave out.
"""

from __future__ import annotations

from rdflib import Literal, URIRef
from rdflib.namespace import XSD

from kg.rdf.vocab import KG, MODEL_VERSION

META = URIRef(str(KG._NS) + "store")  # the store's own graph, and the node the version hangs on
_FIND = f"""
SELECT ?version ?graph WHERE {{
  {{ GRAPH {META.n3()} {{ {META.n3()} {KG.modelVersion.n3()} ?version }} }}
  UNION
  {{ SELECT ?graph WHERE {{ GRAPH ?graph {{ ?s ?p ?o }} FILTER (?graph != {META.n3()}) }} LIMIT 1 }}
}}"""


class OutdatedStore(Exception):
    """The store holds articles of another model version: it must be built again."""


def triples() -> list[tuple]:
    """What a store records of the model it holds."""
    return [(META, KG.modelVersion, Literal(MODEL_VERSION, datatype=XSD.integer))]


def check(target) -> bool:
    """Raise OutdatedStore unless the store holds this model's articles or none; True when it holds
    no record yet (an empty store, to be stamped by the first build)."""
    rows = target.query(_FIND).rows
    versions = {int(r[0].value) for r in rows if r[0] is not None}
    has_articles = any(r[1] is not None for r in rows)
    if versions == {MODEL_VERSION}:
        return False
    if versions or has_articles:
        built = max(versions) if versions else 1
        raise OutdatedStore(
            f"built with kg's data model {built}, and this kg reads model {MODEL_VERSION} "
            "(docs/model.md): build the store again into a new folder (kg build INPUT --store NEW)"
        )
    return True
