"""Names that change once the whole article is read: a short name the text defines (（下称某某公司）), a short
form of a longer name, a person named again by part of the name, a name read one character too long.
Each takes the article's mentions and posts (kg.nlp.doc.Post) and gives them back renamed."""

from __future__ import annotations

import dataclasses

from kg.nlp import marked, names, shortnames
from kg.nlp.mentions import Mention
from kg.nlp.orgs import OrgName


def defined(text: str, found: list[Mention], posts: list) -> tuple[list[Mention], list]:
    """某某股份有限公司（下称某某公司）: the short name in the brackets, and every later use of it, is the body
    named before them; what was read inside the brackets (下称某某公司) is not a body of its own."""
    full: dict[str, OrgName] = {}
    for b, e, sb, se in marked.defined_short_names(text):
        org = next((m for m in found if m.kind == "org" and m.end == b), None)
        if org is None:
            continue
        short = text[sb:se]
        full[short] = OrgName(org.name, tuple(sorted({*org.aliases, short} - {org.name})))
        found = [m for m in found if not (m.kind == "org" and b <= m.begin < e)]
        found.append(Mention(sb, se, short, "org", org.name, full[short].aliases, cue="credit"))
    if not full:
        return found, posts

    def named(m: Mention) -> Mention:
        org = full.get(m.surface) if m.kind == "org" else None
        return m if org is None else dataclasses.replace(m, name=org.name, aliases=org.aliases)

    def post(p):
        org = full.get(p.org.name) if p.org is not None else None
        return p if org is None else dataclasses.replace(p, org=org)

    return sorted(map(named, found), key=lambda m: (m.begin, m.end, m.kind)), [post(p) for p in posts]


def short_forms(found: list[Mention], posts: list) -> tuple[list[Mention], list]:
    """An organization named by a short form of a longer name in the same article is that organization."""
    full = shortnames.short_forms({m.name for m in found if m.kind == "org"})
    if not full:
        return found, posts

    def long(m: Mention) -> Mention:
        if m.kind != "org" or m.name not in full:
            return m
        return dataclasses.replace(m, name=full[m.name], aliases=tuple(sorted({*m.aliases, m.name})))

    def post(p):
        if p.org is None or p.org.name not in full:
            return p
        org = OrgName(full[p.org.name], tuple(sorted({*p.org.aliases, p.org.name})))
        return dataclasses.replace(p, org=org)

    return [long(m) for m in found], [post(p) for p in posts]


def short_names(found: list[Mention], posts: list) -> tuple[list[Mention], list]:
    """A person named again by part of the full name: 布莱尔 for 比尔·布莱尔, 野田 for 野田佳彦 (a Japanese family
    name alone). Each is the one person whose full name the article gives."""
    full = {m.name for m in found if m.kind == "person"}
    short: dict[str, str] = {}
    for n in full:
        whole = [f for f in full if f != n and (f.split("·")[-1] == n or names.family_name(n) and f.startswith(n))]
        if len(whole) == 1 and "·" not in n:
            short[n] = whole[0]

    def longer(m: Mention) -> Mention:
        return dataclasses.replace(m, name=short[m.name], aliases=tuple(sorted({*m.aliases, m.name})))

    return _renamed(found, posts, short, longer)


def _renamed(found: list[Mention], posts: list, names_: dict, rename) -> tuple[list[Mention], list]:
    """The people whose name is a key of names_ renamed by rename, as mentions and as the posts' holders."""
    if not names_:
        return found, posts

    def person(m: Mention) -> Mention:
        return rename(m) if m.kind == "person" and m.name in names_ else m

    return [person(m) for m in found], [dataclasses.replace(p, person=person(p.person)) for p in posts]


def overrun(text: str, found: list[Mention], posts: list) -> tuple[list[Mention], list]:
    """A name read once one character too long (记者韩某某数说…) is the name the article names elsewhere."""
    named = {m.name for m in found if m.kind == "person"}
    cut = {p: p[:-1] for p in named if len(p) >= 3 and p[:-1] in named and text.count(p) == 1}

    def short(m: Mention) -> Mention:
        if m.surface != m.name:
            return m
        return dataclasses.replace(m, end=m.end - 1, surface=cut[m.name], name=cut[m.name])

    return _renamed(found, posts, cut, short)


def cut_places(text: str, found: list[Mention]) -> list[Mention]:
    """A village or a street the words cut a character short (在小|某基村: jieba read 小 as an adjective)
    where the article names it whole elsewhere (某区小某基村): the whole name, that character included."""
    whole = {m.name for m in found if m.kind == "place" and m.cue == "suffix"}

    def completed(m: Mention) -> Mention:
        if m.kind != "place" or m.cue != "suffix" or not m.begin or (c := text[m.begin - 1]) + m.name not in whole:
            return m
        return dataclasses.replace(m, begin=m.begin - 1, surface=c + m.surface, name=c + m.name)

    return [completed(m) for m in found]
