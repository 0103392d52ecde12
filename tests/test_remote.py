"""A remote store: kg against a real Oxigraph server (`oxigraph serve`) started on 127.0.0.1 by the test."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kg.cli import cli
from tests.conftest import ROOT, free_port, wait_until_up

SEEDS = ROOT / "seeds"
OXIGRAPH = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")


@pytest.fixture
def server(tmp_path):
    if not Path(OXIGRAPH).exists():
        pytest.fail("the oxigraph server (PyPI package oxigraph, in the test extra) is not installed")
    port = free_port()
    proc = subprocess.Popen(
        [OXIGRAPH, "serve", "--location", str(tmp_path / "ox"), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    wait_until_up(url + "/query?query=ASK%7B%7D", proc)
    yield url
    proc.terminate()
    proc.wait(timeout=10)


def test_remote_build_export_query_remove(runner, server, tmp_path):
    result = runner.invoke(cli, ["build", str(SEEDS), "--date", "2023-12-27", "--store", server])
    assert result.exit_code == 0, result.output
    assert "6 article graphs" in result.output

    direct = tmp_path / "direct.nq"
    runner.invoke(cli, ["build", str(SEEDS), "--date", "2023-12-27", "-o", str(direct)])
    exported = tmp_path / "remote.nq"
    assert runner.invoke(cli, ["export", "--store", server, "-o", str(exported)]).exit_code == 0
    assert exported.read_bytes() == direct.read_bytes()

    # again: the same graphs, replaced, nothing added
    runner.invoke(cli, ["build", str(SEEDS), "--date", "2023-12-27", "--store", server])
    runner.invoke(cli, ["export", "--store", server, "-o", str(exported)])
    assert exported.read_bytes() == direct.read_bytes()

    result = runner.invoke(cli, ["query", "holders-of-role", "-p", "role=记者", "--store", server])
    assert result.exit_code == 0 and "杨升涛" in result.output

    result = runner.invoke(cli, ["remove", "000_a519de1940e34702-06", "--store", server])
    assert "removed 1 of 1" in result.output
    runner.invoke(cli, ["export", "--store", server, "-o", str(exported)])
    assert "余辉" not in exported.read_text("utf-8")

    for how in ([], ["--per-graph"]):  # the server's union, then each article graph
        result = runner.invoke(cli, ["validate", "--store", server, *how])
        assert result.exit_code == 0 and result.output.splitlines()[-1].startswith("conforms")


def test_remote_unreachable_store_exits_2(runner):
    result = runner.invoke(cli, ["build", str(SEEDS), "--date", "2023-12-27", "--store", "http://127.0.0.1:9/"])
    assert result.exit_code == 2 and "cannot reach the store" in result.output
