"""Chinese personal names: a surname and one or two given-name characters, checked by context."""

from __future__ import annotations

import functools
import re

from kg.nlp.lexicon import load
from kg.nlp.segment import tokens

_HAN = re.compile(r"[\u4e00-\u9fff]")


@functools.cache
def _vocab() -> tuple[frozenset[str], frozenset[str], frozenset[str], tuple[str, ...]]:
    people = load("people")
    singles = frozenset(c for c in people["surnames"] if _HAN.match(c))
    return (
        singles,
        frozenset(people["compound_surnames"]),
        frozenset(people["not_names"]),
        tuple(people["speech_verbs"]),
    )


def surname_length(text: str, i: int) -> int:
    """1 or 2 when a surname starts at text[i], else 0."""
    singles, compounds, _, _ = _vocab()
    if text[i : i + 2] in compounds:
        return 2
    return 1 if text[i : i + 1] in singles else 0


def plausible(name: str) -> bool:
    """A string that could be a personal name: surname, one or two Han characters, not a common noun.

    >>> plausible("张三"), plausible("广大群众"), plausible("白鹭")
    (True, False, False)
    """
    _, _, not_names, _ = _vocab()
    k = surname_length(name, 0)
    if not k or not 1 <= len(name) - k <= 2 or not all(_HAN.match(c) for c in name):
        return False
    return name not in not_names and name[:2] not in not_names


def name_at(text: str, i: int, stops: str = "") -> int:
    """End of the personal name starting at text[i], or 0 when none does.

    The name ends where jieba ends a person token, or else where a boundary or a speech verb follows.

    >>> text = "副局长张三介绍"
    >>> text[3:name_at(text, 3)]
    '张三'
    """
    k = surname_length(text, i)
    if not k:
        return 0
    window = text[i : i + k + 6]
    first = tokens(window)[0]
    if first.flag == "nr" and k < len(first.word) <= k + 2 and plausible(first.word):
        return i + len(first.word)
    _, _, _, verbs = _vocab()
    for size in (k + 2, k + 1):
        cand = window[:size]
        rest = window[size:]
        if len(cand) == size and plausible(cand) and (not rest or rest[0] in stops or rest.startswith(verbs)):
            return i + size
    return 0


def speech_verb_at(text: str, i: int) -> str | None:
    """The speech verb starting at text[i], if one does."""
    _, _, _, verbs = _vocab()
    for v in verbs:
        if text.startswith(v, i):
            return v
    return None
