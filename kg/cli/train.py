"""kg train: the tagger's model from annotated sentences (kg.nlp.train)."""

from __future__ import annotations

import json
from pathlib import Path

import click

from kg.cli.inputs import BadInput
from kg.errors import InputError

# The training splits the shipped model was trained on (docs/model-card.md), under --corpus.
TRAINING_SPLITS = ("cluener2020/train.json", "resume-ner/train.char.bmes", "msra-ner/msra_bakeoff_test.bio")


@click.command(name="train")
@click.argument("sources", nargs=-1, type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True, help="Where to write the model.")
@click.option(
    "--corpus",
    type=click.Path(path_type=Path),
    default=Path("../shared/corpus"),
    show_default=True,
    help="Without SOURCES: the folder holding the training splits the shipped model was trained on.",
)
def train_cmd(sources, output, corpus):
    """Train the people, organization and position tagger on annotated sentences.

    SOURCES are CLUENER JSON lines or files of one 'CHAR TAG' a line (BIO or BMES, a blank line
    between sentences). Without them, the training splits under --corpus. The same files give a
    byte-identical model; use it with kg build --model.

        kg train -o ner.crfsuite my-annotations.bio
    """
    from kg.nlp.train import train

    paths = list(sources) or [corpus / split for split in TRAINING_SPLITS]
    for p in paths:
        if not p.is_file():
            raise BadInput(f"{p}: no such file")
    try:
        counts = train(output, paths)
    except InputError as e:
        raise BadInput(str(e)) from None
    click.echo(json.dumps(counts, sort_keys=True))
