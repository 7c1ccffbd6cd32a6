"""Run the Slack app: Socket Mode (default for self-hosting) or HTTP with signed requests."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable
from socketserver import ThreadingMixIn
from typing import TYPE_CHECKING, Any
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from slack_bolt import App
from slack_bolt.adapter.socket_mode import SocketModeHandler
from slack_bolt.adapter.wsgi import SlackRequestHandler

if TYPE_CHECKING:
    from wsgiref.types import StartResponse, WSGIEnvironment

log = logging.getLogger("newsbrief.slack")

EVENTS_PATH = "/slack/events"
MAX_BODY = 64 * 1024  # slash-command and interaction payloads are a few KB


def socket_mode_handler(app: App, app_token: str) -> SocketModeHandler:
    """The Socket Mode handler for ``app`` (not connected yet; call ``connect()`` and later ``close()``)."""
    return SocketModeHandler(app, app_token)


def start_socket_mode(app: App, app_token: str, stop: threading.Event | None = None) -> None:
    """Connect over Socket Mode and block until ``stop`` is set (forever without one), then disconnect."""
    handler = socket_mode_handler(app, app_token)
    try:
        handler.connect()  # type: ignore[no-untyped-call]
        log.info("Slack: connected in Socket Mode")
        (stop or threading.Event()).wait()
    finally:
        handler.close()  # type: ignore[no-untyped-call]


class _ThreadingWSGIServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True  # a hung client must not block shutdown
    request_queue_size = 128  # the default backlog of 5 drops bursts of commands (clients retry after 1 s)


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib signature
        log.debug("slack http: " + format, *args)


def slack_wsgi_app(app: App, path: str = EVENTS_PATH) -> Any:
    """A WSGI app serving Bolt at ``path`` (signatures checked by Bolt: bad or stale ones get 401)."""
    bolt = SlackRequestHandler(app)

    def wsgi(environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        if environ.get("PATH_INFO") != path:
            start_response("404 Not Found", [("Content-Type", "text/plain; charset=utf-8")])
            return [b"Not found\n"]
        try:
            length = int(environ.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = MAX_BODY + 1
        if length > MAX_BODY:  # refuse before reading: the signature is checked only after the body is read
            start_response("413 Payload Too Large", [("Content-Type", "text/plain; charset=utf-8")])
            return [b"Request body too large\n"]
        return bolt(environ, start_response)

    return wsgi


def make_http_server(app: App, host: str, port: int, path: str = EVENTS_PATH) -> WSGIServer:
    """A threaded HTTP server for ``app`` (port 0 picks a free port: see ``server.server_port``)."""
    return make_server(
        host, port, slack_wsgi_app(app, path), server_class=_ThreadingWSGIServer, handler_class=_QuietHandler
    )


def serve_http(app: App, host: str, port: int, stop: threading.Event | None = None) -> None:
    """Serve Slack's requests at ``http://host:port/slack/events`` until ``stop`` is set (forever without one)."""
    server = make_http_server(app, host, port)
    log.info("Slack: HTTP mode on %s:%s%s", host, server.server_port, EVENTS_PATH)
    if stop is not None:

        def shut_down_when_stopped() -> None:
            stop.wait()
            server.shutdown()

        threading.Thread(target=shut_down_when_stopped, daemon=True).start()
    try:
        server.serve_forever(poll_interval=0.5)
    finally:
        server.server_close()
