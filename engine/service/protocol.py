"""uvicorn's httptools protocol, with TCP_NODELAY set on every connection.

With `--workers N` uvicorn creates the listening socket itself (proto 0), and asyncio only
sets TCP_NODELAY on sockets whose proto is IPPROTO_TCP; the accepted connections were left
with Nagle's algorithm on. A response is written as two sends (head, body), so the body
waited for the client's delayed ACK: ~40 ms on every request, and two workers served fewer
requests than one. One worker (asyncio's own socket) already had TCP_NODELAY.
"""

from __future__ import annotations

import asyncio
import socket

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol


class HttpProtocol(HttpToolsProtocol):
    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        sock = transport.get_extra_info("socket")
        if sock is not None and sock.family in (socket.AF_INET, socket.AF_INET6):
            try:
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            except OSError:
                pass  # not a TCP socket after all: nothing to tune
        super().connection_made(transport)
