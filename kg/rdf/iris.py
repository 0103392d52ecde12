"""The only place IRIs are minted: readable, deterministic, one per real thing."""

from __future__ import annotations

import hashlib

from rdflib import URIRef

DEFAULT_BASE = "https://example.org/kg/"
_SAFE = frozenset("-._~")
_KEEP = 1 << 16  # IRIs a Minter remembers (an archive has more entities; then it starts again)


def segment(text: str) -> str:
    """One path segment of an IRI: letters and digits of any script stay, the rest is percent-encoded.

    >>> segment("某某大学 财政/金融")
    '某某大学%20财政%2F金融'
    """
    out = []
    for c in text:
        if c.isalnum() or c in _SAFE:
            out.append(c)
        else:
            out.extend(f"%{b:02X}" for b in c.encode("utf-8"))
    return "".join(out)


class Minter:
    """IRIs under one base: ``Minter(base).person("张三")``."""

    def __init__(self, base: str = DEFAULT_BASE):
        self.base = base if base.endswith(("/", "#")) else base + "/"
        # The same entities, roles and posts come back in article after article: each IRI is built once.
        self._made: dict[tuple[str, ...], URIRef] = {}

    def _iri(self, *parts: str) -> URIRef:
        iri = self._made.get(parts)
        if iri is None:
            if len(self._made) >= _KEEP:
                self._made.clear()
            iri = self._made[parts] = self._build(parts)
        return iri

    def _build(self, parts: tuple[str, ...]) -> URIRef:
        return URIRef(self.base + "/".join(segment(p) for p in parts))

    def article(self, article_id: str) -> URIRef:
        return self._iri("article", article_id)

    def source(self, name: str) -> URIRef:
        return self._iri("source", name)

    def sentence(self, article_id: str, begin: int, end: int) -> URIRef:
        return URIRef(f"{self.article(article_id)}#char={begin},{end}")

    def entity(self, kind: str, name: str, path: tuple[str, ...] = ()) -> URIRef:
        """person/张三, org/某某大学, place/某省/某市/某区 (administrative areas by their chain)."""
        return self._iri(kind, *(path or (name,)))

    def occupation(self, name: str) -> URIRef:
        return self._iri("occupation", name)

    def role(self, role: str) -> URIRef:
        return self._iri("role", role)

    def post(self, org: str, role: str) -> URIRef:
        return self._iri("post", org, role)

    def membership(self, person: str, org: str | None, role: str) -> URIRef:
        """membership/张三/某局/局长, or membership/张三/教授 for a role with no organization: one per holding."""
        return self._iri("membership", person, *((org,) if org else ()), role)

    def statement(self, child: URIRef, link: URIRef, parent: URIRef) -> URIRef:
        """statement/<hash of the triple>: the reified containment or sub-organization link, the same
        in every article that states it or draws it from the gazetteer."""
        key = "\x1f".join((str(child), str(link), str(parent)))
        return self._iri("statement", hashlib.sha1(key.encode("utf-8")).hexdigest()[:16])

    def gazetteer(self, name: str, version: str) -> URIRef:
        return self._iri("gazetteer", name, version)

    def event(self, name: str, date: str | None) -> URIRef:
        return self._iri("event", name, date or "undated")

    def observation(self, article_id: str, begin: int, *key: str) -> URIRef:
        digest = hashlib.sha1("\x1f".join(key).encode("utf-8")).hexdigest()[:10]
        return self._build(("observation", article_id, f"{begin}-{digest}"))  # each article's own: not remembered
