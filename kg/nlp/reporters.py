"""The people who wrote and photographed an article, and their outlet: bylines inside the text (…实施某报讯
（记者张三）), names run together in a byline, the paper a 本报记者 works for."""

from __future__ import annotations

import re
from dataclasses import replace

from kg.ingest.markers import (
    BYLINE_ROLES,
    CREDIT_SUFFIXES,
    OUTLET_SUFFIXES,
    byline_line,
    dateline_outlet,
    embedded_bylines,
)
from kg.models import Article, Byline
from kg.nlp import marked, names, segment
from kg.nlp.mentions import Mention
from kg.nlp.orgs import OrgName


def embedded(article: Article, found: list[Mention], named: set[str]) -> tuple[Byline, ...]:
    """Bylines after a dateline inside the text (…实施某报讯（记者张三）): an outlet run into the text
    before it is the organization named right before 讯."""
    out: list[Byline] = []
    for start, end, people_ in embedded_bylines(article.text):
        inside = [m for m in found if m.kind == "org" and start <= m.begin and m.end <= end]
        # 某报讯: the organization right before 讯; 某网某地7月30日讯: an outlet inside the dateline.
        outlet = (
            next((m.name for m in inside if m.end == end - 1), None)
            or next((m.name for m in inside if m.name.endswith(OUTLET_SUFFIXES)), None)
            or run_in_outlet(article.text[start : end - 1])
        )
        out += [
            replace(b, name=n, org=b.org or (None if b.role.endswith("通讯员") else outlet))  # a correspondent writes
            for b in people_  # for the paper from another body, which goes unnamed
            for n in two_names(b.name)
            if n not in named
        ]
    return tuple(out)


def run_in_outlet(text: str) -> str | None:
    """The outlet of a dateline run into the words before it (…的方式实施某京报讯, …任何人某某新闻网北京7月30日讯):
    what follows the last verb, function word or pronoun, when it is a word or more and ends like an outlet."""
    if (m := _OUTLET_THEN_DATE.match(text)) is not None:
        text = m["outlet"]
    words = segment.tokens(text)
    last = max((i for i, t in enumerate(words) if t.flag[:1] in _NOT_OUTLET), default=-1)
    if last < 0:  # …刑拘|某某时报讯: jieba's last word is the outlet's whole name
        tail = words[-1].word if words else ""
        return tail if len(words) > 1 and len(tail) >= 3 and tail.endswith(OUTLET_SUFFIXES) else None
    outlet = text[words[last].end :]
    return outlet if len(outlet) >= 3 and outlet.endswith(OUTLET_SUFFIXES) else None


_OUTLET_THEN_DATE = re.compile(r"(?P<outlet>.+?(?:社|网|台|报))[\u4e00-\u9fff]{0,4}\d{1,2}月\d{1,2}日(?:电|消息)?$")
# verbs, adverbs, prepositions, conjunctions, particles, pronouns; numbers, measures and times (…16岁某某时报讯)
_NOT_OUTLET = frozenset("vdpcuyrmqt")


def two_names(name: str) -> tuple[str, ...]:
    """记者赵某　文某 or 记者杨某某肖某某, the space between them cleaned away or never printed: a byline's
    name of four to six characters that is two plausible names, with no compound surname, is the two of
    them; five or six characters that are not are no name."""
    if "·" in name:
        return (name,)
    if len(name) < 4 or names.surname_length(name, 0) != 1:
        return (name,) if len(name) <= 4 else ()
    for cut in {4: (2,), 5: (2, 3), 6: (3,)}[len(name)]:
        if names.surname_length(name, cut) == 1 and names.plausible(name[:cut]) and names.plausible(name[cut:]):
            return name[:cut], name[cut:]
    return (name,) if len(name) <= 4 else ()


def paper_of(article: Article) -> str | None:
    """The paper the article is from: its record's source, its dateline's outlet, or （来源：某某日报）."""
    return article.meta.source or dateline_outlet(article.dateline) or marked.source_credit(article.text)


def dateline_mention(article: Article) -> list[Mention]:
    """The outlet a dateline names where the text prints it (南都讯, 某报讯, 新华社北京…电): an organization the
    article names."""
    outlet = dateline_outlet(article.dateline)
    if not outlet:
        return []
    at = article.text.find(article.dateline, 0, 400)
    within = article.dateline.find(outlet)  # 据新华社电: the outlet after the credit
    if at < 0 or within < 0:
        return []
    at += within
    return [Mention(at, at + len(outlet), outlet, "org", outlet, cue="credit")]


def employer_of(article: Article) -> str | None:
    """The outlet the article's reporters work for, when the article says so: its dateline's outlet
    (南都讯, 新华社北京…电), this paper (本报讯, 本报记者: the record's source), or （来源：某某日报）. A
    record's source alone is where it was published, often a portal that reprints others' reports,
    not the employer of the reporters it names."""
    outlet = dateline_outlet(article.dateline)
    if outlet:
        return outlet
    this_paper = (article.dateline or "").startswith("本报") or "本报记者" in article.text[:200]
    return (article.meta.source if this_paper else None) or marked.source_credit(article.text)


def home_paper(article: Article, posts: list) -> list:  # of kg.nlp.doc.Post
    """本报记者张三: a reporter of this paper, when the article says which paper it is (its source, its
    dateline's outlet or （来源：某某日报））."""
    paper = paper_of(article)
    if not paper:
        return posts
    return [
        replace(p, org=OrgName(paper))
        if p.org is None
        and p.role in BYLINE_ROLES
        and (re.search(f"本报{p.role}\\s*{re.escape(p.person.name)}", p.sent.text) or _credit_line(p.sent.text))
        else p
        for p in posts
    ]


_SOURCE_AFTER = re.compile(r"\s*[（(]\s*来源[：:][^（()）]{2,20}[）)]\s*$")


def _credit_line(sentence: str) -> bool:
    """Whether a sentence is nothing but a byline, as the last line of an article prints it: 记者张三实习生
    李四　（来源：某某网）. Its people are the paper's, as 本报记者 is."""
    return byline_line(_SOURCE_AFTER.sub("", sentence)) is not None


_PICTURE_SOURCE = re.compile(r"\s*[（(]?(?:图片)?来源[：:]\s*(?P<outlet>[\u4e00-\u9fff]{2,12})\s*[）)]?\s*$")
_BARE_CREDIT = re.compile(r"(?P<name>[\u4e00-\u9fff]{2,4})\s*(?:摄影|摄|供图)")


def photographer(text: str) -> tuple[Byline, ...] | None:
    """A name and nothing but 摄 (某某 摄): the paper's photographer, a reporter of it."""
    m = _BARE_CREDIT.fullmatch(text.strip())
    return (Byline("记者", m["name"], None),) if m and names.plausible(m["name"]) else None


_SENT_BY = re.compile(
    r"(?P<outlet>[\u4e00-\u9fff]{1,8}?(?:社|网|报|台))发\s*[（(]\s*(?:记者\s*)?(?P<name>[\u4e00-\u9fff·]{2,5}?)\s*摄\s*[）)]"
)


def sent_photo(text: str) -> tuple[Byline, ...]:
    """A picture an outlet sends with its photographer's name: 新华社发（某某　摄）, a reporter of the outlet.

    >>> sent_photo("麦田里一片繁忙。　新华社发（张春雷　摄）")
    (Byline(role='记者', name='张春雷', org='新华社'),)
    """
    m = _SENT_BY.search(text)
    return (Byline("记者", m["name"], m["outlet"]),) if m and names.plausible(m["name"]) else ()


def credit_and_source(text: str) -> tuple[str, str | None]:
    """A photo credit and the outlet a source line after it names: 某某 摄 图片来源：某某晚报.

    >>> credit_and_source("张三 摄 图片来源：某某晚报"), credit_and_source("张三 摄")
    (('张三 摄', '某某晚报'), ('张三 摄', None))
    """
    m = _PICTURE_SOURCE.search(text)
    if m is None or not m.start() or not text[: m.start()].rstrip().endswith(CREDIT_SUFFIXES):
        return text, None
    return text[: m.start()].rstrip(), m["outlet"]
