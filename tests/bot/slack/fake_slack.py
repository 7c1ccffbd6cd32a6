"""A local stand-in for Slack's Web API and response URLs that records every request it receives."""

from __future__ import annotations

import itertools
import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit

BOT_USER = {
    "ok": True,
    "url": "https://fake.slack/",
    "team": "Fake",
    "user": "newsbrief",
    "team_id": "T1",
    "user_id": "UBOT",
    "bot_id": "BBOT",
}


class _Server(ThreadingHTTPServer):
    request_queue_size = 128  # bursts of posts (the benchmark) must not overflow the listen backlog


@dataclass
class Call:
    """One request as received: path, parsed body (JSON, form or query) and arrival time."""

    method: str
    path: str
    body: dict[str, Any]
    headers: dict[str, str]
    at: float

    @property
    def blocks(self) -> list[dict[str, Any]]:
        blocks = self.body.get("blocks") or []
        return json.loads(blocks) if isinstance(blocks, str) else blocks

    def block_texts(self) -> list[str]:
        texts = []
        for b in self.blocks:
            if "text" in b:
                texts.append(b["text"]["text"])
            texts += [e.get("text", "") for e in b.get("elements", [])]
        return texts

    @property
    def visible_text(self) -> str:
        """Everything a user could read in this message: fallback text plus every block's text."""
        return "\n".join([str(self.body.get("text", "")), *self.block_texts()])


@dataclass
class FakeSlack:
    """Slack's Web API on 127.0.0.1 (``api_url``) plus response URLs under ``/response/…``."""

    users: dict[str, dict[str, Any]] = field(default_factory=dict)
    calls: list[Call] = field(default_factory=list)
    _failures: list[tuple[str, str, int]] = field(default_factory=list)  # (path prefix, kind, retry-after)
    _delays: list[tuple[str, float]] = field(default_factory=list)  # (path prefix, seconds before answering)
    _cond: threading.Condition = field(default_factory=threading.Condition)
    _ts: itertools.count[int] = field(default_factory=lambda: itertools.count(1))

    def start(self) -> FakeSlack:
        self._server = _Server(("127.0.0.1", 0), _handler_for(self))
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(5)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_port}"

    @property
    def api_url(self) -> str:
        return self.url + "/api/"

    def response_url(self, name: str = "cmd") -> str:
        return f"{self.url}/response/{name}"

    def fail_next(self, path_prefix: str, kind: str, *, retry_after: int = 1, times: int = 1) -> None:
        """Make the next ``times`` requests to ``path_prefix`` fail: ``"429"``, ``"500"`` or ``"drop"`` (close)."""
        with self._cond:
            self._failures += [(path_prefix, kind, retry_after)] * times

    def slow_next(self, path_prefix: str, seconds: float, *, times: int = 1) -> None:
        """Make the next ``times`` requests to ``path_prefix`` succeed, but answer only after ``seconds``."""
        with self._cond:
            self._delays += [(path_prefix, seconds)] * times

    def _delay_for(self, path: str) -> float:
        with self._cond:
            for i, (prefix, seconds) in enumerate(self._delays):
                if path.startswith(prefix):
                    del self._delays[i]
                    return seconds
        return 0.0

    def posts(self) -> list[Call]:
        """Messages delivered: ``chat.postMessage`` and response-URL posts, in arrival order."""
        with self._cond:
            return [c for c in self.calls if c.path.startswith("/response/") or c.path == "/api/chat.postMessage"]

    def updates(self) -> list[Call]:
        """``chat.update`` calls (edited messages), in arrival order."""
        with self._cond:
            return [c for c in self.calls if c.path == "/api/chat.update"]

    def uploads(self) -> list[tuple[Call, bytes]]:
        """Files shared in a channel: each ``files.completeUploadExternal`` with the bytes uploaded for it.

        Slack's three steps: ``files.getUploadURLExternal`` (name, length, alt text) gives an upload URL,
        the bytes are POSTed there, and ``files.completeUploadExternal`` shares the files in a channel.
        """
        with self._cond:
            data = {c.path.rsplit("/", 1)[-1]: c.body["bytes"] for c in self.calls if c.path.startswith("/upload/")}
            done = [c for c in self.calls if c.path == "/api/files.completeUploadExternal"]
        return [(c, data.get(f["id"], b"")) for c in done for f in json.loads(c.body["files"])]

    def upload_requests(self) -> list[Call]:
        """``files.getUploadURLExternal`` calls (each carries a file's name, length and alt text)."""
        with self._cond:
            return [c for c in self.calls if c.path == "/api/files.getUploadURLExternal"]

    def wait_for_uploads(self, count: int = 1, timeout: float = 10.0) -> list[tuple[Call, bytes]]:
        """Wait until ``count`` files were shared."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while len(self.uploads()) < count and time.monotonic() < deadline:
                self._cond.wait(deadline - time.monotonic())
        return self.uploads()

    def wait_for_posts(self, count: int = 1, timeout: float = 10.0, settle: float = 0.1) -> list[Call]:
        """Wait until ``count`` messages arrived, then a little longer to catch any extra ones."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while len(self.posts()) < count and time.monotonic() < deadline:
                self._cond.wait(deadline - time.monotonic())
        time.sleep(settle)
        return self.posts()

    def _failure_for(self, path: str) -> tuple[str, int] | None:
        with self._cond:
            for i, (prefix, kind, retry_after) in enumerate(self._failures):
                if path.startswith(prefix):
                    del self._failures[i]
                    return kind, retry_after
        return None

    def _record(self, call: Call) -> None:
        with self._cond:
            self.calls.append(call)
            self._cond.notify_all()

    def answer(self, path: str, body: dict[str, Any]) -> dict[str, Any]:
        if path == "/api/auth.test":
            return BOT_USER
        if path == "/api/users.info":
            user = self.users.get(str(body.get("user")))
            return {"ok": True, "user": user} if user else {"ok": False, "error": "user_not_found"}
        if path == "/api/files.getUploadURLExternal":
            file_id = f"F{len(self.upload_requests()):06d}"
            return {"ok": True, "upload_url": f"{self.url}/upload/{file_id}", "file_id": file_id}
        if path == "/api/files.completeUploadExternal":
            if str(body.get("channel_id", "")).startswith("CNOTIN"):
                return {"ok": False, "error": "not_in_channel"}
            files = [
                {"id": f["id"], "title": f.get("title"), "mimetype": "image/png"} for f in json.loads(body["files"])
            ]
            return {"ok": True, "files": files}
        if path == "/api/chat.postMessage":
            if str(body.get("channel", "")).startswith("CNOTIN"):
                return {"ok": False, "error": "not_in_channel"}
            ts = f"{int(time.time())}.{next(self._ts):06d}"  # unique, as Slack's are per channel
            return {"ok": True, "channel": body.get("channel"), "ts": ts}
        if path == "/api/chat.update":
            return {"ok": True, "channel": body.get("channel"), "ts": body.get("ts"), "text": body.get("text")}
        return {"ok": False, "error": "unknown_method"}


def _handler_for(fake: FakeSlack) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - keep test output quiet
            pass

        def _body(self) -> dict[str, Any]:
            data = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            split = urlsplit(self.path)
            if split.path.startswith("/upload/"):  # a file's bytes, as files.getUploadURLExternal's URL takes them
                return {"bytes": data}
            raw = data.decode("utf-8")
            body: dict[str, Any] = dict(parse_qsl(split.query))
            if "json" in (self.headers.get("Content-Type") or ""):
                body.update(json.loads(raw or "{}"))
            elif raw:
                body.update(parse_qsl(raw))
            return body

        def _handle(self) -> None:
            path = urlsplit(self.path).path
            body = self._body()
            fake._record(Call(self.command, path, body, dict(self.headers), time.monotonic()))
            failure = fake._failure_for(path)
            if failure and failure[0] == "drop":
                self.close_connection = True  # hang up without answering: the client sees a network error
                return
            delay = fake._delay_for(path)
            if delay:
                time.sleep(delay)  # the request is taken (recorded) at once; the answer is late
            if failure:
                status = int(failure[0])
                self._send(status, b'{"ok": false, "error": "ratelimited"}', {"Retry-After": str(failure[1])})
            elif path.startswith("/response/") or path.startswith("/upload/"):
                self._send(200, b"ok", {}, "text/html")
            else:
                self._send(200, json.dumps(fake.answer(path, body)).encode(), {})

        def _send(self, status: int, data: bytes, headers: dict[str, str], ctype: str = "application/json") -> None:
            try:
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(data)))
                for k, v in headers.items():
                    self.send_header(k, v)
                self.end_headers()
                self.wfile.write(data)
            except OSError:  # the client gave up waiting (a slow answer) and closed the connection
                self.close_connection = True

        do_GET = _handle
        do_POST = _handle

    return Handler
