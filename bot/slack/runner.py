"""Run the Slack app: Socket Mode (default for self-hosting) or HTTP with signed requests."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from socketserver import ThreadingMixIn
from typing import TYPE_CHECKING, Any, Literal
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from slack_bolt import App
from slack_bolt.adapter.socket_mode import SocketModeHandler
from slack_bolt.adapter.wsgi import SlackRequestHandler

from bot.config.store import ConfigStore
from bot.service import CommandService
from bot.slack.app import build_slack_app
from summarizer.errors import NewsbriefError

if TYPE_CHECKING:
    from wsgiref.types import StartResponse, WSGIEnvironment

log = logging.getLogger("newsbrief.slack")

EVENTS_PATH = "/slack/events"


class SlackSetupError(NewsbriefError):
    """The environment does not describe a usable Slack set-up; the message says how to fix it."""


@dataclass(frozen=True)
class SlackSettings:
    """Slack credentials from the environment; ``repr`` never shows a token or secret."""

    bot_token: str = field(repr=False)
    app_token: str | None = field(default=None, repr=False)
    signing_secret: str | None = field(default=None, repr=False)
    api_url: str | None = None

    @property
    def mode(self) -> Literal["socket", "http"]:
        """Socket Mode when an app-level token is set (no public URL needed), else HTTP."""
        return "socket" if self.app_token else "http"


def slack_settings_from_env(env: Mapping[str, str]) -> SlackSettings:
    """Read ``SLACK_BOT_TOKEN`` plus ``SLACK_APP_TOKEN`` (Socket Mode) or ``SLACK_SIGNING_SECRET`` (HTTP)."""
    token = env.get("SLACK_BOT_TOKEN", "").strip()
    app_token = env.get("SLACK_APP_TOKEN", "").strip() or None
    secret = env.get("SLACK_SIGNING_SECRET", "").strip() or None
    if not token.startswith("xoxb-"):
        raise SlackSetupError(
            "SLACK_BOT_TOKEN is missing or is not a bot token (xoxb-…): copy it from your app's "
            "“OAuth & Permissions” page after installing the app to the workspace."
        )
    if app_token and not app_token.startswith("xapp-"):
        raise SlackSetupError(
            "SLACK_APP_TOKEN must be an app-level token (xapp-…) with the connections:write scope, "
            "from “Basic Information → App-Level Tokens”."
        )
    if not app_token and not secret:
        raise SlackSetupError(
            "Set SLACK_APP_TOKEN (Socket Mode, no public URL needed) or SLACK_SIGNING_SECRET "
            "(HTTP mode, from “Basic Information → App Credentials”)."
        )
    return SlackSettings(token, app_token, secret, env.get("SLACK_API_URL", "").strip() or None)


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


def run_slack(
    service: CommandService,
    settings: SlackSettings,
    *,
    config_store: ConfigStore | None = None,
    host: str = "0.0.0.0",
    port: int = 3000,
    stop: threading.Event | None = None,
) -> None:
    """Build the app and run it in the mode the settings call for; blocks (run it in a thread beside Discord)."""
    app = build_slack_app(
        service,
        token=settings.bot_token,
        signing_secret=settings.signing_secret,
        api_url=settings.api_url,
        config_store=config_store,
    )
    if settings.app_token:
        start_socket_mode(app, settings.app_token, stop)
    else:
        serve_http(app, host, port, stop)
