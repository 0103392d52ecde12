from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_a519de1940e34702.txt"
SHARED = ROOT.parent / "shared"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture(scope="session")
def seed_articles():
    from kg.ingest import read_articles

    return read_articles([SEED])


@pytest.fixture(scope="session")
def seed_graph(tmp_path_factory):
    """The seed page built once (dated 2023-12-27) into a TriG file, for the tests that read a graph."""
    import datetime as dt

    from kg.pipeline import run
    from kg.store import files

    out = tmp_path_factory.mktemp("seed-graph") / "seed.trig"
    files.write(run([ROOT / "seeds"], date=dt.date(2023, 12, 27)).dataset, out, "trig")
    return out


def make_article(text: str, *, date=None, locale=None, source=None, bylines=(), headlines=("标题",), id="t-01"):
    """An Article built by hand from text (paragraphs split on newlines), for tests of one rule."""
    import datetime as dt

    from kg.models import Article, Paragraph, SourceMeta

    if isinstance(date, str):
        date = dt.date.fromisoformat(date)
    paragraphs = tuple(Paragraph(p) for p in text.split("\n"))
    joined = "\n".join(p.text for p in paragraphs)
    return Article(
        id=id,
        path="test",
        headlines=tuple(headlines),
        paragraphs=paragraphs,
        offsets=tuple(range(len(joined))),
        meta=SourceMeta(source=source, locale=locale, date=date),
        bylines=tuple(bylines),
    )


def free_port() -> int:
    """A TCP port nobody listens on, on 127.0.0.1."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def exited_while_waiting(proc, seconds: float) -> bool:
    """Wait on the process's exit for at most ``seconds``: True if it ended. Between two checks of a
    condition this is the wait, so a process that dies ends the wait at once instead of a sleep."""
    import subprocess

    try:
        proc.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        return False
    return True


def wait_until_up(url: str, proc, log=None, deadline: float = 180.0) -> None:
    """Check url until a server answers (the condition), failing with its log as soon as the process
    exits, or after a deadline generous enough for a loaded 2-core machine."""
    import time
    import urllib.request

    end = time.monotonic() + deadline
    while time.monotonic() < end:
        try:
            urllib.request.urlopen(url, timeout=5)
            return
        except OSError:
            if exited_while_waiting(proc, 0.1):
                raise RuntimeError(log.read_text("utf-8") if log else "the server exited") from None
    raise RuntimeError(f"no answer from {url} in {deadline:.0f} s")


def serve(args: list[str], log, env=None, cwd=None) -> tuple[str, object]:
    """Start ``kg serve ARGS`` on a free port of 127.0.0.1; (base URL, process) once it answers. ``env`` and
    ``cwd``: another kg's checkout on PYTHONPATH (bench/load.py --before)."""
    import subprocess
    import sys

    port = free_port()
    with open(log, "wb") as err:
        proc = subprocess.Popen(
            [sys.executable, "-m", "kg", "serve", *args, "--port", str(port)],
            stdout=subprocess.DEVNULL,
            stderr=err,
            env=env,
            cwd=cwd,
        )
    base = f"http://127.0.0.1:{port}"
    wait_until_up(base + "/queries", proc, log)
    return base, proc


def stop(proc) -> None:
    proc.terminate()
    proc.wait(timeout=30)
