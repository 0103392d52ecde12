"""Incidents: the accident, fire, earthquake, poisoning or attack an article reports, with its kind, date,
most specific place and casualties (MODEL.md: a schema:Event with schema:additionalType).

One incident per article: the one its headline and lead report.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import re
from collections.abc import Iterator
from dataclasses import replace

from kg.extract.common import area_entity, entity, evidence, one_reading
from kg.extract.facts import Casualty, Entity, EventFact
from kg.models import Article
from kg.nlp import gazetteer, incidents, places, segment, timex
from kg.nlp.doc import Doc, Sent, analyse
from kg.nlp.mentions import Mention

_LEVELS = {"province": 0, "city": 1, "county": 2}
_WINDOW = 31  # days: an incident dated more than a month before the report is history, not news


def extract(article: Article) -> Iterator[EventFact]:
    doc = analyse(article)
    found = report(article)
    if found is None:
        return
    s = doc.sents[found.sent]
    date = _date(doc, s, found.trigger)
    if date is False:
        return  # the lead dates it long before the report: a story about a past incident
    place = place_of(article)
    retold = _retold(doc, s)
    more = (evidence(doc, retold),) if retold is not None and (date or place) else ()
    name = (place.name if place else "") + found.name_word
    body = [(x.index, x.text) for x in doc.sents if x.kind == "body"]
    counts = incidents.casualties(body)
    if found.kind == "地震" and (shock := incidents.magnitude(body)) is not None:
        counts.append(shock)
    yield EventFact(
        evidence=evidence(doc, s),
        name=name,
        date=date or None,
        location=place,
        kind=found.kind,
        casualties=tuple(
            Casualty(c.variable, c.value, c.approximate, evidence(doc, doc.sents[c.sent]), c.unit) for c in counts
        ),
        more_evidence=more,
    )


@functools.lru_cache(maxsize=256)
def place_of(article: Article) -> Entity | None:
    """Where the article's incident happened, if it reports one: what its figures are about when their
    paragraph names nothing (起火大楼共有9层 … 200多家住户)."""
    found = report(article)
    if found is None:
        return None
    doc = analyse(article)
    s = doc.sents[found.sent]
    if found.kind == "地震" and (centre := _epicentre(doc)) is not None:
        return centre
    retold = _retold(doc, s)
    if retold is not None and (place := _scene(doc, retold)) is not None:
        return place
    return _place(doc, s, found.trigger)


_EPICENTRE = re.compile(r"震中(?:地点)?(?:位于|在)")
_DIRECTION = re.compile(r"[东南西北]{1,2}(?:方向|部|侧)?")
_COMMON_PLACE_WORD = 500  # jieba's count above which a word is a kind of place (山区, 海域), not a name


def _epicentre(doc: Doc) -> Entity | None:
    """Where a quake's epicentre lies (震中位于某地西南25公里处): the most specific place the lead names after
    震中位于, not a country; else the name jieba reads right after it."""
    states = gazetteer.countries()
    for s in [x for x in doc.sents if x.kind == "body"][:8]:
        m = _EPICENTRE.search(s.text)
        if m is None:
            continue
        start = s.begin + m.end()
        after = [p for p in doc.in_sent(s, "place") if p.begin >= start and p.name not in states]
        if after:
            return entity(max(after[:3], key=lambda p: (_specificity(p), -p.begin)))
        words = [t for t in s.tokens if t.begin >= m.end()]
        named = itertools.takewhile(
            lambda t: t.flag in ("ns", "nrt", "nz") and not _DIRECTION.fullmatch(t.word), words[:3]
        )
        name = "".join(t.word for t in named)
        if len(name) >= 2 and name not in states and segment.frequency(name) < _COMMON_PLACE_WORD:
            return Entity("place", name)
    return None


def _paragraph(doc: Doc, s: Sent) -> str:
    text = doc.article.text
    return text[text.rfind("\n", 0, s.begin) + 1 : (text.find("\n", s.end) + 1 or len(text) + 1) - 1]


@functools.lru_cache(maxsize=256)
def report(article: Article) -> incidents.Report | None:
    """The incident the article reports, if any (read once: the statistics extractor asks too). Bombs its
    paragraph calls an attack are an attack (…被定性为恐怖袭击)."""
    doc = analyse(article)
    lead = [(s.index, s.text, any(t.kind == "day" for t in s.times)) for s in doc.sents if s.kind == "body"]
    found = incidents.report(article.headline, lead)
    if found is None or found.kind != "爆炸":
        return found  # only bombs turn out to be an attack (遭遇暴雨袭击 makes no landslide one)
    if any(k == "袭击" for _, k in incidents.triggers(_paragraph(doc, doc.sents[found.sent]))):
        return replace(found, kind="袭击", name_word=incidents.name_word("袭击"))
    return found


def _date(doc: Doc, s: Sent, at: int) -> str | bool | None:
    """The day written nearest before the trigger in the reporting sentence (18日下午 in 记者19日获悉，18日下午
    某厂发生…), else after it, else in the sentences before it in its paragraph, on or before the report's
    date; False when it lies more than a month before the report."""
    base = doc.article.date
    coded = _coded_day(f"{doc.article.headline}\n{s.text}", base)
    if coded is not None:
        return coded  # “3·01”严重暴力恐怖事件: the incident is named by its day
    days = _days(s)
    if days and _AT_SCENE_OF.match(s.text, at) and (scene := _retold(doc, s, at)) is not None:
        # 警方在某村火灾现场又找到…: the day at the scene is not the fire's, which a later sentence tells
        s, at, days = scene, len(scene.text), _days(scene)
    candidates = sorted((t for t in days if t.end <= at), key=lambda t: -t.begin) + [t for t in days if t.end > at]
    text = doc.article.text
    for prev in reversed(doc.sents[max(0, s.index - 3) : s.index]):
        if "\n" in text[prev.end : s.begin] or candidates:
            break
        # 18日，某村村民参加婚宴后，自19日起陆续有16人出现不适 … 中毒: the first day told, then what followed
        candidates = sorted(_days(prev), key=lambda t: t.begin)
    if not candidates and "\n" in text[: s.begin].lstrip():
        # 记者获悉，昨天凌晨，某路一辆跑车撞到护栏… (a later paragraph names it 事故): the lead's day
        lead = next((x for x in doc.sents if x.kind == "body"), None)
        if lead is not None and lead.index < s.index:
            candidates = sorted(_days(lead), key=lambda t: t.begin)
    if not candidates and _SAME_DAY.search(s.text):
        # 某台19日报道，当天凌晨…发生: the day the report names is the day of 当天; with none, the report's
        candidates = [t for t in s.times if t.kind == "day" and t.end <= at]
        if not candidates and base is not None:
            return base.isoformat()
    if not candidates and (retold := _retold(doc, s)) is not None:
        candidates = _days(retold)
    if not candidates and base is not None:
        # 11时26分，某路一民房失火: a time of day with no day is the report's day (in the reporting sentence,
        # or in a later one that tells the incident with its hour)
        told = [s, *_tellings(doc, s, 5)]
        if any(_CLOCK.search(_AS_OF_TIME.sub("", x.text[: max(at, 1) if x is s else len(x.text)])) for x in told):
            return base.isoformat()
    if not candidates:
        # 某局8日表示，目前累计有141人…中毒 and no other day: the day of the report (as a reader dates it)
        candidates = [t for t in s.times if t.kind == "day" and _REPORTED.match(s.text, t.end)][-1:]
    for t in candidates:
        value = t.value
        if base is not None and t.kind == "day":
            day = dt.date.fromisoformat(value)
            if day > base and t.text.endswith("日") and len(t.text) <= 3:
                last = day.replace(day=1) - dt.timedelta(days=1)
                day = last.replace(day=min(day.day, last.day))
                value = day.isoformat()  # 28日 in a report of the 2nd: last month's
            if day > base:
                continue
            if (base - day).days > _WINDOW:
                return False
        return value
    return None


# An incident named by its day: “3·01”事件, 7·23动车事故 (a middle dot, or a full stop inside quotes).
_CODE = re.compile(r"(?:“(\d{1,2})[·・.．](\d{1,2})”|(\d{1,2})[·・](\d{1,2}))(?=[^，。；]{0,10}?(?:事件|事故|案|惨案))")


def _coded_day(text: str, base: dt.date | None) -> str | None:
    m = _CODE.search(text)
    if m is None or base is None:
        return None
    month, day = (int(g) for g in (m.group(1, 2) if m.group(1) else m.group(3, 4)))
    when = timex.latest(month, day, base)
    return when.isoformat() if when is not None and (base - when).days <= _WINDOW else None


# A day followed by a verb of reporting is the day of the report, not of the incident: 某社12月8日电,
# 某局3日披露, 记者19日获悉, 记者21日在某部门获悉.
_REPORTED = re.compile(
    r"(?:[上中下]午|晚间?|凌晨)?(?:电|讯|消息|信息|(?:[在从][^，。]{1,12}?)?[^，。]{0,3}?(?:披露|获悉|通报|透露|证实|宣布|发布|报道|了解到|得知|表示|称|援引))"
)


_SAME_DAY = re.compile(r"当天|当日")
_AT_SCENE_OF = re.compile(r"[\u4e00-\u9fff]{1,4}现场")  # the trigger names a scene: 火灾现场, 事故发生现场
# A time of day: 11时26分, 8点43分, 凌晨4点 (not 24小时, not 3时许前 of a duration).
_CLOCK = re.compile(
    r"(?<![\d.])\d{1,2}(?:时|点)(?:\d{1,2}分|许|左右|半)?(?!间|期|候|代)|凌晨|清晨|上午|中午|下午|傍晚|晚上|深夜"
)


def _retold(doc: Doc, s: Sent, at: int | None = None) -> Sent | None:
    """A later sentence that tells the incident again with its day, when the reporting sentence gives none
    (某局3日披露，某市日前发生…。据了解，8月31日下午，在某线发生…; 这起事件发生在周四(17日)), or only
    speaks of its scene (昨日，警方在某村火灾现场又找到…。19日20时许，某村一库房着火); a day followed by
    the sentence that tells it (16日23时，某某驾驶货车驶往某地。车行至某处时，车辆翻下边坡)."""
    if _days(s) and (at is None or not _AT_SCENE_OF.match(s.text, at)):
        return None
    later = doc.sents[s.index + 1 : s.index + 5]
    for k, nxt in enumerate(later):
        if nxt.kind != "body" or not _days(nxt):
            continue
        if incidents.names_one(nxt.text) or _TOLD.search(nxt.text):
            return nxt
        after = later[k + 1] if k + 1 < len(later) else None
        if after is not None and after.kind == "body" and not _days(after) and incidents.names_one(after.text):
            if "\n" not in doc.article.text[nxt.end : after.begin]:
                return nxt
    return None


def _days(s: Sent) -> list:
    """The days and months a sentence gives, but not the day of the report (15日电, 3日披露), the day a count
    stands at (截至21日上午) nor the end of a span (3月27日晚上10点至3月28日凌晨2点: it began on the 27th)."""
    days = [
        t
        for t in s.times
        if t.kind in ("day", "month") and not _REPORTED.match(s.text, t.end) and not _AS_OF.search(s.text, 0, t.begin)
    ]
    return [t for k, t in enumerate(days) if not (k and _SPAN_END.fullmatch(s.text, days[k - 1].end, t.begin))]


_SPAN_END = re.compile(r"[^，。；]{0,12}?[至到—－~-]")


_AS_OF = re.compile(r"(?:截至|截止|截止到|到)$")
_AS_OF_TIME = re.compile(r"(?:截至|截止)[^，。]{0,12}")  # 截至21日上午: when a count stood, not a time of the incident
# What a poisoning's victims show, telling it again without its name: 于20日下午陆续出现呕吐、腹泻等症状
_TOLD = re.compile(r"发生|症状|呕吐|腹泻|腹痛|头晕|不适")


def _place(doc: Doc, s: Sent, at: int) -> Entity | None:
    """The most specific place the reporting sentence names: a named place (a road, a building, a town)
    over a county, a county over a city, and among equals the one nearest before the trigger. With none
    there, the headline's place, then the last place named before the sentence."""
    places = _candidates(doc, s)
    if not places:
        # 一辆开往某省的小车与大客车相撞…。今日凌晨，某市某县某镇发生特大交通事故: the next sentences that
        # tell it with a place
        if (later := next((x for x in _tellings(doc, s, 3) if _candidates(doc, x)), None)) is not None:
            s, places, at = later, _candidates(doc, later), len(later.text)
    if not places:
        headline = _headline_named(doc) or _headline_place(doc)
        if headline is not None:
            return headline
        places = [m for m in doc.mentions if m.kind == "place" and m.end <= s.begin]
    if not places:
        return None
    trigger = s.begin + at

    def rank(m: Mention) -> tuple:
        before = m.end <= trigger
        return (before, _specificity(m), m.end if before else -m.begin)

    best = max(places, key=rank)
    if best.area is not None and (street := _headline_named(doc)) is not None:
        return street  # 上海某路老式洋房突发火灾, 上海市…: the headline is more precise than the lead
    return entity(best)


def _candidates(doc: Doc, s: Sent) -> list[Mention]:
    """The places a sentence names as where something happened: not one inside an organization's name (美国
    地质勘探局) unless it names no other (某某公司济南分公司发生漏油), not a gloss in brackets (合（合肥）宁
    （南京）高速), and those after 在 (在某区某镇某村附近，一辆开往某市的客车…) over a route's ends."""
    text = doc.article.text
    orgs = doc.in_sent(s, "org")
    # 新华网某地10月19日电: where the report was filed, not where the incident happened
    dateline = text.find(doc.article.dateline) if doc.article.dateline else -1
    filed = range(dateline, dateline + len(doc.article.dateline or "")) if dateline >= 0 else range(0)
    named = [
        m
        for m in doc.in_sent(s, "place")
        if not _bracketed(text, m)
        and m.begin not in filed
        and not _ROUTE.search(text, max(s.begin, m.begin - 3), m.begin)
    ]
    places = [m for m in named if not any(o.begin <= m.begin and m.end <= o.end for o in orgs)] or named
    return [m for m in places if _at_scene(text, s, m)] or places


# The ends of a route: 从某省开往某省的客车 says where the bus came from and went, not where it crashed.
_ROUTE = re.compile(r"(?:开往|驶往|发往|前往|驶向|开向|从|由|自)[\u4e00-\u9fff]{0,1}$")
# A scene: 在/于/位于 (事发地点位于) and then only names up to the place.
_SCENE = re.compile(r"(?:在|于|位于|地点为|地点是)[^，。；、的开往从自至到]{0,10}$")


def _bracketed(text: str, m: Mention) -> bool:
    before = text[max(0, m.begin - 12) : m.begin]
    return max(before.rfind("（"), before.rfind("(")) > max(before.rfind("）"), before.rfind(")"))


def _scene(doc: Doc, s: Sent) -> Entity | None:
    """The most specific place of a scene in a sentence that retells the incident, if it names one."""
    scene = [m for m in _candidates(doc, s) if _at_scene(doc.article.text, s, m)]
    return entity(max(scene, key=lambda m: (_specificity(m), -m.begin))) if scene else None


def _at_scene(text: str, s: Sent, m: Mention) -> bool:
    return _SCENE.search(text, max(s.begin, m.begin - 12), m.begin) is not None


def _specificity(m: Mention) -> int:
    """A named place (a road, a building, a town) over a county, a county over a city, over a province."""
    return 3 if m.area is None else _LEVELS.get(m.area.level, 0)


def _tellings(doc: Doc, s: Sent, count: int) -> list[Sent]:
    """The next count sentences of the body that name an incident: they may tell it again."""
    return [x for x in doc.sents[s.index + 1 : s.index + 1 + count] if x.kind == "body" and incidents.names_one(x.text)]


def _headline_named(doc: Doc) -> Entity | None:
    """A named place (a road, a building, a village) the headline gives, read by its suffix."""
    headline = doc.article.headline
    if not headline:
        return None
    admin = places.areas(headline, 0, doc.locale)
    world = gazetteer.abroad()
    found = [
        m
        for m in places.named(segment.tokens(headline), 0, admin, frozenset())
        if not any(m.name.startswith(w) for w in _prefixes(m.name, world))  # 某国清真寺: a kind, not a name
    ]
    return Entity("place", found[0].name) if found else None


def _prefixes(name: str, words: frozenset[str]) -> list[str]:
    return [name[:k] for k in range(2, min(len(name), 8)) if name[:k] in words]


def _headline_place(doc: Doc) -> Entity | None:
    """The last administrative area or place abroad the headline names: 某国发生自杀式爆炸袭击."""
    headline = doc.article.headline
    found = [(m.end, area_entity(a)) for m in gazetteer.find(headline) if (a := one_reading(m.areas)) is not None]
    world = gazetteer.abroad()
    found += [(i + len(w), Entity("place", w)) for i in range(len(headline)) for w in _words_at(headline, i, world)]
    return max(found, key=lambda x: x[0])[1] if found else None


def _words_at(text: str, i: int, words: frozenset[str]) -> list[str]:
    return [text[i:j] for j in range(i + 2, min(len(text), i + 8) + 1) if text[i:j] in words]
