"""Where the folders written against the vocabulary are: shapes/ (SHACL) and queries/ (SPARQL), at the
top of a checkout or installed inside the package as kg/shapes and kg/queries."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parents[1]  # kg/
_ROOT = _PACKAGE.parent


def data_dir(name: str) -> Path:
    """The folder ``name`` at the top of a checkout, else the copy installed inside the package (kg/<name>)."""
    local = _ROOT / name
    if local.is_dir() and (_ROOT / "pyproject.toml").is_file():
        return local
    return _PACKAGE / name
