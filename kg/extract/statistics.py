"""Statistics: a number with its unit, what it measures, whom it is about and the period; and rankings."""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterator
from decimal import Decimal

from kg.extract import incidents
from kg.extract.common import area_entity, entity, evidence, headline_area
from kg.extract.facts import Entity, Statistic
from kg.models import Article
from kg.nlp import incidents as nlp_incidents
from kg.nlp import measured
from kg.nlp.doc import Doc, Sent, analyse
from kg.nlp.lexicon import load, longest_first

_CLAUSE = re.compile(r"[，；：、,;:]|等")
_WHOLE = re.compile(r"全(?:省|市|区|县|国)|我国")
# 全国 and 我国 in Chinese news: the country itself, as a place (the gazetteer's areas stop at provinces).
_CHINA = Entity("place", "中国")
_VERBS = re.compile(r"(?:已有|共有|共|实现|达到|达|超过|超|为|占|有)$")
_FROM = ("距", "距离", "离")
_LEVEL_REACHED = re.compile(r"(?:增加|增长|上升|下降|减少|提高|降低|降|升)?(?:到|至)(?:\d{4}年|去年|今年)?的?")
# 该市将在某地配备2.5万辆: what will be, not what is (将近 is "nearly", 将其 "it").
_WILL = re.compile(r"将(?=[在于会要建设投配新增开推实达有为向对])|即将|拟(?=[在于建设投配新增开推实达])")
_SPAN = re.compile(r"[多半]?(?:小时|月|星期|钟头|礼拜)")
# A rule's amounts, not observations: 按…标准, 不低于, 每人每天可领取.
_NORMATIVE = re.compile(
    r"不低于|不高于|不少于|不超过|不得|最高不|最低不|标准|可领取|可获得|可申请|应当|须|按(?!照实际)|规定|相当于|享受"
    r"|要求[\u4e00-\u9fff]{0,4}赔偿|索赔"  # a claim's amount, not one paid
)
_BOUND = re.compile(r"以[上下](?:[^，。；]{0,8}?以[上下])?(?:的)?(?:有期徒刑|拘役|拘留|罚款|罚金|徒刑)")
_CN = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


@functools.cache
def _vocab():
    stats = load("stats")
    ranks = "|".join(map(re.escape, longest_first(stats["rank_words"])))
    return (
        tuple(stats["forward_markers"]),
        tuple(stats["time_units"]),
        re.compile(rf"({ranks})(\d+|[一二三四五六七八九十])[名位]?"),
    )


def extract(article: Article) -> Iterator[Statistic]:
    doc = analyse(article)
    forward, time_units, ranks = _vocab()
    reported = incidents.report(article) is not None
    for s in doc.sents:
        if s.kind != "body":
            continue  # subheads repeat what the body says
        counted = nlp_incidents.casualty_spans(s.text) if reported else []
        last = last_unit = None  # the variable of the sentence's last number: …零售总额1298.6亿元，同比增长8.5%
        last_end = 0
        paired = _respectively(s)
        for q in s.quantities:
            if any(b <= q.begin < e for b, e in counted):
                continue  # an incident's casualties are observations about the incident
            start = q.begin
            if _forward(s.text[:start], forward, article) or s.text[start - 1 : start] == "第":
                continue
            if q.unit == "次" and re.match(r"(?:以上|以下)?的", s.text[q.end :]):
                continue  # 献血10次的献血者: the number qualifies a noun, it measures nothing
            if _BOUND.match(s.text, q.end):
                continue  # 处十年以上有期徒刑, 处五年以下有期徒刑或者拘役: a law's bounds, not what happened
            if q.unit == "层" and re.search(r"(?:楼|座|号|大厦)$", s.text[:start]):
                continue  # 某某西里36号南楼5层: a floor of an address
            if s.text.startswith(time_units, q.end) or q.unit is None or _SPAN.match(s.text, q.end):
                continue  # 3天, 1个多小时: a length of time
            clause = _CLAUSE.split(s.text[:start])[-1]
            if _NORMATIVE.search(clause):
                continue  # 按二十元/人/天的标准, 不低于5000元: a rule's amount
            about = _about(doc, s, start)
            if about is None:
                continue
            name = measured.variable(s.text, s.tokens, q, (about.name, *about.aliases))
            if name is None and q.change and last:  # …总额1298.6亿元，同比增长8.5%: the total's growth
                name = last + ("同比" if "同比" in clause else "") + q.change
            if name is None and last and q.unit == last_unit and _LEVEL_REACHED.fullmatch(clause):
                name = last  # 某总量从2006年的93吨，增加到2011年的129吨: the same quantity, later
            if last and q.unit == last_unit and _BECAME.fullmatch(s.text, last_end, start):
                name = last  # 水面宽度由22日的5米多变为2米多: the same quantity, changed
            if name is None and last and q.unit == last_unit and _BECAME.fullmatch(clause.lstrip("并又再已")):
                name = last  # 2600多个煤企老板通过兼并重组，缩减为130个: the same quantity, in a clause of its own
            if name is not None and name.startswith("占") and last and not last.startswith("占"):
                name = last + name  # 35.7亿立方米水源水质不达标，占总供水量的11.4%: whose share it is
            name = paired.get(q.begin, name)
            if name is None:
                continue  # what the number measures cannot be named: no statistic
            if not q.change:
                last, last_unit, last_end = name, q.unit, q.end
            yield Statistic(
                evidence=evidence(doc, s),
                about=about,
                variable=name,
                value=q.value,
                unit=q.unit,
                period=_period(s, start),
                approximate=q.approximate,
                upper=q.upper,
            )
        for m in ranks.finditer(s.text):
            about = _about(doc, s, m.start())
            if about is None:
                continue
            rank = m.group(2)
            value = Decimal(rank) if rank.isdigit() else Decimal(_CN[rank])
            yield Statistic(
                evidence=evidence(doc, s),
                about=about,
                variable=_rank_variable(doc, s, m.start()),
                value=value,
                unit="名",
                period=_period(s, m.start()),
            )


# Between two amounts of one quantity, a verb of change: 由5米多|变为|2米多, 从93吨|增至|129吨.
_BECAME = re.compile(
    r"(?:变为|变成|缩减为|缩减到|缩减至|缩小为|缩小到|减为|增为|扩大到|扩大至|增至|增加到|增长到|增长至|上升到|上升至|升至|降至|下降到|下降至|减少到|减至|减少至|跌至|涨至|提高到|提高至|降低到|降低至)"
)
# 市净率与动态市盈率分别是1.43倍和5.9倍: names joined by 与/和/及/、 before 分别, amounts after it.
_RESPECTIVELY = re.compile(r"([\u4e00-\u9fff、]{4,40}?)分别(?:为|是|达到|达|占|有|增长|下降|约|在)*")
_JOIN = re.compile(r"[与和及、]")


def _respectively(s: Sent) -> dict[int, str]:
    """What each amount after 分别 measures, in order: {begin of 1.43倍: 市净率, begin of 5.9倍: 动态市盈率}."""
    paired: dict[int, str] = {}
    if "分别" not in s.text:
        return paired
    for m in _RESPECTIVELY.finditer(s.text):
        names = [n for n in _JOIN.split(m.group(1).split("，")[-1]) if n]
        if names:  # the first name is the noun phrase that ends where the list starts: 对应的|市净率
            first_end = s.text.find(names[0], m.start()) + len(names[0])
            nouns = [t for t in s.tokens if t.end <= first_end and t.begin >= m.start()]
            head = []
            for t in reversed(nouns):
                if not t.flag.startswith(measured.NOUNISH):
                    break
                head.append(t.word)
            names[0] = "".join(reversed(head))
        clause_end = min((i for c in "，。；" if (i := s.text.find(c, m.end())) >= 0), default=len(s.text))
        amounts = [q for q in s.quantities if m.end() <= q.begin < clause_end]
        if not all(2 <= len(n) <= 12 and measured.measure_noun(n) for n in names) or len(amounts) < 2:
            continue
        if len(names) == 1:  # 两银行的收盘价分别为2.62元/股、3.01元/股: one quantity, several amounts
            paired.update({q.begin: names[0] for q in amounts})
        elif len(amounts) == len(names):
            paired.update({q.begin: n for q, n in zip(amounts, names, strict=True)})
    return paired


def _whole(doc: Doc, word: str) -> Entity | None:
    """The area 全省, 全市, 全区, 全县 refer to in this article, and the country for 全国 and 我国."""
    if word in ("全国", "我国"):
        return _CHINA
    area = doc.locale.whole(word)
    return area_entity(area) if area is not None else None


def _forward(before: str, markers: tuple[str, ...], article: Article) -> bool:
    """A sentence about plans or targets (力争, 目标, 到 a later year) up to the number."""
    if any(m in before for m in markers) or _WILL.search(before):
        return True
    years = [int(y) for y in re.findall(r"到(\d{4})年", before)]
    return bool(years) and (article.date is None or max(years) > article.date.year)


def _about(doc: Doc, s: Sent, pos: int) -> Entity | None:
    """全省/全市 before the number, else the nearest place or organization before it that is not an
    item of the list the number counts, looking back through the sentence, then the paragraph."""
    # Not inside a name (全国人大), and 全国 only in the number's own clause: 某商圈获评全国首批示范商圈，
    # 引进首店139家 is not about the country.
    whole = list(_WHOLE.finditer(s.text, 0, pos))
    if whole:
        inside = [(m.begin - s.begin, m.end - s.begin) for m in doc.in_sent(s)]
        clause = max((m.end() for m in re.finditer(r"[，；：]", s.text[:pos])), default=0)
        whole = [
            m
            for m in whole
            if not any(b <= m.start() < e for b, e in inside) and (m.group(0)[-1] != "国" or m.start() >= clause)
        ]
    if whole:
        area = _whole(doc, whole[-1].group(0))
        if area is not None:
            return area
    text = doc.article.text
    listed = False
    for sent in _back(doc, s):
        limit = s.begin + pos if sent is s else sent.end
        near = [m for m in doc.mentions if m.kind in ("place", "org") and sent.begin <= m.begin and m.end <= limit]
        if sent is s:
            counted = len(near)
            near = _outside_list(s, pos, near)
            listed = len(near) < counted  # the number counts a list of names (甲、乙、丙4个点位)
        # 距某市850公里: the place a distance is measured from is not what it is about; nor is the body that
        # reports the figure (据某局统计, 某局通报/介绍): a source, not a subject.
        near = [
            m
            for m in near
            if not _list_item(text, m, near) and not text.endswith(_FROM, sent.begin, m.begin) and not _source(text, m)
        ]
        if sent is s and near:
            clause = s.begin + max((m.end() for m in re.finditer(r"[，；：]", s.text[:pos])), default=0)
            inside = [m for m in near if m.begin >= clause]
            # The number's own clause first, then the clauses before it.
            return entity(inside[-1] if inside else near[-1])
        if near:
            return entity(near[-1])
        if sent is not s and _WHOLE.search(sent.text):
            area = _whole(doc, _WHOLE.findall(sent.text)[-1])
            if area is not None:
                return area
    # Nothing named in the paragraph. A count of listed names is about no one; otherwise a person named
    # before the number (某某向某项目捐款6761.20元), else the article's own topic: the place of the
    # incident it reports, or the place its headline names (某地地震致15万人受灾 … 地震已造成15.5万人受灾).
    if listed:
        return None
    people = [m for m in doc.in_sent(s, "person") if m.end <= s.begin + pos]
    if people:
        return entity(people[-1])
    return incidents.place_of(doc.article) or headline_area(doc.article.headline) or _topic(doc, s)


def _topic(doc: Doc, s: Sent) -> Entity | None:
    """What the article is about when a paragraph names nothing (经过主办方筛选，共有…51个项目进入复审): the
    place or body named last before the sentence, else the one it names most (the first of equals)."""
    named = [m for m in doc.mentions if m.kind in ("place", "org")]
    earlier = [m for m in named if m.end <= s.begin]
    if earlier:
        return entity(earlier[-1])
    counts = Counter(m.name for m in named)
    return entity(max(named, key=lambda m: counts[m.name])) if named else None


_SOURCE_AFTER = re.compile(
    r"(?:相关)?(?:工作人员|负责人|人士|记者|新闻发言人)?(?:介绍|通报|表示|称|发布|公布|统计|透露|获悉|证实|了解到|数据显示|显示|说)"
)


def _source(text: str, m) -> bool:
    """A body that reports a figure: 据某局统计, 某局相关负责人介绍, 从某局获悉."""
    return bool(_SOURCE_AFTER.match(text, m.end)) or text.endswith(("据", "根据", "从", "记者从"), 0, m.begin)


def _outside_list(s: Sent, pos: int, near: list) -> list:
    """Drop the items of a list the number counts: 入驻甲、乙、丙等35家企业 counts 甲, 乙 and 丙."""
    clause = max((m.end() for m in re.finditer(r"[，；：]", s.text[:pos])), default=0)
    first = s.text.find("、", clause, pos)
    if first < 0:
        return near
    cut = s.begin + first
    kept = [m for m in near if m.end <= cut]
    while kept and kept[-1].end == cut:  # the first item, and a district written before it
        cut = kept.pop().begin
    return kept


def _list_item(text: str, m, near) -> bool:
    """A name followed by 、 or 等, or preceded by 、 (with a district written before it), is a list item."""
    if text[m.end : m.end + 1] in ("、", "等"):
        return True
    begin = m.begin
    while (prev := next((p for p in near if p.end == begin), None)) is not None:
        begin = prev.begin
    return text[begin - 1 : begin] == "、"


def _back(doc: Doc, s: Sent):
    """The sentence, then the earlier sentences of its paragraph, nearest first."""
    yield s
    for prev in reversed(doc.sents[: s.index]):
        if "\n" in doc.article.text[prev.end : s.begin]:
            return
        yield prev


def _rank_variable(doc: Doc, s: Sent, pos: int) -> str:
    """What a rank is in: the words before 排名 (总指数得分), after the index the paragraph names
    (“某某指数”), so that 第6名 reads 某某指数总指数得分排名."""
    clause = _CLAUSE.split(s.text[:pos])[-1]
    clause = re.sub(r"连续[\u4e00-\u9fff\d]{1,3}年$", "", clause)
    for area_word in ("市", "省", "区", "县"):
        if area_word in clause[:4]:
            clause = clause.split(area_word, 1)[-1]
    paragraph_start = doc.article.text.rfind("\n", 0, s.begin) + 1
    before = doc.article.text[paragraph_start : s.begin + pos]
    titles = re.findall(r"[“《]([^”》]{2,30}?(?:指数|榜单|排行榜|排名|评价|报告))[”》]", before)
    index = titles[-1] if titles and titles[-1] not in clause else ""
    return index + (clause or "") + "排名"


def _period(s: Sent, pos: int) -> str | None:
    before = [t for t in s.times if t.end <= pos]
    return before[-1].value if before else None
