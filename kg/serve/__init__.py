"""The HTTP server: SPARQL Protocol, saved queries, OpenAPI and HTML pages."""

from kg.serve.app import create_app, serve
from kg.serve.runner import Limits

__all__ = ["Limits", "create_app", "serve"]
