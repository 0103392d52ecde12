"""Every person, organization and place an article names (schema:mentions)."""

from __future__ import annotations

from collections.abc import Iterator

from kg.extract.common import entity, evidence
from kg.extract.facts import Mentioned
from kg.models import Article
from kg.nlp.doc import analyse


def extract(article: Article) -> Iterator[Mentioned]:
    """One fact per mention, with the sentence it is in."""
    doc = analyse(article)
    for m in doc.mentions:
        yield Mentioned(evidence=evidence(doc, doc.sent_of(m.begin)), entity=entity(m))
