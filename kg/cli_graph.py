"""Commands on graphs: build, validate, export, remove."""

from __future__ import annotations

import json
from pathlib import Path

import click

from kg import pipeline, store
from kg import validate as validation
from kg.cliutil import BadInput, format_of, input_options
from kg.errors import InputError
from kg.extract.facts import as_dict
from kg.progress import Progress
from kg.rdf.iris import DEFAULT_BASE


@click.command()
@input_options
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
def build(inputs, date, output, fmt, base, no_validate, store_path, jobs, quiet, scheduler):
    """Build the graph of INPUT: one named graph per article, validated against shapes/.

    Facts that violate a shape are quarantined: kept out of the graph and listed, with the sentence
    they came from, in OUTPUT.quarantine.json (or on standard error).

        kg build seeds/ --date 2023-12-27 -o seed.trig
    """
    fmt = {"jsonld": "json-ld"}.get(fmt, fmt)
    if output and output != "-":
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
            from kg.stores import Writer, open_target

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
    if output == "-":
        click.echo(store.serialize(result.dataset, fmt).decode("utf-8"), nl=False)
    elif output:
        store.write(result.dataset, output, fmt)
    if target is not None and not no_validate:
        from kg.stores import describe, links
        from kg.validate import Validator

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

    kinds = {"people": SCHEMA.Person, "organizations": validation.ORG_CLASS, "places": SCHEMA.Place}
    union = store.union(result.dataset)
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
        store.write_text(Path(output + ".quarantine.json"), text)
        click.echo(f"kg: {len(rows)} facts quarantined, listed in {output}.quarantine.json", err=True)
    else:
        click.echo(text, err=True)


@click.command(name="validate")
@click.argument("data", nargs=-1, type=click.Path(path_type=Path))
@click.option("--store", "store_path", type=str, help="Validate a store (folder or URL) instead.")
@click.option(
    "--shapes", "shapes_path", type=click.Path(path_type=Path), help="A shapes file or folder (default: shapes/)."
)
@click.option("--format", "fmt", type=click.Choice(["text", "turtle", "json"]), default="text", show_default=True)
@click.option("--per-graph", is_flag=True, help="Check each named graph alone and name it in the report.")
def validate_cmd(data, store_path, shapes_path, fmt, per_graph):
    """Validate RDF files (any format by extension, or folders of them) against SHACL shapes.

    Exit 0 when the data conforms, 1 when it does not, 2 when it cannot be read.

        kg validate seed.trig
    """
    if bool(data) == bool(store_path):
        raise BadInput("give DATA files or --store DIR (one of them)")
    try:
        if store_path:
            from kg.stores import open_target

            target = open_target(store_path, read_only=True)
            # The union is all a store-wide check needs (each triple once); --per-graph needs the graphs
            dataset = target.dataset() if per_graph else target.union()
        else:
            dataset = store.read(list(data))
        shapes = validation.shapes_graph(shapes_path)
    except InputError as e:
        raise BadInput(str(e)) from None
    report = validation.validate_dataset(dataset, shapes, per_graph=per_graph)
    if fmt == "turtle":
        click.echo(report.graph.serialize(format="turtle"), nl=False)
    elif fmt == "json":
        click.echo(json.dumps([r.__dict__ for r in report.results], ensure_ascii=False, indent=1, sort_keys=True))
    else:
        for line in _report_text(report, dataset):
            click.echo(line)
    raise SystemExit(0 if report.conforms else 1)


def _report_text(report, dataset) -> list[str]:
    lines = []
    shape = None
    for r in sorted(report.results, key=lambda r: (r.shape, r.severity, r.focus, r.path or "")):
        if r.shape != shape:
            shape = r.shape
            lines.append(f"{shape}:")
        label = f"{r.label} " if r.label else ""
        lines.append(f"  [{r.severity}] {label}<{r.focus}>")
        path = r.path and store.compact(r.path.lstrip("^"))
        path = f"^{path}" if r.path and r.path.startswith("^") else path
        detail = "; ".join(x for x in (path and f"path {path}", r.value and f"value {r.value}") if x)
        if detail:
            lines.append(f"    {detail}")
        lines.append(f"    {r.message}")
    violations = sum(r.severity == "Violation" for r in report.results)
    warnings = len(report.results) - violations
    groups = store.by_graph(dataset)
    graphs, triples = len(groups), sum(map(len, groups.values()))
    verdict = "conforms" if report.conforms else "does not conform"
    lines.append(f"{verdict}: {violations} violations, {warnings} warnings ({triples} triples in {graphs} graphs)")
    return lines


@click.command(name="remove")
@click.argument("ids", nargs=-1, required=True)
@click.option("--store", "store_path", required=True, type=str, help="The store: a folder, or a SPARQL server URL.")
@click.option("--base", default=DEFAULT_BASE, show_default=True, help="The base IRI the store was built with.")
def remove_cmd(ids, store_path, base):
    """Retract articles from a store by id: their graphs, and every entity no other article mentions.

    kg remove PAGE-01 PAGE-02 --store graph.oxigraph
    """
    from kg.rdf.iris import Minter
    from kg.stores import open_target

    try:
        target = open_target(store_path)
    except InputError as e:
        raise BadInput(str(e)) from None
    mint = Minter(base)
    missing = [i for i in ids if not target.remove(mint.article(i))]
    target.flush()
    for i in missing:
        click.echo(f"kg: no article {i} in {store_path}", err=True)
    click.echo(f"removed {len(ids) - len(missing)} of {len(ids)} articles")


@click.command(name="export")
@click.option("--store", "store_path", required=True, type=str, help="The store: a folder, or a SPARQL server URL.")
@click.option("-o", "--output", required=True, help="The file to write (- for standard output).")
@click.option("--format", "fmt", type=click.Choice(["turtle", "trig", "nquads", "ntriples", "jsonld"]))
def export_cmd(store_path, output, fmt):
    """Write a store out as RDF (format from the extension, or --format), sorted and deterministic.

    kg export --store graph.oxigraph -o graph.trig
    """
    from kg.stores import open_target

    fmt = {"jsonld": "json-ld"}.get(fmt, fmt) or ("trig" if output == "-" else format_of(Path(output)))
    try:
        data = open_target(store_path, read_only=True).dataset()
    except InputError as e:
        raise BadInput(str(e)) from None
    if output == "-":
        click.echo(store.serialize(data, fmt).decode("utf-8"), nl=False)
    else:
        store.write(data, output, fmt)
