"""The build's validation: each article's triples checked (in batches of articles, each as if alone),
and the facts whose triples a shape rejects kept out of the graph with the reason."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from rdflib import Dataset, Graph, URIRef

from kg.extract.facts import Fact
from kg.validate.cycles import cross_check
from kg.validate.datasets import _split_cached, split
from kg.validate.shacl import SHAPES, Result, order, validate


@dataclass(frozen=True)
class Quarantined:
    """A fact kept out of the graph, with why and where it was read."""

    fact: Fact | None
    results: tuple[Result, ...]


class Validator:
    """The build's validation: check each article's triples, quarantine the facts that violate."""

    def __init__(self, shapes: Graph | None = None):
        self.local, self.across = split(shapes) if shapes is not None else _split_cached(str(SHAPES))

    def check(self, mapped) -> list[Quarantined]:
        """One article's quarantine: the facts whose triples a local shape rejects."""
        g = Graph()
        for t in mapped.triples():
            g.add(t)
        return _quarantine(mapped, validate(g, self.local, str(mapped.article)).results)

    def check_many(self, batch: list) -> list[list[Quarantined]]:
        """Each article's quarantine, exactly as check() gives it, from one pyshacl run over the batch.

        pyshacl's cost is mostly per shape per run, so one run over 32 articles costs a third of 32
        runs. The articles are made disjoint first: every IRI an article says something about is
        prefixed with the article's place in the batch, so each node is checked with its own
        article's triples only, as if alone. A result that names no article's node sends the batch
        back to check() one article at a time.
        """
        if len(batch) < 2:
            return [self.check(m) for m in batch]
        g = Graph()
        for k, mapped in enumerate(batch):
            for t in _disjoint(k, mapped.triples()):
                g.add(t)
        per: list[list[Result]] = [[] for _ in batch]
        for r in validate(g, self.local).results:
            m = _BATCH_NODE.match(r.focus)
            if m is None:
                return [self.check(x) for x in batch]
            k = int(m.group(1))
            per[k].append(replace(r, focus=_undo(r.focus), value=_undo(r.value), graph=str(batch[k].article)))
        return [_quarantine(mapped, sorted(results, key=order)) for mapped, results in zip(batch, per, strict=True)]

    def cross_check(self, data: Dataset, describe=None) -> list[Quarantined]:
        found = cross_check(data, self.across, describe).results
        return [Quarantined(None, (r,)) for r in found if r.severity == "Violation"]


def _quarantine(mapped, results: list[Result]) -> list[Quarantined]:
    bad = [r for r in results if r.severity == "Violation"]
    out = []
    for fact, triples in mapped.facts:
        subjects = {str(s) for s, _, _ in triples}
        hits = tuple(r for r in bad if r.focus in subjects)
        if hits:
            out.append(Quarantined(fact, hits))
    return out


_BATCH = "urn:kg-batch:"
_BATCH_NODE = re.compile(r"^urn:kg-batch:(\d+):")


def _disjoint(k: int, triples: list) -> list:
    """The triples with every node they describe renamed into batch slot k (urn:kg-batch:k:IRI)."""
    prefix = f"{_BATCH}{k}:"
    # prefix + str(s): prefix + s would be a URIRef already, built (and checked) twice
    renamed = {s: URIRef(prefix + str(s)) for s, _, _ in triples if isinstance(s, URIRef)}
    return [(renamed.get(s, s), p, renamed.get(o, o) if isinstance(o, URIRef) else o) for s, p, o in triples]


def _undo(text: str | None) -> str | None:
    return _BATCH_NODE.sub("", text) if text is not None else None
