"""The pipeline's one-way arrows (pyproject.toml's [tool.importlinter] contracts), checked by lint-imports."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
STAGES = ("ingest", "nlp", "extract", "rdf", "store", "validate", "query", "serve", "cli")


def _lint(project: Path) -> subprocess.CompletedProcess:
    """lint-imports on a project folder, in a child whose sys.path starts there (so that it reads that kg)."""
    code = (
        "import sys; sys.path.insert(0, '.');"
        "from importlinter.cli import lint_imports;"
        "sys.exit(lint_imports(no_cache=True, no_logo=True))"
    )
    return subprocess.run([sys.executable, "-c", code], cwd=project, capture_output=True, text=True, check=False)


def _copy(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "kg", tmp_path / "kg", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def test_the_stages_import_only_downward():
    run = _lint(ROOT)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "2 kept, 0 broken" in run.stdout


@pytest.mark.parametrize(
    ("module", "wrong"),
    [
        ("kg/nlp/segment.py", "import kg.extract.facts"),  # a lower stage reaching up one
        ("kg/store/files.py", "import kg.query.saved"),
        ("kg/ingest/clean.py", "import kg.cli"),
        ("kg/serve/svg.py", "import kg.pipeline"),  # siblings that must stay independent
        ("kg/store/engine.py", "import kg.store.remote"),  # the cycle the engine interface broke
    ],
)
def test_a_wrong_arrow_fails_the_build(tmp_path, module, wrong):
    project = _copy(tmp_path)
    path = project / module
    path.write_text(path.read_text(encoding="utf-8") + f"\n{wrong}  # noqa\n", encoding="utf-8")
    run = _lint(project)
    assert run.returncode == 1, run.stdout + run.stderr
    assert "BROKEN" in run.stdout


def test_the_top_of_kg_is_the_stages_and_four_modules():
    modules = sorted(p.name for p in (ROOT / "kg").glob("*.py"))
    assert modules == ["__init__.py", "__main__.py", "errors.py", "models.py", "paths.py", "pipeline.py"]
    for stage in STAGES:
        init = ROOT / "kg" / stage / "__init__.py"
        assert init.is_file(), stage
        doc = init.read_text(encoding="utf-8")
        assert doc.startswith(f'"""{stage}: ') and "May import" in doc, stage
