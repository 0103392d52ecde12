"""The organization of each post in a title chain: carried along the chain, a unit under the body before
it, a place standing for its government, a bare type word for the last such body the article named."""

from __future__ import annotations

import functools
import re

from kg.ingest.markers import BYLINE_ROLES, OUTLET_SUFFIXES
from kg.nlp import gazetteer, orgs, segment
from kg.nlp.lexicon import load
from kg.nlp.locale import Locale
from kg.nlp.orgs import OrgName


def resolve(items, locale: Locale, recent=lambda suffix: None, before: OrgName | None = None):
    """(role, organization, status) for each item of a chain, carrying organizations along it.

    An empty organization is the previous item's; a short unit (组织部) belongs to the last full
    organization (某市委 -> 某市委组织部); a place alone (某市市长) stands for its government, and so
    does a bare 市长 in the article's city; a bare type word (基金会) is the last one the article named.
    """
    place_roles = load("people")["place_roles"]
    base: OrgName | None = before
    prev: OrgName | None = before
    out = []
    for item in items:
        surface = item.org
        if item.alone:
            org = None  # 某署亲善大使、著名演员某某: the actress is no actress of the agency
        elif not surface:
            # 省委书记甲、省长乙: a mayor or governor is in the government of the place his chain names;
            # 某局党委副书记、常务副局长: a 局长 is in the 局, not in its party committee.
            org = (
                _local_government(item.role, locale, place_roles, prev)
                or (_headed(item.role, base) if base is not None else None)
                or prev
                or _last_of_its_kind(item.role, recent)
            )
        elif orgs.is_type_word(surface):
            org = recent(surface)
            if org is None and item.role in BYLINE_ROLES and surface.endswith(OUTLET_SUFFIXES):
                org = OrgName(surface)  # 晨报记者某某: a paper named by its kind alone is the paper as written
            base = org or base
        elif gazetteer.is_area(surface):
            body = place_roles.get(item.role)
            org = orgs.canonical(surface + body, locale.qualify) if body else None
        elif _abroad(item.role, surface):
            org = OrgName(surface + "政府", (surface,))  # 某国首相, 某省省长 abroad: the place's government
        elif (town := _place_of_head(item.role, surface)) is not None:
            # 某溪镇长: the government of 某溪镇; a city the gazetteer lacks is abroad (某某斯市市长: 某某斯市政府)
            body = "人民政府" if town[-1] in "镇乡" else "政府"
            org = orgs.canonical(town + body, locale.qualify) if body == "人民政府" else OrgName(town + body, (town,))
        elif segment.tag(surface) == "ns" and not orgs.is_org_name(surface):
            org = None  # 美国历史学家, 英国演员: a country alone says where one is from, not who employs him
        elif orgs.is_department(orgs.expand(surface)) and base is not None and not orgs.has_place_prefix(surface):
            unit = orgs.expand(surface)
            org = OrgName(base.name + unit, (surface,) if surface != unit else ())
        else:
            org = orgs.canonical(surface, locale.qualify)
            if base is not None and (named := orgs.inherit_area(org.name, base.name)) != org.name:
                org = OrgName(named, tuple(sorted({*org.aliases, org.name})))
            base = org
        prev = org
        out.append((item.role, org, item.status))
    return out


def _place_of_head(role: str, surface: str) -> str | None:
    """The place a head of government is written with when the gazetteer does not know it (a town, a
    place abroad): 某溪 of 某溪镇长 is 某溪镇, where jieba reads 某溪 as a place."""
    core = role.removeprefix("常务").removeprefix("副")
    if len(core) != 2 or load("people")["place_roles"].get(core) != "人民政府" or not 2 <= len(surface) <= 8:
        return None
    if orgs.is_org_name(surface):
        return None
    if surface.endswith(core[0]):  # 某某斯市 of 某某斯市市长, which the gazetteer does not know
        return surface if len(surface) >= 3 and segment.tag(surface[:-1]) != "m" else None
    return surface + core[0] if segment.tag(surface) == "ns" else None


def _last_of_its_kind(role: str, recent) -> OrgName | None:
    """校长某某 with no school named in the chain heads the school the article named last (某某希望小学);
    行长 the last bank, 院长 the last hospital or institute."""
    for suffix in _heads_of().get(role.removeprefix("常务").removeprefix("副"), ()):
        if (org := recent(suffix)) is not None:
            return org
    return None


@functools.cache
def _heads_of() -> dict[str, list[str]]:
    return load("people")["heads_of"]


def _abroad(role: str, surface: str) -> bool:
    """Whether a head of government or state abroad is written with the place he heads: 某国总统 whatever
    jieba makes of the country's name (约旦 an adverb to it), 某省省长 where jieba knows it as a place."""
    role = role.removeprefix("副").removeprefix("前")
    if role in load("people")["heads_of_state"]:
        return not orgs.is_org_name(surface) and not orgs.is_type_word(surface) and not gazetteer.is_area(surface)
    return role in _foreign_heads() and (segment.tag(surface) == "ns" or surface in gazetteer.abroad())


@functools.cache
def _foreign_heads() -> frozenset[str]:
    return frozenset(load("people")["foreign_government_roles"])


def _local_government(role: str, locale: Locale, place_roles: dict, near: OrgName | None) -> OrgName | None:
    """市长 with no organization is the mayor of the city his chain names (某市委常委、常务副市长),
    else of the article's city: 某市人民政府."""
    role = role.removeprefix("常务").removeprefix("副")
    if place_roles.get(role) != "人民政府":
        return None
    head = role.removesuffix("长")[-1]  # 市长 -> 市, 副省长 -> 省
    if near is not None and (m := re.match(rf"(.+?{head})委", near.name)):
        return OrgName(m.group(1) + "人民政府")
    area = {"省": locale.province, "市": locale.city, "区": locale.county, "县": locale.county}.get(head)
    return OrgName(area.name + "人民政府") if area is not None and area.name.endswith(head) else None


def _heads(role: str, org: OrgName) -> bool:
    """Whether a title heads this kind of organization: 局长 a 局, 院长 a 院, 部长 a 部."""
    core = role.removeprefix("常务").removeprefix("副").removesuffix("助理")
    return core.endswith("长") and len(core) == 2 and org.name.endswith(core[0])


def _headed(role: str, org: OrgName) -> OrgName | None:
    """The organization a title heads: the org itself, or the one whose unit it is (某局党委 -> 某局)."""
    if _heads(role, org):
        return org
    split = orgs.split_parent(org.name)
    return OrgName(split[0]) if split and _heads(role, OrgName(split[0])) else None
