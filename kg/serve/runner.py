"""Queries run where they can be stopped: a small pool of worker processes, each with the store open.

Neither rdflib nor pyoxigraph can interrupt a query in-process, so queries run in worker processes
(forked: they inherit a graph loaded in memory, copy-on-write). A worker opens the store once and
answers queries from its pipe, one at a time; the parent hands each query to an idle worker and
waits for the whole, size-checked result. A worker that overruns the timeout is killed and replaced,
and so is one whose store has changed since it opened it (a build wrote to it).

Signals go only to the pool's own live children: every start, kill and reap of a worker happens
under one lock (multiprocessing reaps finished children whenever a process starts, so a kill from
another thread could otherwise find the pid reaped, or reused by an unrelated process), and the kill
goes through a pidfd where Linux has them, which names the process itself, not a reusable number.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import queue
import signal
import threading
from collections.abc import Callable
from dataclasses import dataclass

from kg.store.engine import Result, SparqlError


class QueryTimeout(Exception):
    pass


class ResultTooLarge(Exception):
    pass


class Busy(Exception):
    """Every worker stayed busy for as long as a request may wait for one."""


@dataclass
class Limits:
    timeout: float = 10.0  # seconds a query may run
    max_rows: int = 10_000  # rows (or triples) a result may hold
    workers: int = 0  # worker processes; 0: one per CPU
    wait: float = 30.0  # seconds a query may wait for a free worker
    cache: int = 1024  # results kept in memory (0: no cache)


class Worker:
    """One worker process and the parent's end of its pipe."""

    def __init__(self, ctx, backend_factory: Callable[[], object], max_rows: int, version: str | None, lifeline: int):
        self.conn, child = ctx.Pipe()
        args = (child, lifeline, backend_factory, max_rows)
        self.process = ctx.Process(target=_serve, args=args, daemon=True)
        self.process.start()
        child.close()
        self.version = version
        self.pidfd = os.pidfd_open(self.process.pid) if hasattr(os, "pidfd_open") else None

    def stop(self) -> None:
        """Kill the worker if it still runs, and reap it. Called with the pool's lock held."""
        self.conn.close()
        if self.process.exitcode is None:  # polls (and reaps) the child: no kill for a reaped one
            if self.pidfd is not None:
                try:
                    signal.pidfd_send_signal(self.pidfd, signal.SIGKILL)
                except ProcessLookupError:
                    pass  # it ended by itself after the poll: the pidfd still names it, nothing else
            else:
                self.process.kill()
        self.process.join()
        if self.pidfd is not None:
            os.close(self.pidfd)
            self.pidfd = None


class QueryRunner:
    """Runs queries on a pool of worker processes, with a timeout, a size limit and a wait limit."""

    def __init__(
        self,
        backend_factory: Callable[[], object],
        limits: Limits | None = None,
        version: Callable[[], str | None] = lambda: None,
    ):
        self.backend_factory = backend_factory
        self.limits = limits or Limits()
        self.version = version
        self._ctx = multiprocessing.get_context("fork")
        self._lock = threading.Lock()  # every start, kill and reap of a worker
        self._idle: queue.Queue[Worker] = queue.Queue()
        self._workers: set[Worker] = set()
        # Workers hold the read end: when this process ends, however it ends, they read EOF and exit.
        self._lifeline, self._lifeline_held = os.pipe()
        size = self.limits.workers or os.cpu_count() or 1
        for _ in range(size):
            self._idle.put(self._start(self.version()))

    def _start(self, version: str | None) -> Worker:
        with self._lock:
            worker = Worker(self._ctx, self.backend_factory, self.limits.max_rows, version, self._lifeline)
            self._workers.add(worker)
            return worker

    def _replace(self, worker: Worker, version: str | None) -> Worker:
        with self._lock:
            self._workers.discard(worker)
            worker.stop()
            fresh = Worker(self._ctx, self.backend_factory, self.limits.max_rows, version, self._lifeline)
            self._workers.add(fresh)
            return fresh

    def run(self, text: str, version: str | None = None) -> Result:
        """The whole result, or SparqlError (bad query), QueryTimeout, ResultTooLarge or Busy. ``version``:
        the store's version as the caller read it (read here when not given)."""
        try:
            worker = self._idle.get(timeout=self.limits.wait)
        except queue.Empty:
            raise Busy(f"every query worker stayed busy for {self.limits.wait:g} s; try again") from None
        if version is None:
            version = self.version()
        if worker.version != version:  # the store changed since this worker opened it
            worker = self._replace(worker, version)
        answered = False
        try:
            try:
                worker.conn.send(text)
                if not worker.conn.poll(self.limits.timeout):
                    raise QueryTimeout(f"the query ran longer than {self.limits.timeout:g} s and was stopped")
                kind, payload = worker.conn.recv()
            except (EOFError, OSError):
                raise SparqlError("the query process ended without an answer") from None
            answered = True
        finally:
            self._idle.put(worker if answered else self._replace(worker, version))
        if kind == "ok":
            return payload
        if kind == "too-large":
            raise ResultTooLarge(payload)
        raise SparqlError(payload)

    def close(self) -> None:
        """Stop every worker."""
        with self._lock:
            for worker in self._workers:
                worker.stop()
            self._workers.clear()
            for fd in (self._lifeline, self._lifeline_held):
                os.close(fd)


def _serve(conn, lifeline: int, backend_factory, max_rows: int) -> None:
    """A worker's life: let go of what it inherited, open the store, then answer queries until the
    parent closes the pipe or ends."""
    _detach(keep={conn.fileno(), lifeline})
    threading.Thread(target=_outlive_no_parent, args=(lifeline,), daemon=True).start()
    try:
        backend, failure = backend_factory(), None
    except Exception as e:  # the store could not be opened: every query is told why
        backend, failure = None, f"cannot open the store: {e}"
    while True:
        try:
            text = conn.recv()
        except (EOFError, OSError):
            break
        conn.send(("error", failure) if failure else _answer(backend, text, max_rows))
    os._exit(0)  # leave without running the parent's atexit handlers and server shutdown code


def _detach(keep: set[int]) -> None:
    """In a new worker: close every descriptor it inherited but its own pipes (a worker forked while the
    server runs would otherwise hold the listening socket and clients' connections open after the
    server closed them), take the default signal handlers back from the server's, and freeze what it
    inherited out of the garbage collector's reach (an inherited socket collected here would close a
    descriptor number the worker has since reused)."""
    gc.freeze()
    signal.set_wakeup_fd(-1)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is for the server, which stops its workers
    try:
        inherited = [int(fd) for fd in os.listdir("/proc/self/fd")]
    except OSError:  # no /proc: every number a descriptor can have
        inherited = list(range(3, os.sysconf("SC_OPEN_MAX")))
    for fd in inherited:
        if fd > 2 and fd not in keep:
            try:
                os.close(fd)
            except OSError:  # the listing's own descriptor, closed already
                continue


def _outlive_no_parent(lifeline: int) -> None:
    """End the worker when the server ends: the lifeline's write end is the server's alone, so reading
    it returns only when the server has gone, even in the middle of a query."""
    os.read(lifeline, 1)
    os._exit(0)


def _answer(backend, text: str, max_rows: int) -> tuple[str, object]:
    try:
        result = backend.query(text)
    except SparqlError as e:
        return "error", str(e)
    except Exception as e:  # anything else the engine raises is still the query's failure, said once
        return "error", f"query failed: {type(e).__name__}: {e}"
    size = len(result.rows) if result.kind == "select" else len(result.graph or ())
    if size > max_rows:
        return "too-large", f"the result has {size} rows, more than the limit of {max_rows}; add a LIMIT"
    return "ok", result
