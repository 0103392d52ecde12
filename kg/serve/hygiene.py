"""Requests the server refuses before they cost anything: bodies over a size limit (413), and clients
too slow to finish sending a request (the connection is closed).

Both sit below the routes. The body limit is an ASGI wrapper around the app: it reads the body (up
to the limit) before any route sees it, and for a body over the limit it reads the rest and throws
it away before answering 413, so that the client, still sending, reads the answer instead of a reset
connection. The read timeout is uvicorn's HTTP protocol with a timer from a request's first byte
(or the connection's opening) to its last: uvicorn has none, so a client that sends its headers a
byte at a time ("slowloris") would hold a connection open for ever.
"""

from __future__ import annotations

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

DRAIN_LIMIT = 64 * 1024 * 1024  # bytes of an oversized body read and dropped; beyond, the connection closes


class BodyLimit:
    """ASGI: a request body over ``limit`` bytes gets 413 with the reason."""

    def __init__(self, app, limit: int):
        self.app = app
        self.limit = limit

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        declared = _content_length(scope)
        if declared is not None and declared > self.limit:
            return await self._refuse(receive, send, declared, more=True)
        chunks, size = [], 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            body = message.get("body", b"")
            size += len(body)
            more = message.get("more_body", False)
            if size > self.limit:
                return await self._refuse(receive, send, size, more)
            chunks.append(body)
            if not more:
                break
        body, given = b"".join(chunks), False

        async def replay():
            nonlocal given
            if not given:
                given = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()  # after the body: the client's disconnect, whenever it comes

        await self.app(scope, replay, send)

    async def _refuse(self, receive, send, size: int, more: bool) -> None:
        drained = 0
        while more and drained <= DRAIN_LIMIT:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            drained += len(message.get("body", b""))
            more = message.get("more_body", False)
        text = f"the request body is {size:,} bytes or more; the limit is {self.limit:,}\n".encode()
        headers = [(b"content-type", b"text/plain; charset=utf-8"), (b"content-length", str(len(text)).encode())]
        if more:
            headers.append((b"connection", b"close"))
        await send({"type": "http.response.start", "status": 413, "headers": headers})
        await send({"type": "http.response.body", "body": text})


def _content_length(scope) -> int | None:
    for key, value in scope.get("headers", ()):
        if key == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


def guarded_protocol(read_timeout: float) -> type[H11Protocol]:
    """uvicorn's h11 protocol, closing a connection whose request is not all in ``read_timeout`` s."""

    class Guarded(H11Protocol):
        _read_timer = None

        def connection_made(self, transport) -> None:
            super().connection_made(transport)
            self._arm()

        def data_received(self, data: bytes) -> None:
            super().data_received(data)
            if self.conn.their_state in (h11.IDLE, h11.SEND_BODY):
                if self._read_timer is None:  # the first byte of a request on a kept-alive connection
                    self._arm()
            else:
                self._disarm()

        def connection_lost(self, exc) -> None:
            self._disarm()
            super().connection_lost(exc)

        def _arm(self) -> None:
            self._read_timer = self.loop.call_later(read_timeout, self._too_slow)

        def _disarm(self) -> None:
            if self._read_timer is not None:
                self._read_timer.cancel()
                self._read_timer = None

        def _too_slow(self) -> None:
            self._read_timer = None
            if self.conn.their_state in (h11.IDLE, h11.SEND_BODY) and not self.transport.is_closing():
                self.transport.close()

    return Guarded
