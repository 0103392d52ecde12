"""Train the character CRF of kg.nlp.tagger from annotated sentences, deterministically.

Reads CLUENER JSON lines (``{"text": ..., "label": {type: {surface: [[begin, end_inclusive]]}}}``)
and character-per-line files in BIO or BMES (``char TAG``, a blank line between sentences), maps their
types onto the tagger's (PER, ORG, POS, LOC) and trains python-crfsuite's L-BFGS on them in the
order given. The same files give a byte-identical model.

    python -m kg.nlp.train MODEL FILE...      (kg train does the same, with the default training splits)
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

from kg.errors import InputError
from kg.nlp.crf import bio_to_spans, features, spans_to_labels
from kg.nlp.segment import tokens

# Source types -> the tagger's. Types not listed (book, game, movie, scene, EDU, PRO, RACE, CONT) are O.
TYPE_MAP = {
    "name": "PER",
    "position": "POS",
    "organization": "ORG",
    "government": "ORG",
    "company": "ORG",
    "address": "LOC",
    "PER": "PER",
    "NAME": "PER",
    "NR": "PER",
    "ORG": "ORG",
    "NT": "ORG",
    "LOC": "LOC",
    "NS": "LOC",
    "TITLE": "POS",
}
PARAMS = {
    "c1": 0.05,  # L1: drops features that do not help, which keeps the model small
    "c2": 0.01,
    "max_iterations": 150,
    "feature.possible_transitions": True,
}

Sentence = tuple[str, list[tuple[int, int, str]]]


def read(path: Path) -> Iterator[Sentence]:
    """(text, [(begin, end, type)]) for each sentence of an annotated file, types already mapped."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as e:
        raise InputError(str(path), f"cannot read annotations: {e}") from None
    first = next((x for x in lines if x.strip()), "")
    if first.lstrip().startswith("{"):
        yield from _cluener(path, lines)
    else:
        yield from _per_char(path, lines)


def _cluener(path: Path, lines: list[str]) -> Iterator[Sentence]:
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            text = record["text"]
            if not isinstance(text, str):
                raise TypeError("text is not a string")
            spans = [
                (begin, end + 1, TYPE_MAP[kind])
                for kind, surfaces in record.get("label", {}).items()
                if kind in TYPE_MAP
                for places in surfaces.values()
                for begin, end in places
            ]
        except (ValueError, KeyError, TypeError) as e:
            raise InputError(str(path), f"not a CLUENER record: {e}", line=number) from None
        yield text, spans


def _per_char(path: Path, lines: list[str]) -> Iterator[Sentence]:
    chars: list[str] = []
    labels: list[str] = []
    for number, line in enumerate([*lines, ""], 1):
        if not line.strip():
            if chars:
                yield "".join(chars), _spans(labels)
            chars, labels = [], []
            continue
        parts = line.split()
        if len(parts) != 2 or len(parts[0]) != 1:
            raise InputError(str(path), f"expected 'CHAR TAG', got {line!r}", line=number)
        chars.append(parts[0])
        labels.append(parts[1])


def _spans(labels: list[str]) -> list[tuple[int, int, str]]:
    """Spans of BIO or BMES labels (M is BMES's I), of the types the tagger knows."""
    spans = bio_to_spans(["I" + x[1:] if x.startswith("M-") else x for x in labels])
    return [(b, e, TYPE_MAP[k]) for b, e, k in spans if k in TYPE_MAP]


def train(model: Path, sources: list[Path], verbose: bool = False) -> dict:
    """Train on every sentence of the sources, in order; write the model; return counts."""
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=verbose)
    trainer.set_params(PARAMS)
    counts = {"sentences": 0, "characters": 0} | {t: 0 for t in ("PER", "ORG", "POS", "LOC")}
    for source in sources:
        for text, spans in read(source):
            if not text:
                continue
            trainer.append(features(text, tokens(text)), spans_to_labels(len(text), spans))
            counts["sentences"] += 1
            counts["characters"] += len(text)
            for _, _, kind in spans:
                counts[kind] += 1
    if not counts["sentences"]:
        raise InputError(", ".join(map(str, sources)), "no annotated sentence to train on")
    model.parent.mkdir(parents=True, exist_ok=True)
    partial = model.with_name(model.name + ".part")
    trainer.train(str(partial))
    partial.replace(model)  # a model file is whole or absent
    return counts


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    print(json.dumps(train(Path(sys.argv[1]), [Path(p) for p in sys.argv[2:]])))
