"""The build's writes to a store, from a thread of their own, a few articles per transaction."""

from __future__ import annotations


class Writer:
    """Writes articles to a store from a thread of its own, in the order given, while the caller goes on
    extracting (Oxigraph lets go of Python's lock while it writes). What has queued up meanwhile, up to
    ``group`` articles, goes in one transaction when the target can (put_many). A write that fails is
    raised by the next put() or by close()."""

    def __init__(self, target, depth: int = 64, group: int = 32):
        import queue
        import threading

        self.target = target
        self.group = group
        self.todo: queue.Queue = queue.Queue(maxsize=depth)
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._run, name="kg-store-writer", daemon=True)
        self.thread.start()

    def _run(self) -> None:
        import queue

        many = getattr(self.target, "put_many", None)
        while True:
            items = [self.todo.get()]
            while items[-1] is not None and len(items) < self.group:
                try:
                    items.append(self.todo.get_nowait())
                except queue.Empty:
                    break
            last = items[-1] is None
            items = [x for x in items if x is not None]
            if items and self.error is None:
                try:
                    if many is not None:
                        many(items)
                    else:
                        for item in items:
                            self.target.put(*item)
                except BaseException as e:  # handed to the caller's thread, raised there
                    self.error = e
            if last:
                return

    def put(self, graph, triples) -> None:
        if self.error is not None:
            raise self.error
        self.todo.put((graph, triples))

    def stop(self) -> None:
        """Write what is queued and end the thread (again: nothing)."""
        if self.thread.is_alive():
            self.todo.put(None)
            self.thread.join()

    def close(self) -> None:
        """stop(), then raise the first write that failed, if one did."""
        self.stop()
        if self.error is not None:
            raise self.error
