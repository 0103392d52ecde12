"""Events: meetings, press conferences, forums, signings and releases, with date, place and people."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from kg.extract.common import entity, evidence
from kg.extract.facts import Entity, EventFact
from kg.models import Article
from kg.nlp import eventnames, segment
from kg.nlp.doc import Doc, Sent, analyse
from kg.nlp.lexicon import load, longest_first

_LEADING_COUNT = re.compile(r"^\d+[个项场家批]")
_FUTURE = re.compile(r"将|(?<![主重需])要(?!求)|拟|计划|尽快|即将|预计")
_HELD = re.compile(
    r"举行|举办|召开|开幕|闭幕|启动|开展|拉开帷幕|落下帷幕|落幕|进行|开班|开讲|上演|亮相|揭晓|发布|开始|结束|在.{1,12}(?:开|办)"
)
# 31日下午，某某在某某座谈会上表示: speaking at it, it was held then (a time before the name dates it).
_AT = re.compile(r"在[^，。；]{2,40}?(?:会|坛|式|礼)上")
_ACTS = re.compile(r"出席|参加|列席|与会|主持|召开|举行|举办|观摩")
# An event that is the object of a verb of looking back at it (回应某某听证会的疑问): the sentence's time
# is the looking back's, not the event's.
_AFTERWARDS = re.compile(r"(?:回应|答复|解读|评论|报道)(?:了|过)?$")


@functools.cache
def _vocab():
    ev = load("events")
    triggers = re.compile("|".join(map(re.escape, eventnames.heads())))
    organizers = "|".join(map(re.escape, longest_first(ev["organizer_words"])))
    return (
        triggers,
        ev["min_name_length"],
        set(ev["name_stops"]),
        re.compile(rf"由(?!于)([^，。；]+?)(?:{organizers})"),
        tuple(ev["attendee_words"]),
        tuple(ev["release_words"]),
    )


def extract(article: Article) -> Iterator[EventFact]:
    doc = analyse(article)
    events: list[tuple[Sent, str, int, int]] = []
    seen: set[str] = set()
    for s in doc.sents:
        if s.kind == "body":
            # An event named twice is one event; its first mention says the most about it.
            for name, b, e in eventnames.find(s.text, s.tokens):
                # 世界某某日 after 2008年世界某某日: the same event, named again without its year
                if name not in seen and not any(x.endswith(name) and x[: -len(name)].endswith("年") for x in seen):
                    seen.add(name)
                    events.append((s, name, b, e))
    events += _from_headline(doc, seen)
    attendees: dict[int, list[Entity]] = {}
    for s, people in _attendance(doc):
        # People who 出席会议 attend the last event named at or before their sentence.
        held = [i for i, (es, *_) in enumerate(events) if es.index <= s.index]
        if held:
            attendees.setdefault(held[-1], []).extend(people)
    named_in = {es.index for es, *_ in events}
    for i, (s, name, b, e) in enumerate(events):
        location, organizers = _location(doc, s, e), _organizers(doc, s, b)
        more = ()
        nxt = _next(doc, s)
        # The sentence after the one that names the event, when it names no other, may say where it was
        # and who held it (某某论坛昨日开幕。论坛在某地举行，由某会主办。).
        if nxt is not None and nxt.index not in named_in and (location is None or not organizers):
            place = None if location is not None else _location(doc, nxt, len(nxt.text), anywhere=True)
            hosts = organizers or _organizers(doc, nxt, 0)
            if place is not None or hosts != organizers:
                location, organizers, more = location or place, hosts, (evidence(doc, nxt),)
        yield EventFact(
            evidence=evidence(doc, s),
            name=name,
            date=_dated(_date(doc, s, b) if _held(s, name, e) else _named_date(s, b), _year_of(name)),
            location=location,
            organizers=organizers,
            attendees=tuple(_unique(attendees.get(i, []))),
            subjects=_subjects(doc, s, b, e),
            more_evidence=more,
        )


def _from_headline(doc: Doc, seen: set[str]) -> list[tuple[Sent, str, int, int]]:
    """An event the headline names (2011年某某评选　获奖名单出炉) and the body refers back to (本次评选…): the
    headline's name, with the body sentence that refers to it as its evidence."""
    headline = doc.article.headline or ""
    out = []
    for name, _, _ in eventnames.find(headline, tuple(segment.tokens(headline))):
        head = _vocab()[0].search(name)
        if name in seen or head is None:
            continue
        back = re.compile(rf"{re.escape(name)}|(?:本次|此次|这次|本届|此届|该){re.escape(name[head.start() :])}")
        for s in doc.sents:
            if s.kind == "body" and (m := back.search(s.text)):
                seen.add(name)
                out.append((s, name, m.start(), m.end()))
                break
    return out


def _dated(date: str | None, year: str | None) -> str | None:
    """The sentence's date, unless the name holds another year (今天是2008年某某日 in a later report)."""
    if year is not None and (date is None or not date.startswith(year)):
        return year
    return date


def _year_of(name: str) -> str | None:
    """2005年某某峰会: a name that holds its year dates the event to that year."""
    m = re.match(r"(\d{4})年", name)
    return m.group(1) if m else None


def _next(doc: Doc, s: Sent) -> Sent | None:
    """The next sentence of the same paragraph."""
    if s.index + 1 >= len(doc.sents):
        return None
    nxt = doc.sents[s.index + 1]
    return nxt if "\n" not in doc.article.text[s.end : nxt.begin] and nxt.kind == "body" else None


def _date(doc: Doc, s: Sent, begin: int) -> str | None:
    """The time written before the event in its sentence, else after it; a sentence with no time and
    no word of the future takes the last day named earlier in its paragraph (当天, 会上). A sentence that
    only mentions an event (截止6月30日，某某公益活动共募集…) does not date it: it must say the event was
    held, or write the time right before its name."""
    # 某年5月31日是…第22个世界某某日: a day that "is" the event dates it.
    held = _HELD.search(s.text) or any(0 <= begin - t.end <= 2 or s.text.startswith("是", t.end) for t in s.times)
    at = not held and _AT.search(s.text)
    if not (held or at) or _AFTERWARDS.search(s.text, 0, begin):
        return None
    before = [t for t in s.times if t.end <= begin and t.kind != "period"]
    if before:
        return before[-1].value
    if at:
        return None  # at the meeting: only a time before its name dates it
    if s.times:
        return s.times[0].value if s.times[0].kind != "period" else None
    if _FUTURE.search(s.text):
        return None
    text = doc.article.text
    for prev in reversed(doc.sents[: s.index]):
        if "\n" in text[prev.end : s.begin]:
            break
        days = [t for t in prev.times if t.kind == "day"]
        if days:
            return days[-1].value
    return None


def _held(s: Sent, name: str, end: int) -> bool:
    """A meeting is dated by its sentence; a programme or a campaign only when its clause says it was
    launched (某某行动第一季于某月正式启动), not when it is spoken of; a crisis or a case never (its hearing
    is not the case)."""
    if not eventnames.is_named(name):
        return True
    clause = re.match(r"[^，。；！？]*", s.text[end:]).group(0)
    return eventnames.launched(name) and bool(_HELD.search(clause))


def _named_date(s: Sent, begin: int) -> str | None:
    """A programme, a crisis or a case is dated only by a time written right before its name (今年两会)."""
    return next((t.value for t in s.times if 0 <= begin - t.end <= 1 and t.kind != "period"), None)


def _location(doc: Doc, s: Sent, end: int, anywhere: bool = False) -> Entity | None:
    """在某地举行/召开, or a place just before 举行 (某园区举行…签约); in the sentence after the event's,
    在某地 before any verb of holding (活动在某地拉开帷幕)."""
    text = s.text
    for m in doc.in_sent(s, "place"):
        b, e = m.begin - s.begin, m.end - s.begin
        if text[b - 1 : b] == "在" and re.match(r"(?:举行|召开|举办|开幕)", text[e:]):
            return entity(m)
        if re.match(r"举行|举办", text[e:]) and e < end:
            return entity(m)
        if anywhere and text[b - 1 : b] == "在" and _HELD.match(text, e):
            return entity(m)
    return None


def _organizers(doc: Doc, s: Sent, begin: int) -> tuple[Entity, ...]:
    pattern = _vocab()[3]
    m = pattern.search(s.text)
    if m is None:
        return ()
    lo, hi = s.begin + m.start(1), s.begin + m.end(1)
    found = {x.begin: entity(x) for x in doc.in_sent(s, "org") if lo <= x.begin and x.end <= hi}
    # Every party named between 由 and 主办 organizes, whether or not it looks like an organization
    # (《某某报道》); the ones recognised keep their canonical names.
    pos = lo
    for part in re.split(r"[和与及、]", m.group(1)):
        name = part.strip("《》“”联合共同 ")
        if name and not any(pos <= b < pos + len(part) for b in found):
            found[pos] = Entity("org", name)
        pos += len(part) + 1
    return tuple(_unique(found[b] for b in sorted(found)))


def _attendance(doc: Doc) -> Iterator[tuple[Sent, list[Entity]]]:
    """Sentences where people 出席/参加, with the people whose titles run up to the verb.

    Between a person and the verb there may be only more people with their titles and list marks
    (甲、乙等出席; 局长甲，副局长乙出席会议); 甲介绍……参加 does not make 甲 attend.
    """
    words = _vocab()[4]
    for s in doc.sents:
        at = min((i for w in words if (i := s.text.find(w)) >= 0), default=-1)
        if at < 0:
            continue
        covered = set()
        for c in s.chains:
            covered.update(range(c.begin, c.stop))
        people = []
        for m in doc.in_sent(s, "person"):
            e = m.end - s.begin
            if e <= at and all(i in covered or s.text[i] in "，、和及等 " for i in range(e, at)):
                people.append(entity(m))
        if people:
            yield s, people


def _subjects(doc: Doc, s: Sent, begin: int, end: int) -> tuple[str, ...]:
    """What the event released or signed: “某某指数”正式发布, 举行甲、乙等N个项目集中签约."""
    release = _vocab()[5]
    text = s.text
    found = []
    for m in re.finditer(r"[“《]([^”》]{2,30})[”》]", text):
        after = text[m.end() : m.end() + 6]
        if m.start() >= end and any(w in after for w in release):
            found.append(m.group(1))
    listed = re.search(r"举行((?:[^，。、]{2,20}、)+[^，。、]{2,20})等", text[:end])
    if listed and text[begin:end].endswith(("签约", "签约仪式")):
        found += [x for x in listed.group(1).split("、")]
    return tuple(found)


def _unique(items) -> list:
    seen, out = set(), []
    for x in items:
        if x not in seen:
            seen.add(x)
            out.append(x)
    return out
