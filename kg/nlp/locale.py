"""Where an article is set: the areas that 省, 市 and 区 stand for in its abbreviations."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from kg.nlp import gazetteer
from kg.nlp.gazetteer import Area


@dataclass(frozen=True)
class Locale:
    province: Area | None = None
    city: Area | None = None
    county: Area | None = None

    def qualify(self, name: str) -> str:
        """Spell out a leading 省/市/区/县 with the locale: 市委 in a 某市 article is 某市委.

        >>> zhejiang = gazetteer.parse("浙江省")
        >>> Locale(province=zhejiang).qualify("省医疗保障局")
        '浙江省医疗保障局'
        """
        if any(gazetteer.is_area(name[:k]) for k in (3, 4)):
            return name  # 市南区, 市中区: a district whose name opens with 市, not 市 standing for the city
        for head, area in (("省", self.province), ("市", self.city), ("区", self.county), ("县", self.county)):
            if name.startswith(head) and area is not None and area.name.endswith(head):
                return area.name + name[1:]
        return name

    def whole(self, word: str) -> Area | None:
        """The area 全省, 全市, 全区 refer to."""
        return {"全省": self.province, "全市": self.city, "全区": self.county, "全县": self.county}.get(word)


def locale_of(declared: str | None, text: str) -> Locale:
    """The declared locale (a sidecar's ``locale``), else the city the text names most.

    >>> locale_of("浙江省杭州市", "").city.name
    '杭州市'
    """
    if declared:
        found = [m.areas[0] for m in gazetteer.find(declared) if len(m.areas) == 1]
        if found:
            return _from_area(found[-1])
    # A city, or a municipality (上海市, whose districts have no city between them and it).
    counts = Counter(
        (a.province, a.city or "")
        for m in gazetteer.find(text)
        if len(m.areas) == 1
        for a in m.areas
        if a.city or a.province.endswith("市")
    )
    if counts:
        (province, city), _ = max(counts.items(), key=lambda kv: (kv[1], kv[0]))
        return _from_area((city and gazetteer.area(city, "city")) or gazetteer.area(province, "province"))
    return Locale()


def _from_area(a: Area) -> Locale:
    province = gazetteer.area(a.province, "province")
    if a.level == "province" and not a.name.endswith("市"):
        return Locale(province)
    # A municipality (北京市) is its own city: 市委 there is 北京市委.
    city = gazetteer.area(a.city, "city") if a.city and a.city != a.province else None
    if city is None and a.province.endswith("市"):
        city = province
    return Locale(province, city, a if a.level == "county" else None)
