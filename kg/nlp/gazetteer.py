"""China's administrative divisions from jionlp's gazetteer: find them in text, resolve them in context."""

from __future__ import annotations

import contextlib
import functools
import io
from dataclasses import dataclass


@dataclass(frozen=True)
class Area:
    """One administrative area: 西湖区 is Area("西湖区", "county", "浙江省", "杭州市")."""

    name: str
    level: str  # province, city or county
    province: str
    city: str | None = None
    alias: str | None = None

    @property
    def parent(self) -> tuple[str, str] | None:
        """The (name, level) of the area this one lies in."""
        if self.level == "county" and self.city and self.city != self.province:
            return self.city, "city"
        if self.level in ("county", "city") and self.province != self.name:
            return self.province, "province"
        return None

    @property
    def key(self) -> tuple[str, str, str | None]:
        return self.province, self.level, self.city


@dataclass(frozen=True)
class AreaMention:
    begin: int
    end: int
    surface: str
    areas: tuple[Area, ...]  # more than one when the surface is ambiguous (鼓楼区)


SOURCE_NAME = "jionlp 行政区划数据"
# The types of area a place's name ends in, where a name-shaped word before them is a place (某德林市).
AREA_TYPES = frozenset("省市县州镇")


@functools.cache
def version() -> str:
    """The version of jionlp whose administrative-division data the gazetteer reads."""
    from importlib.metadata import version as installed

    return installed("jionlp")


def _load_jionlp():
    # jionlp prints a banner on stdout when imported; kg's stdout carries data.
    with contextlib.redirect_stdout(io.StringIO()):
        import jionlp
    return jionlp


@functools.cache
def _index() -> tuple[dict[str, tuple[Area, ...]], dict[tuple[str, str], Area], dict[str, tuple[int, ...]]]:
    """Surface form -> areas, (name, level) -> area, and first two characters -> surface lengths, longest first.

    Every surface has two characters or more (a one-character county name counts only after its city),
    and only about one position in a hundred of news text starts a surface's first two characters."""
    china = _load_jionlp().china_location_loader()
    surfaces: dict[str, list[Area]] = {}
    by_name: dict[tuple[str, str], Area] = {}

    def add(surface: str, area: Area) -> None:
        found = surfaces.setdefault(surface, [])
        if area not in found:
            found.append(area)

    def register(area: Area) -> None:
        """A province or city by its full name and by its alias (四川, 成都)."""
        by_name[(area.name, area.level)] = area
        add(area.name, area)
        if area.alias and len(area.alias) >= 2:
            add(area.alias, area)

    for pname, pdata in china.items():
        palias = _alias(pdata)
        register(Area(pname, "province", pname, None, palias))
        for cname, cdata in _children(pdata):
            calias = _alias(cdata)
            if cname != pname:  # municipalities list themselves as their only city
                register(Area(cname, "city", pname, cname, calias))
            for kname, kdata in _children(cdata):
                kalias = _alias(kdata)
                county = Area(kname, "county", pname, cname, kalias)
                by_name.setdefault((kname, "county"), county)
                # Two-character full names (城区, 郊区) are everyday words; they count only after their city.
                if len(kname) > 2:
                    add(kname, county)
                for prefix in sorted({pname, palias, cname, calias} - {None}):
                    if len(prefix) >= 2:
                        add(prefix + kname, county)
                        if kalias and len(kalias) >= 2:  # 某市某县 and 某省某县 (四川汶川) as news writes them
                            add(prefix + kalias, county)
    frozen = {s: tuple(a) for s, a in surfaces.items()}
    lengths: dict[str, set[int]] = {}
    for s in frozen:
        assert len(s) >= 2, s
        lengths.setdefault(s[:2], set()).add(len(s))
    return frozen, by_name, {c: tuple(sorted(ls, reverse=True)) for c, ls in lengths.items()}


def _alias(data: dict) -> str | None:
    alias = data.get("_alias")
    if isinstance(alias, list):
        alias = alias[0] if alias else None
    return alias or None


def _children(data: dict):
    return sorted((k, v) for k, v in data.items() if not k.startswith("_"))


def find(text: str) -> list[AreaMention]:
    """Every administrative area named in text, longest match first, left to right.

    >>> [(m.surface, m.areas[0].name) for m in find("来到杭州西湖和浙江省")]
    [('杭州西湖', '西湖区'), ('浙江省', '浙江省')]
    """
    surfaces, _, lengths = _index()
    out: list[AreaMention] = []
    n = len(text)
    taken = 0  # a match ends here: the next one starts at or after it
    for i, pair in enumerate(map(str.__add__, text, text[1:])):
        if i < taken or pair not in lengths:
            continue
        for k in lengths[pair]:
            areas = surfaces.get(text[i : i + k]) if i + k <= n else None
            if areas:
                out.append(AreaMention(i, i + k, text[i : i + k], areas))
                taken = i + k
                break
    return out


def is_area(text: str) -> bool:
    """Whether the whole text names an administrative area (某市, 某省某县)."""
    found = find(text)
    return len(found) == 1 and found[0].begin == 0 and found[0].end == len(text)


def area(name: str, level: str) -> Area | None:
    """The area with this full name and level."""
    return _index()[1].get((name, level))


def parse(surface: str) -> Area | None:
    """The area a surface names when it names exactly one: 浙江 -> 浙江省."""
    areas = _index()[0].get(surface, ())
    return areas[0] if len(areas) == 1 else None


def chain(a: Area) -> list[Area]:
    """The area and every area it lies in, innermost first: 西湖区, 杭州市, 浙江省."""
    out = [a]
    while (up := out[-1].parent) is not None:
        parent = area(*up)
        if parent is None:
            break
        out.append(parent)
    return out


@functools.cache
def countries() -> frozenset[str]:
    """Countries abroad, by short and full name, from jionlp's world gazetteer (no cities)."""
    names: set[str] = set()
    for group in _load_jionlp().world_location_loader().values():
        for country, data in group.items():
            names.update((country, data.get("full_name") or ""))
    return frozenset(names - {"", "中国", "中华人民共和国"})


@functools.cache
def abroad() -> frozenset[str]:
    """Countries (short and full names), their capitals and main cities, from jionlp's world gazetteer:
    places a name-shaped word may be (约旦, 大马士革, 伊斯坦布尔) where a tagger reads a person."""
    names: set[str] = set()
    for countries in _load_jionlp().world_location_loader().values():
        for country, data in countries.items():
            names.update((country, data.get("full_name") or "", data.get("capital") or ""))
            names.update(data.get("main_city") or ())
    names.discard("")
    names.discard("中国")
    return frozenset(names)
