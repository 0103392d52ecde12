"""What the pages show, made readable: Chinese names for statuses, classes and kinds, numbers the
Chinese way, an entity's facts by section, and an article's text with its evidence marked."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from urllib.parse import quote

from kg.nlp.decimals import plain_text

# A membership's kg:status as the pages show it.
STATUS_ZH = {"current": "现任", "former": "曾任", "acting": "代理", "nominated": "拟任"}
# The classes of the graph as a reader calls them (kg's own and the public vocabularies' local names).
TYPE_ZH = {
    "Person": "人物",
    "Organization": "机构",
    "Place": "地点",
    "AdministrativeArea": "行政区",
    "Event": "事件",
    "NewsArticle": "文章",
    "Membership": "任职",
    "Post": "职位",
    "Role": "职务",
    "Occupation": "职业",
    "Observation": "统计数据",
    "Sentence": "句子",
    "Context": "文章正文",
    "Statement": "陈述",
    "Entity": "出处",
    "Source": "来源",
}


def chinese_number(text: str) -> str:
    """A number as Chinese news writes it: 129860000000 -> 1298.6亿, 86000 -> 8.6万, 244 -> 244.

    >>> chinese_number("129860000000"), chinese_number("86000"), chinese_number("-35000"), chinese_number("2.5")
    ('1298.6亿', '8.6万', '-3.5万', '2.5')
    """
    try:
        value = Decimal(text)
    except InvalidOperation:
        return text
    for size, word in ((Decimal(10) ** 8, "亿"), (Decimal(10) ** 4, "万")):
        if abs(value) >= size:
            return plain_text(str((value / size).quantize(Decimal("0.01")))) + word
    return plain_text(text)


def _statistic(variable, value, unit, period) -> dict:
    """零售总额 1298.6亿元（2023-01/2023-11）: a statistic's line on an entity page, the exact value kept
    for the hover, and what it measures and when, for grouping and sorting."""
    name, amount = variable.value if variable else "", unit.value if unit else ""
    text = f"{name} {chinese_number(value.value)}{amount}"
    return {
        "label": f"{text}（{period.value}）" if period else text,
        "exact": f"{plain_text(value.value)}{amount}",
        "variable": name,
        "period": period.value if period else "",
    }


def entity_facts(rows) -> tuple[dict[str, list[dict]], list[tuple[str, str, str]]]:
    """The entity page's facts by section, one item per fact with all its evidence (the sentences that
    state it and the gazetteer it came from), and the neighbours the picture draws."""
    sections: dict[str, dict[tuple, dict]] = {}
    neighbours = []
    for row in rows:
        section, label, other, other_name, headline, sentence, value, unit, period, status, source = row[:11]
        article, begin = row[11:13]
        item = {
            **(_statistic(label, value, unit, period) if value else {"label": label.value if label else None}),
            "other": other.value if other else None,
            "other_name": other_name.value if other_name else None,
            "status": STATUS_ZH.get(status.value, status.value) if status else None,
        }
        found = sections.setdefault(section.value, {}).setdefault(tuple(item.values()), item)
        found.setdefault("evidence", [])
        if sentence is not None:
            found["evidence"].append(
                {
                    "sentence": sentence.value,
                    "headline": headline.value if headline else "",
                    "url": article_link(article.value, int(begin.value)) if article and begin else None,
                }
            )
        if source is not None:
            found["source"] = source.value
        edge = (item["other"], item["other_name"] or item["other"], section.value)
        if item["other"] and edge not in neighbours:
            neighbours.append(edge)
    out = {k: list(v.values()) for k, v in sections.items()}
    if "statistics" in out:  # grouped by what is measured, each group in the order of its periods
        out["statistics"].sort(key=lambda item: (item["variable"], item["period"], item["label"]))
    return out, neighbours


# The kinds a reader browses and searches, as the pages name them (kg.query.search's kinds).
KIND_ZH = {"person": "人物", "organization": "机构", "place": "地点", "event": "事件", "article": "文章"}
# The sections of the entity and article pages.
SECTION_ZH = {
    "post": "任职",
    "event": "事件",
    "statistic": "统计",
    "within": "位于",
    "sub-organization": "下属于",
    "location": "地点",
    "organizer": "主办",
    "attendee": "参加",
    "released": "发布",
    "date": "日期",
    "kind": "类别",
}


def entity_link(iri: str) -> str:
    return "/entity?iri=" + quote(iri, safe="")


def article_link(iri: str, begin: int | None = None) -> str:
    return "/article?iri=" + quote(iri, safe="") + (f"#s{begin}" if begin is not None else "")


def marked(text: str, spans: dict[tuple[int, int], list[dict]], names: dict[str, str]) -> list[dict]:
    """The article's text in pieces for the page: plain text, and the evidence sentences marked, each
    with its facts and, inside it, the names of its facts' entities linked to their pages.

    ``spans`` maps a sentence's (begin, end) in the text to its facts; ``names`` maps a name to the
    entity page it links to. Sentences that overlap an earlier one are marked from where it ends.

    >>> [p["text"] for p in marked("甲说。乙在丙市。", {(3, 8): [{"n": 1}]}, {"丙市": "/e"})]
    ['甲说。', '乙在丙市。']
    >>> marked("甲说。乙在丙市。", {(3, 8): [{"n": 1}]}, {"丙市": "/e"})[1]["pieces"]
    [('乙在', None), ('丙市', '/e'), ('。', None)]
    """
    out, at = [], 0
    for (begin, end), facts in sorted(spans.items()):
        begin = max(begin, at)
        if begin >= end or end > len(text):
            continue
        if begin > at:
            out.append({"text": text[at:begin]})
        piece = text[begin:end]
        out.append({"text": piece, "begin": begin, "facts": facts, "pieces": _linked(piece, names)})
        at = end
    if at < len(text):
        out.append({"text": text[at:]})
    return out


def _linked(text: str, names: dict[str, str]) -> list[tuple[str, str | None]]:
    """A sentence in pieces, the names in it linked: the longest name first where names overlap."""
    taken = [None] * len(text)
    for name in sorted(names, key=lambda n: (-len(n), n)):
        start = text.find(name)
        while start >= 0 and name:
            if all(t is None for t in taken[start : start + len(name)]):
                taken[start : start + len(name)] = [name] * len(name)
            start = text.find(name, start + len(name))
    pieces: list[tuple[str, str | None]] = []
    k = 0
    while k < len(text):
        name = taken[k]
        j = k
        while j < len(text) and taken[j] == name and (name is None or j - k < len(name)):
            j += 1
        pieces.append((text[k:j], names[name] if name else None))
        k = j
    return pieces


def fact_line(kind: str, label: str, value: str | None, unit: str | None, status: str | None) -> str:
    """What a fact says, in a few words: 副局长（现任）, 零售总额 1298.6亿元, 位于."""
    if kind == "statistic" and value is not None:
        return f"{label} {chinese_number(value)}{unit or ''}"
    if kind == "post" and status:
        return f"{label}（{STATUS_ZH.get(status, status)}）"
    return label or SECTION_ZH.get(kind, kind)
