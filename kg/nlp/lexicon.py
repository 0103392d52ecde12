"""Generic vocabulary, read once from the TOML files in kg/nlp/lexicons/."""

from __future__ import annotations

import functools
import re
import tomllib
from importlib import resources
from typing import Any


@functools.cache
def load(name: str) -> dict[str, Any]:
    """The parsed lexicon file ``lexicons/NAME.toml``.

    >>> "局长" in load("people")["roles"]
    True
    """
    text = resources.files("kg.nlp").joinpath("lexicons", f"{name}.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def longest_first(words) -> tuple[str, ...]:
    """Words sorted for longest-match alternation: longer first, then by code point."""
    return tuple(sorted(set(words), key=lambda w: (-len(w), w)))


def alternation(words) -> str:
    """A regular expression that matches the longest of the words at a position, as a longest-first
    alternation does, written as a trie: one branch per character, so that matching costs the length of
    the word, not the number of words.

    >>> import re
    >>> re.match(alternation(["局长", "副局长", "局"]), "副局长张三").group(0), alternation(["ab", "a"])
    ('副局长', 'a(?:b)?')
    """
    if not words:
        return "(?!)"
    trie: dict = {}
    for w in set(words):
        node = trie
        for c in w:
            node = node.setdefault(c, {})
        node[""] = {}

    def branch(node: dict) -> str:
        alts = [re.escape(c) + branch(child) for c, child in sorted(node.items()) if c]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return branch(trie)


@functools.cache
def roles() -> tuple[str, ...]:
    """Every title of a post: the hand-kept roles, titles of state, and the titles mined from the training
    splits (people.toml), sorted.

    >>> "主教练" in roles() and "局长" in roles()
    True
    """
    people = load("people")
    return tuple(sorted({*people["roles"], *people["roles_of_state"], *people["mined_roles"]}))
