"""kg articles through click's CliRunner, and the installed kg as a subprocess."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest

from kg.cli import cli
from tests.conftest import ROOT, SEED


def test_cli_articles_table(runner):
    result = runner.invoke(cli, ["articles", str(SEED)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].split("\t") == ["id", "headline", "byline", "dateline", "paragraphs", "chars", "first_sentence"]
    assert len(lines) == 7
    row = lines[2].split("\t")
    assert row[0] == "000_a519de1940e34702-02"
    assert row[2] == "记者 杨升涛"
    assert row[6] == "12月26日，四川医保公共服务新闻发布会在成都举行。"


def test_cli_articles_json_is_one_object_per_line(runner):
    result = runner.invoke(cli, ["articles", str(ROOT / "seeds"), "--json", "--date", "2023-12-27"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(x) for x in result.output.splitlines()]
    assert [r["id"][-2:] for r in rows] == ["01", "02", "03", "04", "05", "06"]
    assert {r["source"] for r in rows} == {"成都日报"}
    assert {r["date"] for r in rows} == {"2023-12-27"}
    assert rows[2]["bylines"] == [{"name": "李世芳", "org": "成都日报锦观新闻", "role": "记者"}]


def test_cli_articles_output_is_deterministic(runner):
    one = runner.invoke(cli, ["articles", str(ROOT / "seeds"), "--json"]).output
    two = runner.invoke(cli, ["articles", str(ROOT / "seeds"), "--json"]).output
    assert one == two


BAD = [
    (lambda d: d / "missing.txt", "no such file or directory", "missing"),
    (lambda d: (d / "e.txt").write_bytes(b"") and None or d / "e.txt", "empty file", "empty"),
    (lambda d: (d / "b.txt").write_bytes(bytes(range(256))) and None or d / "b.txt", "binary data", "binary"),
    (lambda d: (d / "j.jsonl").write_text("{oops\n") and None or d / "j.jsonl", ":1: not valid JSON", "bad-jsonl"),
    (lambda d: d, "no text files", "empty-folder"),
]


@pytest.mark.parametrize("make,message", [b[:2] for b in BAD], ids=[b[2] for b in BAD])
def test_cli_bad_input_exits_2_with_one_line(runner, tmp_path, make, message):
    path = make(tmp_path)
    result = runner.invoke(cli, ["articles", str(path)])
    assert result.exit_code == 2, result.output
    assert message in result.output
    assert str(path) in result.output
    assert "Traceback" not in result.output and len(result.output.strip().splitlines()) == 1


def test_cli_skipped_file_in_folder_is_a_warning(runner, tmp_path):
    shutil.copy(SEED, tmp_path / "page.txt")
    (tmp_path / "bad.txt").write_bytes(bytes(range(256)) * 4)
    result = runner.invoke(cli, ["articles", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "kg: skipped" in result.stderr and "bad.txt" in result.stderr
    assert len(result.stdout.splitlines()) == 7


def test_cli_bad_date_is_a_usage_error(runner):
    result = runner.invoke(cli, ["articles", str(SEED), "--date", "27/12/2023"])
    assert result.exit_code == 2


def _kg() -> list[str]:
    exe = shutil.which("kg")
    return [exe] if exe else [sys.executable, "-m", "kg"]


def test_cli_installed_kg_runs_on_seeds():
    done = subprocess.run([*_kg(), "articles", str(ROOT / "seeds")], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert len(done.stdout.splitlines()) == 7


def test_cli_installed_kg_bad_input_has_no_traceback(tmp_path):
    bad = tmp_path / "x.txt"
    bad.write_bytes(b"\x00\x01\x02" * 100)
    done = subprocess.run([*_kg(), "articles", str(bad)], capture_output=True, text=True, check=False)
    assert done.returncode == 2
    assert done.stderr.strip() == f"Error: {bad}: binary data, not text"


def test_cli_python_dash_m_kg_version():
    done = subprocess.run([sys.executable, "-m", "kg", "--version"], capture_output=True, text=True, check=False)
    assert done.returncode == 0 and done.stdout.startswith("kg, version")


def test_cli_articles_json_has_the_text_and_text_prints_it(runner):
    rows = [json.loads(line) for line in runner.invoke(cli, ["articles", str(SEED), "--json"]).output.splitlines()]
    assert all(r["text"] and r["length"] == len(r["text"]) for r in rows)
    printed = runner.invoke(cli, ["articles", str(SEED), "--text"]).output
    assert printed.count("\n# ") == len(rows) - 1 and rows[0]["text"] in printed


@pytest.mark.parametrize("option", ["--type", "--field"])
def test_cli_a_wrong_choice_exits_2_and_lists_the_right_ones(runner, option):
    value = "posts" if option == "--type" else "idx=docno"
    result = runner.invoke(cli, ["facts" if option == "--type" else "articles", str(SEED), option, value])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert ("'post'" in result.output) if option == "--type" else ("kg reads headline, text" in result.output)


def test_cli_graph_queries_work_on_data_files(runner, seed_graph):
    """GRAPH on --data files, as on a store: the named graphs of a TriG file are kept."""
    query = "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    result = runner.invoke(cli, ["sparql", query, "--data", str(seed_graph), "--format", "csv"])
    assert result.exit_code == 0 and result.output.split() == ["n", "6"]
