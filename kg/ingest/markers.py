"""Layout markers of Chinese newspapers: datelines, bylines, photo credits, continuation and jump lines."""

from __future__ import annotations

import functools
import re
import tomllib
import unicodedata
from dataclasses import dataclass
from importlib import resources

from kg.models import Byline

_LEX = tomllib.loads(resources.files("kg.ingest").joinpath("layout.toml").read_text("utf-8"))

NON_FINAL = frozenset(_LEX["non_final_chars"])
BYLINE_ROLES = frozenset(_LEX["byline_roles"])
OUTLET_SUFFIXES = tuple(_LEX["outlet_suffixes"])
CREDIT_SUFFIXES = tuple(_LEX["credit_suffixes"])
JOINING_INITIALS = frozenset(_LEX["joining_initials"])
_ROLES = "|".join(sorted(map(re.escape, _LEX["byline_roles"]), key=len, reverse=True))
_CREDIT = "|".join(sorted(map(re.escape, _LEX["credit_suffixes"]), key=len, reverse=True))
_HAN = "\u4e00-\u9fff"
_NAME = rf"[{_HAN}·]{{2,4}}"
_NAMES_RUN = rf"[{_HAN}·]{{2,6}}"
_SEP = r"[\s、，,／/:：]+"
_VERBS = "|".join(sorted(map(re.escape, _LEX["byline_verbs"]), key=len, reverse=True))
_ROLE_RE = re.compile(rf"(?P<org>[{_HAN}]{{0,14}}?)(?P<role>{_ROLES})")
# The outlet before a role ends like a news organisation: 本报, 某某日报某某新闻, 新华社, 某某网.
_OUTLET_ENDS = "|".join(map(re.escape, OUTLET_SUFFIXES))
_OUTLET = rf"(?:[{_HAN}]{{0,12}}(?:{_OUTLET_ENDS}))?"
_BYLINE_RE = re.compile(rf"(?:{_OUTLET}(?:{_ROLES})\s*{_NAME}(?:{_SEP}{_NAME})*\s*)+(?:(?:{_CREDIT})\s*)?")
# A dateline, in 【】 on some sites (【某某商报讯】).
_DATELINE_RE = re.compile("^【?(?P<dateline>" + "|".join(_LEX["dateline_patterns"]) + ")】?")
# A site's report credit that opens an article, with no title: （某某体育　张三　4月22日广州报道）.
_OUTLET_REPORT = re.compile(
    rf"[（(]\s*(?P<outlet>[{_HAN}]{{2,8}}?)\s+(?P<name>[{_HAN}]{{2,4}})\s+[0-9０-９]{{1,2}}月[0-9０-９]{{1,2}}日[{_HAN}]{{0,6}}报道\s*[）)]"
)
_EMBEDDED_RE = re.compile(
    "(?P<dateline>" + "|".join(_LEX["dateline_patterns"]) + r")\s*(?:[（(](?P<inner>[^（()）]{2,40})[）)]"
    rf"|(?P<bare>(?:{_ROLES})\s*[{_HAN}][{_HAN}\s、]{{1,36}}?)\s*(?:{_VERBS}))"  # 某报讯　记者　张三　报道
)
_CONTINUED_RE = re.compile(_LEX["continued_from_pattern"])
_JUMP_RE = re.compile(r"\s*" + _LEX["jump_pattern"])
_CREDIT_RE = re.compile(rf"(?<=[。！？!?”’）)])\s+(?P<credit>[{_HAN}A-Za-z0-9\s·]{{2,24}}?(?:{_CREDIT}))\s*$")
_PAREN_BYLINE_RE = re.compile(r"\s*[（(](?P<inner>[^（()）]{2,40})[）)]\s*")


@dataclass(frozen=True)
class Lead:
    """What opens a paragraph: 紧接01版 (stripped from the text), a dateline and a byline (kept)."""

    continued_from: str | None
    dateline: str | None
    bylines: tuple[Byline, ...]
    strip: int  # how many leading characters are layout, not text


def parse_byline(text: str) -> tuple[Byline, ...]:
    """Parse a byline: 某某日报记者 张三 -> (Byline(记者, 张三, 某某日报),)."""
    out: list[Byline] = []
    matches = list(_ROLE_RE.finditer(text))
    # 记者刘某通讯员胡某 (its spaces cleaned away): what stands before a later role is the names of the one
    # before it, unless it ends like an outlet (记者张三　某某日报记者李四).
    ends = [
        m.start("role") if k and not m["org"].endswith(OUTLET_SUFFIXES) else m.start() for k, m in enumerate(matches)
    ]
    for k, m in enumerate(matches):
        end = ends[k + 1] if k + 1 < len(matches) else len(text)
        org = m["org"] if ends[k] == m.start() else None
        if not org or org.startswith("本报") or not org.endswith(OUTLET_SUFFIXES):
            org = None  # 张三记者李四: a name before the title, not an outlet
        names = text[m.end() : end].strip()
        names = re.sub(rf"\s*(?:{_CREDIT})$", "", names)
        names = re.sub(rf"\s*(?:{_VERBS})\s*[:：]?$", "", names)
        for name in re.split(_SEP, names):
            if re.fullmatch(_NAMES_RUN, name):  # two names run together (杨某某肖某某) are kg.nlp's to part
                out.append(Byline(m["role"], name, org))
    return tuple(out)


def byline_line(text: str) -> tuple[Byline, ...] | None:
    """The people of a line that is nothing but a byline, or None."""
    if not _BYLINE_RE.fullmatch(text.strip()):
        return None
    return parse_byline(text) or None


def parse_lead(raw: str) -> Lead:
    """Find the layout lead-in of a paragraph's raw text (spaces as printed)."""
    continued = None
    pos = 0
    m = _CONTINUED_RE.match(raw)
    if m:
        continued = m["page"]
        pos = m.end()
        while pos < len(raw) and raw[pos].isspace():
            pos += 1
    strip = pos
    m = _DATELINE_RE.match(raw, pos)
    if not m:
        report = _OUTLET_REPORT.match(raw, pos)  # （某某体育　张三　4月22日广州报道）
        people = (Byline("记者", report["name"], report["outlet"]),) if report else ()
        paren = None if report else _PAREN_BYLINE_RE.match(raw, pos)
        if paren and _BYLINE_RE.fullmatch(paren["inner"].strip()):
            people = parse_byline(paren["inner"])  # （记者甲、乙通讯员丙）：某日凌晨… with no dateline before it
        return Lead(continued, None, people, strip)
    dateline = m["dateline"]
    pos = m.end()
    paren = _PAREN_BYLINE_RE.match(raw, pos)
    if paren:
        return Lead(continued, dateline, parse_byline(paren["inner"]) or _names_only(paren["inner"]), strip)
    return Lead(continued, dateline, bare_byline(raw[pos:].lstrip()), strip)


def _names_only(inner: str) -> tuple[Byline, ...]:
    """某网某地3月30日电（张三　李四）: names alone in the brackets after a dateline are its reporters (names run
    together, 张三李四, are kg.nlp's to part). Not an outlet, a credit or anything with a digit."""
    parts = [p for p in re.split(_SEP, inner.strip()) if p]
    if not parts or not all(re.fullmatch(_NAMES_RUN, p) and not p.endswith(OUTLET_SUFFIXES) for p in parts):
        return ()
    if any(re.search(rf"(?:{_CREDIT}|{_ROLES})", p) for p in parts):
        return ()
    return tuple(Byline("记者", p, None) for p in parts)


def bare_byline(rest: str) -> tuple[Byline, ...]:
    """The byline that opens a paragraph after its dateline, with no brackets: 记者张三　李四　通讯员王五　继推出…
    (names end at the first longer token), or 记者张三、李四报道：… (names end at 报道 and a colon)."""
    told = re.match(rf"((?:(?:{_ROLES})\s*{_NAME}(?:{_SEP}{_NAME})*?\s*)+)(?:{_VERBS})\s*[:：]", rest)
    if told:
        return parse_byline(told.group(1))
    out: list[Byline] = []
    role = None
    for tok in re.split(r"\s+", rest)[:-1]:  # the last token is the body itself
        m = _ROLE_RE.fullmatch(tok) or _ROLE_RE.match(tok)
        if m and not m["org"] and (m.end() == len(tok) or re.fullmatch(_NAME, tok[m.end() :].lstrip("／/:："))):
            role, tok = m["role"], tok[m.end() :].lstrip("／/:：")
            if not tok:
                continue
        if role is None or not re.fullmatch(_NAME, tok):
            break
        out.append(Byline(role, tok, None))
    return tuple(out)


_CLOSING_RE = re.compile(r"[（(](?P<inner>[^（()）]{2,40})[）)]\s*$")


# A closing credit of an outlet and a name, with no title: …冲击。（某某网　张三）.
# Cleaning takes the space out (某某网张三): then the name is two or three characters after 网, 社, 报 or 台.
_OUTLET_NAME = re.compile(
    rf"(?P<outlet>[{_HAN}]{{1,10}}(?:{_OUTLET_ENDS}))\s+(?P<name>{_NAME})"
    rf"|(?P<outlet2>[{_HAN}]{{1,10}}[网社报台])(?P<name2>[{_HAN}]{{2,3}})"
)


def closing_byline(text: str) -> tuple[Byline, ...]:
    """The byline in brackets that closes an article's last paragraph: …方案。（记者 张三 李四）, or an outlet
    and its reporter's name after a finished sentence: …冲击。（某某网　张三）."""
    m = _CLOSING_RE.search(text)
    if m and _ROLE_RE.match(m["inner"].strip()):
        return parse_byline(m["inner"])
    credit = _OUTLET_NAME.fullmatch(m["inner"].strip()) if m and text[: m.start()].rstrip()[-1:] in "。！？”" else None
    if credit is None:
        return ()
    return (Byline("记者", credit["name"] or credit["name2"], credit["outlet"] or credit["outlet2"]),)


def split_credit(line: str) -> tuple[str, str | None]:
    """Split a trailing photo credit off a line: '2000家。 某区供图' -> ('2000家。', '某区供图')."""
    m = _CREDIT_RE.search(line)
    if not m:
        return line, None
    return line[: m.start()], re.sub(r"\s+", " ", m["credit"].strip())


def strip_jump(line: str) -> str:
    """Remove a jump line such as （下转02版） from the end of a line."""
    return _JUMP_RE.sub("", line)


def is_dateline_start(text: str) -> bool:
    """True for a paragraph that opens an article: 本报讯…, 紧接01版…, 新华社北京…电."""
    return bool(_CONTINUED_RE.match(text) or _DATELINE_RE.match(text))


_DATELINE_OUTLET = re.compile(rf"^据?(?!本报)([{_HAN}][{_HAN}0-9０-９A-Za-zＡ-Ｚａ-ｚ]{{1,7}}?(?:社|网|台|报|在线))")
_BRIEF_OUTLET = re.compile(rf"^(?!本报)([{_HAN}]{{2,6}})讯$")


def dateline_outlet(dateline: str | None) -> str | None:
    """The news outlet that opens a dateline: 新华社北京12月26日电 -> 新华社, 某网某地6月13日消息 -> 某网,
    南都讯 -> 南都 (本报 is the paper itself).

    An outlet whose name holds one of those endings (中国台州网6月2日讯) runs to the one its date follows;
    without a date right after, the first ending closes it (某网台北6月…: 台北 is the place).

    >>> dateline_outlet("新华社北京12月26日电"), dateline_outlet("南都讯"), dateline_outlet("新华０８网上海６月６日电")
    ('新华社', '南都', '新华08网')
    >>> dateline_outlet("中国台州网6月2日讯"), dateline_outlet("央视网台北6月2日电"), dateline_outlet("据新华社电")
    ('中国台州网', '央视网', '新华社')
    """
    m = _DATELINE_OUTLET.match(dateline or "") or _BRIEF_OUTLET.match(dateline or "")
    if m is None:
        return None
    outlet = m.group(1)
    if m.re is _DATELINE_OUTLET:
        dated = _DATED_OUTLET.match(dateline or "")
        outlet = dated.group(1) if dated else outlet
    return unicodedata.normalize("NFKC", outlet)  # 新华０８网 -> 新华08网


_DATED_OUTLET = re.compile(_DATELINE_OUTLET.pattern + r"(?=[0-9０-９]{1,2}月)")  # the ending its date follows


@functools.lru_cache(maxsize=64)  # the sentence splitter and the byline reader both ask, per article
def embedded_bylines(text: str) -> tuple[tuple[int, int, tuple[Byline, ...]], ...]:
    """Bylines after a dateline inside a paragraph, not at its start (a summary, then 某报讯（记者张三）…):
    (where the dateline starts and ends, its people). The people carry the dateline's outlet when the dateline
    starts after a boundary; run into the text before it (…实施新京报讯), the outlet's start is unknown
    here and the caller finds it among the organizations named there."""
    out = []
    for m in _EMBEDDED_RE.finditer(text):
        if m.start() == 0:
            continue  # a paragraph's own lead: parse_lead's
        outlet = dateline_outlet(m["dateline"]) if text[m.start() - 1] in _BOUNDARIES else None
        people = tuple(Byline(b.role, b.name, b.org or outlet) for b in parse_byline(m["inner"] or m["bare"]))
        if people:
            out.append((m.start("dateline"), m.end("dateline"), people))
    return tuple(out)


_BOUNDARIES = "。！？!?；;，,：:”’」』）)］]】》 \u3000\n\t"
