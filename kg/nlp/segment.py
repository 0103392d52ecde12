"""The one place jieba is imported: part-of-speech segmentation with character offsets.

jieba's part-of-speech HMM is off (it costs four times the rest of segmentation): unknown words are
regrouped by jieba's cheaper word-boundary HMM, and people come from the trained tagger instead
(with_names), which finds more of them.
"""

from __future__ import annotations

import enum
import functools
import logging
import re
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


def tokens(text: str, segmenter: Segmenter = Segmenter.JIEBA, hmm: bool = False) -> list[Token]:
    """Segment text into tagged tokens that cover it exactly.

    jieba's dictionary gives the words and their parts of speech; a run of single Han characters that
    spells no dictionary word (a village, a company: 新登镇) is regrouped by jieba's word-boundary HMM,
    as jieba.cut does, and the words it makes are tagged nz (a proper noun of unknown kind). jieba's
    part-of-speech HMM, which guesses a tag for them too, costs four times the rest (hmm=True uses it).

    >>> [(t.word, t.flag) for t in tokens("市长表示")]
    [('市长', 'n'), ('表示', 'v')]
    """
    posseg = _posseg()
    out: list[Token] = []
    i = 0
    if hmm:
        for pair in posseg.cut(text):
            out.append(Token(pair.word, pair.flag, i, i + len(pair.word)))
            i += len(pair.word)
        return out
    run: list[Token] = []
    for pair in posseg.cut(text, HMM=False):
        # Without the HMM jieba tags a run of Latin digits eng; with it (and in its dictionary) numbers are m.
        flag = "m" if pair.flag == "eng" and _NUMBER.fullmatch(pair.word) else pair.flag
        token = Token(pair.word, flag, i, i + len(pair.word))
        i = token.end
        if (
            len(pair.word) == 1
            and _is_han(pair.word)
            and not (pair.word in _UNITS and not run and out and out[-1].flag == "m")
        ):
            run.append(token)
            continue
        out += _regrouped(run)
        run = []
        if flag == "m" and len(out) >= 2 and out[-1].word == "." and out[-2].flag == "m" and out[-2].word.isascii():
            token = Token(out[-2].word + "." + token.word, "m", out[-2].begin, token.end)  # 3 . 5 -> 3.5
            del out[-2:]
        out.append(token)
    out += _regrouped(run)
    return out


_NUMBER = re.compile(r"[0-9.]+")
_UNITS = frozenset("年月日时分秒号岁")  # after a number a unit of its own (23日|随公司), never part of a word


def _is_han(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff"


def _regrouped(run: list[Token]) -> list[Token]:
    """A run of single-character tokens, regrouped into words by jieba's HMM when it spells no known word."""
    if len(run) < 2:
        return run
    chars = "".join(t.word for t in run)
    if frequency(chars):
        return run
    out: list[Token] = []
    at = run[0].begin
    for word in _finalseg().cut(chars):
        # The HMM joins a verb, adverb, preposition, particle or pronoun to the word it opens (拟入园) and a
        # preposition, conjunction or particle to the word it ends (某局从): the part-of-speech HMM would not.
        two = len(word) == 2 and _function(word[0], _NO_NAME_START)
        if two and (
            _function(word[1], _NO_NAME_START | {"m", "q"}) or word[0] in _CAUSATIVE or word[0] not in _surnames()
        ):
            out += run[at - run[0].begin : at - run[0].begin + 2]  # 另有, 都没, 使人, 据市: no name (于某 may be)
            at += 2
            continue
        lead = 1 if len(word) > 2 and _function(word[0], _NO_NAME_START) else 0
        trail = 1 if len(word) - lead >= 2 and _function(word[-1], _NO_NAME_END) else 0
        pieces = [(at, at + lead), (at + lead, at + len(word) - trail), (at + len(word) - trail, at + len(word))]
        for b, e in pieces:
            if e - b == 1:
                out.append(run[b - run[0].begin])
            elif e - b > 1:
                out.append(Token(chars[b - run[0].begin : e - run[0].begin], "nz", b, e))
        at += len(word)
    return out


@functools.cache
def _surnames() -> frozenset[str]:
    from kg.nlp.lexicon import load

    return frozenset(load("people")["surnames"])


def _function(char: str, tags: frozenset[str]) -> bool:
    flag = tag(char)
    return bool(flag) and flag[0] in tags


_NO_NAME_START = frozenset("vdpcur")
_CAUSATIVE = frozenset("使让令叫给被把将")  # 使人社部: a causative verb opens a clause, never a name
_NO_NAME_END = frozenset("pcu")


@functools.cache
def _finalseg():
    import jieba.finalseg

    _posseg()
    return jieba.finalseg


def with_names(toks: list[Token], names: list[tuple[int, int]]) -> list[Token]:
    """The tokens with each (begin, end) span made one person token (nr); a token a span cuts through is
    split, its pieces tagged as jieba's dictionary tags them (x when it does not list them).

    >>> [(t.word, t.flag) for t in with_names(tokens("王小二表示"), [(0, 3)])]
    [('王小二', 'nr'), ('表示', 'v')]
    """
    if not names:
        return toks
    out: list[Token] = []
    spans = sorted(names)
    k = 0
    for t in toks:
        while k < len(spans) and spans[k][1] <= t.begin:
            k += 1
        pieces = [(t.begin, t.end)]
        for b, e in spans[k:]:
            if b >= t.end:
                break
            pieces = [(x, y) for pb, pe in pieces for x, y in ((pb, min(pe, b)), (max(pb, e), pe)) if x < y]
        for b, e in pieces:
            word = t.word[b - t.begin : e - t.begin]
            out.append(t if (b, e) == (t.begin, t.end) else Token(word, tag(word) or "x", b, e))
    for b, e in spans:
        text = "".join(
            t.word[max(b, t.begin) - t.begin : min(e, t.end) - t.begin] for t in toks if t.begin < e and b < t.end
        )
        out.append(Token(text, "nr", b, e))
    return sorted(out, key=lambda t: t.begin)


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
