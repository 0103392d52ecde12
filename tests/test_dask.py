"""Distributed extraction on Dask: a LocalCluster on 127.0.0.1, and the same graph as a local build."""

from __future__ import annotations

import pytest

from kg.cli import cli
from tests.conftest import ROOT

SEEDS = ROOT / "seeds"


@pytest.fixture(scope="module")
def cluster():
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, host="127.0.0.1", dashboard_address="127.0.0.1:0", processes=True
    ) as c:
        yield c.scheduler_address


def test_dask_build_equals_the_local_build(runner, cluster, tmp_path):
    local, remote = tmp_path / "local.nq", tmp_path / "dask.nq"
    assert runner.invoke(cli, ["build", str(SEEDS), "--date", "2023-12-27", "-o", str(local)]).exit_code == 0
    result = runner.invoke(
        cli, ["build", str(SEEDS), "--date", "2023-12-27", "-o", str(remote), "--scheduler", cluster]
    )
    assert result.exit_code == 0, result.output
    assert remote.read_bytes() == local.read_bytes()


def test_dask_unreachable_scheduler_exits_2(runner):
    result = runner.invoke(cli, ["build", str(SEEDS), "--scheduler", "tcp://127.0.0.1:9", "-o", "-"])
    assert result.exit_code == 2 and "cannot reach the Dask scheduler" in result.output
