"""cli: the kg command, on top of every stage: one thin command per verb.

Owns the command group and its commands: articles, facts and eval (articles), build (build),
validate, export and remove (graph), query, sparql and serve (query), train (train); what they share (inputs:
the exit-2 error, input options) and the progress bar (progress).

May import: every stage and kg.pipeline. Nothing imports it.
"""

from __future__ import annotations

import click

from kg import __version__
from kg.cli import articles, build, graph, query, train


@click.group()
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
    graph.export_cmd,
    graph.remove_cmd,
    train.train_cmd,
):
    cli.add_command(_command)
