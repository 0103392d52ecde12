"""A small picture of an entity's neighbourhood, drawn on the server as SVG (no script, nothing fetched)."""

from __future__ import annotations

import math
from xml.sax.saxutils import escape, quoteattr

_COLOURS = {"posts": "#1f77b4", "people": "#2ca02c", "within": "#9467bd", "contains": "#8c564b", "events": "#d62728"}
# What each edge says, read from the entity in the middle: its posts, the people holding posts in it, the
# places it lies in, the places in it, the events it took part in.
RELATIONS = {"posts": "职务", "people": "任职", "within": "位于", "contains": "下辖", "events": "参加"}
_LEGEND_ROW = 20


def neighbourhood(centre: str, neighbours: list[tuple[str, str, str]], link=lambda iri: "#", size: int = 360) -> str:
    """The entity in the middle, its neighbours (iri, name, section) around it, linked to their pages,
    each edge labelled with what it says (职务, 位于…), and a legend of the colours below. The picture
    is as wide as the page up to 420 px, so that its 15 px labels stay legible on a phone and it does
    not fill a desktop screen."""
    shown = neighbours[:16]
    sections = [s for s in RELATIONS if any(section == s for _, _, section in shown)]
    height = size + _LEGEND_ROW * len(sections) + (10 if sections else 0)
    mid = size / 2
    radius = size / 2 - 60
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {height}" width="100%" '
        f'style="max-width:420px" role="img" aria-label={quoteattr("关系图：" + centre)}>',
        "<style>text{font:15px sans-serif}.edge{font-size:12px;fill:#555}</style>",
    ]
    for k, (iri, name, section) in enumerate(shown):
        angle = 2 * math.pi * k / max(1, len(shown)) - math.pi / 2
        x, y = mid + radius * math.cos(angle), mid + radius * math.sin(angle)
        colour = _COLOURS.get(section, "#7f7f7f")
        parts.append(
            f'<line x1="{mid:.0f}" y1="{mid:.0f}" x2="{x:.0f}" y2="{y:.0f}" stroke="{colour}" stroke-width="1.5"/>'
        )
        if section in RELATIONS:  # the label at two thirds of the way out, clear of the centre's name
            lx, ly = mid + (x - mid) * 0.6, mid + (y - mid) * 0.6
            parts.append(
                f'<text class="edge" x="{lx:.0f}" y="{ly:.0f}" text-anchor="middle">{RELATIONS[section]}</text>'
            )
        parts.append(
            f'<a href={quoteattr(link(iri))}><circle cx="{x:.0f}" cy="{y:.0f}" r="6" fill="{colour}"/>'
            f'<text x="{x:.0f}" y="{y + 18:.0f}" text-anchor="middle">{escape(name[:10])}</text></a>'
        )
    parts.append(f'<circle cx="{mid:.0f}" cy="{mid:.0f}" r="10" fill="#ff7f0e"/>')
    parts.append(
        f'<text x="{mid:.0f}" y="{mid - 16:.0f}" text-anchor="middle" font-weight="bold">{escape(centre[:14])}</text>'
    )
    for k, section in enumerate(sections):  # the legend: one row per kind of edge drawn
        y = size + 10 + _LEGEND_ROW * k
        parts.append(f'<rect x="20" y="{y - 10}" width="12" height="12" fill="{_COLOURS[section]}"/>')
        parts.append(f'<text x="40" y="{y}">{RELATIONS[section]}</text>')
    parts.append("</svg>")
    return "".join(parts)
