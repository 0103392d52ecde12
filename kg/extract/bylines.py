"""Bylines: the reporter wrote the article, and holds 记者 at the newspaper."""

from __future__ import annotations

from collections.abc import Iterator

from kg.extract.common import evidence, person
from kg.extract.facts import Authored, Entity, Fact, PostHeld
from kg.models import Article
from kg.nlp import reporters
from kg.nlp.doc import analyse

_CORRESPONDENTS = frozenset({"通讯员", "特约通讯员"})


def extract(article: Article) -> Iterator[Fact]:
    """某某日报记者 张三 -> Authored(张三) and PostHeld(张三, 记者, 某某日报)."""
    doc = analyse(article)
    # The employer: the outlet the byline prints, else the one the article says its reporters work for
    # (its dateline's, 本报 for the record's source, （来源：某某日报））; the record's source alone is only
    # the publisher (a portal reprints others' reports).
    employer = reporters.employer_of(article)
    papers = [p for p in (article.meta.source, employer) if p]
    for b in doc.bylines:
        pos = article.text.find(b.name)
        # The outlet printed in the byline (某某日报某某新闻) belongs to the newspaper when it starts with its name.
        outlet = next((p for p in papers if b.org and b.org.startswith(p)), b.org) if b.org else employer
        if b.role in _CORRESPONDENTS and b.org is None:
            outlet = None  # a correspondent (通讯员) writes for the paper from another body, which goes unnamed
        org = Entity("org", outlet, (b.org,) if b.org and b.org != outlet else ()) if outlet else None
        if pos < 0:  # a byline printed outside the text: it wrote the article, and no sentence says more
            yield Authored(evidence=evidence(doc, doc.sents[0]), person=person(b.name), role=b.role, org=org)
            continue
        ev = evidence(doc, doc.sent_of(pos))
        yield Authored(evidence=ev, person=person(b.name), role=b.role, org=org)
        # 本报讯（记者张三）with no paper named: still a holding of 记者, with no organization
        yield PostHeld(evidence=ev, person=person(b.name), role=b.role, org=org, as_of=article.date)
