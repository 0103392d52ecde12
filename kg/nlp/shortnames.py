"""Short forms of organizations' names within one article: the end of a longer name (地铁集团 of 某市地铁集团),
an abbreviation (农行 of 农业银行), the same name with its area written short (上海某某中心 of 上海市某某中心)."""

from __future__ import annotations

from kg.nlp import gazetteer
from kg.nlp.orgs import is_org_name, is_type_word, org_suffix


def short_forms(names: set[str]) -> dict[str, str]:
    """Within one article: each organization name that is a short form of exactly one longer name there
    (the end of it: 地铁集团 of 某市地铁集团; or its abbreviation: 农行 of 农业银行, 北大 of 北京大学),
    mapped to that name.

    >>> sorted(short_forms({"农行", "农业银行", "文艺部", "某某晚报文艺部", "总局"}).items())
    [('农行', '农业银行'), ('文艺部', '某某晚报文艺部')]
    >>> sorted(short_forms({"上海市环境监测中心", "上海环境监测中心", "上海环境中心"}).items())
    [('上海环境中心', '上海市环境监测中心'), ('上海环境监测中心', '上海市环境监测中心')]
    """
    # 上海某某中心 of 上海市某某中心: the same name with its area written short.
    out = {n: full for n in names if (full := _area_in_full(n)) != n and full in names}
    names = set(names) - set(out)
    for short in sorted(names):
        if len(short) < 2 or is_type_word(short):
            continue
        # 镇政府 of 某镇人民政府: a government's short name ends its full one without 人民.
        full_end = short[:-2] + "人民政府" if short.endswith("政府") and not short.endswith("人民政府") else short
        longer = {n for n in names if len(n) > len(short) and (n.endswith((short, full_end)) or _abbreviates(short, n))}
        # The longest, when the others are all part of it (甲集团 < 某市甲集团 < 某省某市甲集团).
        best = max(longer, key=len, default=None)
        if best is not None and all(n in best for n in longer):
            out[short] = best
    return out


def _area_in_full(name: str) -> str:
    """The name with the area it opens with written in full: 上海某某中心 -> 上海市某某中心."""
    m = next((m for m in gazetteer.find(name[:6]) if m.begin == 0 and len(m.areas) == 1), None)
    if m is None or m.end >= len(name) or m.surface == m.areas[0].name:
        return name
    return m.areas[0].name + name[m.end :]


def _abbreviates(short: str, name: str) -> bool:
    """农行 of 农业银行: same first character, the others in order, the name at least two longer.

    >>> _abbreviates("农行", "农业银行"), _abbreviates("某某老龄办", "某某老龄工作委员会办公室")
    (True, True)
    >>> _abbreviates("某局", "某局党委"), _abbreviates("某某可乐", "某某可乐公司")
    (False, True)
    >>> _abbreviates("中国人寿", "中国平安人寿保险股份有限公司")
    False
    """
    if len(short) > 6 or short[0] != name[0] or len(name) < len(short) + 2 or not is_org_name(name):
        return False
    if len(kind := org_suffix(short) or "") >= 2 and not name.endswith(kind):
        return False  # 中国人寿 is a life insurer of its own, no short form of 中国平安人寿保险股份有限公司
    if name.startswith(short):
        # 可口可乐 of 可口可乐公司: the name without its type; but 某局 before 某局党委 is the body the unit
        # belongs to.
        return not is_org_name(short) and org_suffix(name) == name[len(short) :]
    at = 1
    for c in short[1:]:
        at = name.find(c, at) + 1
        if not at:
            return False
    return True
