"""Sentence splitting with character offsets into an article's cleaned text."""

from __future__ import annotations

import re

from kg.models import Sentence

# A sentence ends at 。！？ (or a run of them, or ……) and takes closing quotes and brackets with it;
# a paragraph break always ends one, and so does a garbled stretch (□, kg.ingest.clean). Semicolons do
# not: they join clauses of one sentence.
_END = re.compile(r"(?:[。！？!?]+|…{2,}(?![，、；：]))[”’」』）)]*□*|\n|□+")


def sentences(text: str) -> list[Sentence]:
    """Split cleaned text into sentences; spans exclude surrounding white space.

    >>> [s.text for s in sentences("他说：“好。”然后走了。\\n新段落")]
    ['他说：“好。”', '然后走了。', '新段落']
    """
    out: list[Sentence] = []
    start = 0
    for m in _END.finditer(text):
        _add(out, text, start, m.end())
        start = m.end()
    _add(out, text, start, len(text))
    return out


def _add(out: list[Sentence], text: str, begin: int, end: int) -> None:
    while begin < end and text[begin].isspace():
        begin += 1
    while end > begin and text[end - 1].isspace():
        end -= 1
    if end > begin:
        out.append(Sentence(begin, end, text[begin:end]))


def first_sentence(text: str) -> str:
    found = sentences(text)
    return found[0].text if found else ""
