"""Reading order of an OCR page: lines -> paragraphs, headline lines and bylines."""

from __future__ import annotations

import functools
import re
import statistics
from dataclasses import dataclass

from kg.ingest.clean import Text, is_han, visual_width
from kg.ingest.markers import NON_FINAL, byline_line, is_dateline_start, split_credit, strip_jump
from kg.models import Byline

_TERMINAL = set("。！？!?…")
_CLOSERS = set("”’」』）)》】")
_INNER_STOPS = set("，。；？！,;?!")
_OPENERS = set("”’）)》、，。；：")
_NUMERALS = set("一二三四五六七八九十")
# A line that is nothing but a date (and time, and where it came from): 2008年04月05日 09:12,
# 2007-7-26, 2014年1月2日14时左右, 2013年11月25日 星期一, 某某网 发布时间：2013年12月30日10:24,
# 2013年12月31日02:02:34来源：新华网.
STAMP = re.compile(
    r"^(?:[^，。\d]{0,16}?(?:(?:发布时间|时间|日期)[:：])?\s*)?"
    r"(\d{4})[年/.-](\d{1,2})[月/.-](\d{1,2})日?"
    r"(?:\s*\d{1,2}[:：]\d{2}(?:[:：]\d{2})?|\s*\d{1,2}[时点](?:\d{1,2}分)?(?:左右|许)?)?(?:\s*星期[一二三四五六日天])?"
    r"(?:\s*(?:来源|稿源|作者)[:：][^，。]{0,20})?$"
)
# Lines this wide are whole paragraphs that were never wrapped (web text, JSON fields).
_UNWRAPPED_WIDTH = 40
# Two runs of lines whose widths differ by this ratio were set in different columns.
_COLUMN_RATIO = 1.3


@dataclass
class Line:
    number: int  # 1-based line number in the source
    text: Text  # the line without surrounding white space, with source offsets

    def __str__(self) -> str:
        return str(self.text)

    @functools.cached_property
    def width(self) -> float:
        return visual_width(str(self.text))


@dataclass
class Item:
    """A unit of the page in reading order: body, headline, subhead, byline, credit or stamp (a date line)."""

    kind: str
    lines: list[Line]
    bylines: tuple[Byline, ...] = ()
    credit: str | None = None

    @property
    def raw(self) -> str:
        return "".join(str(x) for x in self.lines)

    @property
    def width(self) -> float | None:
        """The column width: the median width of a paragraph's lines but its last; None when too short to tell."""
        if len(self.lines) < 3:
            return None
        return statistics.median(x.width for x in self.lines[:-1])

    @property
    def first_line(self) -> int:
        return self.lines[0].number


def different_columns(a: float | None, b: float | None) -> bool:
    """Were runs of lines this wide set in different columns? (False when a width is unknown.)"""
    return bool(a and b) and max(a, b) / max(min(a, b), 1) >= _COLUMN_RATIO


def terminal(text: str) -> bool:
    """Does the line end a sentence (。！？… possibly inside closing quotes)?"""
    t = text.rstrip()
    while t and t[-1] in _CLOSERS:
        t = t[:-1]
    return bool(t) and t[-1] in _TERMINAL


def headline_like(text: str) -> bool:
    """Could this line be (part of) a headline: short, no sentence punctuation, not cut mid-phrase?"""
    t = text.strip()
    if not 2 <= visual_width(t) <= 40 or sum(map(is_han, t)) < 2:
        return False
    body = t.rstrip("：:…")
    if not body or any(c in _INNER_STOPS or c in "：:…" for c in body):
        return False
    if t[0] in _OPENERS or body[-1] in NON_FINAL:
        return False
    for a, b in ("“”", "‘’", "《》", "（）", "()"):
        if t.count(a) != t.count(b):
            return False
    return byline_line(t) is None


def _continues(text: str) -> bool:
    """Does the line go on with a word begun on the line before (授、国家…; ”的…)?"""
    if text[0] in _OPENERS:
        return True
    return len(text) > 1 and is_han(text[0]) and text[1] in "、，。；：！？" and text[0] not in _NUMERALS


def read_lines(source: str) -> list[Line | None]:
    """Split the decoded source into lines with offsets; blank lines are None."""
    out: list[Line | None] = []
    pos = 0
    for number, raw in enumerate(source.splitlines(keepends=True), 1):
        body = raw.rstrip("\r\n")
        stripped = body.strip()
        if not stripped:
            out.append(None)
        else:
            start = pos + (len(body) - len(body.lstrip()))
            out.append(Line(number, Text.of(stripped, start)))
        pos += len(raw)
    return out


class _Reader:
    def __init__(self, lines: list[Line | None], forced: dict[int, str] | None = None, per_line: bool = False):
        self.lines = lines
        self.forced = forced or {}
        self.per_line = per_line
        self.items: list[Item] = []
        self.cur: Item | None = None

    def next_nonblank(self, i: int) -> tuple[int | None, bool]:
        """The index of the next non-blank line after i and whether a blank line lies between."""
        j, blank = i + 1, False
        while j < len(self.lines) and self.lines[j] is None:
            j, blank = j + 1, True
        return (j if j < len(self.lines) else None), blank

    def close(self) -> None:
        if self.cur is not None:
            self.items.append(self.cur)
            self.cur = None

    def headline_run(self, i: int) -> list[int]:
        """Indices of the headline lines starting at i, or [] when line i opens a paragraph."""
        lines = self.lines
        if not headline_like(str(lines[i])):
            return []
        run = [i]
        while True:
            j, blank = self.next_nonblank(run[-1])
            if j is None or blank or not headline_like(str(lines[j])) or is_dateline_start(str(lines[j])):
                break
            run.append(j)
        j, blank = self.next_nonblank(run[-1])
        if j is not None and _continues(str(lines[j])):
            return []  # 中国人民大学财政金融学院教 / 授、国家金融研究院…: a word cut by the wrap
        if j is not None and not blank and not is_dateline_start(str(lines[j])):
            # A headline-like line followed in the same block by body text of the same column is
            # that paragraph's first line (某某商圈位于某市中 / 心，是…), and so is one
            # followed by a paragraph's short last line (…成德眉资 / 四市有关负责同志参加会议。).
            a, b = lines[run[-1]].width, lines[j].width
            if (terminal(str(lines[j])) and b <= a) or not different_columns(a, b):
                return []
        if str(lines[run[-1]]).endswith(("：", ":")) and (j is None or not headline_like(str(lines[j]))):
            return []
        return run

    def paragraph_ends(self, i: int, line: Line, text: str) -> bool:
        j, blank = self.next_nonblank(i)
        if j is None or self.per_line:
            return True
        nxt = str(self.lines[j])
        if is_dateline_start(nxt) or byline_line(nxt):
            return True
        if not terminal(text):
            return False
        if blank or line.width > _UNWRAPPED_WIDTH:
            return True
        # A sentence-final line clearly shorter than its column ends the paragraph.
        before = [x.width for x in self.cur.lines[:-1]] if self.cur else []
        return len(before) >= 2 and line.width < 0.75 * statistics.median(before)

    def read(self) -> list[Item]:
        lines = self.lines
        i = 0
        while i < len(lines):
            line = lines[i]
            if line is None:
                i += 1
                continue
            if line.number in self.forced:
                self.close()
                self.items.append(Item(self.forced[line.number], [line]))
                i += 1
                continue
            raw = strip_jump(str(line))
            if len(raw) < len(str(line)):
                line = Line(line.number, Text(line.text.chars[: len(raw)], line.text.offs[: len(raw)]))
            if self.cur is None and STAMP.match(raw):
                self.items.append(Item("stamp", [line]))
                i += 1
                continue
            if self.cur is None:
                people = byline_line(raw)
                if people:
                    kind = "credit" if split_credit("。 " + raw)[1] else "byline"
                    self.items.append(Item(kind, [line], bylines=people, credit=raw if kind == "credit" else None))
                    i += 1
                    continue
                if not is_dateline_start(raw):
                    run = self.headline_run(i)
                    if run:
                        self.items.extend(Item("headline", [lines[k]]) for k in run)
                        i = run[-1] + 1
                        continue
                self.cur = Item("body", [])
            text, credit = split_credit(raw)
            if credit and byline_line(credit):  # …全过程。 新华社记者某某摄: kept, a sentence of its own
                text, credit = raw, None
            if credit:
                line = Line(
                    line.number, Text(line.text.chars[: len(text.rstrip())], line.text.offs[: len(text.rstrip())])
                )
            self.cur.lines.append(line)
            if credit:
                self.cur.credit = credit
                self.close()
            elif self.paragraph_ends(i, line, text):
                self.close()
            i += 1
        self.close()
        return self.items


def read_items(
    source: str | list[Line | None], forced: dict[int, str] | None = None, per_line: bool = False
) -> list[Item]:
    """The page as items in reading order.

    ``forced`` fixes the kind of some lines (Markdown headings); ``per_line`` makes every
    line a paragraph of its own (text that was never wrapped, as in JSON Lines records).

    >>> [i.kind for i in read_items("标题在这里\\n\\n正文第一句。\\n")]
    ['headline', 'body']
    """
    lines = read_lines(source) if isinstance(source, str) else source
    return _Reader(lines, forced, per_line).read()
