"""Mine organization names from the training splits: the `known_names` list of kg/nlp/lexicons/orgs.toml.

Spans CLUENER train labels organization, company or government and spans MSRA (a training split for
kg, see its SOURCE.md) labels ORG (`kg.nlp.train.read` maps both to ORG), seen three times or more,
two to six Han characters, that no rule of kg finds already (no type suffix: 央行, 新华社, 中石化),
that name one body (not 公安机关) and no place. Left out as well:
- words jieba's dictionary tags as anything but an organization, an abbreviation or a proper noun
  (罗马, 里昂 and 卢森堡 are places or persons to it before they are clubs; 海军, 警方, 国会 are common
  words), or as a verb and lists 500 times or more (it tags 招行 and 建行 as verbs, rarely);
- competitions, lotteries and congresses (欧冠, 英超联赛, 福彩, 十五大), which CLUENER labels so.

    python bench/mine_orgs.py      # prints the TOML list
"""

from __future__ import annotations

import collections
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
SOURCES = [CORPUS / "cluener2020" / "train.json", CORPUS / "msra-ner" / "msra_bakeoff_test.bio"]
MIN_COUNT = 3
COMMON = 500
KEPT_TAGS = {None, "nz", "nt", "j", "v"}
NOT_BODIES = ("杯", "冠", "超", "甲", "乙", "联赛", "战", "彩", "大", "财政")


def main() -> None:
    sys.path.insert(0, str(ROOT))
    from kg.nlp import gazetteer, orgs, segment
    from kg.nlp.train import read

    sys.path.insert(0, str(ROOT / "bench"))
    from mine_roles import toml_list

    counts: collections.Counter[str] = collections.Counter()
    for source in SOURCES:
        for text, spans in read(source):
            counts.update(text[b:e] for b, e, kind in spans if kind == "ORG")
    names = {
        w
        for w, n in counts.items()
        if n >= MIN_COUNT
        and 2 <= len(w) <= 6
        and all("\u4e00" <= c <= "\u9fff" for c in w)
        and not orgs.is_org_name(w)
        and orgs.specific(w)
        and not gazetteer.is_area(w)
        and segment.tag(w) in KEPT_TAGS
        and (segment.tag(w) != "v" or segment.frequency(w) < COMMON)
        and not w.endswith(NOT_BODIES)
    }
    mined = sorted(names)
    print(toml_list("known_names", mined))


if __name__ == "__main__":
    main()
