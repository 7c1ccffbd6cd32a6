"""A threaded WSGI server with deadlines for reading a request and a bound on connections (threads).

The standard library's servers wait forever for a client that connects and sends nothing, and start
one thread per connection without limit. Here the headers must arrive within ``header_timeout``
seconds of connecting and the body within ``body_timeout`` seconds of the headers (total deadlines,
so trickling a byte at a time does not extend them), and beyond ``max_connections`` open connections
a new one gets a 503 at once, from the accepting thread.
"""

from __future__ import annotations

import io
import logging
import socket
import sys
import threading
import time
from dataclasses import dataclass
from socketserver import ThreadingMixIn
from typing import Any
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer

log = logging.getLogger("newsbrief.slack")

MAX_BODY = 64 * 1024  # slash-command and interaction payloads are a few KB
BUSY = b"HTTP/1.0 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
BUSY_WARNING_INTERVAL = 10.0  # seconds between two "connections refused" log lines
HEADERS_TOO_LARGE = b"HTTP/1.0 431 Request Header Fields Too Large\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"


@dataclass(frozen=True)
class HttpLimits:
    """Time and concurrency bounds of the HTTP server (Slack sends a request of a few KB at once)."""

    header_timeout: float = 5.0  # from connecting to the end of the headers
    body_timeout: float = 5.0  # from the end of the headers to the end of the body
    max_connections: int = 100  # open connections, one thread each
    max_body: int = MAX_BODY  # bytes of a request body; larger ones are refused unread
    max_header_bytes: int = 32 * 1024  # request line and headers (the standard library alone allows 6 MB)


class RequestTooLarge(OSError):
    """More bytes were sent than the request's current part (headers or body) may have."""


class DeadlineReader(io.RawIOBase):
    """Reads a socket until a deadline and at most ``budget`` bytes: each ``recv`` may wait only for the time left."""

    def __init__(self, sock: socket.socket, seconds: float, budget: int, *, write_timeout: float) -> None:
        super().__init__()
        self.sock = sock
        self.write_timeout = write_timeout
        self.restart(seconds, budget)

    def restart(self, seconds: float, budget: int) -> None:
        """A new phase of the request (headers, then body): ``seconds`` and ``budget`` bytes from now."""
        self.deadline = time.monotonic() + seconds
        self.budget = budget

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        left = self.deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError("the request was not sent in time")
        if self.budget <= 0:
            raise RequestTooLarge("the request is larger than allowed")
        self.sock.settimeout(left)
        try:
            received = self.sock.recv_into(buffer, min(len(buffer), self.budget))
            self.budget -= received
            return received
        finally:
            self.sock.settimeout(self.write_timeout)  # the answer is written with a timeout of its own


class BoundedWSGIServer(ThreadingMixIn, WSGIServer):
    """One thread per connection, at most ``limits.max_connections`` at once, each with read deadlines."""

    daemon_threads = True  # a hung client must not block shutdown
    request_queue_size = 128  # the default backlog of 5 drops bursts of commands (clients retry after 1 s)

    def __init__(self, address: tuple[str, int], handler: type[WSGIRequestHandler], limits: HttpLimits) -> None:
        self.limits = limits
        self._slots = threading.BoundedSemaphore(limits.max_connections)
        self._refused = 0  # since the last warning: one line per interval, not one per connection
        self._warned_at = -BUSY_WARNING_INTERVAL
        super().__init__(address, handler)

    def process_request(self, request: Any, client_address: Any) -> None:
        if not self._slots.acquire(blocking=False):
            self._warn_busy()
            try:
                request.setblocking(False)  # never let a full send buffer stall the accepting thread
                request.send(BUSY)
            except OSError:
                pass
            self.shutdown_request(request)
            return
        try:
            super().process_request(request, client_address)
        except BaseException:
            self._slots.release()
            raise

    def _warn_busy(self) -> None:
        """Called from the accepting thread only, so the counter needs no lock."""
        self._refused += 1
        now = time.monotonic()
        if now - self._warned_at >= BUSY_WARNING_INTERVAL:
            busy = "slack http: all %d connections busy; refused %d new ones (at most one such line per %.0f s)"
            log.warning(busy, self.limits.max_connections, self._refused, BUSY_WARNING_INTERVAL)
            self._refused, self._warned_at = 0, now

    def process_request_thread(self, request: Any, client_address: Any) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            self._slots.release()

    def handle_error(self, request: Any, client_address: Any) -> None:
        error = sys.exc_info()[1]
        if isinstance(error, OSError):  # timeouts and clients that hung up: routine, not bugs
            log.debug("slack http: connection from %s ended: %s", client_address[0], type(error).__name__)
        else:
            log.error("slack http: unexpected error serving %s", client_address[0], exc_info=error)


class DeadlineRequestHandler(WSGIRequestHandler):
    """Reads the request through a :class:`DeadlineReader`: headers, then body, each on a deadline."""

    server: BoundedWSGIServer
    # The answer's status line, headers and body leave in one send, not one per line: each send on a socket
    # with a timeout gives up the interpreter twice, and with twenty commands at once each hand-back waits.
    wbufsize = 16 * 1024

    def setup(self) -> None:
        super().setup()
        self.rfile.close()  # the plain socket file made by StreamRequestHandler; ours replaces it
        limits = self.server.limits
        self.reader = DeadlineReader(
            self.connection, limits.header_timeout, limits.max_header_bytes, write_timeout=limits.body_timeout
        )
        self.rfile = io.BufferedReader(self.reader)

    def handle(self) -> None:
        try:
            super().handle()
        except RequestTooLarge:
            self.close_connection = True
            self.wfile.write(HEADERS_TOO_LARGE)

    def parse_request(self) -> bool:
        parsed = super().parse_request()
        # The body is read from the buffer first, then from the socket: never more than max_body in all.
        self.reader.restart(self.server.limits.body_timeout, self.server.limits.max_body)
        return parsed

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib signature
        log.debug("slack http: " + format, *args)
