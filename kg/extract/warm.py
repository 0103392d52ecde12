"""Everything the extractors read, loaded before the first article, then kept out of the garbage
collector's way.

jieba's dictionary, jionlp's gazetteer and parsers and the lexicons are millions of objects that
live as long as the process. Python's collector walks every one of them at each full collection,
which cost an eighth of the extraction time; ``gc.freeze()`` after loading them moves them to the
permanent generation, where it no longer looks.
"""

from __future__ import annotations

import datetime as dt
import functools
import gc

from kg.models import Article, Paragraph, SourceMeta

# Generic words only: a department head, dates in figures and in words, sums, a place, a meeting (the parsers
# of Chinese numerals build their patterns on first use).
_SAMPLE = (
    "2023年1月1日，浙江省杭州市西湖区人民政府区长张三出席工作推进会，全年投资10亿元，增长5.2%。"
    "十二月三十一日，某县三千余名群众参加活动，筹款二百万元。"
)


@functools.cache
def warm() -> None:
    """Load the lexicons, jieba and jionlp by extracting one sample sentence; then freeze them."""
    from kg.extract import extract

    text = _SAMPLE
    sample = Article(
        id="warm",
        path="warm",
        headlines=("预热",),
        paragraphs=(Paragraph(text),),
        offsets=tuple(range(len(text))),
        meta=SourceMeta(source=None, locale=None, date=dt.date(2023, 1, 2)),
        bylines=(),
    )
    extract(sample)
    gc.freeze()
