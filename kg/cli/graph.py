"""Commands on graphs already built: validate files or a store, export a store, remove articles from it."""

from __future__ import annotations

import json
from pathlib import Path

import click

from kg import validate as validation
from kg.cli.inputs import BadInput, format_of, output_path
from kg.errors import InputError
from kg.rdf.iris import DEFAULT_BASE
from kg.store import files


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
            from kg.store import open_target

            target = open_target(store_path, read_only=True)
            # The union is all a store-wide check needs (each triple once); --per-graph needs the graphs
            dataset = target.dataset() if per_graph else target.union()
        else:
            dataset = files.read(list(data), warn=lambda line: click.echo(f"kg: warning: {line}", err=True))
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
        path = r.path and files.compact(r.path.lstrip("^"))
        path = f"^{path}" if r.path and r.path.startswith("^") else path
        detail = "; ".join(x for x in (path and f"path {path}", r.value and f"value {r.value}") if x)
        if detail:
            lines.append(f"    {detail}")
        lines.append(f"    {r.message}")
    violations = sum(r.severity == "Violation" for r in report.results)
    warnings = len(report.results) - violations
    groups = files.by_graph(dataset)
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
    from kg.cli.build import reindex
    from kg.rdf.iris import Minter
    from kg.store import open_target

    try:
        target = open_target(store_path)
    except InputError as e:
        raise BadInput(str(e)) from None
    mint = Minter(base)
    missing = [i for i in ids if not target.remove(mint.article(i))]
    try:
        reindex(target, store_path, replaced=[str(mint.article(i)) for i in ids])
    finally:
        target.close()
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
    from kg.store import open_target

    fmt = {"jsonld": "json-ld"}.get(fmt, fmt) or ("trig" if output == "-" else format_of(Path(output)))
    if output != "-":
        output_path(output)
    try:
        data = open_target(store_path, read_only=True).dataset()
    except InputError as e:
        raise BadInput(str(e)) from None
    if output == "-":
        click.echo(files.serialize(data, fmt).decode("utf-8"), nl=False)
    else:
        files.write(data, output, fmt)
