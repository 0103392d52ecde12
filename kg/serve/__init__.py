"""serve: kg over HTTP: the SPARQL 1.1 Protocol, saved queries, OpenAPI and the HTML pages.

Owns the Starlette app and its routes (app), content negotiation (negotiate), the OpenAPI document
(openapi), queries run on a pool of worker processes that a timeout can kill (runner), the result
cache and ETags (cache), the body limit and the read timeout (hygiene), the neighbourhood picture
(svg) and the page templates.

May import: kg.query, kg.store, kg.rdf, kg.nlp.decimals, kg.errors. Nothing above (not kg.cli).
"""

from kg.serve.app import create_app, serve
from kg.serve.runner import Limits

__all__ = ["Limits", "create_app", "serve"]
