"""kg build: INPUT files to a graph file or a store, with the quarantine and a summary."""

from __future__ import annotations

import json
from pathlib import Path

import click

from kg import pipeline
from kg.cli.inputs import BadInput, format_of, input_options, model_option, output_path
from kg.cli.progress import Progress
from kg.errors import InputError
from kg.extract.facts import as_dict
from kg.rdf.iris import DEFAULT_BASE, Minter
from kg.store import files
from kg.validate import ORG_CLASS


@click.command()
@input_options
@model_option
@click.option("-o", "--output", help="Write the graph here (- for standard output); without it, print a summary.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["turtle", "trig", "nquads", "ntriples", "jsonld"]),
    help="Default: from the extension of --output (.ttl .trig .nq .nt .jsonld).",
)
@click.option("--base", default=DEFAULT_BASE, show_default=True, help="Base IRI for everything kg mints.")
@click.option("--no-validate", is_flag=True, help="Skip SHACL validation (and so the quarantine).")
@click.option(
    "--store",
    "store_path",
    type=str,
    help="Write each article's graph into this store (an Oxigraph folder or a SPARQL server URL), replacing it.",
)
@click.option("--jobs", default=1, show_default=True, type=click.IntRange(1), help="Processes that extract articles.")
@click.option("--quiet", is_flag=True, help="No progress bar.")
@click.option("--scheduler", metavar="tcp://HOST:PORT", help="Extract on this Dask cluster's workers.")
def build(inputs, date, fields, output, fmt, base, no_validate, store_path, jobs, quiet, scheduler):
    """Build the graph of INPUT: one named graph per article, validated against shapes/.

    Facts that violate a shape are quarantined: kept out of the graph and listed, with the sentence
    they came from, in OUTPUT.quarantine.json (or on standard error).

        kg build seeds/ --date 2023-12-27 -o seed.trig
    """
    fmt = {"jsonld": "json-ld"}.get(fmt, fmt)
    if output and output != "-":
        output_path(output)
        fmt = fmt or format_of(Path(output))
    elif output == "-":
        fmt = fmt or "trig"

    def warn(e: InputError) -> None:
        click.echo(f"kg: skipped {e}", err=True)

    if store_path and output:
        raise BadInput("give -o OUT or --store DIR, not both")
    target = writer = None
    try:
        if store_path:
            from kg.store import open_target
            from kg.store.writer import Writer

            target = open_target(store_path)
            writer = Writer(target)
        sink = (lambda mapped: writer.put(mapped.article, mapped.triples())) if writer else None
        with Progress(enabled=not quiet) as bar:
            result = pipeline.run(
                inputs,
                date=date,
                base=base,
                validate=not no_validate,
                report=warn,
                sink=sink,
                jobs=jobs,
                progress=bar.update,
                scheduler=scheduler,
                fields=fields,
            )
        if writer is not None:
            writer.close()
    except InputError as e:
        raise BadInput(str(e)) from None
    finally:
        if writer is not None:
            writer.stop()
        if target is not None:
            target.flush()
    try:
        _finish(result, output, fmt, target, store_path, no_validate)
        if target is not None:
            reindex(
                target,
                store_path,
                _flagged(result.quarantined),
                [str(Minter(base).article(a.id)) for a in result.articles],
            )
    finally:
        if target is not None:
            target.close()


def reindex(target, store_path: str, quarantine=None, replaced=()) -> None:
    """Rebuild the search index beside a store on disk (a SPARQL server's is built by kg serve)."""
    from kg.query import search
    from kg.store import is_remote, version_of

    if is_remote(store_path):
        return
    target.flush()
    path = Path(store_path) / search.INDEX
    search.build(target, path, version_of(store_path)(), quarantine, replaced)


def _flagged(quarantined) -> dict:
    """The build's quarantine by article IRI, as the search index keeps it for the article pages."""
    from kg.query.search import Flagged

    out: dict[str, list] = {}
    for q in quarantined:
        view = as_dict(q.fact) if q.fact is not None else None
        if view is not None:
            view.pop("evidence", None)
        for r in q.results:
            if not r.graph:  # a link across articles (a cycle): no one article to show it on
                continue
            fact = json.dumps(view, ensure_ascii=False, sort_keys=True) if view else (r.label or r.focus)
            sentence = q.fact.evidence.text if q.fact is not None else ""
            out.setdefault(r.graph, []).append(Flagged(fact, sentence, r.message))
    return out


def _finish(result, output, fmt, target, store_path, no_validate) -> None:
    """Write the graph, check a store's links across articles, list the quarantine and sum up."""
    if output == "-":
        click.echo(files.serialize(result.dataset, fmt).decode("utf-8"), nl=False)
    elif output:
        files.write(result.dataset, output, fmt)
    if target is not None and not no_validate:
        from kg.validate import Validator
        from kg.validate.cycles import describe, links

        result.quarantined += Validator().cross_check(links(target), lambda nodes: describe(target, nodes))
    _quarantine(result, output)
    if target is not None:
        click.echo(f"articles\t{len(result.articles)}")
        click.echo(f"store\t{store_path}: {len(target.graphs())} article graphs")
        click.echo(f"quarantined\t{len(result.quarantined)}")
    elif not output:
        for line in _summary(result):
            click.echo(line)


def _summary(result) -> list[str]:
    from rdflib import RDF

    from kg.rdf.vocab import SCHEMA

    kinds = {"people": SCHEMA.Person, "organizations": ORG_CLASS, "places": SCHEMA.Place}
    union = files.union(result.dataset)
    lines = [f"articles\t{len(result.articles)}", f"triples\t{len(union)}"]
    lines += [f"entities: {name}\t{len(set(union.subjects(RDF.type, cls)))}" for name, cls in kinds.items()]
    lines += [f"facts: {kind}\t{n}" for kind, n in sorted(result.facts.items())]
    lines.append(f"quarantined\t{len(result.quarantined)}")
    return lines


def _quarantine(result, output: str | None) -> None:
    if not result.quarantined:
        return
    rows = [
        {
            "fact": as_dict(q.fact) if q.fact is not None else None,
            "results": [
                {
                    "shape": r.shape,
                    "focus": r.focus,
                    "label": r.label,
                    "path": r.path,
                    "value": r.value,
                    "message": r.message,
                }
                for r in q.results
            ],
        }
        for q in result.quarantined
    ]
    text = json.dumps(rows, ensure_ascii=False, indent=1, sort_keys=True)
    if output and output != "-":
        files.write_text(Path(output + ".quarantine.json"), text)
        click.echo(f"kg: {len(rows)} facts quarantined, listed in {output}.quarantine.json", err=True)
    else:
        click.echo(text, err=True)
