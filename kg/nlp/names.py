"""Chinese personal names: a surname and one or two given-name characters, checked by context."""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from kg.nlp.lexicon import load
from kg.nlp.lexicon import roles as roles_lexicon
from kg.nlp.segment import frequency, tag, tokens

_HAN = re.compile(r"[\u4e00-\u9fff]")
# No given name holds a pronoun, a particle or a preposition.
_PRONOUNS = frozenset("他她它我你您咱们其没不也就都是的了以及与对从把被将")
_ADDRESS = ("先生", "女士", "小姐", "老师", "同志", "人士", "师傅")  # 魏先生: a surname and a form of address, no name
_ORG_ENDINGS = ("会", "局", "委", "厅", "办", "署", "院", "部", "所", "司")
_AFTER_NAME = frozenset({"p", "d", "c", "u", "uj", "ul", "t", "f", "m"})  # 在, 也, 今天, 3日
# A hyphen joins parts too (让-马里·某某, 某某·某斯沃尔德-贝克, 某沙尔-某萨德).
_DOTTED = re.compile(r"[\u4e00-\u9fff]{1,6}(?:[-·][\u4e00-\u9fff]{1,6})+")
_WORDY = 1000  # so frequent a word is hardly the start of a name
COMMON = 20  # dictionary frequency above which a word jieba tags as no name is taken as a word


@functools.cache
def _vocab() -> _Vocab:
    people = load("people")
    singles = frozenset(c for c in people["surnames"] if _HAN.match(c))
    # A title after a surname (王局长) is a way of naming someone, not a given name.
    roles = frozenset(roles_lexicon())
    return _Vocab(
        singles=singles,
        compounds=frozenset(people["compound_surnames"]) | frozenset(people["japanese_surnames"]),
        not_names=frozenset(people["not_names"]),
        speech_verbs=tuple(people["speech_verbs"]),
        titles=roles | {r[1:] for r in roles if r.startswith("副")},
        japanese=frozenset(people["japanese_surnames"]),
        appointment_verbs=tuple(people["appointment_verbs"]),
    )


class _Vocab(NamedTuple):
    singles: frozenset[str]  # one-character surnames
    compounds: frozenset[str]  # two-character surnames: Chinese compound ones and Japanese family names
    not_names: frozenset[str]
    speech_verbs: tuple[str, ...]
    titles: frozenset[str]  # what follows a surname as a title, not a given name (王局长)
    japanese: frozenset[str]
    appointment_verbs: tuple[str, ...]


def surname_length(text: str, i: int) -> int:
    """1 or 2 when a surname starts at text[i], else 0."""
    v = _vocab()
    singles, compounds = v.singles, v.compounds
    if text[i : i + 2] in compounds:
        return 2
    return 1 if text[i : i + 1] in singles else 0


_SPEECH_CHARS = frozenset("说称道问答讲笑")


def surname_speaking(name: str) -> bool:
    """A surname and a verb of speech (“……”刘说。): someone named before, referred to, not a name.

    >>> surname_speaking("刘说"), surname_speaking("刘文义")
    (True, False)
    """
    return len(name) >= 2 and name[-1] in _SPEECH_CHARS and surname_length(name, 0) == len(name) - 1


def plausible(name: str) -> bool:
    """A string that could be a personal name: surname, one or two Han characters, not a common noun.

    >>> plausible("张三"), plausible("广大群众"), plausible("幸福感")
    (True, False, False)
    """
    v = _vocab()
    not_names, not_given, japanese = v.not_names, v.titles, v.japanese
    k = surname_length(name, 0)
    # 某原慎太郎: a Japanese given name of three characters ends in 郎
    longest = 3 if name[:k] in japanese and name.endswith("郎") else 2
    if not k or not 1 <= len(name) - k <= longest or not all(_HAN.match(c) for c in name):
        return False
    given = name[k:].replace("也", "") if name[:k] in japanese else name[k:]  # 某田克也: 也 ends Japanese names
    if name in not_names or name[:2] in not_names or name in not_given or name[k:] in not_given:
        return False  # 顾问 (which jieba tags a name), 王局长: a title, or a surname and a title
    if _PRONOUNS.intersection(given):
        return False  # 但他(说): a conjunction that is a surname, then a pronoun
    if surname_speaking(name):
        return False  # “……”刘说。: a surname for someone named before, and the verb of speech
    if tag(name[0]) in ("c", "p") and frequency(name[1:]) >= COMMON and tag(name[1:]) not in ("nr", "nrfg", "nrt"):
        return False  # 但警方(称): a conjunction that is a surname, then a common word
    if name.endswith(_ADDRESS) or name.endswith(_ORG_ENDINGS) and len(name) >= 3:
        return False  # 银监会: an organization's abbreviation that opens with a surname
    # A word jieba knows well under another tag is a word, not a name; so is a three-character
    # string that opens with a common adjective or verb (幸福感, which jieba itself tags nr).
    if frequency(name) >= COMMON and tag(name) not in ("nr", "nrfg", "nrt"):
        return False
    head = name[:2]
    return not (len(name) == 3 and frequency(head) >= _WORDY and tag(head) in ("a", "ad", "an", "v", "vn", "d"))


def family_name(name: str) -> bool:
    """A family name that news writes alone for a person named in full before (Japanese: 野田)."""
    return name in _vocab().japanese


def addressed(name: str) -> bool:
    """A surname and a form of address (韩老师, 张师傅): someone the text does not name."""
    return len(name) <= 4 and name.endswith(_ADDRESS)


def name_at(text: str, i: int, stops: str = "", starts: dict | None = None) -> int:
    """End of the personal name starting at text[i], or 0 when none does.

    The name ends where jieba ends a person token, or else where a boundary or a speech verb follows.
    ``starts`` maps offsets to the tokens of the whole text when the caller has segmented it already.

    >>> text = "副局长张三介绍"
    >>> text[3:name_at(text, 3)]
    '张三'
    """
    dotted = _DOTTED.match(text, i)
    if dotted and "·" not in dotted[0] and min(map(len, dotted[0].split("-"))) < 2:
        dotted = None  # a hyphen alone joins parts of two characters or more (某沙尔-某萨德), not 中-美
    if dotted and not any(text[i : i + n] in _vocab().titles for n in (2, 3)):
        return _dotted_end(text, dotted)  # 道尔顿·麦坚迪: a transliterated name, its parts joined by a middle dot
    k = surname_length(text, i)
    if not k:
        return 0
    window = text[i : i + k + 7]
    first = starts.get(i) if starts is not None else tokens(window)[0]
    if first is None:
        first = tokens(window)[0]
    if first.flag == "nr" and k < len(first.word) <= k + 2 and plausible(first.word):
        end = i + len(first.word)
        # 某田克|也: a Japanese given name often ends in 也, which jieba reads as the adverb
        return (
            end + 1
            if k == 2 and len(first.word) == 3 and text[end : end + 1] == "也" and plausible(text[i : end + 1])
            else end
        )
    verbs, appoint = _vocab().speech_verbs, _vocab().appointment_verbs
    for size in (k + 3, k + 2, k + 1):  # k + 3: a Japanese given name in 郎 (plausible() allows no other)
        cand = window[:size]
        rest = text[i + size : i + size + 4]
        if len(cand) == size and plausible(cand) and (not rest or rest[0] in stops or rest.startswith(verbs + appoint)):
            return i + size
    # After a title (副局长某某在论坛上…) a name ends where a function word or a time word follows.
    if stops and not (first.flag == "nr" and len(first.word) > k + 2):
        for size in (k + 2, k + 1):
            cand, rest = window[:size], text[i + size : i + size + 4]
            if not (len(cand) == size and plausible(cand) and rest and tokens(rest)[0].flag in _AFTER_NAME):
                continue
            if frequency(cand[-1] + rest[:2]) or tag(cand[-1] + rest[:1]) in ("t", "m"):
                continue  # 总经理和乘务员: 乘务员 is a word across the cut; 副主任某某上月: so is 上月
            if size == 2 and tag(cand[0]) == "d":
                continue  # 工作人员都站在院内: an adverb that is also a surname, then a verb
            return i + size
    return 0


def _dotted_end(text: str, m: re.Match) -> int:
    """Where a dotted name ends: its last part runs to a verb or a function word (…·麦坚迪|表示)."""
    last = max(text.rfind(c, m.start(), m.end()) for c in "·-") + 1
    end = last
    for t in tokens(text[last : m.end()]):
        if end > last and (t.flag[:1] in "vdpcuy" or end - last + len(t.word) > 4):
            break
        end += len(t.word)
    return end


def speech_verb_at(text: str, i: int) -> str | None:
    """The speech verb starting at text[i], if one does."""
    verbs = _vocab().speech_verbs
    for v in verbs:
        if text.startswith(v, i):
            return v
    return None
