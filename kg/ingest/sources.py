"""Input paths -> documents: folders walked in sorted order, files decoded, metadata sidecars read."""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from kg.errors import InputError
from kg.ingest.decode import decode
from kg.models import SourceMeta

PAGE_SUFFIXES = (".txt", ".text")
MARKDOWN_SUFFIXES = (".md", ".markdown")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
SIDECAR_SUFFIX = ".meta.toml"
_META_FIELDS = {"source", "locale", "date", "url", "page"}


@dataclass(frozen=True)
class Document:
    """A decoded input file: kind is page, markdown or jsonl."""

    path: Path
    kind: str
    text: str
    meta: SourceMeta
    default_date: dt.date | None = None  # --date: for articles whose input gives no date


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


def find_files(paths: list[Path]) -> Iterator[tuple[Path, bool]]:
    """Every input file once, with whether it was named explicitly (True) or found in a folder."""
    seen: set[Path] = set()
    for path in paths:
        if not path.exists():
            raise InputError(path, "no such file or directory")
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and _wanted(p.relative_to(path)))
            if not found:
                raise InputError(path, "folder has no text files (.txt, .md, .jsonl)")
            for p in found:
                if p.resolve() not in seen:
                    seen.add(p.resolve())
                    yield p, False
        elif path.resolve() not in seen:
            seen.add(path.resolve())
            yield path, True


def load(path: Path, date: dt.date | None = None) -> Document:
    """Read and decode one file with its sidecar; ``date`` fills in a missing publication date."""
    try:
        data = path.read_bytes()
    except OSError as e:
        raise InputError(path, f"cannot read: {e.strerror or e}") from None
    return Document(path, kind_of(path), decode(data, path), read_sidecar(path), date)
