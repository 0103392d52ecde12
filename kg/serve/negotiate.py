"""Content negotiation for the SPARQL Protocol: the Accept header's best match among what a result can be."""

from __future__ import annotations

from kg.query.formats import GRAPH_TYPES, SELECT_TYPES

HTML = "text/html"
_ALIASES = {"application/json": "json", "text/plain": "tsv", "application/xml": "xml", "text/xml": "xml"}


def choose(accept: str | None, kind: str, allow_html: bool = True) -> tuple[str, str] | None:
    """(short format, media type) for a result kind (select, ask, graph), or None when nothing fits.

    >>> choose("text/csv;q=0.5, application/sparql-results+json", "select")
    ('json', 'application/sparql-results+json')
    """
    offers = dict(GRAPH_TYPES) if kind == "graph" else dict(SELECT_TYPES)
    by_type = {media: short for short, media in offers.items()}
    if kind != "graph":
        by_type.update({m: s for m, s in _ALIASES.items() if s in offers})
    if allow_html:
        by_type[HTML] = "html"
    default = ("turtle", offers["turtle"]) if kind == "graph" else ("json", offers["json"])
    if not accept:
        return default
    ranked = []
    for i, part in enumerate(accept.split(",")):
        fields = [f.strip() for f in part.split(";")]
        media, q = fields[0].lower(), 1.0
        for f in fields[1:]:
            if f.startswith("q="):
                try:
                    q = float(f[2:])
                except ValueError:
                    q = 0.0
        ranked.append((-q, i, media))
    for neg_q, _, media in sorted(ranked):
        if neg_q == 0:
            continue
        if media in by_type:
            short = by_type[media]
            return short, media if short != "html" else HTML
        if media in ("*/*", "application/*", "text/*"):
            return default
    return None
