"""Places in a sentence: administrative areas from the gazetteer, named places by their suffix."""

from __future__ import annotations

import functools
import re

from kg.nlp import gazetteer, phrases, segment
from kg.nlp.lexicon import load, longest_first
from kg.nlp.locale import Locale
from kg.nlp.mentions import Mention
from kg.nlp.segment import Token

# Roads and streets run through many districts: 某区某路 locates, it does not contain.
_LINEAR = ("路", "街", "大街", "大道", "走廊", "大桥", "中路", *(d + r for r in "路街" for d in "东西南北"))
# A district written in full before a name locates it (某区某某小区); a short one is part of it (某地软件园).
_FULL = ("区", "县", "市", "省")


@functools.cache
def _vocab():
    places = load("places")
    classes = "|".join(map(re.escape, longest_first(places["class_nouns"])))
    listed = re.compile(
        rf"(?:不仅有|还有|拥有|包括|有|如)?((?:[^，。；：、！？\s]{{2,14}}、)+[^，。；：、！？\s]{{2,14}})等"
        rf"(?:[\u4e00-\u9fff]{{0,4}}?)(?:{classes})"
    )
    return (
        longest_first(places["suffixes"]),
        frozenset(places["generic_words"]),
        listed,
        frozenset(places["left_stops"]),
    )


def areas(text: str, offset: int, locale: Locale) -> list[Mention]:
    """Administrative areas, the ambiguous ones resolved toward the article's locale."""
    out = []
    for m in gazetteer.find(text):
        a = _choose(m.areas, locale)
        if a is not None:
            out.append(
                Mention(
                    offset + m.begin,
                    offset + m.end,
                    m.surface,
                    "place",
                    a.name,
                    _alias(m.surface, a),
                    a,
                    cue="gazetteer",
                )
            )
    return out


def abroad(tokens: list[Token], offset: int) -> list[Mention]:
    """Countries and cities abroad named as one word (巴基斯坦, 大马士革), from jionlp's world gazetteer."""
    world = gazetteer.abroad()
    return [
        Mention(offset + t.begin, offset + t.end, t.word, "place", t.word, cue="abroad")
        for t in tokens
        if len(t.word) >= 2 and t.word in world and t.flag != "nr"
    ]


# Highways by their number (S206线, G4高速, 新312国道, 国道318线) and by their name (京珠高速, 合宁高速公路).
_NUMBERED_ROAD = re.compile(
    r"(?<![A-Za-z0-9])(?:[GSX]\d{1,4}(?:线|高速公路|高速)|[新老]?\d{2,3}[国省]道|[国省]道\d{2,3}线?)"
)
_HIGHWAYS = ("高速公路", "高速", "快速路", "快速通道", "绕城公路", "国道", "省道")
# What may make a highway's name: names, words jieba does not know, and one-character pieces (合|宁).
_ROAD_PART = {"nr", "ns", "nt", "nz", "j", "eng", "n", "nrt"}


def roads(tokens: list[Token], text: str, offset: int) -> list[Mention]:
    """Highways, by number or by name: 新312国道, S206线, 京珠高速, 机场高速. A kind of road (高速公路,
    城市快速路, 修建|高速公路) is no road's name.

    >>> [m.name for m in roads(segment.tokens("济青高速潍坊段发生"), "济青高速潍坊段发生", 0)]
    ['济青高速']
    """
    out = [
        Mention(offset + m.start(), offset + m.end(), m.group(0), "place", m.group(0), cue="suffix")
        for m in _NUMBERED_ROAD.finditer(text)
    ]
    _, generic, _, _ = _vocab()
    for j, t in enumerate(tokens):
        if t.word not in _HIGHWAYS or any(m.begin - offset <= t.begin < m.end - offset for m in out):
            continue
        k = j
        while k > 0 and j - k < 3 and _road_part(tokens[k - 1]):
            k -= 1
        name = text[tokens[k].begin : t.end]
        prefix = name[: -len(t.word)]
        if len(prefix) >= 2 and prefix not in generic and not any(x.word in generic for x in tokens[k:j]):
            out.append(Mention(offset + tokens[k].begin, offset + t.end, name, "place", name, cue="suffix"))
    return out


def _road_part(t: Token) -> bool:
    if t.flag == "x" or not t.word.isalnum():
        return False  # punctuation ends a name
    if len(t.word) >= 3 and t.word[-1] in "省市区县":
        return False  # 某区|某某高速: the district the road passes is no part of its name
    return (t.flag in _ROAD_PART or len(t.word) == 1 and t.flag not in ("p", "uj", "c", "r", "m", "q", "d", "f")) and (
        t.word not in ("的", "在", "和", "与", "及", "条", "段")
    )


# What a place inside a country abroad may end with, and the words that say a name is a city: 港口城市某某.
_INNER_TYPES = ("地区", "省", "州", "市", "岛", "共和国", "城", "县", "镇", "村", "邦")
_CITY_WORDS = frozenset({"城市", "港口城市", "首都", "首府", "圣城", "古城", "小城", "小镇", "城镇", "港口"})
_AFTER_INNER = frozenset("xvfumpc")  # what may follow such a name: punctuation, a verb, 以西, 的, 25公里


def inside_abroad(tokens: list[Token], offset: int) -> list[Mention]:
    """Places abroad no gazetteer lists, read from how the text places them: right after their country
    (伊拉克提克里特地区, 俄罗斯车臣共和国, 意大利撒丁岛, 阿富汗北部法里亚布省) or after a word that says they are a
    city (港口城市卡拉奇, 首都某某).

    >>> [m.name for m in inside_abroad(segment.tokens("俄罗斯车臣共和国发生地震"), 0)]
    ['车臣共和国']
    """
    world, states = gazetteer.abroad(), gazetteer.countries()
    out = []
    for i, t in enumerate(tokens):
        country = t.word in states and (t.flag != "nr" or len(t.word) >= 3)
        city = t.word in _CITY_WORDS
        if not (country or city) or i + 1 >= len(tokens):
            continue
        j = i + 1
        if country and tokens[j].flag == "f" and j + 1 < len(tokens):
            j += 1  # 阿富汗北部|某某省
        k = j
        while (
            k < len(tokens)
            and k - j < 3
            and tokens[k].flag in ("ns", "nrt", "nz", "nr")
            and (city or tokens[k].word not in world)
        ):
            k += 1
        if k == j:
            continue
        name = "".join(x.word for x in tokens[j:k])
        if k < len(tokens) and tokens[k].word in _INNER_TYPES:
            name, k = name + tokens[k].word, k + 1
        typed = name.endswith(_INNER_TYPES)
        follows = tokens[k].flag[:1] if k < len(tokens) else "x"
        if len(name) < 2 or not (typed or follows in _AFTER_INNER) or tokens[j].flag == "nr" and not (typed or city):
            continue  # 美国奥巴马政府: a person, not a place
        if tokens[j].flag in ("nrt", "nz") and not (typed or city or follows in "xfm"):
            continue
        b = offset + tokens[j].begin
        within = t.word if country else None
        out.append(Mention(b, b + len(name), name, "place", name, within=within, cue="suffix"))
    return out


def _choose(candidates, locale: Locale):
    if len(candidates) == 1:
        return candidates[0]
    for pick in (locale.city, locale.province):
        if pick is None:
            continue
        inside = [a for a in candidates if pick.name in (a.city, a.province)]
        if len(inside) == 1:
            return inside[0]
    return None  # 鼓楼区 far from the article's locale: ambiguous, left out


def _alias(surface: str, a: gazetteer.Area) -> tuple[str, ...]:
    return (surface,) if surface != a.name else ()


def named(tokens: list[Token], offset: int, admin: list[Mention], org_heads: frozenset[str]) -> list[Mention]:
    """Named places by suffix; a leading district name becomes the place's locator."""
    suffixes, generic, _, stops = _vocab()
    admin_spans = {(m.begin, m.end): m for m in admin}
    out = []
    nxt = {t.begin: t for t in tokens}
    for begin, end, suffix in phrases.ending_in(tokens, suffixes, generic, stops):
        b, e = offset + begin, offset + end
        inner = [t for t in tokens if begin <= t.begin and t.end <= end]
        if not any(phrases.proper(t) for t in inner) and not any(m.begin <= b < m.end for m in admin):
            continue  # nothing in it names anything: 老工业园
        if (b, e) in admin_spans or any(m.begin <= b and e <= m.end for m in admin):
            continue
        after = nxt.get(end)
        if after is not None and after.word in org_heads:
            continue  # 某某新区管委会 is an organization
        surface = "".join(t.word for t in inner)
        # Areas written before the name (湖北武汉某街, 某区某小区) locate it, unless what follows them is
        # generic (某市国家某某先导区 is one name).
        lead, pos = None, b
        while (step := next((m for m in admin if m.begin == pos and m.end < e), None)) is not None:
            lead, pos = step, step.end
        rest = surface[pos - b :]
        if (pos, e) in admin_spans or _kind_word(rest, suffix):
            continue  # 江西|景德镇 is the area itself; 北京|幼儿园 is a kind of place, not a name
        if lead is not None and len(rest) > len(suffix) and not rest.startswith(tuple(generic)):
            # Roads run through many districts: 某区某路 only says the road passes there.
            locator = None if suffix in _LINEAR and lead.area.level == "county" else lead.area
            out += _nested(Mention(pos, e, rest, "place", rest, (surface,), locator=locator, cue="suffix"))
        else:
            out += _nested(Mention(b, e, surface, "place", surface, cue="suffix"))
    return out


@functools.lru_cache(maxsize=8192)
def _kind_word(word: str, suffix: str) -> bool:
    """A word for a kind of place: one dictionary word whose part before the suffix is a common word.

    >>> _kind_word("幼儿园", "园"), _kind_word("风景区", "景区"), _kind_word("长安街", "街")
    (True, True, False)
    """
    if not phrases.known_word(word):
        return False
    whole = segment.tokens(word)
    if len(whole) == 1 and not phrases.proper(whole[0]):
        return True  # 风景区
    if len(word) - len(suffix) < 2:
        return False
    body = segment.tokens(word[: -len(suffix)])
    return len(body) == 1 and not phrases.proper(body[0])  # 幼儿园, though jieba tags it a name


_RURAL = re.compile(r"[\u4e00-\u9fff]{2,4}?[市区](?=[\u4e00-\u9fff]{2,6}?[镇乡街])|[\u4e00-\u9fff]{1,6}?[县镇乡]")


def _nested(m: Mention) -> list[Mention]:
    """某县某镇某村 written as one name: each level a place inside the one before it."""
    out = []
    begin, within, locator = m.begin, None, m.locator
    rest = m.surface
    while (cut := _RURAL.match(rest)) and len(rest) - cut.end() >= 3:
        part = cut.group(0)
        out.append(Mention(begin, begin + len(part), part, "place", part, locator=locator, within=within, cue="suffix"))
        begin, within, locator, rest = begin + len(part), part, None, rest[cut.end() :]
    if not out:
        return [m]
    out.append(Mention(begin, m.end, rest, "place", rest, (m.surface,), within=within, cue="suffix"))
    return out


def listed(text: str, offset: int) -> list[Mention]:
    """Items of a list closed by 等 and a kind of place: 有甲、乙等商业地标."""
    _, _, pattern, _ = _vocab()
    out = []
    for m in pattern.finditer(text):
        items = m.group(1).split("、")
        pos = m.start(1)
        # The first item starts after the verb that opens the list: 商圈不仅有甲、乙 -> 甲.
        head = re.split(r"(?:有|包括|包含|涵盖|如|是)", items[0])[-1]
        pos += len(items[0]) - len(head)
        items[0] = head
        for item in items:
            name = item.strip()
            if len(name) >= 2:
                start = offset + pos + item.index(name)
                out.append(Mention(start, start + len(name), name, "place", name, cue="class"))
            pos += len(item) + 1
    return out
