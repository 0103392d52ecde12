"""The trained tagger: its features, the annotation readers, deterministic training, the shipped model."""

from __future__ import annotations

import pytest

from kg.cli import cli
from kg.errors import InputError
from kg.nlp import crf, tagger
from kg.nlp.segment import tokens
from kg.nlp.train import read, train
from tests.conftest import SHARED

# Sentences from the training splits (CLUENER train, MSRA, Resume train), as their files write them.
CLUENER = (
    '{"text": "浙商银行企业信贷部叶老桂博士则从另一个角度对五道门槛进行了解读。", '
    '"label": {"name": {"叶老桂": [[9, 11]]}, "company": {"浙商银行": [[0, 3]]}}}\n'
)
MSRA = "中\tB-ORG\n共\tI-ORG\n中\tI-ORG\n央\tI-ORG\n致\tO\n\n"
RESUME = "高 B-NAME\n勇 E-NAME\n： O\n男 O\n\n历 O\n任 O\n董 B-TITLE\n事 M-TITLE\n长 E-TITLE\n\n"


@pytest.mark.parametrize(
    ("name", "content", "text", "want"),
    [
        (
            "cluener.json",
            CLUENER,
            "浙商银行企业信贷部叶老桂博士则从另一个角度对五道门槛进行了解读。",
            [(9, 12, "PER"), (0, 4, "ORG")],
        ),
        ("msra.bio", MSRA, "中共中央致", [(0, 4, "ORG")]),
        ("resume.bmes", RESUME, "高勇：男", [(0, 2, "PER")]),
    ],
    ids=["cluener", "bio", "bmes"],
)
def test_tagger_readers_map_each_format_to_the_tagger_types(tmp_path, name, content, text, want):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    assert next(read(path)) == (text, sorted(want, key=lambda s: want.index(s)))


def test_tagger_bmes_titles_become_positions(tmp_path):
    path = tmp_path / "resume.bmes"
    path.write_text(RESUME, encoding="utf-8")
    assert list(read(path))[1] == ("历任董事长", [(2, 5, "POS")])


@pytest.mark.parametrize(
    ("content", "line"),
    [('{"text": 1}\n', 1), ("中\tB-ORG\n共 I ORG\n", 2)],
    ids=["cluener-without-label-text", "bio-three-columns"],
)
def test_tagger_bad_annotations_name_the_file_and_line(tmp_path, content, line):
    path = tmp_path / ("bad.json" if content.startswith("{") else "bad.bio")
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as e:
        list(read(path))
    assert e.value.line == line and e.value.path == str(path)


def test_tagger_features_mark_surnames_and_titles():
    """上海银监局局长阎庆民 (CLUENER train): 局长 is a title of the lexicon, 阎 follows it."""
    text = "上海银监局局长阎庆民在接受本报记者专访时表示"
    rows = crf.features(text, tokens(text))
    assert len(rows) == len(text)
    assert "tb" in rows[5] and "te" in rows[6] and "<t" in rows[7] and "t>" in rows[4]
    assert "sn" in rows[2] and "sn" not in rows[3]  # 银 can open a surname, 监 cannot
    assert rows[0][0] == "c=上" and "l=␂" in rows[0]


def test_tagger_digits_and_latin_letters_are_folded():
    rows = crf.features("1998年CSOL", tokens("1998年CSOL"))
    assert rows[0][0] == rows[2][0] == "c=0" and rows[5][0] == "c=a"


def test_tagger_training_is_deterministic(tmp_path):
    data = tmp_path / "train.json"
    data.write_text(CLUENER * 3, encoding="utf-8")
    first, second = tmp_path / "a.crfsuite", tmp_path / "b.crfsuite"
    train(first, [data])
    train(second, [data])
    assert first.read_bytes() == second.read_bytes()
    assert not list(tmp_path.glob("*.part"))


def test_tagger_kg_train_writes_a_model_and_refuses_a_missing_file(runner, tmp_path):
    data = tmp_path / "mine.bio"
    data.write_text(MSRA * 5, encoding="utf-8")
    result = runner.invoke(cli, ["train", str(data), "-o", str(tmp_path / "m.crfsuite")])
    assert result.exit_code == 0, result.output
    assert '"sentences": 5' in result.output and (tmp_path / "m.crfsuite").stat().st_size > 0
    result = runner.invoke(cli, ["train", str(tmp_path / "missing.bio"), "-o", str(tmp_path / "x.crfsuite")])
    assert result.exit_code == 2 and "missing.bio" in result.output


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("浙商银行企业信贷部叶老桂博士则从另一个角度对五道门槛进行了解读。", "叶老桂"),  # CLUENER train
        ("中国致公党十一大在京开幕，罗豪才当选中央委员会主席。", "罗豪才"),  # MSRA (training split)
    ],
)
def test_tagger_the_shipped_model_finds_people(text, person):
    found = tagger.tag(text)
    assert any(s.kind == "PER" and s.text == person and 0 < s.confidence <= 1 for s in found), found


@pytest.mark.skipif(not (SHARED / "corpus").is_dir(), reason="needs ../shared/corpus")
def test_tagger_cluener_dev_people_and_positions():
    """Held out: CLUENER dev. Floors a little under what bench/ner_eval.py measured (docs/model-card.md)."""
    gold, found = set(), set()
    for n, (text, spans) in enumerate(read(SHARED / "corpus" / "cluener2020" / "dev.json")):
        gold |= {(n, b, e, k) for b, e, k in spans if k in ("PER", "POS")}
        found |= {(n, s.begin, s.end, s.kind) for s in tagger.tag(text) if s.kind in ("PER", "POS")}
    for kind, floor in (("PER", 0.77), ("POS", 0.70)):
        g, f = {x for x in gold if x[3] == kind}, {x for x in found if x[3] == kind}
        p, r = len(g & f) / len(f), len(g & f) / len(g)
        assert 2 * p * r / (p + r) >= floor, (kind, p, r)


@pytest.mark.parametrize(
    ("position", "role", "org"),
    [
        ("某某置业有限公司公关部经理", "经理", "某某置业有限公司公关部"),  # the tagger's span swallowed the company
        ("副总经理", "副总经理", None),  # a title alone stays whole
    ],
)
def test_tagger_a_position_that_swallowed_its_organization_is_split(position, role, org):
    from kg.nlp import linking

    got_role, where = linking._split(tagger.Span(3, 3 + len(position), "POS", position, 0.9), position)
    assert got_role == role
    assert (position[where[0] - 3 : where[1] - 3] if where else None) == org
