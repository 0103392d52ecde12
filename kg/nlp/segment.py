"""The one place jieba is imported: part-of-speech segmentation with character offsets."""

from __future__ import annotations

import enum
import functools
import logging
from typing import NamedTuple


class Segmenter(enum.Enum):
    JIEBA = "jieba"


class Token(NamedTuple):
    word: str
    flag: str  # jieba's part of speech: nr person, ns place, nt organization, v verb, ...
    begin: int
    end: int


@functools.cache
def _posseg():
    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba.posseg


def tokens(text: str, segmenter: Segmenter = Segmenter.JIEBA) -> list[Token]:
    """Segment text into tagged tokens that cover it exactly.

    >>> [(t.word, t.flag) for t in tokens("张三表示")]
    [('张三', 'nr'), ('表示', 'v')]
    """
    out: list[Token] = []
    i = 0
    for pair in _posseg().cut(text):
        out.append(Token(pair.word, pair.flag, i, i + len(pair.word)))
        i += len(pair.word)
    return out


def known_word(word: str) -> bool:
    """Whether jieba's dictionary lists the word (names it guesses with its HMM are not listed)."""
    import jieba

    _posseg()
    return bool(jieba.dt.FREQ.get(word))


def frequency(word: str) -> int:
    """How often jieba's dictionary has seen the word (0 when it does not list it)."""
    import jieba

    _posseg()
    return jieba.dt.FREQ.get(word) or 0


def tag(word: str) -> str | None:
    """The part of speech jieba's dictionary gives a word, if it lists it."""
    return _posseg().dt.word_tag_tab.get(word)
