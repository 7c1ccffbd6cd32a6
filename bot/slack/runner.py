"""Run the Slack app: Socket Mode (default for self-hosting) or HTTP with signed requests."""

from __future__ import annotations

import logging
import threading

from slack_bolt import App
from slack_bolt.adapter.socket_mode import SocketModeHandler

from bot.slack.http_guard import EVENTS_PATH, SlackRequestGuard
from bot.slack.http_server import MAX_BODY, BoundedWSGIServer, DeadlineRequestHandler, HttpLimits

log = logging.getLogger("newsbrief.slack")

__all__ = ["EVENTS_PATH", "MAX_BODY", "HttpLimits", "make_http_server", "serve_http", "start_socket_mode"]


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


def make_http_server(
    app: App,
    host: str,
    port: int,
    *,
    signing_secret: str | None,
    path: str = EVENTS_PATH,
    limits: HttpLimits | None = None,
) -> BoundedWSGIServer:
    """A threaded HTTP server for ``app`` (port 0 picks a free port: see ``server.server_port``).

    Only requests signed with ``signing_secret`` reach ``app`` (see :class:`SlackRequestGuard`);
    ``limits`` bound the body's size, the time to send a request and the number of open connections.
    """
    limits = limits or HttpLimits()
    server = BoundedWSGIServer((host, port), DeadlineRequestHandler, limits)
    server.set_app(SlackRequestGuard(app, signing_secret, path=path, max_body=limits.max_body))
    return server


def serve_http(
    app: App, host: str, port: int, stop: threading.Event | None = None, *, signing_secret: str | None
) -> None:
    """Serve Slack's requests at ``http://host:port/slack/events`` until ``stop`` is set (forever without one)."""
    server = make_http_server(app, host, port, signing_secret=signing_secret)
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
