"""Posts from title chains (某市委常委、组织部部长张三 -> 张三 holds 常委 in 某市委 and 部长 in 某市委组织部),
from the tagger and from prose (他担任…): each with the sentence that states it."""

from __future__ import annotations

import functools
from collections.abc import Iterator

from kg.extract.common import entity, evidence, org_entity, person
from kg.extract.facts import Entity, Evidence, OccupationHeld, PostHeld
from kg.models import Article
from kg.nlp.doc import analyse
from kg.nlp.lexicon import load


def extract(article: Article) -> Iterator[PostHeld | OccupationHeld]:
    """One fact per (person, role, organization); the article's date is the post's as-of date. A title
    with no organization in reach (教授, 记者) is still a holding, of the role alone."""
    doc = analyse(article)
    committee = _committee(doc)
    for p in doc.posts:
        if p.since is None:
            ev = evidence(doc, p.sent)
        else:  # 张三……。他担任…: from the sentence that names him to the one that says what he holds
            ev = Evidence(article.id, p.since, p.sent.end, article.text[p.since : p.sent.end])
        if p.org is None and p.role in occupations():
            yield OccupationHeld(evidence=ev, person=person(p.person.name), occupation=p.role)
            continue
        org = org_entity(p.org) if p.org is not None else None
        if org is None and p.role in _MEMBERS and committee is not None:
            org = committee  # 某某委员说 in a report on one committee's session: a member of it
        yield PostHeld(
            evidence=ev,
            person=person(p.person.name),
            role=p.role,
            org=org,
            status=p.status,
            as_of=article.date,
        )


# Roles held in a committee (委员会, 常委会, 政协) and the types of body they are held in.
_MEMBERS = frozenset({"委员", "常委", "副委员长", "委员长", "副主任委员", "主任委员"})
_COMMITTEES = ("委员会", "常委会", "政协")


def _committee(doc) -> Entity | None:
    """The committee an article reports on, which a member named with no body (某某委员说) sits on: the
    one it names, or of several the one its headline names; None otherwise."""
    found = {m.name: m for m in doc.mentions if m.kind == "org" and m.name.endswith(_COMMITTEES)}
    if len(found) > 1:
        headline = doc.article.headline
        found = {n: m for n, m in found.items() if any(f in headline for f in (m.surface, m.name, *m.aliases))}
    return entity(next(iter(found.values()))) if len(found) == 1 else None


@functools.cache
def occupations() -> frozenset[str]:
    """Occupations (律师, 导演): held in no organization, they are schema:hasOccupation, not posts."""
    return frozenset(load("people")["occupations"])
