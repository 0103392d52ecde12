"""Folders walked without losing anything silently, and files written as the user's umask says.

``Path.rglob`` skips a sub-folder it cannot read without a word; ``walk`` says which, so that a
reader can report ``kg: skipped …`` instead of building from part of the input and exiting 0.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path

from kg.errors import InputError


def walk(folder: Path, report: Callable[[InputError], None] | None = None) -> list[Path]:
    """Every regular file under ``folder``, sorted; each sub-folder that cannot be read is passed to
    ``report``, or raised as an InputError without one.

    Hidden entries are walked too (callers filter by name); symbolic links to folders are not
    followed, as rglob does not follow them."""
    found: list[Path] = []

    def unreadable(e: OSError) -> None:
        problem = InputError(e.filename or folder, f"cannot read: {e.strerror or e}")
        if report is None:
            raise problem
        report(problem)

    for root, _, names in os.walk(folder, onerror=unreadable):
        for name in names:
            path = Path(root) / name
            if path.is_file():
                found.append(path)
    return sorted(found)


def umask() -> int:
    """The process's umask, read without changing it where Linux tells it (/proc/self/status)."""
    try:
        status = Path("/proc/self/status").read_text("ascii")
    except OSError:  # not Linux: set it and put it back
        status = ""
    m = re.search(r"^Umask:\s*([0-7]+)", status, re.MULTILINE)
    if m:
        return int(m[1], 8)
    old = os.umask(0o022)
    os.umask(old)
    return old


def file_mode() -> int:
    """The mode a new file gets from open(): 0666 less the umask (mkstemp would give 0600)."""
    return 0o666 & ~umask()
