"""The trained character tagger: people, organizations, positions and places in a sentence, each with
the model's confidence (the least marginal probability of its characters' labels).

The model ships inside the package (kg/nlp/models/ner.crfsuite, see docs/model-card.md) and is loaded
once per process; KG_MODEL or load(path) points at another one trained with ``kg train``.
"""

from __future__ import annotations

import functools
import os
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from kg.errors import InputError
from kg.nlp import names
from kg.nlp.crf import TYPES, bio_to_spans, features
from kg.nlp.lexicon import load as load_lexicon
from kg.nlp.segment import Token, frequency, tokens, with_names
from kg.nlp.segment import tag as word_tag

MODEL_NAME = "ner.crfsuite"
PERSON_CONFIDENCE = 0.5  # the least marginal probability of a name's characters (bench/ner_threshold.py)
ORG_CONFIDENCE = 0.7  # for organizations no rule found: precision 0.84 on CLUENER dev (bench/ner_threshold.py)
# for an organization written in common words with no type suffix (意甲, 暴雪, and 警方, 海鸥). On CLUENER dev
# 42 of the 48 such spans read at 0.7 or more are labelled organizations, 26 of 27 at 0.95; in Sogou news
# (samples 3 to 16) they are mostly kinds of body (警方, 公安, 组委会) or things (海鸥, 国家财政), and 0.95
# keeps 2 of 16. CLUENER's sports and games news names its clubs and leagues this way; general news does not.
COMMON_ORG_CONFIDENCE = 0.95
_NOT_NAME_TAGS = frozenset({"v", "vn", "a", "ad", "d", "p", "c", "u", "m", "q"})
_HAN_ONLY = re.compile(r"^[\u4e00-\u9fff]+$")
_HAN_NAME = re.compile(r"^[\u4e00-\u9fff]{2,4}$|^[\u4e00-\u9fff]{1,8}[·•][\u4e00-\u9fff]{1,8}$")


@dataclass(frozen=True)
class Span:
    begin: int
    end: int
    kind: str  # PER, ORG, POS or LOC
    text: str
    confidence: float


def default_model() -> Path:
    """The model a build uses: $KG_MODEL when set, else the one inside the package."""
    chosen = os.environ.get("KG_MODEL")
    return Path(chosen) if chosen else _packaged()


@functools.cache
def _packaged() -> Path:
    return Path(str(resources.files("kg.nlp").joinpath("models", MODEL_NAME)))


@functools.cache
def load(path: str | None = None):
    """A pycrfsuite Tagger on the model at path (default: default_model()), opened once."""
    import pycrfsuite

    where = Path(path) if path else default_model()
    if not where.is_file():
        raise InputError(str(where), "no tagger model there (kg train writes one)")
    tagger = pycrfsuite.Tagger()
    try:
        tagger.open(str(where))
    except (OSError, ValueError) as e:
        raise InputError(str(where), f"not a tagger model: {e}") from None
    return tagger


def tag(
    text: str, toks: list[Token] | None = None, model: str | None = None, scored: tuple[str, ...] = TYPES
) -> list[Span]:
    """The entities the model finds in text (jieba's tokens of it, when the caller has them). Only the kinds
    in ``scored`` get the model's confidence (its marginals cost a forward-backward pass a sentence);
    the others get 1.0.

    >>> [(s.text, s.kind) for s in tag("浙商银行企业信贷部叶老桂博士则从另一个角度对五道门槛进行了解读。")]
    [('浙商银行', 'ORG'), ('叶老桂', 'PER')]
    """
    if not text:
        return []
    tagger = load(model or os.environ.get("KG_MODEL") or str(_packaged()))  # by path: a later --model loads anew
    labels = tagger.tag(features(text, toks if toks is not None else tokens(text)))
    out = []
    for begin, end, kind in bio_to_spans(labels):
        confidence = min(tagger.marginal(labels[i], i) for i in range(begin, end)) if kind in scored else 1.0
        out.append(Span(begin, end, kind, text[begin:end], confidence))
    return out


def read(text: str) -> tuple[list[Token], list[Span]]:
    """jieba's tokens of text, with each person the model finds made one nr token, and the model's spans.

    >>> [(t.word, t.flag) for t in read("副市长王立新表示")[0]]
    [('副', 'b'), ('市长', 'n'), ('王立新', 'nr'), ('表示', 'v')]
    """
    raw = tokens(text)
    spans = [_edged(text, s) if s.kind == "PER" else s for s in tag(text, raw, scored=("PER", "ORG"))]
    spans = [t for t in map(_unquoted, spans) if t.end - t.begin >= 2]
    return with_names(raw, [(s.begin, s.end) for s in people(spans)]), spans


_PAIRS = {"“": "”", "‘": "’", "《": "》", "（": "）", "(": ")", "「": "」", "『": "』", "【": "】"}
_CLOSERS = {v: k for k, v in _PAIRS.items()}


def _unquoted(s: Span) -> Span:
    """A span without a quote or bracket at either edge whose partner it does not hold: the model ran
    索尼访日代表团” into the mark closing “中国青年学生索尼访日代表团”.

    >>> _unquoted(Span(3, 11, "ORG", "某某访日代表团”", 0.9)).text
    '某某访日代表团'
    """
    begin, end, text = s.begin, s.end, s.text
    while text and (text[-1] in _CLOSERS and _CLOSERS[text[-1]] not in text[:-1]):
        text, end = text[:-1], end - 1
    while text and (text[0] in _PAIRS and _PAIRS[text[0]] not in text[1:]):
        text, begin = text[1:], begin + 1
    return s if (begin, end) == (s.begin, s.end) else Span(begin, end, s.kind, text, s.confidence)


def _edged(text: str, s: Span) -> Span:
    """A person the model drew a character too wide: the last character of the title before it
    (首席财务官余某某 read as 官余某某), an adverb after it (朱某已), the next title (靳某记者)."""
    begin, end = s.begin, s.end
    if begin and end - begin >= 3 and any(text[begin - k : begin + 1] in _titles() for k in range(2, 6)):
        begin += 1
    # 副行长朱某已预备出任: an adverb or preposition that the model ran into the end of a name
    if end - begin >= 3 and text[end - 1] in _NEVER_LAST and names.plausible(text[begin : end - 1]):
        end -= 1
    # 实习记者靳某记者何某: the next title, run into the name
    cut = next((k for k in (4, 3, 2) if end - begin - k >= 2 and text[end - k : end] in _titles()), 0)
    end -= cut
    # 财经人士苏小和、…, 大臣冈田克也和…: a name that ends in a function word's character (jieba cut it
    # off), as the character after it shows: a conjunction before a mark, an adverb before a conjunction.
    if not cut and end - begin in (2, 3) and _RUN_ON.match(text, end):
        end += 1
    if (begin, end) == (s.begin, s.end):
        return s
    return Span(begin, end, s.kind, text[begin:end], s.confidence)


# Adverbs and prepositions that hardly ever end a given name (刚, 同 and 正 often do): 朱某已预备出任.
_NEVER_LAST = frozenset("已在将就都也又还被把曾")
_RUN_ON = re.compile(r"[和与](?=[、，。；：！？）])|也(?=[和与及、，。])")


@functools.cache
def _titles() -> frozenset[str]:
    return frozenset(load_lexicon("people")["roles"]) | frozenset(load_lexicon("people")["roles_of_state"])


def people(spans: list[Span]) -> list[Span]:
    """The spans that count as people: the model sure enough (PERSON_CONFIDENCE), the text shaped like a
    name: two to four Han characters, or a transliterated name with its dot (阿卜杜拉·居尔)."""
    return [
        s
        for s in spans
        if s.kind == "PER" and s.confidence >= PERSON_CONFIDENCE and (_name_like(s.text) or _long_foreign(s))
    ]


def _long_foreign(s: Span) -> bool:
    """A transliterated name of five or six characters with no dot (阿斯拉哈诺夫), when the model is sure of it
    and jieba's dictionary has no word of it."""
    return 5 <= len(s.text) <= 6 and s.confidence >= 0.9 and _HAN_ONLY.match(s.text) and not frequency(s.text)


@functools.cache
def _not_names() -> frozenset[str]:
    return frozenset(load_lexicon("people")["not_names"])


def _name_like(text: str) -> bool:
    if not _HAN_NAME.match(text) or text in _not_names() or text[:2] in _not_names() or "某" in text:
        return False  # 李某, 张某某: a name the paper withholds
    if frequency(text) >= names.COMMON:  # a word jieba's dictionary knows (famous names too, under any tag)
        flag = word_tag(text) or ""
        # 农田水利, 辛亥革命: a four-character word is no name of a one-character surname; 明知 is a verb;
        # 哈尔科夫 a place jieba lists.
        if len(text) == 4 and names.surname_length(text, 0) == 1 and flag[:2] != "nr" or flag in _NOT_NAME_TAGS:
            return False
        if len(text) >= 3 and flag == "ns":
            return False
    return "·" in text or "•" in text or names.surname_length(text, 0) > 0 or len(text) >= 3
