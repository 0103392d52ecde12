"""A small picture of an entity's neighbourhood, drawn on the server as SVG (no script, nothing fetched)."""

from __future__ import annotations

import math
from xml.sax.saxutils import escape, quoteattr

_COLOURS = {"posts": "#1f77b4", "people": "#2ca02c", "within": "#9467bd", "contains": "#8c564b", "events": "#d62728"}


def neighbourhood(centre: str, neighbours: list[tuple[str, str, str]], link=lambda iri: "#", size: int = 360) -> str:
    """The entity in the middle, its neighbours (iri, name, section) around it, linked to their pages."""
    shown = neighbours[:16]
    mid = size / 2
    radius = size / 2 - 60
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size}" width="100%" '
        f'role="img" aria-label={quoteattr("关系图：" + centre)}>',
        "<style>text{font:12px sans-serif}</style>",
    ]
    for k, (iri, name, section) in enumerate(shown):
        angle = 2 * math.pi * k / max(1, len(shown)) - math.pi / 2
        x, y = mid + radius * math.cos(angle), mid + radius * math.sin(angle)
        colour = _COLOURS.get(section, "#7f7f7f")
        parts.append(
            f'<line x1="{mid:.0f}" y1="{mid:.0f}" x2="{x:.0f}" y2="{y:.0f}" stroke="{colour}" stroke-width="1.5"/>'
        )
        parts.append(
            f'<a href={quoteattr(link(iri))}><circle cx="{x:.0f}" cy="{y:.0f}" r="6" fill="{colour}"/>'
            f'<text x="{x:.0f}" y="{y + 18:.0f}" text-anchor="middle">{escape(name[:10])}</text></a>'
        )
    parts.append(f'<circle cx="{mid:.0f}" cy="{mid:.0f}" r="10" fill="#ff7f0e"/>')
    parts.append(
        f'<text x="{mid:.0f}" y="{mid - 16:.0f}" text-anchor="middle" font-weight="bold">{escape(centre[:14])}</text>'
    )
    parts.append("</svg>")
    return "".join(parts)
