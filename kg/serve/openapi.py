"""An OpenAPI 3 description of the saved queries, as grlc makes one, so that a client can be generated."""

from __future__ import annotations

from kg.query.formats import SELECT_TYPES
from kg.query.saved import SavedQuery

_SCHEMAS = {
    "literal": {"type": "string"},
    "iri": {"type": "string", "format": "uri"},
    "date": {"type": "string", "format": "date"},
    "integer": {"type": "integer"},
}


def spec(queries: dict[str, SavedQuery], version: str) -> dict:
    paths = {}
    for q in queries.values():
        params = [
            {
                "name": p.name,
                "in": "query",
                "required": p.default is None,
                "description": p.description,
                "schema": {**_SCHEMAS[p.type], **({"default": p.default} if p.default is not None else {})},
                "example": p.example,
            }
            for p in q.params
        ]
        paths[f"/queries/{q.name}"] = {
            "get": {
                "operationId": q.name.replace("-", "_"),
                "summary": q.title,
                "description": q.description,
                "parameters": params,
                "responses": {
                    "200": {"description": "the rows", "content": {m: {} for m in SELECT_TYPES.values()}},
                    "304": {"description": "not modified: the client's copy (its ETag) is still the answer"},
                    "422": {"description": "a missing or badly typed parameter, or more rows than the server's limit"},
                    "503": {"description": "every query worker stayed busy; try again (Retry-After)"},
                    "504": {"description": "the query ran longer than the server's timeout"},
                },
            }
        }
    return {
        "openapi": "3.0.3",
        "info": {
            "title": "kg saved queries",
            "version": version,
            "description": "SPARQL queries over a knowledge graph of Chinese news, with typed parameters.",
        },
        "paths": paths,
    }
