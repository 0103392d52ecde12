"""kg search: find people, organizations, places, events and articles by part of a name."""

from __future__ import annotations

import json

import click

from kg.cli.inputs import BadInput
from kg.cli.query import data_options
from kg.query import search
from kg.store import files_version, version_of

HEADER = ("kind", "name", "matched", "mentions", "date", "detail", "iri")


@click.command(name="search")
@click.argument("text")
@data_options
@click.option("--type", "kind", type=click.Choice(search.KIND_ORDER), help="Only things of this kind.")
@click.option("--limit", default=20, show_default=True, type=click.IntRange(1, 1000), help="Things to list.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
@click.pass_context
def search_cmd(ctx, text, backend, kind, limit, as_json):
    """Things whose name or other name contains TEXT, the exact name first, then by how many articles
    mention them. Reads the search index beside the store (rebuilt when the store is newer).

        kg search 医保局 --store news-store
    """
    if not text.strip():
        raise BadInput("give a text to search for")
    store_path = ctx.params.get("store_path")
    data_paths = ctx.params.get("data_paths") or ()
    version = version_of(store_path) if store_path else files_version(list(data_paths))
    keeper = search.Keeper(search.place_for(store_path), lambda: backend, version)
    page = keeper.current().search(text, kind=kind, limit=limit)
    if as_json:
        for hit in page.hits:
            click.echo(json.dumps(hit.json(), ensure_ascii=False, sort_keys=True))
        return
    click.echo("\t".join(HEADER))
    for h in page.hits:
        click.echo("\t".join(str(x) for x in (h.kind, h.name, h.matched, h.mentions, h.date, h.detail, h.iri)))
    if page.total > len(page.hits):
        click.echo(f"kg: {page.total} found, the first {len(page.hits)} shown (--limit)", err=True)
