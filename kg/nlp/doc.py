"""One article analysed once: sentences, locale, times, quantities, mentions and title chains."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace

from kg.ingest.clean import GARBLED
from kg.ingest.markers import CREDIT_SUFFIXES, byline_line
from kg.models import Article, Byline
from kg.nlp import (
    appointments,
    chains,
    gazetteer,
    linking,
    marked,
    names,
    orgs,
    people,
    places,
    quantities,
    renames,
    reporters,
    tagger,
    timex,
)
from kg.nlp.lexicon import load
from kg.nlp.locale import Locale, locale_of
from kg.nlp.mentions import Mention
from kg.nlp.orgs import OrgName
from kg.nlp.posts_orgs import resolve
from kg.nlp.segment import Token
from kg.nlp.sentences import sentences


@dataclass(frozen=True)
class Sent:
    """A sentence with what was found in it; spans are offsets into the article's text."""

    index: int
    begin: int
    end: int
    text: str
    kind: str  # the paragraph's kind: body, subhead or byline
    tokens: tuple[Token, ...]  # jieba's, with the tagger's people made single nr tokens
    spans: tuple[tagger.Span, ...]  # the trained tagger's entities
    times: tuple[timex.Time, ...]
    quantities: tuple[quantities.Quantity, ...]
    chains: tuple[chains.Chain, ...]


@dataclass(frozen=True)
class Post:
    """One item of a title chain, its organization resolved: (person, role, organization)."""

    person: Mention
    role: str
    org: OrgName | None
    status: str | None
    sent: Sent
    since: int | None = None  # where the evidence starts when the person is named before sent (他担任…)


@dataclass(frozen=True, eq=False)
class Doc:
    article: Article
    locale: Locale
    sents: tuple[Sent, ...]
    mentions: tuple[Mention, ...]  # sorted by position
    posts: tuple[Post, ...]
    bylines: tuple[Byline, ...]  # the article's, and a closing credit (张三) the text ends with

    def sent_of(self, pos: int) -> Sent:
        for s in self.sents:
            if s.begin <= pos < s.end:
                return s
        raise ValueError(f"offset {pos} outside the sentences of {self.article.id}")

    def in_sent(self, s: Sent, kind: str | None = None) -> list[Mention]:
        return [m for m in self.mentions if s.begin <= m.begin and m.end <= s.end and kind in (None, m.kind)]


@functools.lru_cache(maxsize=256)
def analyse(article: Article) -> Doc:
    """Analyse an article once; every extractor reads the same Doc."""
    text = article.text
    locale = locale_of(article.meta.locale, article.headline + "\n" + text)
    base = timex.dateline_base(text, article.date)
    sents = tuple(_sent(i, s, _kind_at(article, s.begin), base) for i, s in enumerate(sentences(text)))
    found: list[Mention] = []
    posts: list[Post] = []
    carried: tuple[int, OrgName] | None = None  # the last chain's organization, and where that chain ended
    last = article.paragraphs[-1].text if article.paragraphs else ""
    bylines = tuple(replace(b, name=n) for b in article.bylines for n in reporters.two_names(b.name))
    bylines += tuple(b for b in people.closing_credit(last) if b.name not in {x.name for x in bylines})
    bylined = {b.name for b in bylines}
    canonical = functools.partial(orgs.canonical, qualify=locale.qualify)

    def recent(suffix: str) -> OrgName | None:
        """The organization a bare 基金会 or 公司 refers back to: the last one named with that ending."""
        for m in reversed(found):
            if m.kind == "org" and m.name.endswith(suffix) and m.name != suffix and not _garbled_before(text, m.begin):
                return OrgName(m.name, m.aliases)
        return None

    found += reporters.dateline_mention(article)
    for s in sents:
        admin = places.areas(s.text, s.begin, locale)
        found += admin + places.abroad(list(s.tokens), s.begin) + places.inside_abroad(list(s.tokens), s.begin)
        found += places.named(list(s.tokens), s.begin, admin, _org_heads()) + places.roads(
            list(s.tokens), s.text, s.begin
        )
        found += places.listed(s.text, s.begin)
        found += marked.outlets(s.text, s.begin)
        found += marked.quoted(s.text, s.begin) + marked.listed(s.text, s.begin) + marked.missions(s.text, s.begin)
        tagged = tuple((x.begin, x.end) for x in s.spans if x.kind == "ORG")
        found += orgs.find(list(s.tokens), s.begin, locale.qualify, chains.ends_with_role, gazetteer.is_area, tagged)
        for c in s.chains:
            person = Mention(s.begin + c.name_begin, s.begin + c.name_end, c.name, "person", c.name, cue="chain")
            found.append(person)
            # 局长张三、副局长李四: a chain right after another, across 、, continues its organization.
            # (、原副镇长李四: a status word may stand between them)
            listed = carried is not None and _LISTED.fullmatch(text, carried[0], max(carried[0], s.begin + c.begin))
            before = carried[1] if listed else _named_before(found, s, c)
            # Right after a garbled stretch (□某地产股份有限公司) a name may be the tail of one: it is the
            # organization the article names in full with that ending (□润银行 of 某润银行), else unread.
            items = tuple(
                _completed(i, found, text)
                if i.org and i.org_begin >= 0 and _garbled_before(text, s.begin + i.org_begin)
                else i
                for i in c.items
            )
            resolved = resolve(items, locale, recent, before)
            if resolved and resolved[-1][1] is not None:
                carried = (s.begin + c.stop, resolved[-1][1])
            # A reporter's own byline (本报讯（某报某某新闻记者张三）) is the byline extractor's post: it
            # knows the paper the outlet belongs to; a chain through the byline's names (实习生／李四　通讯员)
            # misreads it.
            if c.name not in bylined:
                posts += [Post(person, role, org, status, s) for role, org, status in resolved]
            for item, (_, org, _) in zip(items, resolved, strict=True):
                if item.org and item.org_begin >= 0 and org is not None and c.name not in bylined:
                    b = s.begin + item.org_begin
                    found.append(Mention(b, b + len(item.org), item.org, "org", org.name, org.aliases, cue="chain"))
        found += people.speakers(s.text, s.begin, s.tokens)
        found += people.listed(s.text, s.begin)
    found += _bylines(article, bylines)
    for s in sents:  # 新华社记者某某摄: a photo credit names a reporter of the outlet
        credit, source = reporters.credit_and_source(s.text)
        credited = byline_line(credit) or reporters.photographer(credit) if credit.endswith(CREDIT_SUFFIXES) else None
        for b in credited or reporters.sent_photo(s.text):
            at = s.begin + s.text.find(b.name)
            person = Mention(at, at + len(b.name), b.name, "person", b.name, cue="byline")
            found.append(person)
            org = b.org or source or reporters.paper_of(article)
            posts.append(Post(person, b.role, OrgName(org) if org else None, None, s))
    found = _dedupe(found)
    taken = [m.span for m in found if m.kind in ("person", "org")]
    for s in sents:  # the tagger's people, where no rule found one, and the posts written with them
        for link in linking.find(s.text, s.begin, s.spans, taken, canonical):
            found.append(link.person)
            if link.org_span is not None and _garbled_before(text, link.org_span[0]):
                link = replace(link, org=None, org_span=None)
            if link.org is not None and link.org_span is not None:
                b, e = link.org_span
                found.append(Mention(b, e, article.text[b:e], "org", link.org.name, link.org.aliases, cue="tagger"))
            if link.role:
                org = link.org
                if org is None:  # 市长 alone: the government of the article's city, as in a chain
                    org = resolve([chains.Item("", link.role, link.status)], locale, recent)[0][1]
                posts.append(Post(link.person, link.role, org, link.status, s))
    taken = [m.span for m in found if m.cue != "abroad"]  # 叙利亚|自由军: a body may be named after a country
    for s in sents:  # the tagger's organizations, where no rule found anything, then the known names
        found += (new := linking.organizations(s.text, s.begin, s.spans, s.tokens, taken, canonical))
        found += linking.known(s.begin, s.tokens, taken + [m.span for m in new], canonical)
    found = _dedupe(found)
    posts += _appointed(sents, found, locale, recent)
    persons = {m.name: m for m in found if m.kind == "person"}
    surnames = {n[: names.surname_length(n, 0)]: n for n in persons}
    taken = [m.span for m in found]
    for s in sents:
        found += people.titled(s.text, s.begin, surnames)
        found += people.repeats(s.text, s.begin, set(persons), taken)
        found += people.with_known(s.text, s.begin, s.tokens, set(persons), taken)
        found += people.handles(s.text, s.begin)
    place_spans = [(m.begin, m.end) for m in found if m.kind == "place"]
    places_named = {
        m.name
        for m in found
        if m.kind == "person"
        and (
            _a_place(text, m) or any(b <= m.begin and m.end <= e for b, e in place_spans) or _written_as_place(text, m)
        )
    }  # …or inside a place's name (某某查尔 of 某某查尔锡伯自治县, 某落 of 某落潭), or a place elsewhere
    found = [
        m
        for m in found
        if not _garbled_before(text, m.begin)
        and not (m.kind == "person" and (names.addressed(m.name) or m.name in places_named or m.name.endswith("某某")))
    ]
    # 李某某: a name the paper withholds names no one
    posts = [
        p
        for p in posts
        if not names.addressed(p.person.name)
        and p.person.name not in places_named
        and not p.person.name.endswith("某某")
    ]
    # 儿科医生某某 … 某某与恐怖分子通了电话: a name the article gives a person is no organization elsewhere in it.
    people_named = {m.name for m in found if m.kind == "person"}
    found = [m for m in found if not (m.kind == "org" and m.cue == "tagger" and m.surface in people_named)]
    found, posts = renames.defined(text, found, posts)
    found, posts = renames.short_forms(found, posts)
    found, posts = renames.overrun(text, found, posts)
    found, posts = renames.short_names(found, posts)
    found = renames.cut_places(text, found)
    posts = reporters.home_paper(article, posts)
    bylines += reporters.embedded(article, found, {b.name for b in bylines})
    return Doc(article, locale, sents, tuple(_dedupe(found)), tuple(posts), bylines)


def _completed(item: chains.Item, found: list[Mention], text: str) -> chains.Item:
    """A chain item whose organization a garbled stretch cut: the one organization named in full with the
    readable tail, or none (not guessed from the last 局 named)."""
    full = {
        m.name
        for m in found
        if m.kind == "org"
        and m.name.endswith(item.org)
        and len(m.name) > len(item.org)
        and not _garbled_before(text, m.begin)
    }
    if len(full) == 1:
        return replace(item, org=full.pop(), org_begin=-1)
    return replace(item, org="", org_begin=-1, alone=True)


def _a_place(text: str, m: Mention) -> bool:
    """A "name" that is a place: it ends in a type of area (某拉镇, 某垣市), it names a country or a city
    abroad, or a type of area follows it (某德林市, not 某某市长, a name and then a title)."""
    if len(m.name) >= 3 and m.name[-1] in "市镇县省" and "·" not in m.name or m.name in gazetteer.abroad():
        return True  # …or a country or a city abroad (约旦, 大马士革), jionlp's world gazetteer
    return _area_follows(text, m.end)


def _area_follows(text: str, end: int) -> bool:
    """A type of area right after a name (某德林市), not a title (某某市长, 某某市委)."""
    return text[end : end + 1] in gazetteer.AREA_TYPES and text[end + 1 : end + 2] not in "长委"


def _written_as_place(text: str, m: Mention) -> bool:
    """A "name" the tagger found that the article writes as a place elsewhere: with a type of area after it
    (某马市), or right after a country (叙利亚某姆斯, 在乌克兰的某尔科夫)."""
    if m.cue not in ("tagger", "list") or "·" in m.name:
        return False
    for at in _occurrences(text, m.name):
        if _area_follows(text, at + len(m.name)) or _after_country().search(text, max(0, at - 12), at):
            return True
    return False


@functools.cache
def _after_country() -> re.Pattern:
    names = sorted(gazetteer.countries(), key=lambda c: (-len(c), c))
    return re.compile("(?:" + "|".join(map(re.escape, names)) + ")的?$")


def _occurrences(text: str, word: str):
    at = text.find(word)
    while at >= 0:
        yield at
        at = text.find(word, at + 1)


def _named_before(found: list[Mention], s: Sent, c: chains.Chain) -> OrgName | None:
    """The organization named right before a chain, across 》 or 的, when the chain's first item names
    none or only a department: 《某某晚报》文艺部主编, 皇马的教练某某."""
    at = s.begin + c.begin - 1
    if at < s.begin or s.text[c.begin - 1] not in "》的" or (c.items[0].org and not orgs.is_department(c.items[0].org)):
        return None
    org = next((m for m in reversed(found) if m.kind == "org" and m.end in (at, at - 1) and m.end > s.begin), None)
    if org is None or (org.end == at - 1 and s.text[c.begin - 2] != "》"):
        return None
    return OrgName(org.name, org.aliases)


def _garbled_before(text: str, at: int) -> bool:
    """Whether text[at] starts the first word after a garbled stretch that swallowed a Chinese character
    (□□, kg.ingest.clean): □□际工商学院 is the tail of a name, and so is 工商学院 in it."""
    i = text.rfind(GARBLED * 2, max(0, at - 4), at)
    gap = text[i + 2 : at]
    return i >= 0 and all("\u4e00" <= c <= "\u9fff" and c not in "的在了是和与及" for c in gap)


def _appointed(sents, found: list[Mention], locale: Locale, recent) -> list[Post]:
    """Posts stated in prose (担任, 当选为), each with its person: named in the clause, or 他/她."""
    people_found = [m for m in found if m.kind == "person"]
    out = []
    for s in sents:
        here = [m for m in people_found if s.begin <= m.begin and m.end <= s.end]
        last = next((m for m in reversed(people_found) if m.end <= s.begin), None)
        for a in appointments.find(s.text, s.begin, here, last):
            # 他担任…: the evidence runs from the sentence that names him, so that it names its member.
            since = next(x.begin for x in sents if x.begin <= a.person.begin < x.end) if a.anaphoric else None
            for role, org, status in resolve(a.items, locale, recent):
                out.append(Post(a.person, role, org, status or a.status, s, since))
    return out


def _sent(index, s, kind, base) -> Sent:
    toks, spans = tagger.read(s.text)
    return Sent(
        index,
        s.begin,
        s.end,
        s.text,
        kind,
        tuple(toks),
        tuple(spans),
        tuple(timex.find(s.text, base)),
        tuple(quantities.find(s.text)),
        tuple(chains.find(s.text, toks)),
    )


def _kind_at(article: Article, pos: int) -> str:
    at = 0
    for p in article.paragraphs:
        if at <= pos < at + len(p.text) + 1:
            return p.kind
        at += len(p.text) + 1
    return "body"


@functools.cache
def _org_heads() -> frozenset[str]:
    return frozenset(load("orgs")["suffixes"])


def _bylines(article: Article, bylines: tuple[Byline, ...]) -> list[Mention]:
    out = []
    text = article.text
    for b in bylines:
        pos = text.find(b.name)
        if pos >= 0:
            out.append(Mention(pos, pos + len(b.name), b.name, "person", b.name, cue="byline"))
    return out


_LISTED = re.compile(r"、(?:原|前|现任|时任)?")
_RANK = {
    "chain": 0,
    "byline": 0,
    "gazetteer": 1,
    "abroad": 1,
    "class": 2,
    "speech": 3,
    "tagger": 3,
    "list": 3,
    "title": 3,
    "credit": 3,
    "quoted": 3,
    "stock": 3,
    "mission": 3,
    "known": 3,
    "repeat": 4,
    "suffix": 5,
}


def _dedupe(found: list[Mention]) -> list[Mention]:
    """One mention per span; where spans overlap partly, the stronger cue, then the longer span, wins."""
    best: dict[tuple[int, int], Mention] = {}
    for m in found:
        old = best.get(m.span)
        if old is None or (_RANK[m.cue], m.kind) < (_RANK[old.cue], old.kind):
            best[m.span] = m
    kept: list[Mention] = []
    holder: dict[int, list[Mention]] = {}  # character offset -> kept mentions covering it
    for m in sorted(best.values(), key=lambda m: (_RANK[m.cue], -(m.end - m.begin), m.begin)):
        near = {id(k): k for i in range(m.begin, m.end) for k in holder.get(i, ())}
        if any(not _nests(k, m) for k in near.values()):
            continue
        kept.append(m)
        for i in range(m.begin, m.end):
            holder.setdefault(i, []).append(m)
    return sorted(kept, key=lambda m: (m.begin, m.end, m.kind))


def _nests(a: Mention, b: Mention) -> bool:
    """An organization may hold a place in its name (某区管委会); other overlaps clash."""
    outer, inner = (a, b) if a.end - a.begin >= b.end - b.begin else (b, a)
    return outer.begin <= inner.begin and inner.end <= outer.end and outer.kind == "org" and inner.kind == "place"
