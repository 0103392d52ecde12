"""Names of events in a sentence: a proper name ending in an event head (会议, 峰会, 论坛, 发布会 …), or a
name in quotes or book marks before a head (“某某”公益活动, 《某某守则》市民沟通会).

A name starts at a word that can open one: not a pronoun or determiner (本次, 这次), a verb or an adverb
(只好宣布, 叫), a preposition, a particle or a relative time (今年3月份某某现场会: the time dates it). A
bare head with generic words before it (内部会议, 专家讲座) names no particular event.
"""

from __future__ import annotations

import functools
import re

from kg.nlp import segment, timex
from kg.nlp.lexicon import load, longest_first
from kg.nlp.segment import Token

_QUOTED = re.compile(r"《[^《》\n]{2,60}》|[“#][^“”《》#\n]{2,40}[”#]")
_N = "\\d一二三四五六七八九十百"
_YEAR_OR_ORDINAL = re.compile(rf"\d{{4}}年?|[{_N}]+年|第[{_N}]+[届次期]|首届|[{_N}]+届")
# Verbs whose object an event is (出席会议, 回应听证会的疑问): the name starts after them.
_ACTS_IN = re.compile(r"出席|参加|列席|主持|召开|举行|举办|观摩|出现|宣布|走到|来到|作为|回应|答复|解读|评论|报道")
_OBSERVANCE = re.compile(
    r"(?:\d{4}年)?(世界|国际|全国|全民|中国)(?:(?![的和与及、，。])[\u4e00-\u9fff]){2,8}?(?:日|节|周|月)"
)
_TIME_REST = re.compile(r"(?:月份?|日|号)(?:初|底|末|上旬|中旬|下旬)?")
# Words that open no name: what stands before a name (the verb, the determiner, the time) is no part of it.
_STOP_FLAGS = ("x", "p", "c", "u", "r", "d", "y", "e", "t", "q", "f", "s", "z")
# Verbs of taking part and holding: 某某出席会议 names no event; the name starts after them.
_ACTS = re.compile(
    r"出席|参加|列席|与会|主持|召开|举行|举办|观摩|开展|启动|组织|宣布|参与|进行|开幕|闭幕|承办|主办|协办|亮相|召集|"
    r"部署|筹备|发布|通过|讨论|表示|指出|强调|介绍|作为|成为|回应|答复|解读|评论|报道|称|说|是|有|在|为|于"
)


@functools.cache
def heads() -> tuple[str, ...]:
    """The words an event's name ends with, longest first: the lexicon's triggers and its games."""
    ev = load("events")
    return tuple(longest_first([*ev["triggers"], *ev["games"]]))


@functools.cache
def _games() -> tuple[str, ...]:
    return tuple(load("events")["games"])


@functools.cache
def _vocab():
    ev = load("events")
    quoted_heads = longest_first([*heads(), *ev["quoted_heads"]])
    return (
        re.compile("|".join(map(re.escape, heads()))),
        re.compile(
            r"(?:的)?((?:(?![和与及等的为是在以之])[\u4e00-\u9fff【】·]){0,10}?)("
            + "|".join(map(re.escape, quoted_heads))
            + ")"
        ),
        frozenset(ev["generic_modifiers"]),
        frozenset(ev["not_openers"]),
    )


@functools.cache
def _named_vocab():
    ev, kinds = load("events"), load("incidents")["kinds"]
    incident_words = longest_first(w for words in kinds.values() for w in words)
    return (
        re.compile("|".join(map(re.escape, longest_first(ev["named_heads"])))),
        frozenset(ev["about_heads"]),
        re.compile("|".join(map(re.escape, longest_first(ev["known"])))),
        re.compile("|".join(map(re.escape, incident_words))),
    )


def is_named(name: str) -> bool:
    """A programme, campaign, crisis, case or a name that is an event by itself (read by `_named`), which
    only a year in its name or a time written right before it dates: it runs or is spoken of over time.

    >>> is_named("某国危机"), is_named("某某论坛")
    (True, False)
    """
    heads, _, known, _ = _named_vocab()
    return bool(
        known.fullmatch(name)
        or _CONGRESS.fullmatch(name)
        or (m := heads.search(name, len(name) - 2))
        and m.end() == len(name)
    )


def launched(name: str) -> bool:
    """A programme or a campaign (某某计划, 某某行动): what is launched on a day.

    >>> launched("某某营养计划"), launched("某国危机")
    (True, False)
    """
    return name.endswith(tuple(_named_vocab()[1]))


_PROPER = ("nr", "ns", "nt", "nz")
# The party's national congresses by their number: 十七大, 党的十八大 (not 十大, the top ten).
_CONGRESS = re.compile(r"(?:党的)?十[一二三四五六七八九]大(?![学楼街道厦型批项类会])")
# Words no such name runs back over (place and time words may be in one: 某某海外学生交流计划).
_NAMED_STOPS = ("x", "p", "c", "u", "r", "d", "y", "e", "q", "f", "m")


def _named(text: str, tokens: tuple[Token, ...]) -> list[tuple[str, int, int]]:
    """Programmes, campaigns, crises, affairs and cases named by a proper name or a year before a common
    head (索尼海外学生交流计划, 2012年某某专项行动, 叙利亚危机, 某镇事件, 某某市少女毁容案), and names that
    are events by themselves (两会). An incident (某地爆炸事件) is read as an incident, not here.

    >>> from kg.nlp.segment import tokens
    >>> _named("欧洲主权债务危机持续发酵", tuple(tokens("欧洲主权债务危机持续发酵")))
    [('欧洲主权债务危机', 0, 8)]
    """
    heads, about, known, incident = _named_vocab()
    found = [(m.group(0), m.start(), m.end()) for m in known.finditer(text)]
    found += [(m.group(0), m.start(), m.end()) for m in _CONGRESS.finditer(text)]
    if not tokens or not heads.search(text):
        return found
    for i, t in enumerate(tokens):
        m = heads.search(t.word)
        if m is None or m.end() != len(t.word):
            continue  # the head ends a word of its own (行动者 is no head)
        head = m.group(0)
        # 某某案 as one word: a name if what comes before the head is one (安全事件 is none); else the words
        # before it must name it (国际|金融危机)
        if m.start() and t.flag.startswith(_PROPER):
            if all(w.flag.startswith(_PROPER) for w in segment.tokens(t.word[: m.start()])):
                found.append((t.word, t.begin, t.end))
            continue
        words = _words_before(tokens, i)
        if m.start() and (not words or head == "案"):
            continue  # 方案, 归案: a word of its own
        if head not in about and head != "案":  # 某国乳业出现|召回事件: an affair or a crisis holds no verb
            words = words[max((k + 1 for k, w in enumerate(words) if w.flag == "v"), default=0) :]
        proper = [
            k
            for k, w in enumerate(words)
            if w.flag.startswith(_PROPER)
            or re.fullmatch(r"\d{4}", w.word)
            or (head == "危机" and w.word in _WORLD and k == len(words) - 1)
        ]
        if not proper:
            continue  # 工作计划, 突发事件, 银行业危机: a common noun
        words = words[proper[0] :]
        if head in about and (
            not any(w.flag.startswith(("n", "v")) and not w.flag.startswith(_PROPER) for w in words)
            or words[-1].word.endswith(_BODIES)
        ):
            continue  # 某国计划在明年…, 某某基金会计划…: a body plans, no programme is named
        b = words[0].begin
        if not incident.search(text, b, t.end):
            found.append((text[b : t.end], b, t.end))
    return found


# A crisis of the whole world is named by it: 国际金融危机, 全球粮食危机.
_WORLD = frozenset({"国际", "全球", "世界"})
# What ends the name of a body: 某某基金会计划… is the body planning.
_BODIES = ("会", "公司", "集团", "部", "局", "委", "院", "厅", "政府", "中心", "办")


def _words_before(tokens: tuple[Token, ...], i: int) -> list[Token]:
    """The words before tokens[i] that may be part of its name, in order: back to punctuation, a function
    word, a determiner or a verb of holding, and not past the verb of a subject (某国深陷|某某危机, 某团体发起|
    某某行动: the name is the verb's object)."""
    words: list[Token] = []
    for k in range(i - 1, -1, -1):
        w = tokens[k]
        if w.end != (words[-1].begin if words else tokens[i].begin):
            break
        year = w.flag == "m" and re.fullmatch(r"\d{4}年?|年", w.word)
        if (w.flag.startswith(_NAMED_STOPS) and not year) or w.word in _DETERMINERS or _ACTS.fullmatch(w.word):
            break
        if w.flag.startswith("v") and words and k and tokens[k - 1].flag.startswith(_PROPER[:3]):
            break  # a verb after a proper name: the name (subject) and its verb are no part of what it acts on
        words.append(w)
    words.reverse()
    return words


_DETERMINERS = frozenset(("本", "该", "此", "这", "那", "其", "这个", "那个", "这次", "此次", "本次", "上述"))


def find(text: str, tokens: tuple[Token, ...]) -> list[tuple[str, int, int]]:
    """(name, begin, end) of each event named in a sentence (tokens with offsets into text); names inside
    longer ones are dropped.

    >>> from kg.nlp.segment import Token
    >>> find("《某某守则》市民沟通会昨日召开", ())
    [('《某某守则》市民沟通会', 0, 11)]
    """
    heads, after_quote, generic, openers = _vocab()
    found: list[tuple[str, int, int]] = _named(text, tokens)
    if not (heads.search(text) or _QUOTED.search(text) or _OBSERVANCE.search(text)):
        return found  # most sentences name no event: nothing to cut into words
    ends, starts = {t.end for t in tokens}, {t.begin for t in tokens}
    for q in _QUOTED.finditer(text):
        inner = q.group(0)[1:-1]
        head = next((h for h in heads.finditer(inner) if h.end() == len(inner)), None)
        if q.group(0)[0] in "“《" and head is not None:
            # “某某峰会”: the name is what the quotes hold, or the last name in them (“甲、乙及第二届某某大会”)
            b = _open(text, tokens, q.start() + 1 + head.start(), openers, floor=q.start() + 1)
            if q.end() - 1 - b >= 4:
                found.append((text[b : q.end() - 1], b, q.end() - 1))
            continue
        # The longest head after the quote (“某某”四季会系列活动, not …四季会) that is a word of its own: not the
        # 节 of 环节, the 展 of 发展, the 会 of 基金会.
        for end in range(min(len(text), q.end() + 14), q.end(), -1):
            m = after_quote.fullmatch(text, q.end(), end)
            if m is not None and (not tokens or (m.end() in ends and m.start(2) in starts)):
                # “某某”的大型宣传活动 is named without the 的
                found.append((q.group(0) + m.group(1) + m.group(2), q.start(), m.end()))
                break
    for m in _OBSERVANCE.finditer(text):  # 世界某某日, 全国某某周: a named day, week or month
        inside = [t for t in tokens if m.start(1) <= t.begin and t.end <= m.end() - 1]  # between 世界 and 日
        plain = not any(
            t.flag.startswith(("v", "d", "p", "r", "u", "nr", "t", "m")) and not t.flag.startswith("vn") for t in inside
        )
        if not tokens or (m.end() in ends and m.start() in starts and plain):
            found.append((m.group(0), m.start(), m.end()))
    for m in heads.finditer(text):
        if any(b < m.start() and m.end() <= e and text[b] not in "“《#" for _, b, e in found):
            continue  # inside a name already read (not a quoted one: a name may run on before its quotes)
        # 事故现场|会 (jieba's words): the head starts inside a word, whose first part belongs to the name
        start = next((t.begin for t in tokens if t.begin < m.start() < t.end), m.start())
        b = _open(text, tokens, start, openers)
        acts = [a for a in _ACTS_IN.finditer(text, b, m.start())]
        if acts:  # 某某出席会议, however jieba cut the words: the name starts after the verb
            b = acts[-1].end()
        t = timex.PATTERN.match(text, b)
        if t is not None and t.group(0) and t.end() < m.start() and not re.fullmatch(r"\d{4}年", t.group(0)):
            b = t.end()  # 今年3月份某某现场会: the time dates the meeting (a year alone may name it: 2005年某某峰会)
        if b and text[b - 1].isdigit() and (rest := _TIME_REST.match(text, b)):
            b = rest.end()  # 3|月份某某现场会: the rest of a time the words stopped in
        if m.start() - b < 2 or m.end() - b < 4:
            continue  # a bare 新闻发布会 names no particular event
        if m.group(0).endswith(_games()):  # 山东获得|奥运会: games are named by a place or an edition, no verb
            b = max([b] + [t.end for t in tokens if b <= t.begin and t.end <= m.start() and t.flag in ("v", "vd")])
            if m.end() - b < 4:
                continue
        if _DETERMINED.search(text, b, m.start()):
            continue  # 符合本论坛的规定: 本论坛 refers back, it names nothing
        words = [t.word for t in tokens if b <= t.begin and t.end <= m.start()] or [text[b : m.start()]]
        if all(w in generic or _YEAR_OR_ORDINAL.fullmatch(w) for w in words):
            continue  # 内部会议, 专家讲座 (紧急会议, one word for jieba)
        found.append((text[b : m.end()], b, m.end()))
    return sorted(
        {x for x in found if not any(y != x and y[1] <= x[1] and x[2] <= y[2] for y in found)},
        key=lambda x: (x[1], x[2], x[0]),
    )


def _named_before(c: str) -> bool:
    """A character that may end the name of a day or a week (某某者日), not a numeral (3日)."""
    return "\u4e00" <= c <= "\u9fff" and c not in "〇零一二两三四五六七八九十百千今明昨前本上下每当"


_DETERMINED = re.compile(r"(?:本|该|此|这|那|其|各)(?:届|次|场|个)?$")


def _open(text: str, tokens: tuple[Token, ...], at: int, openers: frozenset[str], floor: int = 0) -> int:
    """Where the name that ends in the head at `at` begins: back over the words that can be part of a
    name, to the first that cannot (a verb, a pronoun, punctuation, 的 …)."""
    inside = [t for t in tokens if t.end <= at]
    if not tokens:  # no words: back to punctuation
        b = at
        while b > 0 and text[b - 1] not in "，。；：、！？（）“”《》 \n的在于由和与及":
            b -= 1
        return b
    b = at
    quotes = {q.end(): q.start() for q in _QUOTED.finditer(text, floor, at)}
    for t in reversed(inside):
        if t.begin < floor:
            break
        if b in quotes and t.end <= b:  # 2012年度“某某”公益活动新闻发布会: a quoted name inside a longer one
            b = quotes[b]
            continue
        if t.end > b:
            continue  # the tokens of a quoted stretch just jumped over
        if t.end < b:
            break
        if (
            t.word in ("日", "节", "周", "月") and t.begin and _named_before(text[t.begin - 1])
        ):  # 世界某某者|日|纪念活动
            b = t.begin
            continue
        if t.word.startswith("某"):  # a withheld name (某某讲堂) is a name
            b = t.begin
            continue
        year = bool(_YEAR_OR_ORDINAL.fullmatch(t.word)) or t.word == "年"
        if t.word in ("暨", "-", "·") and b - t.end == 0 and t.begin > 0 and "\u4e00" <= text[t.begin - 1] <= "\u9fff":
            # 某某推进会暨第三次调度会: one meeting; 某某-企业家论坛: one name
            b = t.begin
            continue
        if t.word in openers or _ACTS.fullmatch(t.word) or (t.flag.startswith(_STOP_FLAGS) and not year):
            break
        if t.flag.startswith("m") and not year and not re.fullmatch(r"\d{4}", t.word):
            break  # a count (3个, 一次) is no part of a name, a year (2005年) is
        if t.flag.startswith("v") and not t.flag.startswith("vn") and re.match(r"\d", text[t.end : t.end + 1]):
            break  # 结合|2011年会: a verb and its object, not a name
        b = t.begin
    return b
