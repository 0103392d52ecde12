"""validate: does a graph keep the data contract, and how well does it read the news.

Owns the SHACL shapes' engine (shacl: pyshacl wrapped once, readable results), whole datasets and
stores checked (datasets, and cycles for the one check that spans articles), the build's
per-article quarantine (quarantine) and scores against hand-read gold facts (gold, for kg eval).

May import: kg.store, kg.rdf, kg.extract (the facts a quarantine names), kg.nlp.decimals, kg.models,
kg.errors. Nothing above.
"""

from kg.validate.cycles import ORG_CLASS, cross_check
from kg.validate.datasets import split, validate_dataset
from kg.validate.quarantine import Quarantined, Validator
from kg.validate.shacl import Report, Result, shapes_graph, validate

__all__ = [
    "ORG_CLASS",
    "Quarantined",
    "Report",
    "Result",
    "Validator",
    "cross_check",
    "shapes_graph",
    "split",
    "validate",
    "validate_dataset",
]
