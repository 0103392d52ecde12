"""Generic vocabulary, read once from the TOML files in kg/nlp/lexicons/."""

from __future__ import annotations

import functools
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


@functools.cache
def roles() -> tuple[str, ...]:
    """Every title of a post: the hand-kept roles, titles of state, and the titles mined from the training
    splits (people.toml), sorted.

    >>> "主教练" in roles() and "局长" in roles()
    True
    """
    people = load("people")
    return tuple(sorted({*people["roles"], *people["roles_of_state"], *people["mined_roles"]}))
