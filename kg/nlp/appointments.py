"""Posts stated in prose: 张三担任某局局长, 他先后担任某部副部长、顾问, 李四当选为某会副主席.

A verb of appointment (the lexicon's appointment_verbs) joins a person, named just before it in the
clause or referred to by 他/她 (the last person the article named), to the posts written after it,
up to the end of the clause: items split at 、 and 兼 and read like the items of a title chain.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from kg.nlp import chains
from kg.nlp.lexicon import load, longest_first
from kg.nlp.mentions import Mention

_CLAUSE_END = re.compile(r"[，。；！？,;!?（）()“”…\n]")
_PRONOUN = re.compile(r"[他她](?:先后|曾|又|还|也|已|就)?$")
_GAP = 8  # characters between the name and the verb at most (先后, 曾经, 于1979年 are shorter)
_NEAR = 200  # characters back to the last person named, for a subject left out
# A date between the name and the verb is no distance: 某某1997年10月31日当选为某国第八任总统.
_DATE = re.compile(r"(?:\d{4}年)?\d{1,2}月(?:\d{1,2}日)?|\d{4}年")


def _gap(text: str, begin: int, end: int) -> int:
    return len(_DATE.sub("", text[begin:end]))


@dataclass(frozen=True)
class Appointment:
    person: Mention
    items: tuple[chains.Item, ...]
    status: str | None  # former for 曾任, 历任, 原任
    anaphoric: bool = False  # the person is named before the sentence (他, or left out)


@functools.cache
def _verbs() -> tuple[re.Pattern, dict[str, str]]:
    people = load("people")
    verbs = longest_first(people["appointment_verbs"])
    return re.compile("|".join(map(re.escape, verbs))), people["appointment_status"]


def find(text: str, offset: int, persons: list[Mention], last: Mention | None) -> list[Appointment]:
    """Appointments in one sentence (text at offset): persons are the article's person mentions in it,
    last the person named before the sentence (for 他/她)."""
    pattern, statuses = _verbs()
    out = []
    for m in pattern.finditer(text):
        before = [p for p in persons if p.end - offset <= m.start() and _gap(text, p.end - offset, m.start()) <= _GAP]
        clause = _CLAUSE_END.search(text, 0, m.start()) is None or not any(
            _CLAUSE_END.search(text, p.end - offset, m.start()) for p in before
        )
        person = before[-1] if before and clause else None
        if person is None and last is not None and _PRONOUN.search(text, 0, m.start()):
            person = last
        # 1979年7月，在某会议上当选为某会副主席: the subject left out, as Chinese does when the
        # sentence goes on about the person the text was just about (no one else named before the verb).
        named_before = any(p.end - offset <= m.start() for p in persons)
        if person is None and last is not None and not named_before and offset - last.end <= _NEAR:
            person = last
        if person is None:
            continue
        stop = _CLAUSE_END.search(text, m.end())
        # 当选为某会副主席，兼秘书长: a clause that opens with 兼 goes on with the same person's posts.
        while stop and text.startswith("兼", stop.end()):
            stop = _CLAUSE_END.search(text, stop.end())
        tail = text[m.end() : stop.start() if stop else len(text)].replace("，兼", "兼")
        items = []
        for piece in chains.ITEM_SEP.split(tail):
            item = chains.parse_item(piece) if piece else None
            if item is None:
                break
            items.append(item)
        if items:
            anaphoric = person.end <= offset
            out.append(Appointment(person, tuple(items), statuses.get(m.group(0)), anaphoric))
    return out
