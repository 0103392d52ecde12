"""cli: the kg command, on top of every stage: one thin command per verb.

Owns the command group and its commands: articles, facts and eval (articles), build (build),
validate, export and remove (graph), query, sparql and serve (query), search (search), train (train);
what they share (inputs:
the exit-2 error, input options) and the progress bar (progress).

May import: every stage and kg.pipeline. Nothing imports it.
"""

from __future__ import annotations

import os
import sys

import click

from kg import __version__
from kg.cli import articles, build, graph, query, search, train
from kg.cli.inputs import BadInput


class Kg(click.Group):
    """The command group, which also answers for the output: whatever a command prints is flushed
    before it ends, and an output that cannot be written (a full disk, /dev/full, a closed pipe) ends
    in one line and exit 2, not a traceback."""

    def invoke(self, ctx: click.Context):
        try:
            try:
                return super().invoke(ctx)
            finally:
                sys.stdout.flush()
        except BrokenPipeError:  # the reader went away (kg ... | head): nothing more to say to it
            _discard_stdout()
            raise SystemExit(1) from None
        except OSError as e:
            _discard_stdout()
            where = f"{e.filename}: " if e.filename else "cannot write the output: "
            raise BadInput(f"{where}{e.strerror or e}") from None


def _discard_stdout() -> None:
    """Point standard output at /dev/null, so that Python's last flush at exit fails no more."""
    try:
        fd = sys.stdout.fileno()
    except (OSError, ValueError):  # not a file (a test's capture): nothing will be flushed at exit
        return
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, fd)
    os.close(null)


@click.group(cls=Kg)
@click.version_option(__version__, prog_name="kg")
def cli() -> None:
    """Build a knowledge graph from Chinese news: people, posts, places, events and statistics."""


# Every command of the group, in the order they were written.
for _command in (
    articles.articles,
    articles.facts,
    articles.eval_,
    build.build,
    graph.validate_cmd,
    query.query_cmd,
    query.sparql_cmd,
    query.serve_cmd,
    search.search_cmd,
    graph.export_cmd,
    graph.remove_cmd,
    train.train_cmd,
):
    cli.add_command(_command)
