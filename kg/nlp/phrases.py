"""Proper noun phrases that end in a type word: 某某科技生态园, 某某工程有限公司."""

from __future__ import annotations

import functools
from collections.abc import Iterator, Sequence

from kg.nlp.segment import Token, frequency, known_word

# jieba tags that can stand inside a name, and those a name cannot start with.
_INSIDE = ("n", "j", "eng", "vn", "b", "s", "zg", "ng", "an", "a", "z", "m", "i", "l", "nz", "nr", "ns", "nt", "f")
_NO_START = {"m", "f", "vn", "b", "an", "a", "z", "zg", "ng", "l"}
# What a company's name says it does, right before its type (某某房地产开发公司, 某某投资管理有限公司).
_BUSINESS_VERBS = frozenset({"开发", "发展", "建设", "投资", "管理", "经营", "服务", "咨询", "设计", "制造", "运营"})
# A known word this rare in jieba's dictionary is most likely a name (a street or a park; 全力 is seen 1161 times).
_RARE = 100
# Words that join two names or end one, whatever jieba tags them.
_JOINERS = {"暨", "和", "与", "及", "或", "的", "之", "、"}
_PROPER = {"nr", "ns", "nt", "nz", "j", "eng", "nrt", "nrfg"}


# Date words a name never runs across (a dateline: 某地2月5日电某某街).
_DATE_WORDS = {"年", "月", "日", "号", "日电", "电"}


def _inside(t: Token, stops: frozenset[str]) -> bool:
    return t.flag.startswith(_INSIDE) and t.word not in _JOINERS and t.word not in stops and t.word not in _DATE_WORDS


def ending_in(
    tokens: Sequence[Token],
    suffixes: Sequence[str],
    generic: frozenset[str],
    stops: frozenset[str] = frozenset(),
    max_tokens: int = 8,
) -> Iterator[tuple[int, int, str]]:
    """(begin, end, suffix) of each phrase that ends in a token ending with a suffix.

    The phrase runs left over name-like tokens, then drops generic words (产业, 国际, 示范) from its
    left edge; what remains must hold something besides generic words and the suffix. ``stops`` are
    words (mostly verbs jieba mistags) that a name never runs across.
    """
    ending = _ending(tuple(suffixes))
    for j, last in enumerate(tokens):
        suffix = ending(last.word)
        if suffix is None or last.flag == "f":
            continue
        # A common two-character word that merely ends like a suffix (布局, 部署, 线路) is not a head.
        if last.word != suffix and len(last.word) == 2 and known_word(last.word) and last.word not in suffixes:
            continue
        k = j
        # The word right before a bare type is part of the name even where it is a stop elsewhere: 某某文化
        # 发展有限公司, 某某房地产开发有限公司 (not 某部会同|教育部: there the last word is more than its type).
        bare = last.word == suffix
        if bare and k > 0 and tokens[k - 1].word in _BUSINESS_VERBS:
            k -= 1  # 某某地产|开发|公司: a business a company's name says it does, though jieba tags it a verb
        while k > 0 and j - k < max_tokens and _inside(tokens[k - 1], stops if k < j or not bare else frozenset()):
            k -= 1
        while k < j and (step := _generic_at(tokens, k, j, generic)):
            k += step
        body = "".join(t.word for t in tokens[k : j + 1])[: -len(suffix)]
        if not body or len(body) < 2 and k == j:
            continue
        words = [t for t in tokens[k : j + 1]]
        head = words[-1].word[: -len(suffix)]
        rest = [t.word for t in words[:-1]] + ([head] if head else [])
        if rest and all(w in generic for w in rest):
            continue
        yield tokens[k].begin, last.end, suffix


def _generic_at(tokens: Sequence[Token], k: int, j: int, generic: frozenset[str]) -> int:
    """How many tokens from k on make a word a name does not start with: a generic word, even when
    jieba's dictionary split it (科创 as 科 + 创), or a token of a tag no name starts with; else 0."""
    if tokens[k].word in generic or tokens[k].flag in _NO_START:
        return 1
    word = tokens[k].word
    for n in range(1, min(3, j - k)):
        word += tokens[k + n].word
        if word in generic:
            return n + 1
    return 0


@functools.lru_cache(maxsize=16)
def _ending(suffixes: tuple[str, ...]):
    """A function giving the longest of the suffixes a word ends with, by lookups, not by scanning."""
    table = frozenset(suffixes)
    lengths = sorted({len(s) for s in suffixes}, reverse=True)
    last = frozenset(s[-1] for s in suffixes if s)  # most words end in none of these: one set lookup

    def ending(word: str) -> str | None:
        if not word or word[-1] not in last:
            return None
        for k in lengths:
            if len(word) >= k and word[-k:] in table:
                return word[-k:]
        return None

    return ending


def proper(t: Token) -> bool:
    """A token that names something: tagged as a name, or a word jieba does not know or seldom sees."""
    return t.flag in _PROPER or frequency(t.word) < _RARE
