"""Markdown articles: headings become headlines and section heads, inline markup is dropped (offsets kept)."""

from __future__ import annotations

import re

from kg.ingest.clean import Text
from kg.ingest.layout import Line, read_lines

_HEADING = re.compile(r"^(#{1,6})\s+")
_BLOCK = re.compile(r"^(?:>\s?|[-*+]\s+|\d+[.)]\s+)")
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_MARKS = re.compile(r"\*\*|__|`|~~")


def _keep(text: str) -> list[bool]:
    keep = [True] * len(text)
    for m in _IMAGE.finditer(text):
        keep[m.start() : m.end()] = [False] * (m.end() - m.start())
    for m in _LINK.finditer(text):
        keep[m.start() : m.end()] = [False] * (m.end() - m.start())
        keep[m.start(1) : m.end(1)] = [True] * (m.end(1) - m.start(1))
    for m in _MARKS.finditer(text):
        keep[m.start() : m.end()] = [False] * (m.end() - m.start())
    return keep


def markdown_lines(source: str) -> tuple[list[Line | None], dict[int, str]]:
    """Plain lines of a Markdown file, and the kind of each heading line (headline for the first #)."""
    out: list[Line | None] = []
    forced: dict[int, str] = {}
    for line in read_lines(source):
        if line is None:
            out.append(None)
            continue
        raw = str(line)
        if re.fullmatch(r"[-*_=\s]{3,}", raw):  # rules and setext underlines
            out.append(None)
            continue
        cut = 0
        heading = _HEADING.match(raw)
        if heading:
            cut = heading.end()
            first = not any(k == "headline" for k in forced.values())
            forced[line.number] = "headline" if len(heading[1]) == 1 and first else "subhead"
        else:
            block = _BLOCK.match(raw)
            cut = block.end() if block else 0
        body = raw[cut:]
        keep = _keep(body)
        chars = [c for c, k in zip(body, keep, strict=True) if k]
        offs = [o for o, k in zip(line.text.offs[cut:], keep, strict=True) if k]
        out.append(Line(line.number, Text(chars, offs)) if "".join(chars).strip() else None)
        if out[-1] is None:
            forced.pop(line.number, None)
    return out, forced
