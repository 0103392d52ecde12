"""XML entity declarations that kg refuses before an XML parser expands them.

RDF/XML may declare entities in its DOCTYPE; tools use them to abbreviate namespaces
(``<!ENTITY owl "http://www.w3.org/2002/07/owl#">``), and those stay allowed. An entity whose value
uses another entity grows with each level (the "billion laughs": 1.3 KB of declarations expand to
gigabytes), and external and parameter entities read other files. So an entity is refused when it is
external (SYSTEM, PUBLIC), a parameter entity (%), refers to other entities, or is longer than a
namespace; and so is a DTD of more than MAX_ENTITIES of them. Expansion is then at most linear.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from kg.errors import InputError

MAX_ENTITIES = 64
MAX_VALUE = 256  # characters of one entity's value
_DECLARATION = re.compile(rb"<!ENTITY\b")
_SIMPLE = re.compile(rb"<!ENTITY\s+([^\s%\"'<>]+)\s+(?:\"([^\"&%<]*)\"|'([^'&%<]*)')\s*>")


def check(path: Path) -> None:
    """Raise InputError if the XML file at ``path`` declares an entity kg will not expand."""
    try:
        data = path.read_bytes()
    except OSError as e:
        raise InputError(path, f"cannot read: {e.strerror or e}") from None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        data = data.decode("utf-16", "replace").encode("utf-8")
    if b"<!DOCTYPE" not in data:
        return
    declared = list(_DECLARATION.finditer(data))
    if len(declared) > MAX_ENTITIES:
        raise InputError(path, f"declares {len(declared)} XML entities, more than the limit of {MAX_ENTITIES}")
    for m in declared:
        simple = _SIMPLE.match(data, m.start())
        value = simple and (simple.group(2) if simple.group(2) is not None else simple.group(3))
        if value is None or len(value.decode("utf-8", "replace")) > MAX_VALUE:
            line = data.count(b"\n", 0, m.start()) + 1
            raise InputError(
                path,
                "XML entity refused: only short entities that use no other entity and no outside file are "
                "expanded (an entity that refers to others can grow to gigabytes)",
                line,
            )
