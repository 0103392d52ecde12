"""The kg command line: one thin command per verb."""

from __future__ import annotations

import datetime as dt
import functools
import json
from pathlib import Path

import click

from kg import __version__, pipeline, results, sparql, store
from kg import evaluate as scoring
from kg import saved_queries as saved
from kg import validate as shacl
from kg.errors import InputError
from kg.extract import extract
from kg.extract.facts import as_dict
from kg.ingest import read_articles
from kg.models import Article
from kg.nlp import first_sentence
from kg.rdf.iris import DEFAULT_BASE


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
    @functools.wraps(f)
    def wrapper(*args, date: dt.datetime | None = None, **kwargs):
        return f(*args, date=date.date() if date else None, **kwargs)

    return wrapper


def load_articles(inputs: tuple[Path, ...], date: dt.date | None) -> list[Article]:
    """Read the inputs, warning about skipped files on stderr; unusable input exits 2."""

    def warn(e: InputError) -> None:
        click.echo(f"kg: skipped {e}", err=True)

    try:
        return read_articles(list(inputs), date=date, report=warn)
    except InputError as e:
        raise BadInput(str(e)) from None


@click.group()
@click.version_option(__version__, prog_name="kg")
def cli() -> None:
    """Build a knowledge graph from Chinese news: people, posts, places, events and statistics."""


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
    }


@cli.command()
@input_options
@click.option("--json", "as_json", is_flag=True, help="One JSON object per article (JSON Lines).")
def articles(inputs: tuple[Path, ...], date: dt.date | None, as_json: bool) -> None:
    """List the articles found in INPUT files and folders, one per line.

    Columns: id, headline(s), byline, dateline, paragraphs, characters, first sentence.

        kg articles seeds/ --date 2023-12-27
    """
    found = load_articles(inputs, date)
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


@cli.command()
@input_options
@click.option("--type", "types", multiple=True, help="Only facts of this type (post, containment, event, ...).")
def facts(inputs: tuple[Path, ...], date: dt.date | None, types: tuple[str, ...]) -> None:
    """Print the facts extracted from INPUT files and folders, one JSON object per line.

    kg facts seeds/ --date 2023-12-27 --type post
    """
    for a in load_articles(inputs, date):
        for fact in extract(a):
            if not types or fact.type in types:
                click.echo(json.dumps(as_dict(fact), ensure_ascii=False, sort_keys=True))


@cli.command(name="eval")
@click.argument("gold", type=click.Path(path_type=Path))
@input_options
@click.option("--json", "as_json", is_flag=True, help="Scores, misses and false positives as one JSON object.")
def eval_(gold: Path, inputs: tuple[Path, ...], date: dt.date | None, as_json: bool) -> None:
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
        result = pipeline.run(inputs, date=date or truth.date, report=warn)
    except InputError as e:
        raise BadInput(str(e)) from None
    scores = scoring.evaluate(truth, store.union(result.dataset))
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


@cli.command()
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
    type=click.Path(path_type=Path),
    help="Write each article's graph into this Oxigraph store folder (replacing it if present).",
)
def build(inputs, date, output, fmt, base, no_validate, store_path):
    """Build the graph of INPUT: one named graph per article, validated against shapes/.

    Facts that violate a shape are quarantined: kept out of the graph and listed, with the sentence
    they came from, in OUTPUT.quarantine.json (or on standard error).

        kg build seeds/ --date 2023-12-27 -o seed.trig
    """
    fmt = {"jsonld": "json-ld"}.get(fmt, fmt)
    if output and output != "-":
        fmt = fmt or _format_of(Path(output))
    elif output == "-":
        fmt = fmt or "trig"

    def warn(e: InputError) -> None:
        click.echo(f"kg: skipped {e}", err=True)

    if store_path and output:
        raise BadInput("give -o OUT or --store DIR, not both")
    target = None
    try:
        if store_path:
            from kg.stores import LocalStore

            target = LocalStore(store_path)
        sink = (lambda mapped: target.put(mapped.article, mapped.triples())) if target else None
        result = pipeline.run(inputs, date=date, base=base, validate=not no_validate, report=warn, sink=sink)
    except InputError as e:
        raise BadInput(str(e)) from None
    finally:
        if target is not None:
            target.flush()
    if output == "-":
        click.echo(store.serialize(result.dataset, fmt).decode("utf-8"), nl=False)
    elif output:
        store.write(result.dataset, output, fmt)
    _quarantine(result, output)
    if target is not None:
        click.echo(f"articles\t{len(result.articles)}")
        click.echo(f"store\t{store_path}: {len(target.graphs())} article graphs")
        click.echo(f"quarantined\t{len(result.quarantined)}")
    elif not output:
        for line in _summary(result):
            click.echo(line)


def _format_of(path: Path) -> str:
    try:
        fmt = store.format_of(path)
    except InputError as e:
        raise BadInput(str(e)) from None
    if fmt not in store.WRITABLE:
        raise BadInput(f"{path}: kg writes {', '.join(store.WRITABLE)}; use --format")
    return fmt


def _summary(result) -> list[str]:
    from rdflib import RDF

    from kg.rdf.vocab import SCHEMA

    kinds = {"people": SCHEMA.Person, "organizations": shacl.ORG_CLASS, "places": SCHEMA.Place}
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


@cli.command(name="validate")
@click.argument("data", nargs=-1, type=click.Path(path_type=Path))
@click.option("--store", "store_path", type=click.Path(path_type=Path), help="Validate an Oxigraph store instead.")
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
            from kg.stores import LocalStore

            dataset = LocalStore(store_path, read_only=True).dataset()
        else:
            dataset = store.read(list(data))
        shapes = shacl.shapes_graph(shapes_path)
    except InputError as e:
        raise BadInput(str(e)) from None
    report = shacl.validate_dataset(dataset, shapes, per_graph=per_graph)
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


def data_options(f):
    """--data FILE... or --store DIR: where a query reads the graph."""

    @click.option(
        "--data",
        "data_paths",
        multiple=True,
        type=click.Path(path_type=Path),
        help="RDF files or folders (any format), loaded in memory. Repeatable.",
    )
    @click.option(
        "--store", "store_path", type=click.Path(path_type=Path), help="An Oxigraph store folder (read-only)."
    )
    @functools.wraps(f)
    def wrapper(*args, data_paths=(), store_path=None, **kwargs):
        if bool(data_paths) == bool(store_path):
            raise BadInput("give --data FILE... or --store DIR (one of them)")
        try:
            backend = sparql.open_store(store_path) if store_path else sparql.from_files(list(data_paths))
        except (InputError, sparql.SparqlError) as e:
            raise BadInput(str(e)) from None
        return f(*args, backend=backend, **kwargs)

    return wrapper


_FORMATS = click.Choice(["table", "csv", "tsv", "json", "xml", "turtle", "ntriples", "jsonld"])


def _run(backend, text: str, fmt: str) -> None:
    try:
        result = backend.query(text)
    except sparql.SparqlError as e:
        raise BadInput(str(e)) from None
    if result.kind == "graph" and fmt in ("table", "csv", "tsv", "json", "xml"):
        fmt = "turtle"
    click.echo(results.render(result, fmt), nl=False)


@cli.command(name="query", context_settings={"ignore_unknown_options": False})
@click.argument("name")
@click.argument("shown", required=False)
@click.option("-p", "--param", "params", multiple=True, metavar="NAME=VALUE", help="A parameter value. Repeatable.")
@click.option("--data", "data_paths", multiple=True, type=click.Path(path_type=Path), help="RDF files or folders.")
@click.option("--store", "store_path", type=click.Path(path_type=Path), help="An Oxigraph store folder.")
@click.option("--format", "fmt", type=_FORMATS, default="table", show_default=True)
def query_cmd(name, shown, params, data_paths, store_path, fmt):
    """Run a saved query (queries/*.rq); `kg query list` lists them, `kg query show NAME` prints one.

    kg query posts-of-person -p person=张三 --data seed.trig
    """
    try:
        if name == "list":
            for q in saved.catalogue().values():
                click.echo(f"{q.name}\t{q.title}")
            return
        if name == "show":
            if not shown:
                raise BadInput("kg query show NAME")
            click.echo(saved.get(shown).text, nl=False)
            return
        query = saved.get(name)
        values = {}
        for p in params:
            key, sep, value = p.partition("=")
            if not sep:
                raise BadInput(f"-p {p}: write NAME=VALUE")
            values[key.strip()] = value
        text = query.render(values)
    except saved.QueryError as e:
        raise BadInput(str(e)) from None
    data_options(lambda backend: _run(backend, text, fmt))(data_paths=data_paths, store_path=store_path)


@cli.command(name="sparql")
@click.argument("query")
@data_options
@click.option("--format", "fmt", type=_FORMATS, default="table", show_default=True)
def sparql_cmd(query, backend, fmt):
    """Run a SPARQL query given as text or as a file name.

    kg sparql 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }' --data seed.trig
    """
    path = Path(query)
    text = path.read_text(encoding="utf-8") if len(query) < 4096 and "\n" not in query and path.is_file() else query
    _run(backend, text, fmt)


@cli.command(name="serve")
@click.option("--data", "data_paths", multiple=True, type=click.Path(path_type=Path), help="RDF files or folders.")
@click.option("--store", "store_path", type=click.Path(path_type=Path), help="An Oxigraph store folder.")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--timeout", default=10.0, show_default=True, type=float, help="Seconds a query may run.")
@click.option("--max-rows", default=10_000, show_default=True, type=int, help="Rows a result may hold.")
def serve_cmd(data_paths, store_path, host, port, timeout, max_rows):
    """Serve the graph over HTTP: /sparql (SPARQL 1.1 Protocol), /queries, /openapi.json and HTML pages.

    kg serve --data seed.trig --port 8000
    """
    from kg.serve import Limits, serve

    if bool(data_paths) == bool(store_path):
        raise BadInput("give --data FILE... or --store DIR (one of them)")
    try:
        if store_path:
            sparql.open_store(store_path)  # fail now, not on the first request

            def factory():
                return sparql.open_store(store_path)
        else:
            backend = sparql.from_files(list(data_paths))

            def factory():
                return backend
    except (InputError, sparql.SparqlError) as e:
        raise BadInput(str(e)) from None
    click.echo(f"kg: serving on http://{host}:{port}/ (timeout {timeout:g} s, at most {max_rows} rows)", err=True)
    serve(factory, host, port, Limits(timeout=timeout, max_rows=max_rows))


@cli.command(name="remove")
@click.argument("ids", nargs=-1, required=True)
@click.option("--store", "store_path", required=True, type=click.Path(path_type=Path), help="The store folder.")
@click.option("--base", default=DEFAULT_BASE, show_default=True, help="The base IRI the store was built with.")
def remove_cmd(ids, store_path, base):
    """Retract articles from a store by id: their graphs, and every entity no other article mentions.

    kg remove PAGE-01 PAGE-02 --store graph.oxigraph
    """
    from kg.rdf.iris import Minter
    from kg.stores import LocalStore

    try:
        target = LocalStore(store_path)
    except InputError as e:
        raise BadInput(str(e)) from None
    mint = Minter(base)
    missing = [i for i in ids if not target.remove(mint.article(i))]
    target.flush()
    for i in missing:
        click.echo(f"kg: no article {i} in {store_path}", err=True)
    click.echo(f"removed {len(ids) - len(missing)} of {len(ids)} articles")


@cli.command(name="export")
@click.option("--store", "store_path", required=True, type=click.Path(path_type=Path), help="The store folder.")
@click.option("-o", "--output", required=True, help="The file to write (- for standard output).")
@click.option("--format", "fmt", type=click.Choice(["turtle", "trig", "nquads", "ntriples", "jsonld"]))
def export_cmd(store_path, output, fmt):
    """Write a store out as RDF (format from the extension, or --format), sorted and deterministic.

    kg export --store graph.oxigraph -o graph.trig
    """
    from kg.stores import LocalStore

    fmt = {"jsonld": "json-ld"}.get(fmt, fmt) or ("trig" if output == "-" else _format_of(Path(output)))
    try:
        data = LocalStore(store_path, read_only=True).dataset()
    except InputError as e:
        raise BadInput(str(e)) from None
    if output == "-":
        click.echo(store.serialize(data, fmt).decode("utf-8"), nl=False)
    else:
        store.write(data, output, fmt)
