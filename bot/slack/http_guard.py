"""The front of Slack's HTTP endpoint: read a bounded body, verify its signature, drop replays, then call Bolt.

Nothing of a request reaches Bolt (or a log line) before its signature is verified over the exact
bytes read: Bolt's own error path would otherwise answer to the ``response_url`` of an unverified body.
"""

from __future__ import annotations

import hashlib
import hmac
import io
import logging
import re
import time
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from slack_bolt import App
from slack_bolt.adapter.wsgi import SlackRequestHandler

from bot.slack.replay import WINDOW_SECONDS, ReplayCache

if TYPE_CHECKING:
    from wsgiref.types import StartResponse, WSGIEnvironment

log = logging.getLogger("newsbrief.slack")

EVENTS_PATH = "/slack/events"
TIMESTAMP = re.compile(r"[0-9]{1,12}")
SIGNATURE = re.compile(r"v0=[0-9a-f]{64}")


class Refused(Exception):
    """A request answered with ``status`` and a one-line reason, without running anything."""

    def __init__(self, status: str, reason: str) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason


class SlackRequestGuard:
    """A WSGI app serving Bolt at ``path`` for requests signed with ``signing_secret`` only.

    Without a signing secret (Socket Mode) every request is refused. The body is read up to its
    declared ``Content-Length``, which must be present and at most ``max_body``: no more bytes than
    that are ever read. A correctly signed request seen before (a replay) gets an empty 200 and runs
    nothing; the replay cache is per process.
    """

    def __init__(
        self,
        app: App,
        signing_secret: str | None,
        *,
        path: str = EVENTS_PATH,
        max_body: int,
        replays: ReplayCache | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.bolt = SlackRequestHandler(app, path)
        self.secret = signing_secret.encode() if signing_secret else None
        self.path = path
        self.max_body = max_body
        self.replays = replays or ReplayCache()
        self.clock = clock

    def __call__(self, environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        try:
            body = self._verified_body(environ)
        except Refused as refused:
            return _plain(start_response, refused.status, refused.reason)
        # Bolt reads the verified bytes, never the socket; it checks the signature once more.
        verified = dict(environ, CONTENT_LENGTH=str(len(body)))
        verified["wsgi.input"] = io.BytesIO(body)
        return self.bolt(verified, start_response)

    def _verified_body(self, environ: WSGIEnvironment) -> bytes:
        if environ.get("PATH_INFO") != self.path:
            raise Refused("404 Not Found", "Not found")
        if environ.get("REQUEST_METHOD") != "POST":
            raise Refused("405 Method Not Allowed", "Only POST")
        if environ.get("HTTP_TRANSFER_ENCODING"):
            raise Refused("400 Bad Request", "Transfer-Encoding is not supported")
        length = self._declared_length(environ.get("CONTENT_LENGTH"))
        timestamp = environ.get("HTTP_X_SLACK_REQUEST_TIMESTAMP") or ""
        signature = environ.get("HTTP_X_SLACK_SIGNATURE") or ""
        body = _read_exactly(environ["wsgi.input"], length)
        if self.secret is None or not TIMESTAMP.fullmatch(timestamp) or not SIGNATURE.fullmatch(signature):
            raise Refused("401 Unauthorized", "Invalid request")
        if abs(self.clock() - int(timestamp)) > WINDOW_SECONDS:
            raise Refused("401 Unauthorized", "Invalid request")
        expected = hmac.new(self.secret, b"v0:" + timestamp.encode() + b":" + body, hashlib.sha256).hexdigest()
        if not hmac.compare_digest(f"v0={expected}", signature):
            log.info("slack http: refused a request with a bad signature")
            raise Refused("401 Unauthorized", "Invalid request")
        try:
            body.decode("utf-8")
        except UnicodeDecodeError:
            raise Refused("400 Bad Request", "The body is not UTF-8") from None
        if not self.replays.first_time(signature, int(timestamp)):
            log.info("slack http: ignored a replayed request (timestamp %s)", timestamp)
            raise Refused("200 OK", "")
        return body

    def _declared_length(self, value: Any) -> int:
        if value is None or value == "":
            raise Refused("411 Length Required", "Content-Length is required")
        if not isinstance(value, str) or not value.isascii() or not value.isdigit():
            raise Refused("400 Bad Request", "Invalid Content-Length")
        if len(value) > 12 or int(value) > self.max_body:
            raise Refused("413 Payload Too Large", "Request body too large")
        return int(value)


def _read_exactly(stream: Any, length: int) -> bytes:
    """``length`` bytes from ``stream``; a short read or a read timeout refuses the request."""
    try:
        body = stream.read(length) if length else b""
    except TimeoutError:
        raise Refused("408 Request Timeout", "The body was not sent in time") from None
    except OSError:  # the client went away mid-body; the answer will not reach it either
        raise Refused("400 Bad Request", "The body could not be read") from None
    if not isinstance(body, bytes) or len(body) != length:
        raise Refused("400 Bad Request", "The body is shorter than its Content-Length")
    return body


def _plain(start_response: StartResponse, status: str, text: str) -> list[bytes]:
    data = f"{text}\n".encode() if text else b""
    start_response(status, [("Content-Type", "text/plain; charset=utf-8"), ("Content-Length", str(len(data)))])
    return [data]
