"""Dataclasses that cross module boundaries: sources, articles and their parts."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class SourceMeta:
    """What is known about an input besides its text (sidecar, JSON Lines fields, --date)."""

    source: str | None = None  # the newspaper or site, e.g. 人民日报
    locale: str | None = None  # where it is published, e.g. 北京市
    date: dt.date | None = None  # publication date
    url: str | None = None
    page: str | None = None  # the page (版) of a newspaper, when known


@dataclass(frozen=True)
class Byline:
    """One person credited in a byline: 某某日报记者 张三 -> (记者, 张三, 某某日报)."""

    role: str
    name: str
    org: str | None = None


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of cleaned text; kind is "body", "subhead" or "byline"."""

    text: str
    kind: str = "body"


@dataclass(frozen=True)
class Sentence:
    """A sentence of an article's cleaned text: text == article.text[begin:end]."""

    begin: int
    end: int
    text: str


@dataclass(frozen=True, eq=False)
class Article:
    """One clean article: its text, headlines, bylines and a map back to its source.

    ``offsets[i]`` is the character offset in the decoded source (the file, or the
    JSON Lines record's ``text`` field) of ``text[i]``.
    """

    id: str
    path: str
    headlines: tuple[str, ...]
    paragraphs: tuple[Paragraph, ...]
    offsets: tuple[int, ...]
    meta: SourceMeta = field(default_factory=SourceMeta)
    bylines: tuple[Byline, ...] = ()
    dateline: str | None = None  # 本报讯, 新华社北京12月26日电, ...
    continued_from: str | None = None  # the page a 紧接01版 continuation comes from
    credits: tuple[str, ...] = ()  # photo credits such as 某区供图
    line: int | None = None  # the line of a JSON Lines record

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.paragraphs)

    @property
    def headline(self) -> str:
        """All printed headlines in reading order, kicker first, joined by a space."""
        return " ".join(self.headlines)

    @property
    def authors(self) -> tuple[str, ...]:
        return tuple(b.name for b in self.bylines)

    @property
    def date(self) -> dt.date | None:
        return self.meta.date

    def source_span(self, begin: int, end: int) -> tuple[int, int]:
        """Map a [begin, end) span of ``text`` to the span of the source it came from."""
        if not 0 <= begin < end <= len(self.offsets):
            raise ValueError(f"span {begin}-{end} outside article {self.id}")
        return self.offsets[begin], self.offsets[end - 1] + 1

    def _key(self) -> tuple:
        """What makes an article the same article: analyses are cached by it, so it holds everything
        extraction reads (the same text dated differently, or from another paper, is read differently)."""
        return (self.id, self.text, self.headlines, self.meta, self.bylines, self.dateline, self.credits)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Article) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())
