"""A newspaper page in reading order -> articles, each with the headlines that belong to it by content."""

from __future__ import annotations

import calendar
import datetime as dt
import math
import re
from dataclasses import dataclass, field

from kg.ingest.clean import Text, clean, join_lines
from kg.ingest.layout import STAMP, Item, different_columns
from kg.ingest.markers import JOINING_INITIALS, closing_byline, is_dateline_start, parse_lead
from kg.models import Byline, Paragraph

_SUBHEAD_MAX_WIDTH = 16
# 强基础 某区商贸优势持续增强: a short label, a space, then the phrase (a feature's section head).
_LABELLED_HEAD = re.compile(r"^[\u4e00-\u9fff]{2,4}\s+\S")
# Two segments with at least this share of common content bigrams are parts of one article.
MERGE_SIMILARITY = 0.12
# A headline is attached to the article sharing most of its bigrams, if it shares at least this much.
HEADLINE_OVERLAP = 0.2


@dataclass
class Segment:
    items: list[Item] = field(default_factory=list)
    hard_start: bool = False  # opens with 本报讯 / 紧接01版: nothing before belongs to it
    hard_end: bool = False  # closes with a byline: nothing after belongs to it

    def text(self) -> str:
        return "".join(i.raw for i in self.items if i.kind in ("body", "subhead"))

    def has_text(self) -> bool:
        return any(i.kind in ("body", "subhead") for i in self.items)


@dataclass
class HeadlineUnit:
    """One printed headline (its lines joined) and the cluster of headline lines it was printed in."""

    text: Text
    cluster: int
    line: int


@dataclass
class Draft:
    """An article before it gets its id: paragraphs with offsets, headlines, bylines."""

    segments: list[Segment]
    headlines: list[HeadlineUnit] = field(default_factory=list)
    grams: set[str] = field(default_factory=set)  # content bigrams of its segments

    def items(self) -> list[Item]:
        return [i for s in self.segments for i in s.items]


_HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]{2,}")


def bigrams(text: str) -> set[str]:
    """Content bigrams: pairs of adjacent Han characters."""
    return {run[i : i + 2] for run in _HAN_RUN.findall(text) for i in range(len(run) - 1)}


def _classify_headlines(items: list[Item]) -> None:
    """Tell section heads inside an article's flow from headlines printed apart from it."""
    for k, item in enumerate(items):
        if item.kind != "headline":
            continue
        prev = items[k - 1] if k else None
        nxt = items[k + 1] if k + 1 < len(items) else None
        raw = str(item.lines[0])
        if _LABELLED_HEAD.match(raw):
            item.kind = "subhead"
            continue
        if not (prev and nxt and prev.kind == "body" and nxt.kind == "body"):
            continue
        if is_dateline_start(nxt.raw) or item.lines[0].width > _SUBHEAD_MAX_WIDTH:
            continue
        if different_columns(prev.width, nxt.width):
            continue
        item.kind = "subhead"


def _segments(items: list[Item]) -> tuple[list[Segment], list[list[Item]], list[int]]:
    """Cut the page at headline clusters, datelines, bylines and column changes.

    Returns the segments, the headline clusters, and for each cluster how many segments precede it.
    """
    segments: list[Segment] = [Segment()]
    clusters: list[list[Item]] = []
    positions: list[int] = []

    def cut(hard_start: bool = False) -> None:
        if segments[-1].has_text():
            segments.append(Segment())
        segments[-1].hard_start = hard_start

    prev: Item | None = None
    last_body: Item | None = None
    for item in items:
        if item.kind == "headline":
            if prev is not None and prev.kind == "headline":
                clusters[-1].append(item)
            else:
                cut()
                clusters.append([item])
                positions.append(len(segments) - 1)
        else:
            if item.kind == "body":
                if is_dateline_start(item.raw):
                    cut(hard_start=True)
                elif last_body is not None and segments[-1].items:
                    if different_columns(last_body.width, item.width):
                        cut()
                last_body = item
            segments[-1].items.append(item)
            if item.kind == "byline" and segments[-1].has_text():
                segments[-1].hard_end = True
                cut()
        prev = item
    if not segments[-1].has_text() and len(segments) > 1:
        segments[-2].items += segments.pop().items  # a trailing byline or date line
    return segments, clusters, positions


def similarity(a: set[str], b: set[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b)) ** 0.5 / max(len(a), len(b)) ** 0.5


def _merge(segments: list[Segment]) -> list[Draft]:
    """Merge neighbouring segments that read as one article (a feature and its lead in another column)."""
    drafts = [Draft([s], grams=bigrams(s.text())) for s in segments]
    while True:
        best, best_k = MERGE_SIMILARITY, None
        for k in range(len(drafts) - 1):
            left, right = drafts[k].segments[-1], drafts[k + 1].segments[0]
            if left.hard_end or right.hard_start:
                continue
            sim = similarity(drafts[k].grams, drafts[k + 1].grams)
            if sim >= best:
                best, best_k = sim, k
        if best_k is None:
            return drafts
        drafts[best_k].segments += drafts[best_k + 1].segments
        drafts[best_k].grams |= drafts[best_k + 1].grams
        del drafts[best_k + 1]


def _units(clusters: list[list[Item]]) -> list[HeadlineUnit]:
    """Join the lines of one printed headline: …推进会 / 暨第三次…召开, 某某指数发布： / 某市…."""
    units: list[HeadlineUnit] = []
    for c, cluster in enumerate(clusters):
        for item in cluster:
            line = item.lines[0]
            raw = str(line)
            prev = units[-1] if units and units[-1].cluster == c else None
            if prev and (str(prev.text).endswith(("：", ":")) or raw[0] in JOINING_INITIALS):
                prev.text.extend(line.text)
            else:
                units.append(HeadlineUnit(Text(list(line.text.chars), list(line.text.offs)), c, line.number))
    return units


def _weights(grams: list[set[str]]) -> dict[str, float]:
    """Inverse document frequency of bigrams over the page's articles: shared page vocabulary counts less."""
    df: dict[str, int] = {}
    for g in grams:
        for b in g:
            df[b] = df.get(b, 0) + 1
    n = len(grams)
    return {b: math.log((n + 1) / (d + 0.5)) for b, d in df.items()}


def _attach(units: list[HeadlineUnit], drafts: list[Draft], regions: list[set[int]]) -> list[HeadlineUnit]:
    """Give each headline to the article it shares most words with; return the orphans.

    The candidates for a headline are the articles of the region its block closes (OCR
    prints a headline block after the bodies it belongs to; one at the top of a page
    opens the region after it). Among them, content decides: the share of the
    headline's bigrams found in the article, weighted by rarity on the page. An article
    takes its headlines from one block.
    """
    if len(drafts) == 1:
        drafts[0].headlines = list(units)
        return []
    grams = [d.grams for d in drafts]
    weight = _weights(grams)
    unseen = math.log(len(grams) + 1) + 1
    scored = []
    for u in units:
        ug = bigrams(str(u.text))
        total = sum(weight.get(b, unseen) for b in ug)
        for k in sorted(regions[u.cluster]):
            shared = ug & grams[k]
            if len(shared) >= 2 and len(shared) / len(ug) >= HEADLINE_OVERLAP:
                scored.append((sum(weight[b] for b in shared) / total, u.line, k, u))
    scored.sort(key=lambda t: (-t[0], t[1], t[2]))
    owner: dict[int, int] = {}  # unit line -> draft
    cluster_of: dict[int, int] = {}  # draft -> cluster
    for _, line, k, u in scored:
        if line in owner or cluster_of.get(k, u.cluster) != u.cluster:
            continue
        owner[line] = k
        cluster_of[k] = u.cluster
        drafts[k].headlines.append(u)
    for d in drafts:
        d.headlines.sort(key=lambda u: u.line)
    return [u for u in units if u.line not in owner]


def _regions(drafts: list[Draft], segments: list[Segment], positions: list[int]) -> list[set[int]]:
    """For each headline cluster, the drafts with a segment between the previous cluster and it."""
    draft_of = {id(s): k for k, d in enumerate(drafts) for s in d.segments}
    regions = []
    for c, pos in enumerate(positions):
        lo = positions[c - 1] if c else 0
        region = {draft_of[id(s)] for s in segments[lo:pos]}
        if not region:  # a block opening the page or following another: the bodies after it
            hi = positions[c + 1] if c + 1 < len(positions) else len(segments)
            region = {draft_of[id(s)] for s in segments[pos:hi]}
        regions.append(region)
    return regions


def split_page(items: list[Item]) -> tuple[list[Draft], list[HeadlineUnit]]:
    """Split a page's items into article drafts; also return headlines no article claimed."""
    _classify_headlines(items)
    segments, clusters, positions = _segments(items)
    drafts = _merge(segments)
    orphans = _attach(_units(clusters), drafts, _regions(drafts, segments, positions))
    return drafts, orphans


def whole(items: list[Item], headlines_from_text: bool = True) -> Draft:
    """All of a single-article document as one draft: its leading headline lines are its headlines."""
    lead = 0
    while headlines_from_text and lead < len(items) and items[lead].kind == "headline":
        lead += 1
    for item in items[lead:]:
        if item.kind == "headline":
            item.kind = "subhead"
    units = _units([items[:lead]]) if lead else []
    return Draft([Segment(items[lead:])], units)


@dataclass
class Body:
    """The cleaned parts of a draft, ready to become an Article."""

    paragraphs: list[Paragraph]
    offsets: list[int]
    headlines: list[str]
    bylines: list[Byline]
    dateline: str | None
    continued_from: str | None
    credits: list[str]
    stamp: dt.date | None = None  # the date printed on a line of its own


def _stamp_date(raw: str) -> dt.date | None:
    """The date a stamp line prints, or None when it is no date (2023年13月45日: the article stays undated)."""
    m = STAMP.match(raw)
    year, month, day = int(m[1]), int(m[2]), int(m[3])
    if not 1 <= month <= 12 or not 1 <= day <= calendar.monthrange(year, month)[1] or not dt.MINYEAR <= year:
        return None
    return dt.date(year, month, day)


def render(draft: Draft) -> Body:
    """Clean a draft's paragraphs and headlines, keeping every character's source offset."""
    headlines = [str(clean(u.text, keep_phrase_spaces=True)) for u in draft.headlines]
    out = Body([], [], headlines, [], None, None, [])
    first = True
    for item in draft.items():
        if item.credit:
            out.credits.append(item.credit)
        if item.kind == "stamp":
            out.stamp = out.stamp or _stamp_date(item.raw)
            continue
        if item.kind == "credit" and not item.bylines:
            continue
        if item.kind in ("byline", "credit"):
            # 新华社记者某某摄: a credit that names a reporter stays in the text (kg.nlp reads the post from
            # it), but the photographer is no author of the article.
            out.bylines += item.bylines if item.kind == "byline" else ()
            text = clean(join_lines([x.text for x in item.lines]), keep_phrase_spaces=True)
        elif item.kind == "subhead":
            text = clean(item.lines[0].text, keep_phrase_spaces=True)
        else:
            joined = join_lines([x.text for x in item.lines])
            if first:
                lead = parse_lead(str(joined))
                out.continued_from = out.continued_from or lead.continued_from
                out.dateline = out.dateline or lead.dateline
                out.bylines += lead.bylines
                joined = Text(joined.chars[lead.strip :], joined.offs[lead.strip :])
            text = clean(joined)
            first = False
        if not text.chars:
            continue
        if out.paragraphs:
            out.offsets.append(out.offsets[-1] + 1)
        kind = {"credit": "byline"}.get(item.kind, item.kind)
        out.paragraphs.append(Paragraph(str(text), kind))
        out.offsets += text.offs
    if out.paragraphs:  # …方案。（记者 张三）: a byline printed at the end
        out.bylines += [b for b in closing_byline(out.paragraphs[-1].text) if b not in out.bylines]
    return out
