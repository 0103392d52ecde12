"""Queries run where they can be stopped: a forked child per query, killed when time runs out.

Neither rdflib nor pyoxigraph can interrupt a query in-process, so each query runs in a child
process that inherits the loaded graph (fork, copy-on-write); the parent waits for the whole,
size-checked result and kills the child when the timeout passes.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable
from dataclasses import dataclass

from kg.store.engine import Result, SparqlError


class QueryTimeout(Exception):
    pass


class ResultTooLarge(Exception):
    pass


@dataclass
class Limits:
    timeout: float = 10.0  # seconds a query may run
    max_rows: int = 10_000  # rows (or triples) a result may hold


class QueryRunner:
    """Runs queries on a backend in forked children, with a timeout and a size limit."""

    def __init__(self, backend_factory: Callable[[], object], limits: Limits | None = None):
        self.backend_factory = backend_factory
        self.limits = limits or Limits()
        self._ctx = multiprocessing.get_context("fork")

    def run(self, text: str) -> Result:
        """The whole result, or SparqlError (bad query), QueryTimeout or ResultTooLarge."""
        receive, send = self._ctx.Pipe(duplex=False)
        child = self._ctx.Process(target=_child, args=(send, self.backend_factory, text, self.limits.max_rows))
        child.start()
        send.close()
        try:
            if not receive.poll(self.limits.timeout):
                raise QueryTimeout(f"the query ran longer than {self.limits.timeout:g} s and was stopped")
            kind, payload = receive.recv()
        except EOFError:
            raise SparqlError("the query process ended without an answer") from None
        finally:
            receive.close()
            # Process.kill signals only a child not yet reaped: another thread's Process.start() reaps
            # finished children, and a bare os.kill after is_alive() could then fail, or hit a reused pid.
            child.kill()
            child.join()
        if kind == "ok":
            return payload
        if kind == "too-large":
            raise ResultTooLarge(payload)
        raise SparqlError(payload)


def _child(send, backend_factory, text: str, max_rows: int) -> None:
    try:
        result = backend_factory().query(text)
        size = len(result.rows) if result.kind == "select" else len(result.graph or ())
        if size > max_rows:
            send.send(("too-large", f"the result has {size} rows, more than the limit of {max_rows}; add a LIMIT"))
        else:
            send.send(("ok", result))
    except SparqlError as e:
        send.send(("error", str(e)))
    except Exception as e:  # anything else the engine raises is still the query's failure, said once
        send.send(("error", f"query failed: {type(e).__name__}: {e}"))
    finally:
        send.close()
        os._exit(0)  # leave without running the parent's atexit handlers and server shutdown code
