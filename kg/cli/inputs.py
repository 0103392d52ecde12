"""What the commands share: the exit-2 error, input options, reading articles, output formats."""

from __future__ import annotations

import datetime as dt
import functools
import os
from pathlib import Path

import click

from kg.errors import InputError
from kg.ingest import read_articles
from kg.ingest.sources import RECORD_FIELDS
from kg.models import Article
from kg.store import files


class BadInput(click.ClickException):
    """Unusable input: one line naming the file, exit code 2."""

    exit_code = 2


def input_options(f):
    """INPUT... and --date, shared by every command that reads articles."""

    @click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
    @click.option(
        "--date",
        type=click.DateTime(formats=["%Y-%m-%d"]),
        metavar="YYYY-MM-DD",
        help="Publication date for articles whose input gives none.",
    )
    @click.option(
        "--field",
        "field_maps",
        multiple=True,
        metavar="NAME=KEY",
        help=f"Read a JSON Lines field from another key: id=docno, date=date_from_url ({', '.join(RECORD_FIELDS)}).",
    )
    @functools.wraps(f)
    def wrapper(*args, date: dt.datetime | None = None, field_maps: tuple[str, ...] = (), **kwargs):
        return f(*args, date=date.date() if date else None, fields=parse_fields(field_maps), **kwargs)

    return wrapper


def parse_fields(maps: tuple[str, ...]) -> dict[str, str]:
    """--field NAME=KEY options, checked: kg's record field -> the key a file uses."""
    out: dict[str, str] = {}
    for item in maps:
        name, sep, key = item.partition("=")
        name, key = name.strip(), key.strip()
        if not sep or not key:
            raise BadInput(f"--field {item}: write NAME=KEY, e.g. id=docno")
        if name not in RECORD_FIELDS:
            raise BadInput(f"--field {item}: no field {name!r}; kg reads {', '.join(RECORD_FIELDS)}")
        out[name] = key
    return out


def model_option(f):
    """--model PATH: the tagger model extraction uses (kg train writes one); default, the shipped one."""

    @click.option(
        "--model",
        type=click.Path(path_type=Path, dir_okay=False),
        help="A tagger model made by kg train (default: the one inside kg, docs/model-card.md).",
    )
    @functools.wraps(f)
    def wrapper(*args, model: Path | None = None, **kwargs):
        if model is not None:
            if not model.is_file():
                raise BadInput(f"{model}: no tagger model there")
            os.environ["KG_MODEL"] = str(model)  # read by kg.nlp.tagger, here and in --jobs workers
        return f(*args, **kwargs)

    return wrapper


def load_articles(
    inputs: tuple[Path, ...], date: dt.date | None, fields: dict[str, str] | None = None
) -> list[Article]:
    """Read the inputs, warning about skipped files on stderr; unusable input exits 2."""

    def warn(e: InputError) -> None:
        click.echo(f"kg: skipped {e}", err=True)

    try:
        return read_articles(list(inputs), date=date, report=warn, fields=fields)
    except InputError as e:
        raise BadInput(str(e)) from None


def format_of(path: Path) -> str:
    try:
        fmt = files.format_of(path)
    except InputError as e:
        raise BadInput(str(e)) from None
    if fmt not in files.WRITABLE:
        raise BadInput(f"{path}: kg writes {', '.join(files.WRITABLE)}; use --format")
    return fmt


def output_path(output: str) -> Path:
    """Where -o writes, checked before any work: its folder exists and may be written, and it is no folder."""
    path = Path(output)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise BadInput(f"{output}: no folder {folder} to write into")
    if path.is_dir():
        raise BadInput(f"{output}: is a folder; give a file name")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise BadInput(f"{output}: cannot write into {folder}: permission denied")
    return path
