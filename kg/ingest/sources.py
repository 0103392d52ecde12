"""Input paths -> documents: folders walked in sorted order, files decoded, metadata sidecars read."""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from kg.errors import InputError
from kg.ingest.decode import decode
from kg.models import SourceMeta
from kg.paths import walk

PAGE_SUFFIXES = (".txt", ".text")
MARKDOWN_SUFFIXES = (".md", ".markdown")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
SIDECAR_SUFFIX = ".meta.toml"
_META_FIELDS = {"source", "locale", "date", "url", "page"}
RECORD_FIELDS = ("headline", "text", "date", "source", "url", "id")  # what --field NAME=KEY may map
# Input size limits (docs/input.md): what no page, article or record of news comes near, so that a
# runaway input is refused in one line instead of taking minutes and gigabytes.
MAX_FILE = 8 * 1024 * 1024  # bytes of a page or Markdown file, checked before it is read
MAX_TEXT = 200_000  # characters of an article, and of one line of a page, a Markdown file or a JSON Lines record


@dataclass(frozen=True)
class Document:
    """A decoded input file: kind is page, markdown or jsonl."""

    path: Path
    kind: str
    text: str
    meta: SourceMeta
    default_date: dt.date | None = None  # --date: for articles whose input gives no date
    fields: tuple[tuple[str, str], ...] = ()  # --field NAME=KEY: the keys a JSON Lines file uses for kg's fields


def parse_date(value: object, path: str | Path, line: int | None = None) -> dt.date:
    """2023-12-27, 2023-12-27T08:00:00 or 2023年12月27日 -> date."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    m = re.match(r"^\s*(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?", str(value))
    if m:
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            pass
    raise InputError(path, f"not a date: {value!r} (use YYYY-MM-DD)", line)


def read_sidecar(path: Path) -> SourceMeta:
    """The metadata sidecar of a file (NAME.meta.toml beside NAME.txt), or empty metadata."""
    side = path.with_name(path.name[: -len(path.suffix)] + SIDECAR_SUFFIX) if path.suffix else None
    if side is None or not side.is_file():
        return SourceMeta()
    try:
        data = tomllib.loads(side.read_text("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
        # Python 3.11's TOMLDecodeError carries its position only in the message.
        m = re.search(r"\(at line (\d+), column \d+\)$", str(e))
        message = str(e)[: m.start()].strip() if m else str(e)
        raise InputError(side, f"bad metadata: {message}", int(m[1]) if m else None) from None
    unknown = set(data) - _META_FIELDS
    if unknown:
        raise InputError(side, f"unknown metadata field(s): {', '.join(sorted(unknown))}")
    if "date" in data:
        data["date"] = parse_date(data["date"], side)
    return SourceMeta(**{k: (v if k == "date" else str(v)) for k, v in data.items()})


def kind_of(path: Path) -> str:
    name = path.name.lower()
    if name.endswith(JSONL_SUFFIXES):
        return "jsonl"
    if name.endswith(MARKDOWN_SUFFIXES):
        return "markdown"
    return "page"


def _wanted(relative: Path) -> bool:
    """An input kind, not a sidecar, and nothing hidden on the way to it."""
    name = relative.name.lower()
    if any(part.startswith(".") for part in relative.parts) or name.endswith(SIDECAR_SUFFIX):
        return False
    return name.endswith(PAGE_SUFFIXES + MARKDOWN_SUFFIXES + JSONL_SUFFIXES)


def find_files(paths: list[Path], report: Callable[[InputError], None] | None = None) -> Iterator[tuple[Path, bool]]:
    """Every input file once, with whether it was named explicitly (True) or found in a folder.

    A sub-folder that cannot be read is passed to ``report`` (kg: skipped …), or raises without one."""
    seen: set[Path] = set()
    for path in paths:
        if not path.exists():
            raise InputError(path, "no such file or directory")
        if path.is_dir():
            found = [p for p in walk(path, report) if _wanted(p.relative_to(path))]
            if not found:
                raise InputError(path, "folder has no text files (.txt, .md, .jsonl)")
            for p in found:
                if p.resolve() not in seen:
                    seen.add(p.resolve())
                    yield p, False
        elif path.resolve() not in seen:
            seen.add(path.resolve())
            yield path, True


def load(path: Path, date: dt.date | None = None, fields: dict[str, str] | None = None) -> Document:
    """Read and decode one file with its sidecar; ``date`` fills in a missing publication date.

    A page or Markdown file over MAX_FILE bytes is refused unread, and any file with a line over
    MAX_TEXT characters is refused naming the line (JSON Lines records are checked one by one)."""
    kind = kind_of(path)
    try:
        size = path.stat().st_size
        if kind != "jsonl" and size > MAX_FILE:
            mb = size / 1024 / 1024
            raise InputError(path, f"{mb:.1f} MB, more than the limit of {MAX_FILE // 1024 // 1024} MB for one page")
        data = path.read_bytes()
    except OSError as e:
        raise InputError(path, f"cannot read: {e.strerror or e}") from None
    text = decode(data, path)
    if kind != "jsonl":
        long = too_long(text)
        if long:
            raise InputError(path, f"a line of {long[1]:,} characters, more than the limit of {MAX_TEXT:,}", long[0])
    return Document(path, kind, text, read_sidecar(path), date, tuple(sorted((fields or {}).items())))


def too_long(text: str) -> tuple[int, int] | None:
    """(line number, length) of the first line over MAX_TEXT characters, or None."""
    if len(text) <= MAX_TEXT:
        return None
    for number, line in enumerate(text.split("\n"), 1):
        if len(line) > MAX_TEXT:
            return number, len(line)
    return None
