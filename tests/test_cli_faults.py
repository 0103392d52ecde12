"""The command line under faults: every failure ends in one line and exit 2, before the work where it
can; files keep the user's umask; hostile RDF/XML, unreadable folders and runaway inputs are refused."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from kg.cli import cli
from tests.conftest import ROOT, SEED, free_port

BOMB = """<?xml version="1.0"?>
<!DOCTYPE rdf:RDF [
<!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
<!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
<!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
<!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">
]>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://example.org/">
<rdf:Description rdf:about="http://example.org/x"><ex:p>&f;</ex:p></rdf:Description>
</rdf:RDF>
"""
NAMESPACES = """<?xml version="1.0"?>
<!DOCTYPE rdf:RDF [ <!ENTITY ex "http://example.org/"> ]>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="&ex;">
<rdf:Description rdf:about="&ex;x"><ex:p>v</ex:p></rdf:Description>
</rdf:RDF>
"""


def one_line_exit_2(result) -> str:
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output and len(result.output.strip().splitlines()) == 1, result.output
    return result.output


def test_faults_output_into_a_missing_folder_exits_2_before_the_build(runner, tmp_path, monkeypatch):
    import kg.pipeline

    monkeypatch.setattr(kg.pipeline, "run", lambda *a, **k: pytest.fail("the build ran"))
    out = one_line_exit_2(runner.invoke(cli, ["build", str(SEED), "-o", str(tmp_path / "missing" / "x.trig")]))
    assert "no folder" in out


def test_faults_export_into_a_missing_folder_exits_2(runner, tmp_path):
    store = tmp_path / "st"
    runner.invoke(cli, ["build", str(SEED), "--store", str(store), "--quiet", "--no-validate"])
    out = one_line_exit_2(runner.invoke(cli, ["export", "--store", str(store), "-o", str(tmp_path / "no" / "x.nq")]))
    assert "no folder" in out


STORE_COMMANDS = [
    ["query", "counts-by-type"],
    ["sparql", "ASK {}"],
    ["remove", "x"],
    ["validate"],
    ["export", "-o", "-"],
    ["build", str(SEED), "--quiet"],
]


@pytest.mark.parametrize("url", ["http://127.0.0.1:{free}/ds", "http://127.0.0.1:notaport/ds", "http:///ds"])
@pytest.mark.parametrize("command", STORE_COMMANDS, ids=lambda c: c[0])
def test_faults_unreachable_or_malformed_store_url_exits_2(runner, command, url):
    out = one_line_exit_2(runner.invoke(cli, [*command, "--store", url.format(free=free_port())]))
    assert "cannot reach the store" in out or "not a store URL" in out


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize(
    "args",
    [["build", str(SEED), "--quiet", "-o", "-"], ["sparql", "ASK {}", "--data", "{graph}"]],
    ids=["build", "sparql"],
)
def test_faults_a_full_disk_on_standard_output_exits_2_in_one_line(tmp_path, args):
    graph = tmp_path / "g.ttl"
    graph.write_text("<http://e.org/a> <http://e.org/p> 1 .\n", "utf-8")
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "kg", *[a.replace("{graph}", str(graph)) for a in args]],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
        )
    assert done.returncode == 2, done.stderr
    assert done.stderr.strip().splitlines() == ["Error: cannot write the output: No space left on device"]


def test_faults_an_ill_typed_literal_is_one_warning_line(runner, tmp_path):
    data = tmp_path / "ill.ttl"
    data.write_text(
        '@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n<http://e.org/a> <http://e.org/p> "abc"^^xsd:integer .\n'
    )
    result = runner.invoke(cli, ["validate", str(data)])
    assert result.exit_code == 0 and "Traceback" not in result.output
    warnings = [line for line in result.output.splitlines() if line.startswith("kg: warning")]
    assert warnings == [
        f'kg: warning: {data}: 1 ill-typed literal(s), e.g. "abc"^^<http://www.w3.org/2001/XMLSchema#integer>: not a valid xsd:integer'
    ]


@pytest.mark.parametrize("mask,mode", [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_faults_output_files_follow_the_umask(runner, tmp_path, mask, mode):
    old = os.umask(mask)
    try:
        result = runner.invoke(cli, ["build", str(SEED), "--quiet", "--no-validate", "-o", str(tmp_path / "g.nq")])
    finally:
        os.umask(old)
    assert result.exit_code == 0
    assert stat.S_IMODE((tmp_path / "g.nq").stat().st_mode) == mode


@pytest.mark.parametrize(
    "command", [["validate"], ["sparql", "ASK {}", "--data"], ["query", "counts-by-type", "--data"]]
)
def test_faults_xml_entity_bomb_is_refused_at_once(runner, tmp_path, command):
    bomb = tmp_path / "bomb.rdf"
    bomb.write_text(BOMB, "utf-8")
    out = one_line_exit_2(runner.invoke(cli, [*command, str(bomb)]))
    assert "bomb.rdf:4: XML entity refused" in out


def test_faults_xml_entity_bomb_is_refused_by_serve(tmp_path):
    bomb = tmp_path / "bomb.rdf"
    bomb.write_text(BOMB, "utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "kg", "serve", "--data", str(bomb), "--port", str(free_port())],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 2 and "XML entity refused" in done.stderr and "Traceback" not in done.stderr


def test_faults_xml_namespace_entities_are_still_read(runner, tmp_path):
    data = tmp_path / "ns.rdf"
    data.write_text(NAMESPACES, "utf-8")
    result = runner.invoke(cli, ["sparql", "SELECT ?o WHERE { ?s ?p ?o }", "--data", str(data), "--format", "csv"])
    assert result.exit_code == 0 and result.output.split() == ["o", "v"]


def _pages(folder: Path) -> None:
    (folder / "sub").mkdir(parents=True)
    for where in (folder, folder / "sub"):
        (where / SEED.name).write_text(SEED.read_text("utf-8"), "utf-8")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every folder whatever its mode")
def test_faults_an_unreadable_sub_folder_is_reported(runner, tmp_path):
    _pages(tmp_path / "in")
    (tmp_path / "in" / "sub").chmod(0)
    try:
        result = runner.invoke(cli, ["articles", str(tmp_path / "in")])
    finally:
        (tmp_path / "in" / "sub").chmod(0o755)
    assert result.exit_code == 0 and f"kg: skipped {tmp_path / 'in' / 'sub'}: cannot read" in result.output


def test_faults_a_sub_folder_that_fails_to_list_is_reported(runner, tmp_path, monkeypatch):
    """The same, for any user: the folder's listing fails as it does without permission."""
    _pages(tmp_path / "in")
    real = os.scandir

    def scandir(path="."):
        if Path(path).name == "sub":
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    result = runner.invoke(cli, ["articles", str(tmp_path / "in")])
    assert result.exit_code == 0
    assert f"kg: skipped {tmp_path / 'in' / 'sub'}: cannot read: Permission denied" in result.output
    assert SEED.stem in result.output  # the readable file is still read


def test_faults_a_file_over_the_size_limit_is_refused_unread(runner, tmp_path):
    big = tmp_path / "big.txt"
    with open(big, "wb") as f:
        f.truncate(9 * 1024 * 1024)  # sparse: nine megabytes that take no room
    out = one_line_exit_2(runner.invoke(cli, ["articles", str(big)]))
    assert "9.0 MB, more than the limit of 8 MB" in out


def test_faults_a_runaway_line_is_refused_with_its_line_number(runner, tmp_path):
    page = tmp_path / "page.txt"
    page.write_text("某市新闻\n" + "会" * 200_001 + "\n", "utf-8")
    out = one_line_exit_2(runner.invoke(cli, ["articles", str(page)]))
    assert "page.txt:2: a line of 200,001 characters, more than the limit of 200,000" in out
    folder = tmp_path / "in"
    folder.mkdir()
    page.rename(folder / "page.txt")
    (folder / SEED.name).write_text(SEED.read_text("utf-8"), "utf-8")
    result = runner.invoke(cli, ["articles", str(folder)])
    assert result.exit_code == 0 and "kg: skipped" in result.output and SEED.stem in result.output


def test_faults_a_runaway_record_is_skipped_with_its_line_number(runner, tmp_path):
    import json

    records = tmp_path / "in" / "news.jsonl"
    records.parent.mkdir()
    rows = [{"headline": "长", "text": "会" * 200_001}, {"headline": "某市召开会议", "text": "某市今天召开会议。"}]
    records.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    result = runner.invoke(cli, ["articles", str(records.parent)])
    assert result.exit_code == 0
    assert "news.jsonl:1: a record of" in result.output and "news-L2" in result.output


def test_faults_an_article_over_the_limit_is_refused(runner, tmp_path):
    """Many lines, each under the limit, that make one article over it."""
    page = tmp_path / "page.txt"
    page.write_text("某市新闻\n" + ("会" * 50_000 + "。\n") * 5, "utf-8")
    out = one_line_exit_2(runner.invoke(cli, ["articles", str(page)]))
    assert "an article of 250,005 characters, more than the limit of 200,000" in out


def test_faults_seed_still_reads(runner):
    assert runner.invoke(cli, ["articles", str(ROOT / "seeds")]).exit_code == 0
