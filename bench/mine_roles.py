"""Mine position titles from the training splits: the `mined_roles` list of kg/nlp/lexicons/people.toml.

Position spans of CLUENER train and Resume train (training splits only) seen three times or more, two to
six characters long, minus the ones the lexicon already has (roles, occupations) and the ones that are
no post a person holds in an organization (EXCLUDED: memberships, statuses, audiences, degrees, verbs,
ranks), and titles that carry their unit (办公室主任, 党委副书记, 财务部经理): kg reads those as the unit
(某局办公室) and the title (主任), as annotators do.

    python bench/mine_roles.py      # prints the TOML list
"""

from __future__ import annotations

import collections
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
SOURCES = [CORPUS / "cluener2020" / "train.json", CORPUS / "resume-ner" / "train.char.bmes"]
MIN_COUNT = 3
EXCLUDED = {
    *("中共党员", "党员", "学生", "大学生", "中小学生", "留学生", "投资者", "战略投资者", "开发商", "会员", "资深会员"),
    *("嘉宾", "皇帝", "笔者", "黑客", "明星", "收藏者", "藏家", "设计者", "作者", "客服", "主角", "男主角", "博士"),
    *("博士后", "大师", "模特", "士兵", "战士", "工人", "主持", "摄影", "解说", "主管", "法人", "领导", "成员"),
    *("干部", "官员", "老板", "选手", "职业选手", "主演", "监制", "队员", "球员", "运动员", "中场", "后卫", "中卫"),
    *("前锋", "门将", "付总经理", "老师", "教师", "医生", "司机", "保安", "会计", "业务员", "营业员", "公务员"),
    *("大将", "上将", "少将", "将军"),
}


def carries_unit(title: str, base: set[str], units: tuple[str, ...]) -> bool:
    """办公室主任: a unit word (an organization's type suffix) and then a title the lexicon has."""
    return any(title[k:] in base and title[:k].endswith(units) for k in range(1, len(title) - 1))


def main() -> None:
    sys.path.insert(0, str(ROOT))
    from kg.nlp.lexicon import load
    from kg.nlp.train import read

    people = load("people")
    orgs = load("orgs")
    known = set(people["roles"]) | set(people["occupations"])
    base = set(people["roles"]) | {m + r for m in people["role_modifiers"] for r in people["roles"]}
    base |= {m + "副" + r for m in people["role_modifiers"] for r in people["roles"]}
    units = tuple(orgs["suffixes"]) + tuple(orgs["department_suffixes"])
    counts: collections.Counter[str] = collections.Counter()
    for source in SOURCES:
        for text, spans in read(source):
            counts.update(text[b:e] for b, e, kind in spans if kind == "POS")
    mined = sorted(
        w
        for w, n in counts.items()
        if n >= MIN_COUNT
        and 2 <= len(w) <= 6
        and w not in known | EXCLUDED
        and not w.isascii()
        and not carries_unit(w, base, units)
    )
    print(toml_list("mined_roles", mined))


def toml_list(key: str, words: list[str]) -> str:
    """key = [ "word", ... ] wrapped at 118 columns, as the lexicons are written."""
    lines, line = [], "  "
    for w in words:
        item = f'"{w}", '
        if len(line) + len(item) > 118:
            lines.append(line.rstrip())
            line = "  "
        line += item
    lines.append(line.rstrip())
    return f"{key} = [\n" + "\n".join(lines) + "\n]"


if __name__ == "__main__":
    main()
