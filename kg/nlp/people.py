"""People in an article: names in title chains, bylines, before speech verbs, in lists, and 王局长 forms."""

from __future__ import annotations

import functools
import re

from kg.models import Byline
from kg.nlp import names
from kg.nlp.lexicon import load, longest_first, roles
from kg.nlp.mentions import Mention

_BOUNDARY = "，。；：！？,;:!?（）()“”‘’「」《》\n"


@functools.cache
def _vocab():
    people = load("people")
    groups = "|".join(map(re.escape, longest_first(people["group_nouns"])))
    # 甲、乙等省市领导 / 甲、乙出席
    listed = re.compile(rf"((?:[\u4e00-\u9fff]{{2,4}}、)+[\u4e00-\u9fff]{{2,4}})等[\u4e00-\u9fff]{{0,4}}?(?:{groups})")
    titles = longest_first(r for r in roles() if len(r) >= 2)
    return listed, titles


def speakers(text: str, offset: int, toks=None) -> list[Mention]:
    """Names that open a clause and are followed by a speech verb: 张三表示, “……”李四介绍."""
    out = []
    starts = {t.begin: t for t in toks} if toks is not None else None
    for i in _clause_starts(text):
        end = names.name_at(text, i, stops="", starts=starts)
        # the verb is a word of its own: not 作 inside 银行|工作人员
        if end and names.speech_verb_at(text, end) and (starts is None or end in starts):
            out.append(_person(text, i, end, offset, "speech"))
    return out


def listed(text: str, offset: int) -> list[Mention]:
    """Names in a list closed by 等 and a word for a group: 甲、乙等省市领导."""
    pattern, _ = _vocab()
    out = []
    for m in pattern.finditer(text):
        items = m.group(1).split("、")
        pos = m.start(1)
        found = []
        for item in items:
            if names.plausible(item):
                found.append(_person(text, pos, pos + len(item), offset, "list"))
            pos += len(item) + 1
        if len(found) == len(items):  # every item must be a name, or none is taken
            out.extend(found)
    return out


_HANDLE = re.compile(r"(?:网民|网友|博主)“(?P<name>[\u4e00-\u9fff]{2,3})”")


def with_known(text: str, offset: int, toks, known: set[str], taken: list[tuple[int, int]]) -> list[Mention]:
    """Names listed with a person the article names (自由操有甲、乙，单杠有甲和丙): from each known name,
    across 、 or 和, the next word either side when it is a plausible name (jieba's or the tagger's word,
    or two or three characters up to the next mark)."""
    ends = {t.end: t for t in toks}
    starts = {t.begin: t for t in toks}
    out = []
    for name in known:
        at = text.find(name)
        while at >= 0:
            b, e = at, at + len(name)
            while b > 1 and text[b - 1] in "、和" and (t := ends.get(b - 1)) and names.plausible(t.word):
                b = t.begin
                out.append(_person(text, b, b + len(t.word), offset, "list"))
            while e < len(text) - 1 and text[e] in "、和" and (n := _listed_next(text, e + 1, starts)):
                out.append(_person(text, e + 1, e + 1 + n, offset, "list"))
                e += 1 + n
            at = text.find(name, at + 1)
    return [m for m in out if m.name not in known and not any(tb < m.end and m.begin < te for tb, te in taken)]


def _listed_next(text: str, at: int, starts: dict) -> int:
    """The length of the name at text[at] in a list: the whole item up to the next mark when it is a
    plausible name (某云翔 of 、某云翔、, which jieba may cut as 某云|翔), else a plausible word there."""
    for n in (3, 2):
        if names.plausible(text[at : at + n]) and (at + n == len(text) or text[at + n] in "、，。；和"):
            return n
    t = starts.get(at)
    if t is not None and names.plausible(t.word):
        return len(t.word)
    return 0


def handles(text: str, offset: int) -> list[Mention]:
    """A netizen quoted under a handle that is a personal name: 网民“某某”称."""
    return [
        _person(text, m.start("name"), m.end("name"), offset, "speech")
        for m in _HANDLE.finditer(text)
        if names.plausible(m["name"])
    ]


def titled(text: str, offset: int, known: dict[str, str]) -> list[Mention]:
    """Surname + title (王局长) for a person named earlier: ``known`` maps surnames to full names."""
    _, titles = _vocab()
    out = []
    for i, ch in enumerate(text):
        full = known.get(ch)
        if full is None:
            continue
        for t in titles:
            if text.startswith(t, i + 1) and (t.startswith("副") or not text.startswith("副", i + 1)):
                m = _person(text, i, i + 1 + len(t), offset, "title")
                out.append(Mention(m.begin, m.end, m.surface, "person", full, cue="title"))
                break
    return out


def repeats(text: str, offset: int, known_names: set[str], taken: list[tuple[int, int]]) -> list[Mention]:
    """Every other occurrence of a name already recognised in the article."""
    out = []
    for name in sorted(known_names):
        for m in re.finditer(re.escape(name), text):
            b, e = offset + m.start(), offset + m.end()
            if not any(tb < e and b < te for tb, te in taken):
                out.append(Mention(b, e, name, "person", name, cue="repeat"))
    return out


def _clause_starts(text: str):
    i = 0
    while i < len(text):
        if i == 0 or text[i - 1] in _BOUNDARY:
            j = i
            while j < len(text) and text[j] in "“”‘’「」 ":
                j += 1
            if j < len(text):
                yield j
        i += 1


def _person(text: str, begin: int, end: int, offset: int, cue: str) -> Mention:
    surface = text[begin:end]
    return Mention(offset + begin, offset + end, surface, "person", surface, cue=cue)


_CLOSING_NAME = re.compile(r"[（(](?P<name>[\u4e00-\u9fff]{2,4})[)）]\s*$")
CLOSING_ROLE = "记者"


def closing_credit(text: str) -> tuple[Byline, ...]:
    """The reporter's name in brackets that closes an article (…共涉及12条线路。（张三））: credited as 记者."""
    m = _CLOSING_NAME.search(text)
    return (Byline(CLOSING_ROLE, m["name"]),) if m and names.plausible(m["name"]) else ()
