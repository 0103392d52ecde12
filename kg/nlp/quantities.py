"""Numbers with units in news text, normalised: 1298.6亿元 -> 129860000000 元; 8600余万 -> 86000000, approximate."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from decimal import Decimal

from kg.nlp.decimals import plain
from kg.nlp.gazetteer import _load_jionlp
from kg.nlp.lexicon import load, longest_first

_CN_DIGITS = "零〇一二两三四五六七八九十百千"


@dataclass(frozen=True)
class Quantity:
    begin: int
    end: int
    text: str
    value: Decimal
    unit: str | None
    approximate: bool


@functools.cache
def _vocab():
    stats = load("stats")
    units = longest_first(stats["units"])
    mults = stats["multipliers"]
    number = rf"(?P<num>\d+(?:\.\d+)?|[{_CN_DIGITS}]*[十百千][{_CN_DIGITS}]*)"
    pattern = re.compile(
        rf"(?P<pre>{'|'.join(map(re.escape, longest_first(stats['approx_strict_before'])))})?"
        rf"{number}(?P<a1>余|多)?(?P<mult>{'|'.join(map(re.escape, longest_first(mults)))})?(?P<a2>余|多)?"
        rf"(?P<unit>{'|'.join(map(re.escape, units))})?"
    )
    return pattern, {k: Decimal(v) for k, v in mults.items()}, tuple(stats["people_nouns"])


def find(text: str) -> list[Quantity]:
    """Numbers with a unit, a multiplier (万, 亿) or a percent sign; bare numbers are not quantities.

    >>> [(q.value, q.unit, q.approximate) for q in find("服务8600余万参保群众、6.19余万家机构，66%")]
    [(Decimal('86000000'), '人', True), (Decimal('61900'), '家', True), (Decimal('66'), '%', False)]
    """
    pattern, mults, people = _vocab()
    out = []
    for m in pattern.finditer(text):
        unit, mult = m.group("unit"), m.group("mult")
        if not unit and not mult:
            continue
        if not unit and _names_people(text, m.end(), people):
            unit = "人"
        value = _number(m.group("num"))
        if value is None:
            continue
        if mult:
            value *= mults[mult]
        if unit == "元":
            value = _money(m.group(0).removeprefix(m.group("pre") or ""), value)
        approx = bool(m.group("pre") or m.group("a1") or m.group("a2"))
        out.append(Quantity(m.start(), m.end(), m.group(0), plain(value), unit, approx))
    return out


def _names_people(text: str, i: int, people: tuple[str, ...]) -> bool:
    """Whether the noun after a number counts people: 8600余万参保群众."""
    noun = re.match(r"[\u4e00-\u9fff]{1,8}", text[i:])
    return bool(noun) and any(p in noun.group(0) for p in people)


def _number(digits: str) -> Decimal | None:
    if digits[0].isdigit():
        return Decimal(digits)
    if len(digits) < 2:
        return None
    import cn2an

    try:
        return Decimal(str(cn2an.cn2an(digits, "normal")))
    except ValueError:  # cn2an rejects malformed numerals such as 十十
        return None


def _money(surface: str, fallback: Decimal) -> Decimal:
    """Amounts of money go through jionlp's money parser; its answer must agree with ours."""
    try:
        parsed = _load_jionlp().parse_money(surface.replace("余", "").replace("多", ""))
    except ValueError:
        return fallback
    num = parsed.get("num")
    if isinstance(num, str) and Decimal(num) == fallback:
        return Decimal(num)
    return fallback
