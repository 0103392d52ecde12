"""Posts from title chains: 某市委常委、组织部部长张三 -> 张三 holds 常委 in 某市委 and 部长 in 某市委组织部."""

from __future__ import annotations

from collections.abc import Iterator

from kg.extract.common import evidence, org_entity, person
from kg.extract.facts import PostHeld
from kg.models import Article
from kg.nlp.doc import analyse


def extract(article: Article) -> Iterator[PostHeld]:
    """One fact per (person, role, organization); the article's date is the post's as-of date."""
    doc = analyse(article)
    for p in doc.posts:
        if p.org is None:
            continue  # a title with no organization in reach (教授, 记者) is not a post we can place
        yield PostHeld(
            evidence=evidence(doc, p.sent),
            person=person(p.person.name),
            role=p.role,
            org=org_entity(p.org),
            status=p.status,
            as_of=article.date,
        )
