"""A progress line for long commands: articles done and their rate, on standard error when it is a terminal."""

from __future__ import annotations

import sys
import time

import click


class Progress:
    """``with Progress() as bar: ... bar.update(done, total)``; silent when stderr is not a terminal."""

    def __init__(self, enabled: bool = True, every: float = 0.2):
        self.enabled = enabled and sys.stderr.isatty()
        self.every = every
        self.started = time.monotonic()
        self.shown = 0.0

    def __enter__(self) -> Progress:
        return self

    def update(self, done: int, total: int) -> None:
        now = time.monotonic()
        if not self.enabled or (now - self.shown < self.every and done < total):
            return
        self.shown = now
        rate = done / max(now - self.started, 1e-9)
        filled = int(30 * done / max(total, 1))
        click.echo(f"\r[{'#' * filled}{'.' * (30 - filled)}] {done}/{total} articles, {rate:.1f}/s", err=True, nl=False)

    def __exit__(self, *exc) -> None:
        if self.enabled and self.shown:
            click.echo(err=True)
