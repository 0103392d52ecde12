"""The one error type for unusable input: it names the file, and the line where there is one."""

from __future__ import annotations

from pathlib import Path


class InputError(Exception):
    """Input that cannot be read: a missing path, binary or empty data, bad JSON, bad metadata."""

    def __init__(self, path: str | Path, message: str, line: int | None = None):
        super().__init__(message)
        self.path = str(path)
        self.message = message
        self.line = line

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"
