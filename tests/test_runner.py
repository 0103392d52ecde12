"""The query runner's pool of workers: timeouts kill and replace a worker, signals go only to live
children of the pool, a changed store gets fresh workers, and a full pool says so. The backend here is
a stand-in whose queries block on a pipe the test controls: every wait is on an event, not a clock."""

from __future__ import annotations

import os
import signal
import threading

import pytest

from kg.serve.runner import Busy, Limits, QueryRunner, QueryTimeout, ResultTooLarge
from kg.store.engine import Result, SparqlError


class Backend:
    """Answers 'pid' with its process id, 'rows N' with N rows, blocks on 'block' until the test writes
    to the gate (a named pipe: a worker keeps no descriptor it inherited), never ends 'forever', and
    ends its process on 'crash'."""

    def __init__(self, gate: str | None = None):
        self.gate = gate

    def query(self, text: str) -> Result:
        if text == "pid":
            return Result("select", ["pid"], [(os.getpid(),)])
        if text.startswith("rows "):
            return Result("select", ["n"], [(k,) for k in range(int(text.split()[1]))])
        if text == "block":
            with open(self.gate, "rb") as gate:
                gate.read(1)
            return Result("ask", boolean=True)
        if text == "forever":
            threading.Event().wait()
        if text == "crash":
            os._exit(3)
        raise SparqlError(f"no such query {text!r}")


@pytest.fixture
def pool():
    made = []

    def make(**kwargs):
        version = kwargs.pop("version", lambda: "v1")
        backend = kwargs.pop("backend", Backend())
        runner = QueryRunner(lambda: backend, Limits(**kwargs), version)
        made.append(runner)
        return runner

    yield make
    for runner in made:
        runner.close()


def _pids(runner) -> set[int]:
    return {w.process.pid for w in runner._workers}


def test_runner_answers_from_workers_it_keeps(pool):
    runner = pool(workers=2)
    first = {runner.run("pid").rows[0][0] for _ in range(6)}
    assert first <= _pids(runner) and len(_pids(runner)) == 2


def test_runner_a_timeout_kills_the_worker_and_replaces_it(pool):
    runner = pool(workers=1, timeout=2.0)  # the next query, on a new worker, has as long
    before = _pids(runner)
    old = next(iter(runner._workers)).process
    with pytest.raises(QueryTimeout, match="stopped"):
        runner.run("forever")
    assert not old.is_alive() and old.exitcode == -signal.SIGKILL
    assert _pids(runner) != before and len(_pids(runner)) == 1
    assert runner.run("pid").rows[0][0] in _pids(runner)


def test_runner_a_crashed_worker_is_an_answer_and_is_replaced(pool):
    runner = pool(workers=1)
    with pytest.raises(SparqlError, match="ended without an answer"):
        runner.run("crash")
    assert runner.run("pid").rows[0][0] in _pids(runner)


def test_runner_a_result_over_the_limit_is_refused(pool):
    runner = pool(workers=1, max_rows=5)
    assert len(runner.run("rows 5").rows) == 5
    with pytest.raises(ResultTooLarge, match="limit of 5"):
        runner.run("rows 6")


def test_runner_a_changed_store_gets_a_fresh_worker(pool):
    version = ["v1"]
    runner = pool(workers=1, version=lambda: version[0])
    one = runner.run("pid").rows[0][0]
    assert runner.run("pid").rows[0][0] == one
    version[0] = "v2"
    two = runner.run("pid").rows[0][0]
    assert two != one and runner.run("pid").rows[0][0] == two


def test_runner_a_full_pool_says_busy(pool, tmp_path):
    gate = tmp_path / "gate"
    os.mkfifo(gate)
    runner = pool(workers=1, wait=0.05, backend=Backend(str(gate)))
    answers = []
    blocked = threading.Thread(target=lambda: answers.append(runner.run("block").boolean))
    blocked.start()
    try:
        with pytest.raises(Busy, match="busy"):
            for _ in range(100_000):  # until the blocked query holds the only worker
                runner.run("pid")
    finally:
        with open(gate, "wb") as opened:  # waits for the worker to open its end, then lets it go
            opened.write(b"x")
        blocked.join()
    assert answers == [True]
    assert runner.run("pid").rows


def test_runner_never_signals_a_reaped_child(pool, monkeypatch):
    """A worker that ended by itself and was reaped elsewhere (multiprocessing reaps finished children
    whenever a process starts): stopping it sends no signal at all, so none can reach a reused pid."""
    runner = pool(workers=1)
    worker = next(iter(runner._workers))
    worker.conn.send("crash")
    worker.process.join()  # reaped: its pid is free for any new process
    assert worker.process.exitcode == 3
    sent = []
    monkeypatch.setattr(os, "kill", lambda pid, sig: sent.append((pid, sig)))
    monkeypatch.setattr(signal, "pidfd_send_signal", lambda fd, sig: sent.append((fd, sig)), raising=False)
    with runner._lock:
        worker.stop()
    assert sent == []


def test_runner_many_threads_at_once_all_get_answers(pool):
    """Queries from many threads while timeouts kill and replace workers: every query gets its own answer
    or its timeout, and no start, kill or reap of one thread breaks another's."""
    from concurrent.futures import ThreadPoolExecutor

    runner = pool(workers=2, timeout=3.0, wait=120)

    def one(k):
        if k % 10 == 0:
            with pytest.raises(QueryTimeout):
                runner.run("forever")
            return "timeout"
        return len(runner.run(f"rows {k % 7}").rows) == k % 7

    with ThreadPoolExecutor(max_workers=12) as threads:
        outcomes = list(threads.map(one, range(40)))
    assert outcomes.count("timeout") == 4 and all(o is True for o in outcomes if o != "timeout")
    assert len(_pids(runner)) == 2
