"""uvicorn's httptools protocol, with TCP_NODELAY set on every connection and a time limit on
receiving a request head.

With `--workers N` uvicorn creates the listening socket itself (proto 0), and asyncio only
sets TCP_NODELAY on sockets whose proto is IPPROTO_TCP; the accepted connections were left
with Nagle's algorithm on. A response is written as two sends (head, body), so the body
waited for the client's delayed ACK: ~40 ms on every request, and two workers served fewer
requests than one. One worker (asyncio's own socket) already had TCP_NODELAY.

uvicorn closes a connection idle between requests (timeout_keep_alive) but waits for ever for a
request line and headers that never finish (slowloris). Here a connection that has not sent a
complete request head within HEADER_TIMEOUT seconds of connecting, or of starting a request, is
closed. The body has its own limit (engine.service.app.BodyLimit).
"""

from __future__ import annotations

import asyncio
import os
import socket
from typing import Any

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

DEFAULT_HEADER_TIMEOUT = 10.0  # seconds


def header_timeout() -> float:
    """YAOSU_HEADER_TIMEOUT (set by `yaosu serve --header-timeout`, inherited by the workers)."""
    return float(os.environ.get("YAOSU_HEADER_TIMEOUT") or DEFAULT_HEADER_TIMEOUT)


class HttpProtocol(HttpToolsProtocol):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.header_timeout = header_timeout()
        self._head_timer: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        sock = transport.get_extra_info("socket")
        if sock is not None and sock.family in (socket.AF_INET, socket.AF_INET6):
            try:
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            except OSError:
                pass  # not a TCP socket after all: nothing to tune
        super().connection_made(transport)
        self._arm_head_timer()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm_head_timer()
        super().connection_lost(exc)

    def on_message_begin(self) -> None:
        super().on_message_begin()
        self._arm_head_timer()

    def on_headers_complete(self) -> None:
        self._disarm_head_timer()
        super().on_headers_complete()

    def _arm_head_timer(self) -> None:
        if self._head_timer is None:
            self._head_timer = self.loop.call_later(self.header_timeout, self._head_timed_out)

    def _disarm_head_timer(self) -> None:
        if self._head_timer is not None:
            self._head_timer.cancel()
            self._head_timer = None

    def _head_timed_out(self) -> None:
        self._head_timer = None
        if not self.transport.is_closing():
            self.transport.close()
