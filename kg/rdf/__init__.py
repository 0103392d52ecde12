"""rdf: facts as RDF in public vocabularies (W3C ORG, schema.org, PROV-O, NIF; docs/model.md).

Owns the vocabulary terms (vocab), the deterministic IRIs (iris), the mapping of an article and its
facts to the triples of its named graph (mapping) and where the shapes and queries written against
that vocabulary lie (folders).

May import: kg.extract (the facts it maps), kg.nlp.decimals, kg.models, kg.errors. Nothing above.
"""
