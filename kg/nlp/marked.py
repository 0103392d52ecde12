"""Organizations the text marks as names by its punctuation or its form: a name in quotes, a company with its
stock code, a mission abroad (某国驻某国大使馆), an outlet in book marks or credited as a source.

>>> [m.surface for m in quoted("若“行政院”仍一意孤行，“三农”工作", 0)]
['行政院']
>>> [m.surface for m in listed("重仓持有万科A（000002，股吧）、浦发银行(600000)等", 0)]
['万科A', '浦发银行']
"""

from __future__ import annotations

import re

from kg.nlp import gazetteer, orgs
from kg.nlp.mentions import Mention
from kg.nlp.segment import tokens

# A whole name in quotes: 若“某院”仍…, 在“某某委员会”的.
_QUOTED = re.compile(r"[“‘「](?P<name>[\u4e00-\u9fff]{3,14})[”’」]")
# A listed company's six-digit stock code right after its short name: 某某液（000858，股吧）, 某某银行(600036).
_STOCK = re.compile(r"(?P<name>[\u4e00-\u9fffA-Za-z]{2,12}?)\s*[（(]\s*[0-9]{6}(?:\.[A-Z]{2})?\s*[，,）)]")
# A country's mission in another: 某国驻某国大使馆, 中国驻某市总领事馆.
_MISSION = re.compile(
    r"(?P<name>(?P<home>[\u4e00-\u9fff]{2,6}?)驻[\u4e00-\u9fff]{2,6}?(?:大使馆|总领事馆|领事馆|代表处))"
)
# Tokens a company's short name does not hold: verbs, prepositions, conjunctions, adverbs, pronouns, particles.
_NOT_IN_NAME = ("v", "p", "c", "d", "r", "u", "m", "q", "f", "t", "y")


def quoted(text: str, offset: int) -> list[Mention]:
    """A name in quotes that ends in an organization's type suffix: quotes set a name apart, so what a
    rule would need a proper noun to open (行政院 is a common noun to jieba) is a name here."""
    out = []
    for m in _QUOTED.finditer(text):
        name = m["name"]
        if orgs.is_org_name(name) and orgs.specific(name) and not orgs.is_type_word(name):
            out.append(Mention(offset + m.start("name"), offset + m.end("name"), name, "org", name, cue="quoted"))
    return out


def listed(text: str, offset: int) -> list[Mention]:
    """A company named by its stock-market short name and code: the words right before the code that
    can be a name (持有|某某液: the verb is no part of it)."""
    out = []
    for m in _STOCK.finditer(text):
        words = tokens(m["name"])
        keep = len(words)
        while keep > 0 and not words[keep - 1].flag.startswith(_NOT_IN_NAME):
            keep -= 1
        name = "".join(t.word for t in words[keep:])
        if len(name) < 2 or not orgs.specific(name):
            continue
        end = m.start("name") + len(m["name"])
        out.append(Mention(offset + end - len(name), offset + end, name, "org", name, cue="stock"))
    return out


def _a_country(name: str) -> bool:
    return name == "中国" or name in gazetteer.abroad()


def missions(text: str, offset: int) -> list[Mention]:
    """A mission abroad named with the country that sends it: 某国驻某国大使馆 (the country that sends it is
    a place of jionlp's world gazetteer, or China)."""
    out = []
    for m in _MISSION.finditer(text):
        home = next((m["home"][k:] for k in range(len(m["home"]) - 1) if _a_country(m["home"][k:])), None)
        if home is None:
            continue
        begin = m.end("home") - len(home)
        name = text[begin : m.end()]
        out.append(Mention(offset + begin, offset + m.end(), name, "org", name, cue="mission"))
    return out


_OUTLET_TITLE = re.compile(r"《(?P<name>[\u4e00-\u9fffA-Za-z0-9]{1,12}(?:报|周刊|杂志|画报))》")


_CREDITED = re.compile(
    r"(?:来源[：:]\s*|据|[（(]\d{1,2}月\d{1,2}日)(?P<name>[\u4e00-\u9fffA-Za-z]{2,10}?)(?:[）)]|报道|消息)"
)


_SOURCE = re.compile(r"[（(]\s*来源[：:]\s*(?P<name>[\u4e00-\u9fffA-Za-z0-9]{2,12})\s*[）)]")


_SITE = re.compile(r"(?:官方网站|官方微博|网站|官网|微博)$")


def _of_its_site(name: str) -> str:
    """据某局网站消息: a body's own website (or microblog) credits the body.

    >>> _of_its_site("国家统计局网站"), _of_its_site("某某网站"), _of_its_site("新华网")
    ('国家统计局', '某某网站', '新华网')
    """
    body = _SITE.sub("", name)
    return body if body != name and len(body) >= 2 and orgs.is_org_name(body) else name


def source_credit(text: str) -> str | None:
    """The outlet an article credits as its source: （来源：某某日报）, the last such credit."""
    found = [m["name"] for m in _SOURCE.finditer(text) if orgs.specific(m["name"])]
    return found[-1] if found else None


def outlets(text: str, offset: int) -> list[Mention]:
    """News outlets named as such: a title in book marks (据《某某时报》报道 -> 某某时报) and a source credit
    (（来源：某某网）, 据某社报道, （7月17日某某在线）). A name merely ending in 网 is not enough: 某某智能网
    is a telecoms product."""
    out = [
        Mention(offset + m.start("name"), offset + m.end("name"), m["name"], "org", m["name"], cue="title")
        for m in _OUTLET_TITLE.finditer(text)
    ]
    for m in _CREDITED.finditer(text):
        name = _of_its_site(m["name"])
        if orgs.specific(name) and not gazetteer.is_area(name):
            begin = offset + m.start("name")
            out.append(Mention(begin, begin + len(name), name, "org", name, cue="credit"))
    return out


# 某某股份有限公司（下称某某公司）, （以下简称“某某”）: the short name the text itself gives a body.
_DEFINED = re.compile(r"[（(](?:以下|下)?(?:简称|称)(?:为)?[：:]?[“\"]?(?P<short>[^”\"（）()，。]{2,12})[”\"]?[）)]")


def defined_short_names(text: str) -> list[tuple[int, int, int, int]]:
    """(bracket begin, bracket end, short begin, short end) of each short name a text defines in brackets
    right after a name.

    >>> defined_short_names("某某食品有限公司（下称某某公司）起诉")
    [(8, 16, 11, 15)]
    """
    return [(m.start(), m.end(), m.start("short"), m.end("short")) for m in _DEFINED.finditer(text)]
