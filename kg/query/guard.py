"""What a query may not ask, checked on its text before any engine sees it.

- **No federation.** ``SERVICE`` makes the engine fetch from another host (rdflib and Oxigraph both
  do), so an endpoint would POST anywhere on a client's behalf. It is refused unless the caller
  allows it (the CLI's ``--allow-service``; the server never does).
- **No deep nesting.** Parsers recurse per level of ``{ ( [``; hundreds of levels end in a recursion
  error with no reason given. More than MAX_DEPTH levels are refused with the count.

SPARQL lets ``\\uXXXX`` escapes stand for any character of the query (rdflib applies them before
parsing, so ``\\u0053ERVICE`` is SERVICE there), so the check reads the text with them applied.
Comments, strings and IRIs are not query code and are skipped.
"""

from __future__ import annotations

import re

from kg.store.engine import SparqlError

MAX_DEPTH = 64

# SPARQL text that is not query code: comments, strings (short and long) and IRIs.
SKIP = re.compile(
    r"#[^\n]*"
    r"|'''(?:[^\\]|\\.)*?'''"
    r'|"""(?:[^\\]|\\.)*?"""'
    r"|'(?:[^'\\\n]|\\.)*'"
    r'|"(?:[^"\\\n]|\\.)*"'
    r"|<[^<>\"{}|^`\\\s]*>"
)
# As rdflib reads them: \u or \U, then four hex digits, or eight when eight follow.
ESCAPE = re.compile(r"\\[uU]([0-9A-Fa-f]{4}(?:[0-9A-Fa-f]{4})?)")
# The keyword, not a variable (?service), a prefixed name (ex:SERVICE, service:x) or a blank node.
_SERVICE = re.compile(r"(?<![\w:?$])SERVICE(?![\w:])", re.IGNORECASE)
_OPEN, _CLOSE = "{([", "})]"


class QueryRefused(SparqlError):
    """A query kg will not run: one line saying why."""


def code(text: str) -> str:
    """The query's code: escapes applied, comments, strings and IRIs blanked."""
    return SKIP.sub(" ", unescape(text))


def unescape(text: str) -> str:
    """The query with its ``\\uXXXX`` and ``\\UXXXXXXXX`` escapes applied, as SPARQL 1.1 (19.2) says and
    as rdflib reads them (either letter, four or eight digits)."""

    def one(m: re.Match) -> str:
        point = int(m.group(1), 16)
        if point > 0x10FFFF or 0xD800 <= point <= 0xDFFF:
            raise QueryRefused(f"SPARQL syntax error: {m.group(0)} is no character")
        return chr(point)

    return ESCAPE.sub(one, text)


def check(text: str, allow_service: bool = False) -> None:
    """Raise QueryRefused for a federated query (unless allowed) or one nested too deeply."""
    body = code(text)
    if not allow_service and _SERVICE.search(body):
        raise QueryRefused(
            "SERVICE is refused: kg does not fetch from other hosts on a query's behalf (federation is off)"
        )
    depth = deepest = 0
    for ch in body:
        if ch in _OPEN:
            depth += 1
            deepest = max(deepest, depth)
        elif ch in _CLOSE:
            depth -= 1
    if deepest > MAX_DEPTH:
        raise QueryRefused(f"the query nests {deepest} levels deep, more than the limit of {MAX_DEPTH}")
