"""A feed server on 127.0.0.1 (port 0) that serves fixtures and misbehaves on request."""

from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "feeds"
FAKE_HOSTS = {"http://harbor.test": "/harbor", "http://valley.test": "/valley", "http://coast.test": "/coast"}

Handler = Callable[[BaseHTTPRequestHandler, int], None]


def send(
    h: BaseHTTPRequestHandler, status: int, body: bytes = b"", ctype: str = "application/xml", **headers: str
) -> None:
    h.send_response(status)
    h.send_header("Content-Type", ctype)
    h.send_header("Content-Length", str(len(body)))
    for name, value in headers.items():
        h.send_header(name.replace("_", "-"), value)
    h.end_headers()
    if body and h.command != "HEAD":
        h.wfile.write(body)


def static(body: bytes, ctype: str = "application/xml", *, validators: bool = True) -> Handler:
    """A resource with an ETag and Last-Modified that answers 304 to a matching conditional GET."""
    etag = '"' + hashlib.blake2b(body, digest_size=8).hexdigest() + '"'
    modified = "Mon, 02 Nov 2026 15:00:00 GMT"

    def handle(h: BaseHTTPRequestHandler, _n: int) -> None:
        if validators and (h.headers.get("If-None-Match") == etag or h.headers.get("If-Modified-Since") == modified):
            h.send_response(304)
            h.send_header("ETag", etag)
            h.end_headers()
            return
        extra = {"ETag": etag, "Last_Modified": modified} if validators else {}
        send(h, 200, body, ctype, **extra)

    return handle


def status(code: int, **headers: str) -> Handler:
    return lambda h, _n: send(h, code, b"error\n", "text/plain", **headers)


def first_then(first: Handler, then: Handler, times: int = 1) -> Handler:
    """``first`` for the first ``times`` requests, ``then`` after."""
    return lambda h, n: (first if n <= times else then)(h, n)


def slow(seconds: float, then: Handler) -> Handler:
    def handle(h: BaseHTTPRequestHandler, n: int) -> None:
        time.sleep(seconds)
        then(h, n)

    return handle


def truncated(body: bytes) -> Handler:
    """Promises the whole body, sends half, hangs up."""

    def handle(h: BaseHTTPRequestHandler, _n: int) -> None:
        h.send_response(200)
        h.send_header("Content-Type", "application/xml")
        h.send_header("Content-Length", str(len(body)))
        h.end_headers()
        h.wfile.write(body[: len(body) // 2])
        h.wfile.flush()
        h.close_connection = True

    return handle


def huge(megabytes: int, *, declare: bool) -> Handler:
    """A body of ``megabytes`` MB, with or without a Content-Length to give the size away."""
    chunk = b"<!-- padding -->" * 4096

    def handle(h: BaseHTTPRequestHandler, _n: int) -> None:
        total = megabytes * 1024 * 1024
        h.send_response(200)
        h.send_header("Content-Type", "application/xml")
        if declare:
            h.send_header("Content-Length", str(total))
        h.end_headers()
        h.close_connection = True
        sent = 0
        try:
            while sent < total:
                h.wfile.write(chunk)
                sent += len(chunk)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client stopped reading at its size cap, as it should

    return handle


def encoded(body: bytes, encoding: str, ctype: str = "application/xml") -> Handler:
    """``body`` as given, labelled with ``Content-Encoding: encoding`` (the test compresses it)."""
    return lambda h, _n: send(h, 200, body, ctype, Content_Encoding=encoding)


def trickle(body: bytes, interval: float) -> Handler:
    """Promises ``body`` and sends it one byte every ``interval`` seconds: never silent, never done."""

    def handle(h: BaseHTTPRequestHandler, _n: int) -> None:
        h.send_response(200)
        h.send_header("Content-Type", "text/html")
        h.send_header("Content-Length", str(len(body)))
        h.end_headers()
        h.close_connection = True
        for i in range(len(body)):
            h.wfile.write(body[i : i + 1])
            h.wfile.flush()
            if h.server.closing.wait(interval):  # type: ignore[attr-defined]
                return

    return handle


def dynamic(render: Callable[[int], bytes], ctype: str = "application/xml") -> Handler:
    """A body that changes with every request (e.g. new GUIDs each fetch)."""
    return lambda h, n: send(h, 200, render(n), ctype)


@dataclass
class FeedServer:
    """``routes`` maps a path to a handler; ``hits`` counts requests per path, ``agents`` the User-Agents."""

    routes: dict[str, Handler] = field(default_factory=dict)
    hits: dict[str, int] = field(default_factory=dict)
    agents: set[str] = field(default_factory=set)
    base: str = ""

    def __post_init__(self) -> None:
        self._lock = threading.Lock()
        server = self

        class Handler_(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
                path = self.path.split("?", 1)[0]
                with server._lock:
                    n = server.hits[path] = server.hits.get(path, 0) + 1
                    server.agents.add(self.headers.get("User-Agent", ""))
                handler = server.routes.get(path)
                if handler is None:
                    send(self, 404, b"not found\n", "text/plain")
                    return
                try:
                    handler(self, n)
                except (BrokenPipeError, ConnectionResetError):
                    self.close_connection = True

            def log_message(self, *args: object) -> None:
                pass

        class Server(ThreadingHTTPServer):
            daemon_threads = True
            closing = threading.Event()  # set on exit, so trickling handlers stop

            def handle_error(self, request: object, client_address: object) -> None:
                pass  # a client hanging up on a misbehaving route is the point of the test

        self._server = Server(("127.0.0.1", 0), Handler_)
        self.base = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    def __enter__(self) -> FeedServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.closing.set()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    def url(self, path: str) -> str:
        return self.base + path

    def localize(self, text: str) -> bytes:
        """Point the fixtures' fictional hosts at this server."""
        for host, prefix in FAKE_HOSTS.items():
            text = text.replace(host, self.base + prefix)
        return text.encode("utf-8")

    def serve_fixtures(self) -> None:
        """The three outlets' feeds and the Coastline Wire article pages."""
        self.routes["/harbor/feed.rss"] = static(self.localize((FIXTURES / "harbor-gazette.rss").read_text("utf-8")))
        self.routes["/valley/feed.atom"] = static(
            self.localize((FIXTURES / "valley-ledger.atom").read_text("utf-8")), "application/atom+xml"
        )
        self.routes["/coast/feed.rss"] = static(self.localize((FIXTURES / "coastline-wire.rss").read_text("utf-8")))
        for page in (FIXTURES / "pages").glob("*.html"):
            self.routes[f"/coast/stories/{page.stem}"] = static(page.read_bytes(), "text/html; charset=utf-8")
        self.routes["/broken/feed.xml"] = static((FIXTURES / "broken.xml").read_bytes())
