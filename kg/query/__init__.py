"""query: the questions kg answers and the forms its answers take.

Owns the saved SPARQL queries in queries/ (saved: parameters, their checks, substitution) and the
result formats of the command line and the server (formats: table, TSV, CSV, JSON, XML, RDF), and
what no query may ask (guard: SERVICE, deep nesting), and the search index beside a store (search:
names and aliases in SQLite FTS5, for search and the browse pages).
Engines are kg.store's; this package only says what to ask and how to print the answer.

May import: kg.store, kg.rdf, kg.nlp.decimals, kg.errors. Nothing above (not kg.serve, not kg.cli).
"""
