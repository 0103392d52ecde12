"""Incidents an article reports: the kind (火灾, 交通事故, 地震 …), the sentence that reports it, and the
casualty counts the text gives (死亡人数, 受伤人数, 失踪人数, 被困人数).

An article reports an incident when its headline or its lead names one with a word that says it
happened (发生, 造成, 死亡 …), outside drills, warnings and prevention (演练, 预防, 隐患 …).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import NamedTuple

from kg.nlp.lexicon import load, longest_first
from kg.nlp.quantities import number

_CN_NUM = "零〇一二两三四五六七八九十百千"
_N = rf"(?:近|约|逾|超过|至少|已有)?(\d+|[{_CN_NUM}]+)(余|多)?"
_LEAD = 4  # body sentences read for the report
_CAUSE = re.compile(r"[^，。]{0,6}?(?:引发|引起|导致|造成|致使|后)")  # 爆炸引发大火: the explosion caused the fire
_WEATHER = ("洪涝",)  # 暴雨天某厂起火: the rain is the weather, the fire is the news
# Sentences about incidents in general, not one: rates and totals over time and space.
_GENERAL = re.compile(r"平均|每天|每年|每月|年均|历年|累计|以来|全国每|全球每|到现在|近年|多年来")
# 地震局, 地震台网, 火灾科学实验室: a body or a science named after a kind of incident reports none.
_BODY_AFTER = re.compile(r"局|台|办|部门|中心|研究|学|专家|监测|预警|预报|部|科|所(?!致)")


@dataclass(frozen=True)
class Report:
    kind: str
    name_word: str  # what the kind is called in the incident's name: 火灾, 中毒事件
    sent: int  # index of the sentence that reports it
    trigger: int  # the trigger's offset in that sentence


@dataclass(frozen=True)
class Casualty:
    variable: str  # 死亡人数, 受伤人数, 失踪人数 or 被困人数
    value: Decimal
    approximate: bool
    sent: int  # the sentence that states it
    begin: int  # the count's span in that sentence
    end: int
    unit: str = "人"


class _Vocab(NamedTuple):
    word_kind: dict[str, str]  # trigger word -> kind
    triggers: re.Pattern
    happened: re.Pattern
    not_incident: re.Pattern
    order: dict[str, int]  # the kinds in the lexicon's order
    patterns: list[tuple[str, re.Pattern]]  # (variable, pattern) of casualty counts
    names: dict[str, str]  # kind -> what it is called in an incident's name
    first: re.Pattern  # the first characters of every casualty word


@functools.cache
def _vocab() -> _Vocab:
    lex = load("incidents")
    kinds = lex["kinds"]
    word_kind = {w: k for k, words in kinds.items() for w in words}
    patterns = []
    for variable, words in lex["casualties"].items():
        long_words = "|".join(map(re.escape, longest_first(w for w in words if len(w) > 1)))
        # 造成3人死亡, 近百名学生中毒; 死亡人数达24人, 受伤6人.
        patterns.append(
            (
                variable,
                re.compile(rf"(?<!最后)(?<![第每]){_N}(?:名|人|位|个)[\u4e00-\u9fff]{{0,4}}?(?:{long_words})(?!率)"),
            )
        )
        patterns.append(
            (
                variable,
                re.compile(rf"(?:{long_words})(?:人数|者)?(?:为|达|达到|增至|升至|上升至|已达)?{_N}(?:名|人|位)"),
            )
        )
    firsts = sorted({w[0] for ws in lex["casualties"].values() for w in ws})
    return _Vocab(
        word_kind,
        _alternation(word_kind),
        _alternation(lex["words"]["happened"]),
        _alternation(lex["words"]["not_incident"]),
        {k: i for i, k in enumerate(kinds)},
        patterns,
        lex["names"],
        re.compile("[" + re.escape("".join(firsts)) + "]"),
    )


def _alternation(words) -> re.Pattern:
    return re.compile("|".join(map(re.escape, longest_first(words))))


def triggers(text: str) -> list[tuple[int, str]]:
    """(offset, kind) of each incident word in text, outside drills, warnings and prevention.

    >>> triggers("某市一小区发生火灾"), triggers("开展消防安全演练，排查火灾隐患")
    ([(7, '火灾')], [])
    """
    v = _vocab()
    word_kind, pattern, not_incident = v.word_kind, v.triggers, v.not_incident
    out = []
    for m in pattern.finditer(text):
        # 消防演练, 火灾扑救演练: the words around, up to the clause's end (失火，消防官兵赶到 is an incident)
        window = text[max(0, m.start() - 6) : m.end()] + re.split(r"[，。；！？]", text[m.end() : m.end() + 6])[0]
        if not not_incident.search(window) and not _BODY_AFTER.match(text, m.end()):
            out.append((m.start(), word_kind[m.group(0)]))
    return out


def names_one(text: str) -> bool:
    """Whether text has an incident word at all (a later sentence telling the incident: 某房失火，消防…)."""
    return _vocab().triggers.search(text) is not None


def kind_of(found: list[tuple[int, str]], text: str = "") -> str | None:
    """The kind an article reports: an attack wherever attack words appear (its bombs and fires are the
    attack's); otherwise the kind named first, where a cause (暴雨, 爆炸 before 引发) gives way to what it
    caused, and weather to any other kind."""
    if not found:
        return None
    order = _vocab().order
    kinds = {k for _, k in found}
    if "袭击" in kinds:
        return "袭击"
    causes = {p for p, _ in found if _CAUSE.match(text, p) or _CAUSE.search(text[p : p + 8])}
    caused = [x for x in found if x[0] not in causes] or found
    if any(k not in _WEATHER for _, k in caused):
        caused = [x for x in caused if x[1] not in _WEATHER]
    first = min(caused)[0]
    return min((k for p, k in caused if p == first), key=order.__getitem__)


def report(headline: str, lead: list[tuple[int, str, bool]]) -> Report | None:
    """The incident of an article, from its headline and its lead body sentences (index, text, whether the
    sentence names a day). A lead sentence reports one when it names it and says it happened or when.

    >>> report("某县发生一起交通事故", [(0, "昨日，某县境内两车相撞，造成3人死亡。", True)]).kind
    '交通事故'
    >>> report("某市召开安全生产会议", [(0, "会议要求防范火灾隐患。", False)]) is None
    True
    """
    happened, names = _vocab().happened, _vocab().names
    in_headline = triggers(headline)
    for index, text, dated in lead[:_LEAD]:
        found = triggers(text)
        if not found or not (dated or happened.search(text)) or _GENERAL.search(text):
            continue
        kind = "袭击" if any(k == "袭击" for _, k in found) else kind_of(in_headline, headline) or kind_of(found, text)
        at = next((p for p, k in found if k == kind), found[0][0])
        return Report(kind, names.get(kind, kind), index, at)
    # A headline that reports one (某地卡车失控撞死8人) with a lead that tells the story in other words
    # (刹车突然失灵…冲进人群): the lead's first dated sentence reports it.
    kind = kind_of(in_headline, headline)
    if kind is not None and (happened.search(headline) or _TOLL.search(headline)) and not _GENERAL.search(headline):
        dated = next((i for i, _, d in lead[:_LEAD] if d), None)
        if dated is not None:
            return Report(kind, names.get(kind, kind), dated, 0)
    return None


_NO_CASUALTY = re.compile(r"(?:无|没有|未|暂无|并未|并没有)(?:造成|发现|有)?(?:任何)?人员(伤亡|被困)")
_TAKEN_ILL = re.compile(rf"{_N}(?:名|人)[^，。；]{{0,12}}?(?:出现|感到|感觉)[^，。；]{{0,10}}?(?:症状|不适|呕吐|腹泻)")
_TOLL = re.compile(r"\d+[死伤]|\d+人(?:死|伤|遇难|受伤|被困|失踪)")
_MAGNITUDE = re.compile(r"(?:里氏)?(\d+(?:\.\d+)?)级(?:强烈|强|大|浅源)?(?:地震|余震)")


def magnitude(sents: list[tuple[int, str]]) -> Casualty | None:
    """An earthquake's magnitude (震级), the largest the text gives: the main shock, not its aftershocks.

    >>> magnitude([(0, "新源县发生6.6级地震，随后发生4.2级余震。")]).value
    Decimal('6.6')
    """
    best = None
    for index, text in sents:
        for m in _MAGNITUDE.finditer(text):
            value = Decimal(m.group(1))
            if value < 10 and (best is None or value > best.value):
                best = Casualty("震级", value, False, index, *m.span(1), unit="级")
    return best


def name_word(kind: str) -> str:
    """What an incident of this kind is called in its name: 火灾, 袭击事件."""
    return _vocab().names.get(kind, kind)


def casualties(sents: list[tuple[int, str]]) -> list[Casualty]:
    """The largest count the text gives for each casualty variable (the last reports count the most), and
    zeros for 无人员伤亡.

    >>> [(c.variable, c.value) for c in casualties([(0, "事故造成3人死亡、12人受伤，另有2人失踪。")])]
    [('死亡人数', Decimal('3')), ('受伤人数', Decimal('12')), ('失踪人数', Decimal('2'))]
    """
    patterns = _vocab().patterns
    best: dict[str, Casualty] = {}
    for index, text in sents:
        if _GENERAL.search(text):
            continue  # 平均每天因事故死亡3300人: a statistic of many incidents, not this one's toll
        for variable, pattern in patterns:
            for m in pattern.finditer(text):
                value = number(m.group(1))
                if value is None:
                    continue
                approximate = bool(m.group(2)) or m.group(0)[:1] in "近约逾超至已"
                _keep(best, Casualty(variable, value, approximate, index, *m.span()))
        for m in re.finditer(
            r"(\d+|[一二两三四五六七八九十]+)死(?!一生)(?:(\d+|[一二两三四五六七八九十]+)(?:重|轻)?伤)?", text
        ):
            for variable, digits in (("死亡人数", m.group(1)), ("受伤人数", m.group(2))):
                value = number(digits) if digits else None
                if value is not None:
                    _keep(best, Casualty(variable, value, False, index, *m.span()))
        for m in _TAKEN_ILL.finditer(text):  # 54名学生用餐后感觉身体不适: a poisoning's victims
            if (value := number(m.group(1))) is not None:
                _keep(best, Casualty("受伤人数", value, bool(m.group(2)), index, *m.span()))
        for m in _NO_CASUALTY.finditer(text):  # 大火没有造成人员伤亡, 暂无人员被困
            variables = ("死亡人数", "受伤人数") if m.group(1) == "伤亡" else ("被困人数",)
            for variable in variables:
                best.setdefault(variable, Casualty(variable, Decimal(0), False, index, *m.span()))
    return [best[v] for v in ("死亡人数", "受伤人数", "失踪人数", "被困人数") if v in best]


def _keep(best: dict[str, Casualty], c: Casualty) -> None:
    """The largest count of each variable wins: the last reports count the most."""
    if c.variable not in best or c.value > best[c.variable].value:
        best[c.variable] = c


def casualty_spans(text: str) -> list[tuple[int, int]]:
    """Where a sentence states a casualty count: an incident's, not a statistic of its own.

    >>> casualty_spans("造成3人死亡")
    [(2, 6)]
    """
    if not _vocab().first.search(text):
        return []  # no casualty word's first character: no count
    return sorted({m.span() for _, p in _vocab().patterns for m in p.finditer(text)})
