"""ingest: files, folders and JSON Lines -> clean articles with a map back to their sources.

Owns reading and decoding files (sources, decode), cleaning OCR text (clean), the layout of a
printed page (layout, page, markers: headlines, bylines, datelines) and Markdown, and
read_articles(), the entry point of the pipeline.

May import: kg.models, kg.errors, kg.paths only. It is the bottom stage.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from kg.errors import InputError
from kg.ingest.articles import articles_of
from kg.ingest.sources import find_files, load
from kg.models import Article

__all__ = ["read_articles"]


def read_articles(
    paths: list[Path],
    date: dt.date | None = None,
    report: Callable[[InputError], None] | None = None,
    fields: dict[str, str] | None = None,
) -> list[Article]:
    """Read every input into articles, in sorted file order and page order.

    A file named on its own that cannot be read raises InputError. A bad file found
    inside a folder (or a bad record in it) is passed to ``report`` and skipped.
    ``date`` is the publication date of articles whose input gives none. A JSON Lines record with
    no text is passed to ``report`` and skipped, whether its file was named or found. ``fields`` maps
    kg's record fields to the keys a file uses ({"id": "docno"}).
    """
    out: list[Article] = []
    by_id: dict[str, Article] = {}
    for path, explicit in find_files([Path(p) for p in paths], report):
        try:
            found = list(articles_of(load(path, date, fields), None if explicit else report, report))
        except InputError as e:
            if explicit or report is None:
                raise
            report(e)
            continue
        for article in found:
            other = by_id.get(article.id)
            if other is not None:
                if other.text == article.text:
                    continue  # the same article read twice
                raise InputError(article.path, f"article id {article.id!r} is also used by {other.path}", article.line)
            by_id[article.id] = article
            out.append(article)
    if not out:
        raise InputError(", ".join(str(p) for p in paths), "no articles found")
    return out
