"""Sentence splitting with character offsets into an article's cleaned text."""

from __future__ import annotations

import re

from kg.ingest.markers import embedded_bylines
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
    ends = sorted({m.end() for m in _END.finditer(text)} | _datelines(text))
    for end in ends:
        _add(out, text, start, end)
        start = end
    _add(out, text, start, len(text))
    return out


def _datelines(text: str) -> set[int]:
    """Where a dateline with its byline starts inside a paragraph: the text before it (a headline run into
    the body, 某某新标引热议某部：某某系误读本报讯（记者某某）…) is a sentence of its own."""
    out = set()
    for begin, end, _ in embedded_bylines(text):
        dateline = text[begin:end]
        if begin > 0 and text[begin - 1] in "，,：: \u3000":
            out.add(begin)
        elif (at := dateline.find("本报")) >= 0:
            out.add(begin + at)
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
