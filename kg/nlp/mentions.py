"""Entity mentions found in one sentence: a span, a kind and the canonical name it resolves to."""

from __future__ import annotations

from dataclasses import dataclass

from kg.nlp.gazetteer import Area


@dataclass(frozen=True)
class Mention:
    """A person, organization or place named at text[begin:end] of an article."""

    begin: int
    end: int
    surface: str
    kind: str  # person, org or place
    name: str  # canonical: 某省医疗保障局 for 省医保局
    aliases: tuple[str, ...] = ()
    area: Area | None = None  # for administrative areas
    locator: Area | None = None  # the area written before a named place: 某区 in 某区某某小区
    within: str | None = None  # a named place written before this one: 某镇 in 某镇某村
    cue: str = ""  # how it was recognised: chain, byline, speech, list, title, repeat, gazetteer, suffix, class, known

    @property
    def span(self) -> tuple[int, int]:
        return self.begin, self.end
