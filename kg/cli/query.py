"""Commands that ask the graph: query, sparql, serve."""

from __future__ import annotations

import functools
from pathlib import Path

import click

from kg.cli.inputs import BadInput
from kg.errors import InputError
from kg.query import formats, guard, saved
from kg.store import files_version, open_store, version_of
from kg.store.engine import SparqlError
from kg.store.memory import from_files


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
        "--store", "store_path", type=str, help="A store: an Oxigraph folder (read-only) or a SPARQL server URL."
    )
    @functools.wraps(f)
    def wrapper(*args, data_paths=(), store_path=None, **kwargs):
        if bool(data_paths) == bool(store_path):
            raise BadInput("give --data FILE... or --store DIR (one of them)")
        try:
            backend = open_store(store_path) if store_path else from_files(list(data_paths), warn=_warn)
        except (InputError, SparqlError) as e:
            raise BadInput(str(e)) from None
        return f(*args, backend=backend, **kwargs)

    return wrapper


_FORMATS = click.Choice(["table", "csv", "tsv", "json", "xml", "turtle", "ntriples", "jsonld"])


def _run(backend, text: str, fmt: str, allow_service: bool = False) -> None:
    try:
        guard.check(text, allow_service=allow_service)  # before any engine, or any connection, sees it
        result = backend.query(text)
    except SparqlError as e:
        raise BadInput(str(e)) from None
    if result.kind == "graph" and fmt in ("table", "csv", "tsv", "json", "xml"):
        fmt = "turtle"
    click.echo(formats.render(result, fmt), nl=False)


@click.command(name="query", context_settings={"ignore_unknown_options": False})
@click.argument("name")
@click.argument("shown", required=False)
@click.option("-p", "--param", "params", multiple=True, metavar="NAME=VALUE", help="A parameter value. Repeatable.")
@click.option("--data", "data_paths", multiple=True, type=click.Path(path_type=Path), help="RDF files or folders.")
@click.option("--store", "store_path", type=str, help="A store: an Oxigraph folder or a SPARQL server URL.")
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


@click.command(name="sparql")
@click.argument("query")
@data_options
@click.option("--format", "fmt", type=_FORMATS, default="table", show_default=True)
@click.option(
    "--allow-service",
    is_flag=True,
    help="Let SERVICE fetch from the hosts the query names (off: kg asks no other host).",
)
def sparql_cmd(query, backend, fmt, allow_service):
    """Run a SPARQL query given as text or as a file name.

    kg sparql 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }' --data seed.trig
    """
    path = Path(query)
    if len(query) < 4096 and "\n" not in query and path.is_file():
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as e:
            raise BadInput(f"{path}: cannot read the query: {e}") from None
    else:
        text = query
    _run(backend, text, fmt, allow_service)


@click.command(name="serve")
@click.option("--data", "data_paths", multiple=True, type=click.Path(path_type=Path), help="RDF files or folders.")
@click.option("--store", "store_path", type=str, help="A store: an Oxigraph folder or a SPARQL server URL.")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--timeout", default=10.0, show_default=True, type=float, help="Seconds a query may run.")
@click.option("--max-rows", default=10_000, show_default=True, type=int, help="Rows a result may hold.")
@click.option("--workers", default=0, type=click.IntRange(min=0), help="Query worker processes [default: one per CPU].")
@click.option("--cache", default=1024, show_default=True, type=click.IntRange(min=0), help="Results kept (0: none).")
@click.option("--max-body", default=1024 * 1024, show_default=True, type=click.IntRange(min=1), help="Request bytes.")
@click.option(
    "--read-timeout", default=10.0, show_default=True, type=float, help="Seconds a client may take to send a request."
)
def serve_cmd(data_paths, store_path, host, port, timeout, max_rows, workers, cache, max_body, read_timeout):
    """Serve the graph over HTTP: /sparql (SPARQL 1.1 Protocol), /queries, /openapi.json and HTML pages.

    kg serve --data seed.trig --port 8000
    """
    from kg.serve import Limits, serve

    if bool(data_paths) == bool(store_path):
        raise BadInput("give --data FILE... or --store DIR (one of them)")
    try:
        if store_path:
            open_store(store_path)  # fail now, not on the first request
            version = version_of(store_path)

            def factory():
                return open_store(store_path)
        else:
            version = files_version(list(data_paths))
            backend = from_files(list(data_paths), warn=_warn)

            def factory():
                return backend
    except (InputError, SparqlError) as e:
        raise BadInput(str(e)) from None
    limits = Limits(timeout=timeout, max_rows=max_rows, workers=workers, cache=cache)
    click.echo(f"kg: serving on http://{host}:{port}/ (timeout {timeout:g} s, at most {max_rows} rows)", err=True)
    from kg.query.search import place_for

    index = place_for(store_path)
    serve(factory, host, port, limits, version, max_body=max_body, read_timeout=read_timeout, index=index)


def _warn(line: str) -> None:
    click.echo(f"kg: warning: {line}", err=True)
