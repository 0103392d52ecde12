"""Documents -> Articles: pages are split, Markdown and JSON Lines records are one article each."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from dataclasses import replace

from kg.errors import InputError
from kg.ingest.clean import Text, clean
from kg.ingest.layout import read_items
from kg.ingest.markdown import markdown_lines
from kg.ingest.page import Body, Draft, render, split_page, whole
from kg.ingest.sources import MAX_TEXT, Document, parse_date
from kg.models import Article, SourceMeta

# A file name that reads as a headline: a run of four Chinese characters.
_TITLE_STEM = re.compile(r"[\u4e00-\u9fff]{4}")
_FIELDS = {"headline": ("headline", "title"), "text": ("text", "content", "body")}


def article_id(stem: str) -> str:
    """A readable, IRI-safe id part from a file stem."""
    return re.sub(r"[^\w.-]+", "_", stem).strip("_") or "article"


def _article(body: Body, aid: str, doc: Document, meta: SourceMeta, line: int | None = None) -> Article:
    size = sum(len(p.text) for p in body.paragraphs)
    if size > MAX_TEXT:
        raise InputError(doc.path, f"an article of {size:,} characters, more than the limit of {MAX_TEXT:,}", line)
    if meta.date is None:
        meta = replace(meta, date=body.stamp or doc.default_date)
    return Article(
        id=aid,
        path=str(doc.path),
        headlines=tuple(body.headlines),
        paragraphs=tuple(body.paragraphs),
        offsets=tuple(body.offsets),
        meta=meta,
        bylines=tuple(body.bylines),
        dateline=body.dateline,
        continued_from=body.continued_from,
        credits=tuple(body.credits),
        line=line,
    )


def from_page(doc: Document) -> list[Article]:
    drafts, _ = split_page(read_items(doc.text))
    return _number(doc, drafts)


def from_markdown(doc: Document) -> list[Article]:
    lines, forced = markdown_lines(doc.text)
    return _number(doc, [whole(read_items(lines, forced))])


def _number(doc: Document, drafts: list[Draft]) -> list[Article]:
    bodies = [b for b in map(render, drafts) if b.paragraphs]
    if not bodies:
        raise InputError(doc.path, "no article text found")
    stem = article_id(doc.path.stem)
    # A date printed once on a page (or atop a file of several reports) dates every article on it.
    stamp = next((b.stamp for b in bodies if b.stamp is not None), None)
    for b in bodies:
        b.stamp = b.stamp or stamp
    if len(bodies) == 1:
        if not bodies[0].headlines and _TITLE_STEM.search(doc.path.stem):
            # A file of one article that prints no headline (its first line is the date) is named by its
            # title, as news archives save them: 某市某区某大厦发生火灾.txt.
            bodies[0].headlines = [str(clean(Text.of(doc.path.stem, 0), keep_phrase_spaces=True))]
        return [_article(bodies[0], stem, doc, doc.meta)]
    return [_article(b, f"{stem}-{k:02d}", doc, doc.meta) for k, b in enumerate(bodies, 1)]


class EmptyRecord(InputError):
    """A JSON Lines record whose text is empty: skipped with one warning, wherever its file was named."""


def _keys(name: str, doc: Document) -> tuple[str, ...]:
    """The keys a field is read from: the one --field maps it to, else kg's names for it."""
    mapped = dict(doc.fields).get(name)
    return (mapped,) if mapped else _FIELDS.get(name, (name,))


def _field(record: dict, name: str, doc: Document, line: int, required: bool = True) -> str | None:
    for key in _keys(name, doc):
        value = record.get(key)
        if value is not None:
            if not isinstance(value, (str, int)) or not str(value).strip():
                if name == "text" and isinstance(value, str):
                    raise EmptyRecord(doc.path, "record has no text", line)
                raise InputError(doc.path, f"field {key!r} must be a non-empty string", line)
            return str(value)
    if required:
        keys = " or ".join(repr(k) for k in _keys(name, doc))
        raise InputError(doc.path, f"record has no {name!r} field ({keys}; map another key with --field)", line)
    return None


def from_jsonl(
    doc: Document,
    report: Callable[[InputError], None] | None = None,
    empty: Callable[[InputError], None] | None = None,
) -> Iterator[Article]:
    """One article per JSON object line; a bad line raises, or is reported and skipped when ``report`` is
    given. A record with no text is skipped wherever the file was named, and passed to ``empty``."""
    for number, raw in enumerate(doc.text.splitlines(), 1):
        if not raw.strip():
            continue
        try:
            yield _record(doc, raw, number)
        except EmptyRecord as e:
            if empty is not None:
                empty(e)
        except InputError as e:
            if report is None:
                raise
            report(e)


def _record(doc: Document, raw: str, number: int) -> Article:
    if len(raw) > MAX_TEXT:
        raise InputError(doc.path, f"a record of {len(raw):,} characters, more than the limit of {MAX_TEXT:,}", number)
    try:
        record = json.loads(raw)
    except json.JSONDecodeError as e:
        raise InputError(doc.path, f"not valid JSON: {e.msg} (column {e.colno})", number) from None
    if not isinstance(record, dict):
        raise InputError(doc.path, "a JSON Lines record must be an object", number)
    headline = _field(record, "headline", doc, number)
    text = _field(record, "text", doc, number)
    meta = doc.meta
    day = next((record[k] for k in _keys("date", doc) if record.get(k)), None)
    if day:
        meta = replace(meta, date=parse_date(day, doc.path, number))
    for key in ("source", "url"):
        value = _field(record, key, doc, number, required=False)
        if value:
            meta = replace(meta, **{key: value})
    aid = _field(record, "id", doc, number, required=False)
    aid = article_id(aid) if aid else f"{article_id(doc.path.stem)}-L{number}"
    draft = whole(read_items(text, per_line=True), headlines_from_text=False)
    body = render(draft)
    if not body.paragraphs:
        raise EmptyRecord(doc.path, "record has no text", number)
    # The record's headline is given, not found: clean it like a printed one.
    body.headlines = [str(clean(Text.of(headline, 0), keep_phrase_spaces=True))]
    return _article(body, aid, doc, meta, number)


def articles_of(
    doc: Document,
    report: Callable[[InputError], None] | None = None,
    empty: Callable[[InputError], None] | None = None,
) -> Iterator[Article]:
    if doc.kind == "jsonl":
        yield from from_jsonl(doc, report, empty)
    elif doc.kind == "markdown":
        yield from from_markdown(doc)
    else:
        yield from from_page(doc)
