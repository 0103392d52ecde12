"""Posts from title chains: 某市委常委、组织部部长张三 -> 张三 holds 常委 in 某市委 and 部长 in 某市委组织部."""

from __future__ import annotations

from collections.abc import Iterator

from kg.extract.common import evidence, org_entity, person
from kg.extract.facts import PostHeld
from kg.models import Article
from kg.nlp.doc import analyse


def extract(article: Article) -> Iterator[PostHeld]:
    """One fact per (person, role, organization); the article's date is the post's as-of date. A title
    with no organization in reach (教授, 记者) is still a holding, of the role alone."""
    doc = analyse(article)
    for p in doc.posts:
        yield PostHeld(
            evidence=evidence(doc, p.sent),
            person=person(p.person.name),
            role=p.role,
            org=org_entity(p.org) if p.org is not None else None,
            status=p.status,
            as_of=article.date,
        )
