"""Where the project's data folders are: shapes/ (and later queries/), in a checkout or installed."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
_ROOT = _PACKAGE.parent


def data_dir(name: str) -> Path:
    """The folder ``name`` at the top of a checkout, else the copy installed inside the package (kg/<name>)."""
    local = _ROOT / name
    if local.is_dir() and (_ROOT / "pyproject.toml").is_file():
        return local
    return _PACKAGE / name
