"""kg eval and kg facts: scores against hand-read gold, on the seed page and on real articles."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from kg.cli import cli
from tests.conftest import ROOT, SHARED

GOLD = ROOT / "tests" / "gold"
SEED_DIR = ROOT / "seeds"
TARGETS = {  # the targets on the seed: (precision, recall)
    "posts": (0.95, 0.95),
    "containment": (0.9, 0.85),
    "events": (0.9, 0.85),
    "statistics": (0.9, 0.85),
}


@pytest.fixture(scope="module")
def seed_scores():
    from click.testing import CliRunner

    result = CliRunner().invoke(cli, ["eval", str(GOLD / "seed.toml"), str(SEED_DIR), "--json"])
    assert result.exit_code == 0, result.output
    return {row["type"]: row for row in json.loads(result.output)}


@pytest.mark.parametrize("kind", sorted(TARGETS))
def test_eval_seed_meets_the_targets(seed_scores, kind):
    precision, recall = TARGETS[kind]
    row = seed_scores[kind]
    assert row["precision"] >= precision and row["recall"] >= recall, row


def test_eval_text_report_lists_misses_and_false_positives(runner):
    result = runner.invoke(cli, ["eval", str(GOLD / "seed.toml"), str(SEED_DIR)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].split() == ["type", "gold", "found", "P", "R", "F1"]
    assert all(line.startswith(("- ", "+ ")) for line in lines[8:])


def test_eval_counts_a_wrong_fact_as_miss_and_false_positive(runner, tmp_path):
    gold = tmp_path / "g.toml"
    gold.write_text('date = "2023-12-27"\nposts = [["某人", "局长", "某局"]]\n', encoding="utf-8")
    page = tmp_path / "a.txt"
    page.write_text("市长王某平强调，要抓好落实。\n", encoding="utf-8")
    (tmp_path / "a.meta.toml").write_text('locale = "四川省成都市"\n', encoding="utf-8")
    result = runner.invoke(cli, ["eval", str(gold), str(page), "--json"])
    row = next(r for r in json.loads(result.output) if r["type"] == "posts")
    assert row["missed"] == [["某人", "局长", "某局"]]
    assert row["false_positives"] == [["王某平", "市长", "成都市人民政府"]]
    assert row["precision"] == 0.0 and row["recall"] == 0.0


@pytest.mark.parametrize("role", ["前主席", "原主席"])
def test_eval_a_former_holding_is_written_with_its_status(runner, tmp_path, role):
    """Gold lists write a post held no more as the text prints it (前主席, 原主席); kg keeps the role 主席
    and the status former (MODEL.md), and the two compare equal."""
    gold = tmp_path / "g.toml"
    gold.write_text(f'date = "2012-06-02"\nposts = [["王立文", "{role}", "江城协会"]]\n', encoding="utf-8")
    page = tmp_path / "a.txt"
    page.write_text("出席的有江城协会前主席王立文等人。\n", encoding="utf-8")
    result = runner.invoke(cli, ["eval", str(gold), str(page), "--json"])
    row = next(r for r in json.loads(result.output) if r["type"] == "posts")
    assert row["true_positives"] == 1 and row["false_positives"] == [], row


def test_eval_scores_people_organizations_and_roles_alone_only_when_the_gold_lists_them(runner, tmp_path):
    """The blind samples list every person and organization named, and the roles held with no organization."""
    gold = tmp_path / "g.toml"
    gold.write_text(
        'date = "2023-12-27"\npeople = [["邓涛"], ["某人"]]\norganizations = [["成都市委"]]\nroles_without_org = []\n',
        encoding="utf-8",
    )
    result = runner.invoke(cli, ["eval", str(gold), str(SEED_DIR), "--json"])
    rows = {r["type"]: r for r in json.loads(result.output)}
    assert rows["people"]["missed"] == [["某人"]] and rows["people"]["true_positives"] == 1
    assert rows["organizations"]["true_positives"] == 1
    assert "roles_without_org" in rows
    plain = runner.invoke(cli, ["eval", str(GOLD / "seed.toml"), str(SEED_DIR), "--json"])
    assert "people" not in {r["type"] for r in json.loads(plain.output)}


@pytest.mark.parametrize(
    "content,message",
    [("posts = [[1, 2]]\n", "posts: every entry must be a list of 3 strings"), ("posts = [\n", "not a gold TOML file")],
)
def test_eval_bad_gold_exits_2_naming_the_file(runner, tmp_path, content, message):
    gold = tmp_path / "bad.toml"
    gold.write_text(content, encoding="utf-8")
    result = runner.invoke(cli, ["eval", str(gold), str(SEED_DIR)])
    assert result.exit_code == 2
    assert str(gold) in result.output and message in result.output
    assert "Traceback" not in result.output


def test_eval_facts_command_prints_sorted_json_lines(runner):
    result = runner.invoke(cli, ["facts", str(SEED_DIR), "--date", "2023-12-27", "--type", "post"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert len(rows) == 20 and all(r["type"] == "post" for r in rows)
    assert all(set(r["evidence"]) == {"article", "begin", "end", "text"} for r in rows)


def test_eval_facts_are_deterministic_across_processes():
    """Two separate runs (fresh jieba, fresh hash seeds) print the same bytes."""
    cmd = [sys.executable, "-m", "kg", "facts", str(SEED_DIR), "--date", "2023-12-27"]
    first = subprocess.run(cmd, capture_output=True, check=True).stdout
    second = subprocess.run(cmd, capture_output=True, check=True, env={"PYTHONHASHSEED": "7", "PATH": ""}).stdout
    assert first == second and first


# Precision measured on each hand-annotated sample of real articles; a change that loses it fails.
CORPUS_FLOORS = {
    # events 0.75: its gold predates named campaigns (本年度“某某”公益活动), which later samples list as events;
    # kg now names that campaign too, the one event found that this gold does not list.
    "corpus.toml": {"posts": 0.75, "gazetteer": 0.85, "events": 0.75},
    "corpus-blind.toml": {"posts": 0.9, "containment": 0.9, "statistics": 0.8},
    "corpus-blind2.toml": {"posts": 0.75, "gazetteer": 0.9},  # posts in prose: P 1.00 (3 of 3) -> 0.80 (8 of 10)
    "corpus-blind3.toml": {"people": 0.8},  # first run: people P 0.85
}


@pytest.mark.skipif(not (SHARED / "corpus").is_dir(), reason="needs ../shared/corpus")
@pytest.mark.parametrize("gold", sorted(CORPUS_FLOORS))
def test_eval_corpus_sample_precision(tmp_path, gold):
    """The hand-annotated samples of real articles keep the precision they were measured at."""
    sys.path.insert(0, str(ROOT / "bench"))
    from click.testing import CliRunner
    from corpus_sample import build

    sample = build(tmp_path / "sample", GOLD / gold)
    result = CliRunner().invoke(cli, ["eval", str(GOLD / gold), str(sample), "--json"])
    assert result.exit_code == 0, result.output
    rows = {r["type"]: r for r in json.loads(result.output)}
    for kind, floor in CORPUS_FLOORS[gold].items():
        assert rows[kind]["precision"] >= floor, rows[kind]


def test_eval_an_organization_matches_by_the_form_the_article_printed(runner, tmp_path):
    """A gold list writes a body as printed (成都市政府); kg names it in full (成都市人民政府) and keeps the
    printed form as schema:alternateName (MODEL.md), so the two agree, for the body and for its posts."""
    gold = tmp_path / "g.toml"
    gold.write_text(
        'date = "2023-12-27"\norganizations = [["成都市政府"]]\nposts = [["王某平", "副秘书长", "成都市政府"]]\n',
        encoding="utf-8",
    )
    page = tmp_path / "a.txt"
    page.write_text("成都市政府副秘书长王某平强调，要抓好落实。\n", encoding="utf-8")
    result = runner.invoke(cli, ["eval", str(gold), str(page), "--json"])
    rows = {r["type"]: r for r in json.loads(result.output)}
    assert (rows["organizations"]["true_positives"], rows["organizations"]["false_positives"]) == (1, [])
    assert (rows["posts"]["true_positives"], rows["posts"]["false_positives"]) == (1, [])
