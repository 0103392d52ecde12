"""What the words of a chain's piece say: whether they belong to the title (高级社区事务经理, 房地产评论员,
知名作家) or to the organization (某宇资讯, 省公安厅 of 省公安厅长)."""

from __future__ import annotations

import functools
import re

from kg.nlp import gazetteer, orgs, segment
from kg.nlp.lexicon import load, longest_first
from kg.nlp.orgtrim import PROPER_TAGS, known_kind, trim, words


@functools.cache
def _occupations() -> tuple[frozenset[str], tuple[str, ...]]:
    people = load("people")
    return frozenset(people["occupations"]), longest_first(people["occupation_descriptors"])


def described_occupation(piece: str) -> str | None:
    """著名DJ -> DJ: an occupation after descriptors only (国内知名 + 歌手)."""
    jobs, descriptors = _occupations()
    rest = piece
    while (d := next((d for d in descriptors if rest.startswith(d) and len(rest) > len(d)), None)) is not None:
        rest = rest[len(d) :]
    return rest if rest != piece and rest in jobs else None


def role_words_after(org: str) -> tuple[str, str] | None:
    """某银行高级社区事务 + 经理, 某公司市场部公共事务及传讯 + 主任: an organization of a known kind, then a few
    words that belong to the title (the title is 高级社区事务经理). None when org is not written so.

    >>> role_words_after("某某皇家银行高级社区事务"), role_words_after("某某网站")
    (('某某皇家银行', '高级社区事务'), None)
    """
    toks = words(org)
    bounds = {t.begin for t in toks}
    for cut in range(len(org) - 2, 1, -1):
        head, rest = org[:cut], org[cut:]
        if (
            cut not in bounds
            or not _ROLE_WORDS.fullmatch(rest)
            or "的" in rest
            or known_kind(rest)
            or orgs.org_suffix(rest)
        ):
            continue  # 某某创办|人和: a word runs across the cut
        # 驻华, 亚洲区: where the holder is posted belongs to the title, after any organization
        # (联合国驻华代表, 某银行亚洲区首席经济学家); so does 中国 after a body abroad (某署中国亲善大使).
        china = rest.endswith("中国")  # 某协会(国际项目)中国首席代表: a body abroad's post in China
        posted = (
            rest.startswith("驻")
            or china
            or rest.endswith("区")
            and 3 <= len(rest) <= 4
            and segment.tag(rest[:-1]) == "ns"
        )
        if not posted and (rest[-1] in _UNIT_ENDS or any(t.flag in PROPER_TAGS for t in toks if t.begin >= cut)):
            continue  # 中介所 (所长) is a unit; 常营 (项目经理) a place: neither is part of the title
        named = trim(head, strict=not posted)
        if named and (orgs.is_org_name(named) or posted and not china) and not gazetteer.is_area(named):
            return named, rest
    return None


def field_before(org: str, role: str) -> tuple[str, str] | None:
    """房地产评论员, 某资讯成品油分析师, 防卫大臣: a common noun (or a verb alone) right before an analyst's,
    a scholar's or a minister's title is the field of the title, not an organization; what stands before
    it may be one. None when not so written."""
    if role not in _field_titles() or not org:
        return None
    toks = words(org)
    last = toks[-1]
    if last.word in _company_heads() and len(toks) > 1 and toks[-2].flag in PROPER_TAGS | {"nz"}:
        return None  # 某宇资讯分析师: 资讯 ends the firm's short name, it is no field of the analyst
    if (
        last.flag not in ("n", "vn", "j", "v" if last.word == org else "")
        or len(last.word) < 2
        or orgs.org_suffix(last.word)
        or orgs.is_type_word(last.word)
    ):
        return None
    head = org[: last.begin]
    return (trim(head) or "") if head else "", last.word


@functools.cache
def _company_heads() -> frozenset[str]:
    return frozenset(load("orgs")["company_heads"])


@functools.cache
def _field_titles() -> frozenset[str]:
    return frozenset(load("people")["field_titles"])


_ROLE_WORDS = re.compile(r"[\u4e00-\u9fff及和与]{2,8}")
_UNIT_ENDS = frozenset("所站队科组室股处部局厅委办院校馆团")


def fused(org: str, role: str) -> str | None:
    """省公安厅长, 民政部长: the organization's last character is the title's first (厅 of 厅长); the
    organization is 省公安厅, the title 厅长. None when the piece is not written that way."""
    if len(role) != 2 or not role.endswith("长") or not org or org.endswith(role[0]):
        return None
    whole = trim(org + role[0], strict=True)
    return whole if whole and orgs.is_org_name(whole) else None
