"""Reads answered again without running again: a bounded result cache and ETags, both keyed by the
store's version.

The store changes only when a build writes to it (kg.store.oxigraph.stamp), so a result stays right
for as long as the store's version stays the same. Popular pages and saved queries are asked again
and again; the second time they cost a dictionary lookup, and a client that kept the page gets
``304 Not Modified`` for the ETag it sends back.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict

from kg.store.engine import Result


def size_of(result: Result) -> int:
    """Rows (or triples) of a result: what the cache's budget counts; an ASK answer counts one."""
    if result.kind == "select":
        return max(len(result.rows), 1)
    if result.kind == "graph":
        return max(len(result.graph or ()), 1)
    return 1


class ResultCache:
    """Results by (store version, query text), least recently used first out, within a budget of
    entries and of rows (so that a few large results cannot hold the memory of many small ones)."""

    def __init__(self, entries: int = 1024, rows: int = 200_000):
        self.entries = entries
        self.rows = rows
        self._items: OrderedDict[tuple[str, str], tuple[Result, int]] = OrderedDict()
        self._held = 0
        self._lock = threading.Lock()
        self.hits = self.misses = 0

    def get(self, version: str | None, text: str) -> Result | None:
        if version is None or not self.entries:
            return None
        with self._lock:
            found = self._items.get((version, text))
            if found is None:
                self.misses += 1
                return None
            self._items.move_to_end((version, text))
            self.hits += 1
            return found[0]

    def put(self, version: str | None, text: str, result: Result) -> None:
        if version is None or not self.entries:
            return
        size = size_of(result)
        if size > self.rows:
            return
        with self._lock:
            key = (version, text)
            if key in self._items:
                return
            self._items[key] = (result, size)
            self._held += size
            while len(self._items) > self.entries or self._held > self.rows:
                _, (_, gone) = self._items.popitem(last=False)
                self._held -= gone


def etag(version: str | None, *parts: str) -> str | None:
    """A weak ETag for a response: the store's version and what the request asked (path, query string,
    accepted types). None when the version is unknown (a remote store another client may change)."""
    if version is None:
        return None
    digest = hashlib.sha256("\x00".join((version, *parts)).encode("utf-8")).hexdigest()[:32]
    return f'W/"{digest}"'


def matches(if_none_match: str | None, tag: str) -> bool:
    """Whether an If-None-Match header names this ETag (or is *)."""
    if not if_none_match:
        return False
    given = [t.strip() for t in if_none_match.split(",")]
    weak = tag.removeprefix("W/")
    return "*" in given or any(t.removeprefix("W/") == weak for t in given)
