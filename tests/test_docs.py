"""The docs' examples, run, so that what they show cannot drift from what kg does.

Every ```console block of README.md and docs/*.md holds commands, each on a line starting with `$ `
and followed by its output. A line `...` in the output matches any lines (none too); trailing
whitespace is ignored. The commands of one section (the text under one heading) run in order in one
folder, a fresh copy of the workspace: seeds/, tests/gold/, bench/, the small files of FILES below and
seed.trig, built once by SEED_BUILD. `kg` is this Python's kg (`python -m kg`) through a script first on
PATH, so pipes and `&&` work as in a shell. A command must exit 0, unless the next one is `echo $?`,
which shows its status. `kg serve` runs on a free port of 127.0.0.1 until it answers GET /, then is
stopped. A command that reads ../shared is skipped, with the rest of its section, when ../shared is
absent. ```python blocks run too, each in a fresh workspace, and must not fail. Sections run side by
side, a few at a time.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
import urllib.request
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import ROOT, SHARED, serve, stop

DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]

SEED_BUILD = "kg build seeds/ --date 2023-12-27 -o seed.trig"

# The small inputs the examples read; the docs show each with `$ cat NAME`.
FILES = {
    "news.jsonl": (
        '{"id": "wh-0312", "title": "武侯区召开营商环境推进会", "date": "2024-03-12", "source": "锦城晚报", '
        '"text": "本报讯（记者 林晓）3月11日，成都市武侯区营商环境推进会召开。武侯区委书记周明远出席会议并讲话。'
        '\\n今年1-2月，武侯区新登记市场主体2860户。"}\n'
        '{"id": "wh-0315", "title": "武侯区新增两所社区学校", "date": "2024-03-15", "source": "锦城晚报", '
        '"text": "武侯区委书记周明远、武侯区教育局局长陈立华到簇桥街道调研新建学校。"}\n'
    ),
    "other.jsonl": '{"docno": "a-1", "day": "2024-03-16", "subject": "测试标题", "content": "这是一篇测试稿件。"}\n',
    "bad.ttl": (
        "@prefix schema: <https://schema.org/> .\n"
        '<https://example.org/kg/person/x> a schema:Person ; schema:name "甲"@zh, "乙"@zh .\n'
    ),
    "mine.bio": "张 B-PER\n三 E-PER\n任 O\n局 B-TITLE\n长 E-TITLE\n。 O\n\n李 B-PER\n四 E-PER\n是 O\n记 B-TITLE\n者 E-TITLE\n。 O\n",
}

# What in a command means it reads the real corpora of ../shared.
NEEDS_SHARED = ("../shared", "bench/corpus_sample.py")


@dataclass(frozen=True)
class Example:
    doc: str  # README.md, docs/commands.md
    line: int
    section: int  # the line of the heading above it
    command: str  # a shell command, or a Python program for kind "python"
    expected: tuple[str, ...] = ()
    shows_status: bool = False  # the next command is `echo $?`
    kind: str = "console"

    @property
    def id(self) -> str:
        return f"{self.doc}:{self.line}"


@dataclass
class Outcome:
    output: str
    status: int
    skipped: str | None = None


def fences(path: Path):
    """(language, first line number, lines) of each fenced block, and (heading line, None, None) for headings."""
    lines = path.read_text("utf-8").splitlines()
    i = 0
    while i < len(lines):
        m = re.match(r"^\s*(```+|~~~+)\s*(\S*)", lines[i])
        if m:
            fence, lang, start = m.group(1), m.group(2), i + 1
            i += 1
            body = []
            while i < len(lines) and not lines[i].strip().startswith(fence):
                body.append(lines[i])
                i += 1
            yield lang, start + 1, body
        elif re.match(r"#{1,6} ", lines[i]):
            yield "#", i + 1, None
        i += 1


def examples_in(path: Path) -> list[Example]:
    doc = path.relative_to(ROOT).as_posix()
    found, section = [], 0
    for lang, line, body in fences(path):
        if lang == "#":
            section = line
        elif lang == "python":
            found.append(Example(doc, line, line, "\n".join(body), kind="python"))
        elif lang == "console":
            block: list[list] = []  # [line, command, output lines]
            k = 0
            while k < len(body):
                text = body[k]
                if text.startswith("$ "):
                    start, command = line + k, text[2:]
                    while command.endswith("\\") and k + 1 < len(body):
                        k += 1
                        command = command[:-1] + body[k].strip()
                    block.append([start, command, []])
                elif block:
                    block[-1][2].append(text)
                else:
                    raise ValueError(f"{doc}:{line + k}: output before any `$ ` command")
                k += 1
            for j, (start, command, output) in enumerate(block):
                status_next = j + 1 < len(block) and block[j + 1][1].strip() == "echo $?"
                found.append(Example(doc, start, section, command, tuple(output), status_next))
    return found


EXAMPLES = [e for path in DOCS for e in examples_in(path)]


def matches(expected: tuple[str, ...], actual: str) -> bool:
    """The output against its expected lines; a line `...` stands for any lines, none included."""

    def lines(text_lines):
        out = [x.rstrip() for x in text_lines]
        while out and not out[-1]:
            out.pop()
        return out

    pattern = "".join("(?:.*\n)*?" if x == "..." else re.escape(x) + "\n" for x in lines(expected))
    return re.fullmatch(pattern, "".join(x + "\n" for x in lines(actual.splitlines()))) is not None


def test_docs_matches_dots_and_trailing_space():
    assert matches(("a", "...", "d"), "a\nb\nc\nd  \n\n")
    assert matches(("a", "...", "b"), "a\nb\n")
    assert not matches(("a", "b"), "a\nb\nc\n")
    assert not matches(("a", "...", "d"), "a\nb\n")


def test_docs_examples_are_parsed():
    """Each block's commands are found with their output, and a command's status is shown by `echo $?`."""
    shown = [e for e in EXAMPLES if e.kind == "console"]
    assert len(shown) > 30
    assert any(e.command == SEED_BUILD for e in shown), "the docs must show how seed.trig is made"
    assert any(e.command.startswith("kg serve ") for e in shown)
    assert all(not e.command.startswith("echo $?") or e.expected for e in shown)


class Workspace:
    """The folder every section starts from, the `kg` on PATH, and a pool that runs sections side by side."""

    def __init__(self, root: Path):
        self.root = root
        bin_ = root / "bin"
        bin_.mkdir()
        for name, program in (
            ("kg", f'exec "{sys.executable}" -m kg "$@"'),
            ("python", f'exec "{sys.executable}" "$@"'),
        ):
            (bin_ / name).write_text(f"#!/bin/sh\n{program}\n")
            (bin_ / name).chmod(0o755)
        # A terminal's environment: UTF-8, 80 columns, and output in the order it is written.
        path = f"{bin_}{os.pathsep}{os.environ['PATH']}"
        self.env = os.environ | {"PATH": path, "LC_ALL": "C.UTF-8", "PYTHONUNBUFFERED": "1", "COLUMNS": "80"}
        self.base = root / "base"
        (self.base / "tests").mkdir(parents=True)
        shutil.copytree(ROOT / "seeds", self.base / "seeds")
        shutil.copytree(ROOT / "tests" / "gold", self.base / "tests" / "gold")
        (self.base / "bench").symlink_to(ROOT / "bench")  # its scripts find ../shared from where they lie
        for name, text in FILES.items():
            (self.base / name).write_text(text, "utf-8")
        self.pool = ThreadPoolExecutor(max_workers=(os.cpu_count() or 2) + 1)
        # Built first, in a folder of its own; the sections that read seed.trig wait for it.
        seeded = self.fresh("seed")
        self.seed = self.pool.submit(self.shell, SEED_BUILD, seeded, 0)
        self.seed_graph = seeded / "seed.trig"

    def shell(self, command: str, cwd: Path, last_status: int) -> Outcome:
        p = subprocess.run(
            ["bash", "-c", f"(exit {last_status}); {command}"],
            cwd=cwd,
            env=self.env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            timeout=600,  # a bound on a hung command, not a measurement
        )
        return Outcome(p.stdout.decode("utf-8", "replace"), p.returncode)

    def fresh(self, name: str) -> Path:
        folder = self.root / name
        shutil.copytree(self.base, folder, symlinks=True)
        return folder

    def with_seed(self, name: str) -> Path:
        """A fresh folder with seed.trig in it."""
        folder = self.fresh(name)
        self.seed.result()
        shutil.copyfile(self.seed_graph, folder / "seed.trig")
        return folder

    def start(self, examples: list[Example]) -> Future:
        """Run a section's examples in order, in a fresh folder, in the pool: their outcomes in order."""
        return self.pool.submit(self.run, examples)

    def run(self, examples: list[Example]) -> list[Outcome]:
        name = f"run-{examples[0].id.replace('/', '-')}"
        cwd = self.with_seed(name) if any("seed.trig" in e.command for e in examples) else self.fresh(name)
        outcomes: list[Outcome] = []
        status, skip = 0, None
        for e in examples:
            if skip is None and not SHARED.exists() and any(s in e.command for s in NEEDS_SHARED):
                skip = f"needs {SHARED}"
            if skip:
                outcomes.append(Outcome("", 0, skip))
                continue
            if e.kind == "python":
                outcome = self.shell(f"python -c {shlex.quote(e.command)}", cwd, 0)
            elif e.command == SEED_BUILD:
                outcome = self.seed.result()  # the folder's seed.trig is this very command's
            elif e.command.startswith("kg serve "):
                outcome = self.serve(e.command, cwd)
            else:
                outcome = self.shell(e.command, cwd, status)
            status = outcome.status
            outcomes.append(outcome)
        return outcomes

    def serve(self, command: str, cwd: Path) -> Outcome:
        """`kg serve ARGS` on a free port until it answers GET /, then stopped; its output as on the port shown."""
        args = shlex.split(command)[2:]
        shown = "8000"
        if "--port" in args:
            k = args.index("--port")
            shown = args[k + 1]
            del args[k : k + 2]
        log = cwd / "serve.log"
        base, proc = serve(args, log, cwd=cwd)
        try:
            with urllib.request.urlopen(base + "/", timeout=60) as r:
                page = r.read().decode("utf-8")
                if r.status != 200 or "<html" not in page:
                    return Outcome(f"GET / answered {r.status}:\n{page}", 1)
        finally:
            stop(proc)
        return Outcome(log.read_text("utf-8").replace(base, f"http://127.0.0.1:{shown}"), 0)


def sections() -> dict[tuple[str, int], list[Example]]:
    out: dict[tuple[str, int], list[Example]] = {}
    for e in EXAMPLES:
        key = (e.doc, e.section) if e.kind == "console" else (e.doc, -e.line)  # python blocks run alone
        out.setdefault(key, []).append(e)
    return out


SECTIONS = sections()


def cost(examples: list[Example]) -> int:
    """A rough cost, so that the longest sections start first: a command that loads jieba costs most."""
    return sum(
        6 if e.kind == "python" or re.search(r"\bkg (build|facts|eval|train|serve)\b", e.command) else 1
        for e in examples
    )


@pytest.fixture(scope="module")
def workspace(request, tmp_path_factory):
    """Start every section that holds a selected example, up to its last selected one, longest first."""
    ws = Workspace(tmp_path_factory.mktemp("docs"))
    selected = {
        item.callspec.params["example"]
        for item in request.session.items
        if getattr(item, "originalname", None) == "test_docs_example"
    }
    wanted = {}
    for key, examples in SECTIONS.items():
        last = max((k for k, e in enumerate(examples) if e in selected), default=None)
        if last is not None:
            wanted[key] = examples[: last + 1]
    ws.sections = {key: ws.start(wanted[key]) for key in sorted(wanted, key=lambda k: -cost(wanted[k]))}
    yield ws
    ws.pool.shutdown(wait=True, cancel_futures=True)


@pytest.mark.parametrize("example", EXAMPLES, ids=[e.id for e in EXAMPLES])
def test_docs_example(workspace, example):
    key = (example.doc, example.section) if example.kind == "console" else (example.doc, -example.line)
    examples = SECTIONS[key]
    outcome = workspace.sections[key].result()[examples.index(example)]
    if outcome.skipped:
        pytest.skip(outcome.skipped)
    where = f"{example.id}: {example.command}"
    if not example.shows_status:
        assert outcome.status == 0, f"{where}\nexited {outcome.status}:\n{outcome.output}"
    if example.kind == "console":
        same = matches(example.expected, outcome.output)
        shown = "\n".join(example.expected)
        assert same, f"{where}\n--- the docs show:\n{shown}\n--- it prints:\n{outcome.output}"


# What the docs say outside their tested examples.


def blocks(path: Path):
    for lang, line, body in fences(path):
        if lang != "#":
            yield lang, line, body


@pytest.mark.parametrize("path", DOCS, ids=[p.name for p in DOCS])
def test_docs_show_kg_commands_only_in_console_blocks(path):
    """A kg command shown anywhere but a ```console block would not be run, and could drift."""
    for lang, line, body in blocks(path):
        if lang != "console":
            for k, text in enumerate(body):
                assert not re.match(r"\s*(\$ )?kg\s", text), (
                    f"{path.name}:{line + k}: a kg command in a ```{lang} block"
                )
    text = path.read_text("utf-8")
    outside = re.sub(r"(?ms)^\s*(```+|~~~+).*?^\s*\1", "", text)
    for m in re.finditer(r"(?m)^(?: {4,}|\t)(\$ )?kg\s.*", outside):
        pytest.fail(f"{path.name}: an indented kg command: {m.group(0).strip()}")


def slug(heading: str) -> str:
    """GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens."""
    text = re.sub(r"[`*]", "", heading.strip().lstrip("#").strip()).lower()
    return re.sub(r"[^\w\- ]", "", text).replace(" ", "-")


def anchors(path: Path) -> set[str]:
    return {slug(t) for t in re.findall(r"(?m)^#+ .*$", re.sub(r"(?ms)^\s*```.*?^\s*```", "", path.read_text("utf-8")))}


@pytest.mark.parametrize("path", DOCS, ids=[p.name for p in DOCS])
def test_docs_links_resolve(path):
    """Every link to a file of the repository names one that exists, and an anchor a heading it has.
    Images under docs/img/ are screenshots made apart from the tests and may be absent."""
    text = re.sub(r"(?ms)^\s*```.*?^\s*```", "", path.read_text("utf-8"))
    for target in re.findall(r"\]\(([^)\s]+)\)", text):
        if re.match(r"[a-z]+:", target) or "/img/" in f"/{target}":
            continue
        file, _, anchor = target.partition("#")
        linked = (path.parent / file).resolve() if file else path
        assert linked.exists(), f"{path.name}: broken link {target}"
        if anchor and linked.suffix == ".md":
            assert anchor in anchors(linked), f"{path.name}: no heading for #{anchor} in {linked.name}"


def test_docs_readme_is_short():
    assert (ROOT / "README.md").stat().st_size <= 12 * 1024


def test_docs_readme_shows_what_ci_runs():
    """The README's second set-up command is the one .ci/run runs."""
    sh = [body for lang, _, body in blocks(ROOT / "README.md") if lang == "sh"]
    assert sh[1][0] in (ROOT / ".ci" / "run").read_text("utf-8")


def test_docs_sparql_examples_run_on_the_seed_graph(workspace):
    """The graph patterns the model page shows find something on the seed graph (a term the graph does
    not use would find nothing)."""
    queries = [(p, line, "\n".join(body)) for p in DOCS for lang, line, body in blocks(p) if lang == "sparql"]
    assert queries
    cwd = workspace.with_seed("sparql")
    runs = [
        workspace.pool.submit(workspace.shell, f"kg sparql {shlex.quote(q)} --data seed.trig --format csv", cwd, 0)
        for _, _, q in queries
    ]
    for (path, line, _), run in zip(queries, runs, strict=True):
        outcome = run.result()
        assert outcome.status == 0, f"{path.name}:{line}: {outcome.output}"
        assert len(outcome.output.splitlines()) > 1, f"{path.name}:{line}: no rows"


def test_docs_commands_page_names_every_command_and_option():
    """docs/commands.md is the reference: a new command or option of the CLI must appear in it."""
    from kg.cli import cli

    text = (ROOT / "docs" / "commands.md").read_text("utf-8")
    missing = [
        f"kg {name} {option}"
        for name, command in cli.commands.items()
        for option in ["", *(o for p in command.params for o in p.opts if o.startswith("-"))]
        if (f"kg {name}" if not option else option) not in text
    ]
    assert not missing, missing
