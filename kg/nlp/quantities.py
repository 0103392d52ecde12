"""Numbers with units in news text, normalised: 1298.6亿元 -> 129860000000 元; 8600余万 -> 86000000, approximate.

One parser reads every form news prints: 2,000 and 2，000; 1.2万; 三千余; 百分之十五; 5成; ranges (10—15万,
whose lower bound is the value and upper bound kept); and a change's sign (同比下降3.2% is -3.2). Full-width
digits are read as digits. Bare numbers (years, phone numbers, list numbering) are not quantities.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from decimal import Decimal

from kg.nlp.decimals import plain
from kg.nlp.gazetteer import _load_jionlp
from kg.nlp.lexicon import load, longest_first

_CN = "零〇一二两三四五六七八九十百千"
# Full-width digits and signs read as ASCII, one character for one, so that positions stay the text's.
_WIDE = str.maketrans("０１２３４５６７８９．％，－～", "0123456789.%,-~")
_NUM = re.compile(rf"\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?(?![\d,])|\d+(?:\.\d+)?|[{_CN}]+")
_ONE_DIGIT = "零〇一二两三四五六七八九"
_DASH = "—–-~至到"
# 成 after a number is a tenth (5成 = 50 %) unless it starts a word: 3成立, 5成为, 2成本.
_NOT_TENTH = re.compile(r"成(?:立|为|功|本|员|果|绩|交|就|长|熟|品|都|型|年|人|套)")
_DECREASE = {
    "下降": "增长",
    "下滑": "增长",
    "回落": "增长",
    "降低": "增长",
    "下跌": "增长",
    "减少": "增加",
    "减": "增加",
    "降": "增长",
    "跌": "增长",
}
_INCREASE = ("增长", "上升", "提高", "增加", "上涨", "攀升", "增", "涨")
_CHANGE = re.compile(
    "(" + "|".join(sorted((*_DECREASE, *_INCREASE), key=len, reverse=True)) + r")了?(?:约|近|逾|超过)?$"
)


@dataclass(frozen=True)
class Quantity:
    begin: int
    end: int
    text: str
    value: Decimal
    unit: str | None
    approximate: bool
    upper: Decimal | None = None  # the upper bound of a range: 10—15万 is 100000 to 150000
    change: str | None = None  # 增长 or 增加 when the number is a change (a decrease is negative)


@functools.cache
def _vocab():
    stats = load("stats")
    units = longest_first(stats["units"])
    mults = {k: Decimal(v) for k, v in stats["multipliers"].items()}
    return (
        re.compile("|".join(map(re.escape, units))),
        re.compile("|".join(map(re.escape, longest_first(mults)))),
        mults,
        tuple(stats["people_nouns"]),
        tuple(longest_first(stats["approx_strict_before"])),
    )


def find(text: str) -> list[Quantity]:
    """Numbers with a unit, a multiplier (万, 亿) or a percent sign; bare numbers are not quantities.

    >>> [(q.value, q.unit, q.approximate) for q in find("服务8600余万参保群众、6.19余万家机构，66%")]
    [(Decimal('86000000'), '人', True), (Decimal('61900'), '家', True), (Decimal('66'), '%', False)]
    >>> [(str(q.value), q.unit, q.upper) for q in find("面积2，000平方米，售价10—15万元，百分之十五，5成")]
    [('2000', '平方米', None), ('100000', '元', Decimal('150000')), ('15', '%', None), ('50', '%', None)]
    """
    norm = text.translate(_WIDE)
    out: list[Quantity] = []
    pos = 0
    for m in _NUM.finditer(norm):
        if m.start() < pos:
            continue
        if len(m.group(0)) == 1 and m.group(0) in _ONE_DIGIT and not _lone_count(norm, m):
            continue  # 一个, 统一, 三人: a lone Chinese digit is a figure only before 成, 万 or 亿, or counts
        q = _read(text, norm, m)
        if q is not None:
            out.append(q)
            pos = q.end
    return out


def _read(text: str, norm: str, m: re.Match) -> Quantity | None:
    units, mult_re, mults, people, approx_before = _vocab()
    begin, digits = m.start(), m.group(0)
    if begin and (norm[begin - 1].isascii() and norm[begin - 1].isalnum() or norm[begin - 1] == "."):
        return None  # A380, G20, v2.0: part of a name
    percent_of = norm.endswith("百分之", 0, begin)
    if digits in ("百", "千") and not norm.endswith(("近", "上", "逾"), 0, begin):
        return None  # 百姓, 千万: a word, not a number
    value = number(digits)
    if value is None:
        return None
    i = m.end()
    approx, i = _approx_after(norm, i)
    mult, i = _multiplier(norm, i, mult_re, mults)
    a2, i = _approx_after(norm, i)
    approx = approx or a2
    upper = None
    if i < len(norm) and norm[i] in _DASH and not percent_of:
        n2 = _NUM.match(norm, i + 1)
        if n2 and (v2 := number(n2.group(0))) is not None:
            j = n2.end()
            a3, j = _approx_after(norm, j)
            mult2, j = _multiplier(norm, j, mult_re, mults)
            if mult2 is not None or units.match(norm, j) or norm[j : j + 1] == "%":
                mult = mult if mult is not None else mult2
                upper, i, approx = v2 * (mult2 or mult or 1), j, approx or a3
    unit = None
    if percent_of:
        begin, unit = begin - 3, "%"
    elif norm.startswith(("%", "‰"), i):
        unit, i = norm[i], i + 1
    elif norm.startswith("成", i) and not _NOT_TENTH.match(norm, i) and value <= 10 and mult is None:
        value, unit, i = value * 10, "%", i + 1
        if upper is not None:
            upper *= 10
    elif (u := units.match(norm, i)) is not None:
        unit, i = u.group(0), u.end()
    if unit and norm[i : i + 1] in ("余", "多") and not _HAN_WORD.match(norm, i + 1):
        approx, i = True, i + 1  # 5米多, 60吨余: about
    if unit == "点" and "." not in digits and not _MARKET.search(norm, max(0, begin - 8), begin):
        unit = None  # 下午3点: o'clock; 上证指数报2308.55点, 沪指跌64点: index points
    if not unit and mult is None:
        return None
    if unit in _TIME and not _duration(norm, i, value, approx, unit):
        return None  # 2012年, 91周年, 今天: the calendar, not a length of time
    if (
        not digits[0].isdigit()
        and unit != "%"
        and mult is None
        and not re.search("[十百千]", digits)
        and not (unit in _COUNTED and len(digits) == 1)
    ):
        return None  # 三人, 一家: a counting word, not a reported figure
    if mult is not None:
        value *= mult
    if not unit and (_names_people(norm, i, people) or _PEOPLE_BEFORE.search(norm, max(0, begin - 8), begin)):
        unit = "人"  # 8600余万参保群众; 60岁以上老年人已经达到1.78亿
    if unit == "元" and upper is None:
        value = _money(text[begin:i], value)
    pre = next((w for w in approx_before if norm.endswith(w, 0, begin)), "")
    if not pre and digits in ("百", "千"):
        pre = "上"  # 上百人: about a hundred
    if pre:
        begin -= len(pre)
    elif unit and "/" not in unit and (per := _PER.search(norm, max(0, begin - 5), begin)) is not None:
        unit, begin = f"{unit}/{per.group(1)}", per.start()  # 每立方米14微克: 14 微克/立方米
    change = None
    c = _CHANGE.search(norm, max(0, begin - 6), begin)
    if c is not None and not norm.endswith("新", 0, c.start()):  # 新增 counts what is new, no change
        word = c.group(1)
        change = _DECREASE.get(word, "增长" if word not in ("增加", "增") else "增加")
        if word in _DECREASE:
            value, upper = -value, (-upper if upper is not None else None)
    return Quantity(
        begin,
        i,
        text[begin:i],
        plain(value),
        unit,
        bool(pre) or approx,
        plain(upper) if upper is not None else None,
        change,
    )


_PEOPLE_BEFORE = re.compile(
    r"(?:人口|老年人|居民|人数|游客|职工|学生|患者|市民|网民|用户|员工)(?:总量|总数)?(?:已经|已|将)?(?:达到|达|为|超过|突破|有|共)?(?:约|近|逾)?$"
)
_HAN_WORD = re.compile(r"[\u4e00-\u9fff](?<![的了变])")
_MARKET = re.compile(r"指数|[沪深]指|综指|成指|大盘|报收?|收于|[涨跌]")
_TIME = ("年", "周", "天", "小时", "分钟", "秒钟", "个月")
_PER = re.compile(r"每(立方米|平方米|吨|股|公斤|千克|升|斤|克)$")
_NOT_DURATION = re.compile(r"[代级前后来内间初底末度龄薪周年大]|以来|以前|以后|之[前后内间]")


def _duration(norm: str, i: int, value: Decimal, approx: bool, unit: str) -> bool:
    """代课23年, 3周, 20天: a length of time; 2012年 (a year), 91周年, 5年前, 3年来 are not."""
    if _NOT_DURATION.match(norm, i):
        return False
    if unit == "小时" and value == 24:
        return False  # 24小时不间断: around the clock
    return not (value >= 1000 and not approx)  # 2012年, 2023天府…: a year


# Measure words a lone digit counts with (六名志愿者, 四只骆驼, 两台装甲车); not 一 (一家, 一个: "a"), nor a
# digit inside a word (统一, 第三, 星期五).
_COUNTED = frozenset("名位人家所只台辆艘架起座栋间处头")
_LONE = re.compile(f"[两二三四五六七八九][{''.join(sorted(_COUNTED))}]")


def _lone_count(norm: str, m: re.Match) -> bool:
    if norm[m.end() : m.end() + 1] in ("成", "万", "亿"):
        return True
    before = norm[m.start() - 1 : m.start()]
    return bool(_LONE.match(norm, m.start())) and before not in "第统初周星礼之不" and not before.isdigit()


def _approx_after(norm: str, i: int) -> tuple[bool, int]:
    return (True, i + 1) if norm[i : i + 1] in ("余", "多") else (False, i)


def _multiplier(norm: str, i: int, mult_re, mults) -> tuple[Decimal | None, int]:
    m = mult_re.match(norm, i)
    return (mults[m.group(0)], m.end()) if m else (None, i)


def _names_people(text: str, i: int, people: tuple[str, ...]) -> bool:
    """Whether the noun after a number counts people: 8600余万参保群众."""
    noun = re.match(r"[\u4e00-\u9fff]{1,8}", text[i:])
    return bool(noun) and any(p in noun.group(0) for p in people)


@functools.lru_cache(maxsize=4096)
def number(digits: str) -> Decimal | None:
    """1,200 -> 1200; 三千 -> 3000; 近百's 百 -> 100. Chinese numerals go through cn2an; None when malformed.

    >>> number("1,200"), number("三千"), number("十十")
    (Decimal('1200'), Decimal('3000'), None)
    """
    if digits[0].isdigit():
        return Decimal(digits.replace(",", ""))
    if digits in ("百", "千"):
        return Decimal(100 if digits == "百" else 1000)
    import cn2an

    try:
        return Decimal(str(cn2an.cn2an(digits, "normal")))
    except ValueError:  # cn2an rejects malformed numerals such as 十十
        return None


def _money(surface: str, fallback: Decimal) -> Decimal:
    """Amounts of money go through jionlp's money parser; its answer must agree with ours."""
    surface = surface.translate(_WIDE).replace(",", "")
    try:
        parsed = _load_jionlp().parse_money(
            re.sub(r"^\D*?(?=[\d零〇一二两三四五六七八九十百千])", "", surface).replace("余", "").replace("多", "")
        )
    except ValueError:
        return fallback
    num = parsed.get("num")
    if isinstance(num, str) and Decimal(num) == fallback:
        return Decimal(num)
    return fallback
