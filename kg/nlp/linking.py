"""People and posts from the trained tagger, where the rules found none.

The rules (title chains, speech verbs, lists, bylines) go first: they are precise. The tagger then
adds the people they missed (a name with no cue: 55 % of the missed names in news), and links each
person it finds to the position and organization written right before (某部部长张三: 某部 + 部长)
or right after (张三部长) the name. A post whose organization the text does not give is kept,
with none. A name counts when the model is sure enough (PERSON_CONFIDENCE, chosen on CLUENER dev).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

from kg.nlp import chains, gazetteer, names, orgs, orgtrim, tagger
from kg.nlp.lexicon import load
from kg.nlp.mentions import Mention
from kg.nlp.orgs import OrgName
from kg.nlp.segment import Token

_GAP = " 　"  # what may stand between a position and its name in running text


@dataclass(frozen=True)
class Linked:
    """A person the tagger found, and the post written with the name (role, organization or None)."""

    person: Mention
    role: str | None
    org: OrgName | None
    status: str | None
    org_span: tuple[int, int] | None = None  # where the organization is written (article offsets)


def find(
    text: str,
    offset: int,
    spans: tuple[tagger.Span, ...],
    taken: list[tuple[int, int]],
    canonical: Callable[[str], OrgName | None],
) -> list[Linked]:
    """People of one sentence (text at offset in the article) that no rule found, with their posts.

    ``taken`` are spans (article offsets) already claimed by the rules' mentions; ``canonical`` turns an
    organization as written into its full name in the article's context."""
    out = []
    people = set(tagger.people(spans))
    for k, s in enumerate(spans):
        if s not in people:
            continue
        b, e = offset + s.begin, offset + s.end
        if (
            any(tb < e and b < te for tb, te in taken)
            or _COUNTED_BUSINESS.search(text, 0, s.begin)
            or _PLACE_BEFORE.search(text, 0, s.begin)
            or names.surname_speaking(s.text)
        ):
            continue  # 路边一家某某: what 家 counts is a shop or a firm; 中部城市某某: a place (某某市: kg.nlp.doc)
        pos, org_span = _post_before(text, spans, k) or _post_after(text, spans, k) or (None, None)
        role, status = None, None
        where = (org_span.begin, org_span.end) if org_span else None
        if pos is not None and pos.text.endswith(_not_roles()):
            pos, org_span = None, None  # 球星某某, 财经人士某某: a description, no post
        if pos is not None:
            status, role = chains.split_status(pos.text)
            if not role:  # a status word alone (原) is no position
                status, role = None, pos.text
            if where is None:  # a position that swallowed its organization: 润泽地产常务副总
                role, where = _split(pos, role)
        if where is not None and org_span is not None:  # 某某堂为某某公司: cut at the clause's last left stop
            written = text[where[0] : where[1]]
            trimmed = orgtrim.trim(written)
            where = (where[1] - len(trimmed), where[1]) if trimmed and written.endswith(trimmed) else None
        org = canonical(text[where[0] : where[1]]) if where else None
        where = (offset + where[0], offset + where[1]) if where else None
        person = Mention(b, e, s.text, "person", s.text, cue="tagger")
        out.append(Linked(person, role or None, org, status, where))
    return out


_HOLDING = re.compile(r"^.{0,8}?(?:控股子公司|全资子公司|子公司|旗下|下属|所属|控股的)(?=.{4})")
_COUNTED_BUSINESS = re.compile(r"(?:[一两几这那该每某多]|[0-9]+)家$")
_PLACE_BEFORE = re.compile(r"(?:城市|首都|首府|省会|小镇|港口|口岸|地区)$")
_DATELINE_DATE = re.compile(r"[0-9]{1,2}月[0-9]{1,2}日(?:电|讯)")


def _post_before(text: str, spans, k: int):
    """某部部长张三: the position that ends where the name starts, and the organization before it."""
    name = spans[k]
    pos = next((s for s in reversed(spans[:k]) if s.kind == "POS"), None)
    if pos is None or text[pos.end : name.begin].strip(_GAP):
        return None
    org = next((s for s in reversed(spans[:k]) if s.end <= pos.begin and s.kind == "ORG"), None)
    if org is not None and org.end == pos.begin:
        return pos, org
    return pos, None


def _post_after(text: str, spans, k: int):
    """张三部长 / 某局张三局长: a position right after the name, the organization right before it."""
    name = spans[k]
    pos = spans[k + 1] if k + 1 < len(spans) else None
    if pos is None or pos.kind != "POS" or pos.begin != name.end:
        return None
    org = spans[k - 1] if k > 0 else None
    if org is not None and org.kind == "ORG" and org.end == name.begin:
        return pos, org
    return pos, None


def _split(pos, role: str) -> tuple[str, tuple[int, int] | None]:
    """A position span that holds an organization (three characters or more) before a title of the lexicon: the
    title, and where the organization is (sentence offsets); else the position as it was."""
    item = chains.parse_item(role)
    if item is None or not item.org or item.org + item.role != role or len(item.org) < 3:
        return role, None
    at = pos.begin + len(pos.text) - len(role)  # the status words, if any, stood before the role
    return item.role, (at, at + len(item.org))


def _title_then_name(text: str, k: int) -> bool:
    """Whether text is a title up to k, then a name of two to four characters that opens with a surname."""
    rest = text[k:]
    return chains.ends_with_role(text[:k]) and 2 <= len(rest) <= 4 and names.surname_length(rest, 0) > 0


@functools.cache
def _not_roles() -> tuple[str, ...]:
    return tuple(load("people")["not_roles"])


_NO_ORG = frozenset({"d", "ad", "p", "c", "i", "r"})  # adverbs, prepositions, conjunctions, idioms, pronouns
_LEADS = _NO_ORG | {"v"}  # what may stand before a name the tagger ran into it
# What a name does not end in: verbal nouns, adverbs, numbers, pronouns, times; abstract nouns (jieba tags
# 招行 and 分行 as verbs: verbs may end one).
_NO_END = frozenset({"vn", "ad", "d", "m", "r", "t", "f", "uj", "ul"})
_ABSTRACT = frozenset(
    {"问题", "结果", "情况", "方面", "工作", "事件", "事情", "原因", "影响", "措施", "标准", "事业", "支出"}
)


def organizations(
    text: str,
    offset: int,
    spans: tuple[tagger.Span, ...],
    toks: tuple[Token, ...],
    taken: list[tuple[int, int]],
    canonical: Callable[[str], OrgName | None],
) -> list[Mention]:
    """Organizations the tagger reads in one sentence where no rule found anything (央视, 皇马, 人人网: names
    with no type suffix), when it is sure enough (tagger.ORG_CONFIDENCE) and the name is no generic one
    (一家外贸公司, 中资银行: a kind of body, not a body)."""
    out = []
    for s in spans:
        if s.kind != "ORG" or s.confidence < tagger.ORG_CONFIDENCE or not orgs.specific(s.text):
            continue
        if orgs.goal(text, s.begin, s.end):  # 加快建设某某国际航运中心: an aim, not a body
            continue
        inside = [t for t in toks if s.begin <= t.begin and t.end <= s.end]
        rest = s.text[inside[1].begin - s.begin :] if len(inside) > 1 else ""
        # 住|建部: a lone character jieba cut off a short name is part of it
        if (
            inside[:1]
            and inside[0].flag in _LEADS
            and orgs.is_org_name(rest)
            and (len(inside[0].word) > 1 or len(rest) > 2)
            and not inside[1].flag.startswith("u")  # 复|地|集团: jieba's verb and particle are one name
        ):
            inside = inside[1:]  # 另有某银行, 携手某署, 使某部: the verb or adverb before the name is no part of it
            s = tagger.Span(inside[0].begin, s.end, s.kind, s.text[inside[0].begin - s.begin :], s.confidence)
        if len(inside) > 1 and inside[-1].flag.startswith("v") and not orgs.org_suffix(s.text):
            head = s.text[: inside[-1].begin - s.begin]
            if orgs.org_suffix(head):  # 某某委员会|系联合国…: a verb run on after a name's type is no part of it
                inside = inside[:-1]
                s = tagger.Span(s.begin, inside[-1].end, s.kind, head, s.confidence)
        if (held := _HOLDING.match(s.text)) and orgs.is_org_name(s.text[held.end() :]):
            # 公司控股子公司某某股份有限公司: the subsidiary is named after the words that say whose it is
            s = tagger.Span(s.begin + held.end(), s.end, s.kind, s.text[held.end() :], s.confidence)
            inside = [t for t in inside if t.begin >= s.begin]
        if (
            len(inside) > 1
            and inside[0].flag in _NO_ORG
            or [(t.word, t.flag) for t in inside] == [(s.text, "ns")]
            or s.text in gazetteer.abroad()
        ):
            continue  # 共监测食品样品, 积极参与…监管: a clause; 丹麦 alone (for its team): a place
        if inside and (inside[-1].flag in _NO_END or inside[-1].word in _ABSTRACT) and not orgs.org_suffix(s.text):
            continue  # 工商部门检测, 某某奶粉检测结果问题: a name ends in a noun that can name a body
        if not orgs.org_suffix(s.text) and any(_title_then_name(s.text, k) for k in range(2, len(s.text) - 1)):
            continue  # 俄罗斯总统普京: a title and a name, not a body
        if (
            len(s.text) <= 4
            and not orgs.org_suffix(s.text)
            and chains.ends_with_role(text[max(0, s.begin - 8) : s.begin])
        ):
            continue  # 儿科医生某某: what a title stands before is its holder
        if not orgs.specific(s.text) or (s.confidence < tagger.COMMON_ORG_CONFIDENCE and _common_words(s.text, inside)):
            continue
        b, e = offset + s.begin, offset + s.end
        if any(tb < e and b < te for tb, te in taken):
            continue
        if (
            _DATELINE_DATE.match(text, s.end)
            and not s.text.endswith(_OUTLETS)
            or text[s.end : s.end + 1] in gazetteer.AREA_TYPES
        ):
            continue  # 某网联合国|6月7日电: an outlet and a place; 某坦德|省: a place
        org = canonical(s.text)
        if org is not None:
            out.append(Mention(b, e, s.text, "org", org.name, org.aliases, cue="tagger"))
    return out


# jieba's tags of common words: nouns, verbs, adjectives, idioms of no name.
_COMMON = frozenset({"n", "v", "vn", "a", "an", "ad", "d", "l"})


def _common_words(text: str, inside: list[Token]) -> bool:
    """A stretch of common words with no type suffix (警方, 海鸥, 国家财政, 住宅组团): a kind of body or a
    thing, which the tagger may read as a body; such a name needs the tagger to be very sure (意甲, 暴雪).
    Names mined from the training splits (建行, written with a verb's tag) are names all the same."""
    return (
        bool(inside)
        and all(t.flag in _COMMON for t in inside)
        and not orgs.org_suffix(text)
        and not text.endswith(_OUTLETS)  # 人民网: an outlet's name is common words and the type of outlet
        and text not in _known_names()
    )


_OUTLETS = ("网", "社", "台", "报")


def known(
    offset: int,
    toks: tuple[Token, ...],
    taken: list[tuple[int, int]],
    canonical: Callable[[str], OrgName | None],
) -> list[Mention]:
    """Organizations the training splits name with no type suffix (央行, 新华社: orgs.toml known_names),
    where jieba's words of the sentence spell one exactly (not 中行 inside 中行动) and no rule or the
    tagger found anything there."""
    names = _known_names()
    out = []
    i = 0
    while i < len(toks):
        spelled, end = "", None
        for j in range(i, min(i + 3, len(toks))):
            spelled += toks[j].word
            if spelled in names:
                end = j
        if end is None:
            i += 1
            continue
        b, e = offset + toks[i].begin, offset + toks[end].end
        text = "".join(t.word for t in toks[i : end + 1])
        if not any(tb < e and b < te for tb, te in taken) and (org := canonical(text)) is not None:
            out.append(Mention(b, e, text, "org", org.name, org.aliases, cue="known"))
        i = end + 1
    return out


@functools.cache
def _known_names() -> frozenset[str]:
    return frozenset(load("orgs")["known_names"])
