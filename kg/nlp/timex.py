"""Time expressions resolved against an article's date, through jionlp's time parser."""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from dataclasses import dataclass

from kg.nlp.gazetteer import _load_jionlp

# Years, months, month ranges and days, in the forms news text uses; 今年10月, 12月26日, 1-11月, 昨日.
# Every part is optional, so the pattern also matches the empty string; the lookahead lets the regex
# engine skip the positions where no expression starts instead of handing back an empty match at each
# (the weekdays, 上周五, are alternatives of their own for that reason: 上 and 这 are everywhere).
PATTERN = re.compile(
    r"(?=[今明去前昨\d])"
    r"(?:(?:今年|明年|去年|前年|\d{4}年)(?:初|底|末)?)?"
    r"(?:(?<!\d)\d{1,2}(?:[-—~－至到]\d{1,2})?月份?(?:初|底|末|上旬|中旬|下旬)?)?"
    r"(?:(?<!\d)\d{1,2}日|(?<=月)\d{1,2}号)?"  # 7月26号, but not 17号楼
    r"|昨日|昨天|今日|今天|前天|(?<![目日])前日|昨晚|昨夜|昨晨|前晚|今晨|今早"
    r"|(?<![每一两三几])(?:上|本|这)?(?:周|星期)[一二三四五六日天]|上周末|本周末"
)
# Parts of a day read as the day: 昨晚 is yesterday (jionlp reads some of them, not all).
_PART_OF_DAY = {
    "前日": "前天",
    "昨晚": "昨天",
    "昨夜": "昨天",
    "昨晨": "昨天",
    "前晚": "前天",
    "今晨": "今天",
    "今早": "今天",
}
_YEAR = re.compile(r"\d{4}年")
_RANGE = re.compile(r"(?:(\d{4})年)?(\d{1,2})[-—~－至到](\d{1,2})月")
_RELATIVE = re.compile(r"今年|明年|去年|前年|昨|今日|今天|今晨|今早|前天|前日|前晚|周|星期|^\d{1,2}月|^\d{1,2}日")


@dataclass(frozen=True)
class Time:
    """A resolved time: ``value`` is ISO 8601 (2023-12-26, 2023-10, 2023, or a period 2023-01/2023-11)."""

    begin: int
    end: int
    text: str
    value: str
    kind: str  # day, month, year or period


def find(text: str, base: dt.date | None) -> list[Time]:
    """Every time expression in text that can be resolved; relative ones need the article's date.

    >>> [t.value for t in find("昨日开会，1-11月增长，明年1月份上线", dt.date(2023, 12, 27))]
    ['2023-12-26', '2023-01/2023-11', '2024-01']
    """
    out = []
    for m in PATTERN.finditer(text):
        surface = m.group(0)
        if not surface:
            continue
        if _YEAR.fullmatch(surface) and text[m.end() : m.end() + 1].isdigit():
            continue
        value = resolve(surface.replace("号", "日"), base)
        if value:
            out.append(Time(m.start(), m.end(), surface, *value))
    for m in _TODAY_NOTED.finditer(text):  # 今（19）日, 今天（17日）: the day in brackets
        value = resolve(f"{m.group(1)}日", base)
        if value:
            out = [t for t in out if not (m.start() <= t.begin and t.end <= m.end())]
            out.append(Time(m.start(), m.end(), m.group(0), *value))
    if "日" in text:
        for m in _CN_DAY.finditer(text):  # 六月十四日, 十四日凌晨: days written in Chinese numerals
            month, day = _cn_int(m.group(1)), _cn_int(m.group(2) or m.group(3))
            if day and 1 <= day <= 31 and (month is None or 1 <= month <= 12):
                value = resolve((f"{month}月" if month else "") + f"{day}日", base)
                if value:
                    out.append(Time(m.start(), m.end(), m.group(0), *value))
    out.sort(key=lambda t: t.begin)
    return out


# A dispatch's date line: 某社某地12月8日电, 某网6月5日讯 (up to the first sentence's end).
_DATELINE = re.compile(
    r"^[^，。！？\n]{0,24}?(\d{1,2})月(\d{1,2})日(?:电|讯|消息|报道"
    # 据某网信息：11月17日，某网接到网友报料称，今日中午…: the day it was told is the 今日 it tells of
    r"|[，,][^。！？\n]{0,30}?(?:称|说|获悉|报料|消息|报道)[，,：:]?(?=今日|今天))"
)


def dateline_base(text: str, base: dt.date | None) -> dt.date | None:
    """The day an article's relative times count from: its date line's day, when it opens with one (某社
    济南12月8日电 … 今天中午 is the 8th in a paper of the 9th), else its publication date.

    >>> dateline_base("中新网济南12月8日电 今天中午，…", dt.date(2011, 12, 9))
    datetime.date(2011, 12, 8)
    >>> dateline_base("据某网信息：11月17日，某网接到网友报料称，今日中午…", dt.date(2008, 11, 18))
    datetime.date(2008, 11, 17)
    >>> dateline_base("今天中午，某地…", dt.date(2011, 12, 9))
    datetime.date(2011, 12, 9)
    """
    m = _DATELINE.match(text)
    if m is None or base is None:
        return base
    day = latest(int(m.group(1)), int(m.group(2)), base)
    # A date line long before the paper (a misread) changes nothing.
    return day if day is not None and base - day <= dt.timedelta(days=7) else base


def latest(month: int, day: int, base: dt.date) -> dt.date | None:
    """The last date with this month and day on or before base (12月30日 in a paper of January 2nd is last
    year's); None when there is no such day.

    >>> latest(12, 30, dt.date(2012, 1, 2)), latest(2, 30, dt.date(2012, 3, 1))
    (datetime.date(2011, 12, 30), None)
    """
    try:
        when = dt.date(base.year, month, day)
        return when if when <= base else when.replace(year=base.year - 1)
    except ValueError:  # 2月30日, or 2月29日 in a year without it
        return None


# A day alone needs 十 in it (十四日): 一日三餐 and 统一日期 are no dates.
_CN_DAY = re.compile(
    r"(?<![〇零一二三四五六七八九十百千统每某逐周期])(?:([一二三四五六七八九十]{1,2})月([一二三四五六七八九十]{1,3})|"
    r"([一二三]?十[一二三四五六七八九]?))日(?!报)"
)
_TODAY_NOTED = re.compile(r"(?:今|昨|前)天?[（(](\d{1,2})日?[）)]日?")
_CN_DIGIT = {c: i for i, c in enumerate("〇一二三四五六七八九")}


def _cn_int(numeral: str | None) -> int | None:
    """一 -> 1, 十四 -> 14, 二十 -> 20, 三十一 -> 31."""
    if not numeral:
        return None
    if "十" not in numeral:
        return _CN_DIGIT.get(numeral) if len(numeral) == 1 else None
    tens, _, ones = numeral.partition("十")
    return (_CN_DIGIT.get(tens, 0) if tens else 1) * 10 + (_CN_DIGIT.get(ones, 0) if ones else 0)


_BARE_DAY = re.compile(r"(?:[12]\d|3[01])[日号]")


def resolve(surface: str, base: dt.date | None) -> tuple[str, str] | None:
    """(ISO value, kind) of one time expression, or None when it cannot be resolved."""
    if _RELATIVE.search(surface) and base is None:
        return None
    year = base.year if base else None
    r = _RANGE.search(surface)
    if r:  # jionlp reads 1-11月 as January 11th: a month range is a period
        y = int(r.group(1)) if r.group(1) else _relative_year(surface, year)
        first, last = int(r.group(2)), int(r.group(3))
        if y is None or not 1 <= first < last <= 12:
            return None
        return f"{y}-{first:02d}/{y}-{last:02d}", "period"
    text = _PART_OF_DAY.get(surface, surface).replace("月份", "月")
    if not text.endswith("周末"):
        text = re.sub(r"[初底末]$", "", text)  # 今年初 is a part of the year jionlp reads vaguely; keep the year
    if re.match(r"\d{1,2}月", text):  # jionlp rejects a bare month: 11月 is this year's
        text = "今年" + text
    parsed = _parse(text, base)
    if parsed is None and base is not None and _BARE_DAY.match(text):
        # 31日 in a paper of June 1st: no June 31st, so the day is last month's
        parsed = _parse(text, base.replace(day=1) - dt.timedelta(days=1))
    if parsed is None:
        return None
    start, end = parsed
    if start == end:
        return start.isoformat(), "day"
    if start.day == 1 and end == start.replace(day=calendar.monthrange(start.year, start.month)[1]):
        return f"{start.year}-{start.month:02d}", "month"
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year == end.year:
        return str(start.year), "year"
    return f"{start.isoformat()}/{end.isoformat()}", "period"


def _relative_year(surface: str, year: int | None) -> int | None:
    if year is None:
        return None
    for word, delta in (("前年", -2), ("去年", -1), ("明年", 1)):
        if word in surface:
            return year + delta
    return year


@functools.lru_cache(maxsize=4096)
def _parse(surface: str, base: dt.date | None) -> tuple[dt.date, dt.date] | None:
    jio = _load_jionlp()
    stamp = dt.datetime.combine(base or dt.date(2000, 1, 1), dt.time()).timestamp()
    try:
        result = jio.parse_time(surface, time_base=stamp)
    except (ValueError, TypeError, KeyError, IndexError):
        # jionlp raises bare ValueError-like errors for strings it cannot read.
        return None
    if not result or result.get("type") not in ("time_point", "time_span") or result.get("definition") != "accurate":
        return None
    first, last = result["time"][:2]
    if not isinstance(first, str) or not isinstance(last, str):
        return None
    return dt.date.fromisoformat(first[:10]), dt.date.fromisoformat(last[:10])
