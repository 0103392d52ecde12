"""Commands on articles and their facts: articles, facts, eval."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import click

from kg import pipeline
from kg.cli.inputs import BadInput, input_options, load_articles, model_option
from kg.errors import InputError
from kg.extract import extract
from kg.extract.facts import TYPE_NAMES, as_dict
from kg.models import Article
from kg.nlp import first_sentence
from kg.store import files
from kg.validate import gold as scoring


def article_row(a: Article) -> dict:
    return {
        "id": a.id,
        "path": a.path,
        "line": a.line,
        "headlines": list(a.headlines),
        "bylines": [{"role": b.role, "name": b.name, "org": b.org} for b in a.bylines],
        "dateline": a.dateline,
        "continued_from": a.continued_from,
        "credits": list(a.credits),
        "date": a.date.isoformat() if a.date else None,
        "source": a.meta.source,
        "locale": a.meta.locale,
        "url": a.meta.url,
        "paragraphs": len(a.paragraphs),
        "length": len(a.text),
        "first_sentence": first_sentence(a.text),
        "text": a.text,
    }


@click.command()
@input_options
@click.option("--json", "as_json", is_flag=True, help="One JSON object per article (JSON Lines), with its text.")
@click.option("--text", "as_text", is_flag=True, help="Each article's cleaned text, after a line with its id.")
def articles(inputs: tuple[Path, ...], date: dt.date | None, fields: dict, as_json: bool, as_text: bool) -> None:
    """List the articles found in INPUT files and folders, one per line.

    Columns: id, headline(s), byline, dateline, paragraphs, characters, first sentence. --json gives
    every field and the cleaned text; --text prints the cleaned text itself.

        kg articles seeds/ --date 2023-12-27
    """
    if as_json and as_text:
        raise BadInput("give --json or --text, not both")
    found = load_articles(inputs, date, fields)
    if as_text:
        for k, a in enumerate(found):
            click.echo(("\n" if k else "") + f"# {a.id}\t{a.headline}\n{a.text}")
        return
    if not as_json:
        click.echo("\t".join(["id", "headline", "byline", "dateline", "paragraphs", "chars", "first_sentence"]))
    for a in found:
        row = article_row(a)
        if as_json:
            click.echo(json.dumps(row, ensure_ascii=False, sort_keys=True))
            continue
        byline = "、".join(f"{b.role} {b.name}" for b in a.bylines) or "-"
        first = row["first_sentence"]
        first = first if len(first) <= 40 else first[:39] + "…"
        cells = [
            a.id,
            " / ".join(a.headlines) or "-",
            byline,
            a.dateline or "-",
            str(row["paragraphs"]),
            str(row["length"]),
            first,
        ]
        click.echo("\t".join(cells))


@click.command()
@input_options
@model_option
@click.option("--type", "types", multiple=True, type=click.Choice(TYPE_NAMES), help="Only facts of this type.")
def facts(inputs: tuple[Path, ...], date: dt.date | None, fields: dict, types: tuple[str, ...]) -> None:
    """Print the facts extracted from INPUT files and folders, one JSON object per line.

    kg facts seeds/ --date 2023-12-27 --type post
    """
    for a in load_articles(inputs, date, fields):
        for fact in extract(a):
            if not types or fact.type in types:
                click.echo(json.dumps(as_dict(fact), ensure_ascii=False, sort_keys=True))


@click.command(name="eval")
@click.argument("gold", type=click.Path(path_type=Path))
@input_options
@model_option
@click.option("--json", "as_json", is_flag=True, help="Scores, misses and false positives as one JSON object.")
def eval_(gold: Path, inputs: tuple[Path, ...], date: dt.date | None, fields: dict, as_json: bool) -> None:
    """Score the graph kg build makes of INPUT against the hand-read facts in GOLD (TOML).

    Prints precision, recall and F1 per fact type, then every miss (-) and false positive (+).
    The gold file's date is the publication date unless --date is given.

        kg eval tests/gold/seed.toml seeds/
    """
    try:
        truth = scoring.load_gold(gold)
    except InputError as e:
        raise BadInput(str(e)) from None

    def warn(e: InputError) -> None:
        click.echo(f"kg: skipped {e}", err=True)

    try:
        result = pipeline.run(inputs, date=date or truth.date, report=warn, fields=fields)
    except InputError as e:
        raise BadInput(str(e)) from None
    scores = scoring.evaluate(truth, files.union(result.dataset))
    if as_json:
        rows = [
            {
                "type": s.type,
                "precision": round(s.precision, 4),
                "recall": round(s.recall, 4),
                "f1": round(s.f1, 4),
                "true_positives": s.true_positives,
                "missed": [list(k) for k in s.missed],
                "false_positives": [list(k) for k in s.extra],
            }
            for s in scores
        ]
        click.echo(json.dumps(rows, ensure_ascii=False, indent=1, sort_keys=True))
        return
    click.echo(f"{'type':<12} {'gold':>5} {'found':>6} {'P':>6} {'R':>6} {'F1':>6}")
    for s in scores:
        gold_n, found_n = s.true_positives + len(s.missed), s.true_positives + len(s.extra)
        click.echo(f"{s.type:<12} {gold_n:>5} {found_n:>6} {s.precision:>6.3f} {s.recall:>6.3f} {s.f1:>6.3f}")
    for s in scores:
        for k in s.missed:
            click.echo(f"- {s.type}: {' | '.join(k)}")
        for k in s.extra:
            click.echo(f"+ {s.type}: {' | '.join(k)}")
