"""The character CRF's features and labels: one definition shared by training (kg.nlp.train) and tagging
(kg.nlp.tagger), so that the model sees at run time exactly what it was trained on.

Each character gets: itself and its neighbours two either side, the two bigrams around it, where it
sits in jieba's word (B, M, E or S) with that word's part of speech, the word itself (up to four
characters), whether it can open a surname, and whether a title of the lexicon starts, ends or runs
through it. Digits and Latin letters are folded into one class each, so that 1998 and 2023 look
alike. Labels are BIOES (a single-character entity is S-, the last character of a longer one E-):
on CLUENER dev they gave position F1 0.74 against 0.71 with BIO.
"""

from __future__ import annotations

import functools

from kg.nlp.lexicon import load
from kg.nlp.segment import Token

# The tagger's entity types: people, organizations, positions (titles) and places.
TYPES = ("PER", "ORG", "POS", "LOC")
_BOUNDARY = "␂"  # stands before the first character and after the last


@functools.cache
def _lexicons() -> tuple[frozenset, frozenset, tuple[str, ...]]:
    people = load("people")
    surnames = frozenset(people["surnames"])
    compounds = frozenset(people["compound_surnames"])
    roles = tuple(sorted(set(people["roles"]), key=lambda w: (-len(w), w)))
    return surnames, compounds, roles


@functools.cache
def _fold(c: str) -> str:
    if c.isdigit():
        return "0"
    if c.isascii() and c.isalpha():
        return "a"
    return c


@functools.cache
def _by_first_char() -> dict[str, list[tuple[int, str]]]:
    """The roles by their first character, each with its place in the longest-first order."""
    out: dict[str, list[tuple[int, str]]] = {}
    for k, role in enumerate(_lexicons()[2]):
        out.setdefault(role[0], []).append((k, role))
    return out


def _candidates(text: str) -> list[str]:
    """The roles that may occur in text (their first character does), in the longest-first order."""
    index = _by_first_char()
    return [role for _, role in sorted(x for c in set(text) for x in index.get(c, ()))]


def _title_marks(text: str) -> list[str]:
    """'tb', 'ti' or 'te' for the characters of each title of the lexicon found in text (longest first)."""
    marks = [""] * len(text)
    for role in _candidates(text):
        start = text.find(role)
        while start >= 0:
            end = start + len(role)
            if not any(marks[start:end]):
                marks[start] = "tb"
                for k in range(start + 1, end - 1):
                    marks[k] = "ti"
                marks[end - 1] = "te" if end - 1 > start else "tb"
            start = text.find(role, start + 1)
    return marks


def features(text: str, tokens: list[Token]) -> list[list[str]]:
    """The feature strings of each character of text; tokens are jieba's, covering text exactly."""
    surnames, compounds, _ = _lexicons()
    chars = [_fold(c) for c in text]
    padded = [_BOUNDARY, _BOUNDARY, *chars, _BOUNDARY, _BOUNDARY]
    word = [""] * len(text)
    whole = [""] * len(text)
    for t in tokens:
        n = t.end - t.begin
        shown = "wd=" + (t.word if n <= 4 else "LONG")
        for k in range(t.begin, t.end):
            whole[k] = shown
        if n == 1:
            word[t.begin] = "S|" + t.flag
            continue
        word[t.begin] = "B|" + t.flag
        for k in range(t.begin + 1, t.end - 1):
            word[k] = "M|" + t.flag
        word[t.end - 1] = "E|" + t.flag
    titles = _title_marks(text)
    out = []
    for i in range(len(text)):
        p = i + 2
        c = padded[p]
        row = [
            "c=" + c,
            "l=" + padded[p - 1],
            "r=" + padded[p + 1],
            "ll=" + padded[p - 2],
            "rr=" + padded[p + 2],
            "lc=" + padded[p - 1] + c,
            "cr=" + c + padded[p + 1],
            "w=" + word[i],
            "p=" + word[i][2:],
            whole[i],
        ]
        if text[i] in surnames:
            row.append("sn")
        if text[i : i + 2] in compounds:
            row.append("sn2")
        if titles[i]:
            row.append(titles[i])
        if i + 1 < len(text) and titles[i + 1] == "tb":
            row.append("t>")  # a title follows: 王 in 王局长, 张三 in 张三委员
        if i and titles[i - 1] == "te":
            row.append("<t")  # a title precedes: the name in 局长王五
        out.append(row)
    return out


def spans_to_labels(length: int, spans: list[tuple[int, int, str]]) -> list[str]:
    """BIOES labels of a text of this length from (begin, end, type) spans; overlaps keep the first.

    >>> spans_to_labels(5, [(0, 3, "PER"), (4, 5, "LOC")])
    ['B-PER', 'I-PER', 'E-PER', 'O', 'S-LOC']
    """
    labels = ["O"] * length
    for begin, end, kind in sorted(spans):
        if begin >= end or any(label != "O" for label in labels[begin:end]):
            continue
        if end - begin == 1:
            labels[begin] = "S-" + kind
            continue
        labels[begin] = "B-" + kind
        for k in range(begin + 1, end - 1):
            labels[k] = "I-" + kind
        labels[end - 1] = "E-" + kind
    return labels


def bio_to_spans(labels: list[str]) -> list[tuple[int, int, str]]:
    """(begin, end, type) spans of BIO or BIOES labels; an I- or E- without its B- opens a span too.

    >>> bio_to_spans(["B-PER", "I-PER", "O", "I-ORG", "I-ORG", "S-LOC", "B-POS", "E-POS"])
    [(0, 2, 'PER'), (3, 5, 'ORG'), (5, 6, 'LOC'), (6, 8, 'POS')]
    """
    out = []
    begin, kind = None, None
    for i, label in enumerate([*labels, "O"]):
        tag, _, t = label.partition("-")
        if begin is not None and (tag not in ("I", "E") or t != kind):
            out.append((begin, i, kind))
            begin, kind = None, None
        if tag in ("B", "S") or (tag in ("I", "E") and begin is None):
            begin, kind = i, t
        if tag in ("E", "S"):
            out.append((begin, i + 1, kind))
            begin, kind = None, None
    return out
