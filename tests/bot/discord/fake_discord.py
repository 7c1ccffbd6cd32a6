"""A fake Discord REST API on 127.0.0.1 that records what the bot sends (messages, embeds, interaction responses)."""

from __future__ import annotations

import asyncio
import email
import email.policy
import itertools
import json
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

APP_ID = 900000000000000001
BOT_USER_ID = 900000000000000002
TOKEN = "fake-bot-token.NEVER-LOG-ME.xyz"

BOT_USER = {
    "id": str(BOT_USER_ID),
    "username": "newsbrief",
    "discriminator": "0",
    "global_name": None,
    "avatar": None,
    "bot": True,
    "flags": 0,
}


@dataclass(frozen=True)
class Upload:
    """A file sent as a multipart part (``files[n]``), with the bytes as received."""

    field: str
    filename: str
    content_type: str
    data: bytes


@dataclass
class Recorded:
    """One request the bot made; a multipart request's ``payload_json`` is its ``body``, its files ``files``."""

    method: str
    path: str
    query: dict[str, str]
    body: Any
    authorization: str | None
    status: int = 200
    files: list[Upload] = field(default_factory=list)

    @property
    def _data(self) -> dict[str, Any]:
        """The message itself: an interaction callback's ``data``, a forum post's starter ``message``, or the body."""
        if not isinstance(self.body, dict):
            return {}
        for key in ("data", "message"):
            if isinstance(self.body.get(key), dict):
                return dict(self.body[key])
        return self.body

    @property
    def attachments(self) -> list[dict[str, Any]]:
        """The attachments' metadata the message declares (id, filename, description = alt text)."""
        data = self._data
        return list(data.get("attachments") or [])

    @property
    def embeds(self) -> list[dict[str, Any]]:
        data = self._data
        return list(data.get("embeds") or [])

    @property
    def content(self) -> str:
        data = self._data
        return data.get("content") or ""

    @property
    def flags(self) -> int:
        data = self._data
        return int(data.get("flags") or 0)

    def text(self) -> str:
        """Everything a user would read in this message: content and every embed's text."""
        parts = [self.content]
        for e in self.embeds:
            parts += [e.get("title") or "", e.get("description") or "", (e.get("footer") or {}).get("text", "")]
            for f in e.get("fields", []):
                parts += [f["name"], f["value"]]
        return "\n".join(p for p in parts if p)


@dataclass
class Failure:
    status: int | None  # None: drop the connection
    body: dict[str, Any] = field(default_factory=dict)
    headers: dict[str, str] = field(default_factory=dict)


def parse_multipart(content_type: str, raw: bytes) -> tuple[Any, list[Upload]]:
    """``payload_json`` and the file parts of a multipart/form-data body, as Discord reads them."""
    message = email.message_from_bytes(f"Content-Type: {content_type}\r\n\r\n".encode() + raw, policy=email.policy.HTTP)
    payload: Any = None
    files: list[Upload] = []
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        data = part.get_payload(decode=True)
        if name == "payload_json":
            payload = json.loads(data)
        elif part.get_filename():
            files.append(Upload(str(name), str(part.get_filename()), part.get_content_type(), data))
    return payload, files


def _json(data: Any, status: int = 200, headers: dict[str, str] | None = None) -> web.Response:
    # discord.py parses a body as JSON only for exactly this content type (no charset).
    return web.Response(
        body=json.dumps(data).encode(), status=status, headers={"Content-Type": "application/json", **(headers or {})}
    )


class FakeDiscord:
    """``async with FakeDiscord() as fake: fake.api_url`` — the base to set as ``discord.http.Route.BASE``."""

    def __init__(self) -> None:
        self.requests: list[Recorded] = []
        self.failures: dict[str, list[Failure]] = {}
        self.delays: dict[str, list[float]] = {}
        self._ids = itertools.count(1_000_000_000_000_000_000)
        self._runner: web.AppRunner | None = None
        self.api_url = ""
        self._arrived = asyncio.Condition()
        self.gateway_events: list[dict[str, Any]] = []  # INTERACTION_CREATE payloads sent after READY
        self.channel_types: dict[str, int] = {}  # channel id -> type (GET /channels/{id}); 0, a text channel, if unset
        self.identified: list[dict[str, Any]] = []
        self.logging_in = asyncio.Event()  # set when the bot's login (GET /users/@me) arrives
        self.login_gate: asyncio.Event | None = None  # when given, the login is answered only once it is set

    # -- scripting ---------------------------------------------------------------------------
    def rate_limit_next(self, path_prefix: str, retry_after: float = 0.05) -> None:
        """The next request whose path starts with ``path_prefix`` gets a 429 with ``retry_after``."""
        body = {"message": "You are being rate limited.", "retry_after": retry_after, "global": False}
        self.failures.setdefault(path_prefix, []).append(Failure(429, body, {"Via": "1.1 google"}))

    def drop_next(self, path_prefix: str, times: int = 1) -> None:
        """The next ``times`` matching requests lose their connection (a network error)."""
        self.failures.setdefault(path_prefix, []).extend(Failure(None) for _ in range(times))

    def slow_next(self, path_prefix: str, seconds: float, times: int = 1) -> None:
        """The next ``times`` matching requests are taken (recorded) at once but answered after ``seconds``."""
        self.delays.setdefault(path_prefix, []).extend([seconds] * times)

    # -- what was seen --------------------------------------------------------------------------
    def posted(self, path_prefix: str = "") -> list[Recorded]:
        """Messages delivered (2xx) to channels, followup webhooks or interaction callbacks."""
        return [
            r
            for r in self.requests
            if r.method == "POST"
            and 200 <= r.status < 300
            and r.path.startswith(path_prefix)
            and (r.path.startswith("/channels/") or r.path.startswith("/webhooks/") or r.path.endswith("/callback"))
            and not r.path.endswith("/threads")
        ]

    def forum_posts(self, channel_id: str) -> list[Recorded]:
        """Posts created in a forum channel (``POST /channels/{id}/threads`` with a starter ``message``)."""
        return [
            r
            for r in self.requests
            if r.method == "POST" and 200 <= r.status < 300 and r.path == f"/channels/{channel_id}/threads"
        ]

    def edited(self, path_prefix: str = "") -> list[Recorded]:
        """Messages edited (PATCH, 2xx)."""
        return [
            r for r in self.requests if r.method == "PATCH" and 200 <= r.status < 300 and r.path.startswith(path_prefix)
        ]

    async def wait_for(self, count: int, path_prefix: str = "", timeout: float = 5.0) -> list[Recorded]:
        """Wait until at least ``count`` messages matching ``path_prefix`` were delivered."""
        async with self._arrived:
            await asyncio.wait_for(self._arrived.wait_for(lambda: len(self.posted(path_prefix)) >= count), timeout)
        return self.posted(path_prefix)

    # -- server ------------------------------------------------------------------------------
    async def __aenter__(self) -> FakeDiscord:
        app = web.Application()
        app.router.add_get("/gateway", self._gateway)
        app.router.add_route("*", "/api/v10/{tail:.*}", self._handle)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = self._runner.addresses[0][1]
        self.api_url = f"http://127.0.0.1:{port}/api/v10"
        self.gateway_url = f"ws://127.0.0.1:{port}/gateway"
        return self

    async def __aexit__(self, *exc: object) -> None:
        assert self._runner is not None
        await self._runner.cleanup()

    async def _gateway(self, request: web.Request) -> web.WebSocketResponse:
        """Just enough of the gateway: HELLO, READY after IDENTIFY, then the queued interactions."""
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        await ws.send_json({"op": 10, "d": {"heartbeat_interval": 45000}, "s": None, "t": None})
        seq = 0
        async for msg in ws:
            data = json.loads(msg.data)
            if data["op"] != 2:  # only IDENTIFY matters here
                continue
            self.identified.append(data["d"])
            seq += 1
            ready = {
                "v": 10,
                "user": BOT_USER,
                "guilds": [],
                "session_id": "fake-session",
                "resume_gateway_url": self.gateway_url,
                "application": {"id": str(APP_ID), "flags": 0},
            }
            await ws.send_json({"op": 0, "t": "READY", "s": seq, "d": ready})
            for event in self.gateway_events:
                seq += 1
                await ws.send_json({"op": 0, "t": "INTERACTION_CREATE", "s": seq, "d": event})
        return ws

    def _message(self, channel_id: str, data: dict[str, Any], webhook_id: str | None = None) -> dict[str, Any]:
        msg = {
            "id": str(next(self._ids)),
            "channel_id": channel_id,
            "type": 0,
            "content": data.get("content") or "",
            "embeds": data.get("embeds") or [],
            "attachments": [],
            "mentions": [],
            "mention_roles": [],
            "mention_everyone": False,
            "pinned": False,
            "tts": False,
            "flags": int(data.get("flags") or 0),
            "timestamp": "2025-12-15T08:00:00+00:00",
            "edited_timestamp": None,
            "author": BOT_USER,
            "components": [],
        }
        if webhook_id:
            msg["webhook_id"] = webhook_id
        return msg

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        path = "/" + request.match_info["tail"]
        raw = await request.read()
        body = json.loads(raw) if raw and request.content_type == "application/json" else None
        files: list[Upload] = []
        if raw and request.content_type == "multipart/form-data":
            body, files = parse_multipart(request.headers["Content-Type"], raw)
        for prefix, queue in self.failures.items():
            if path.startswith(prefix) and queue:
                failure = queue.pop(0)
                self.requests.append(
                    Recorded(request.method, path, dict(request.query), body, None, failure.status or 0)
                )
                if failure.status is None:
                    assert request.transport is not None
                    request.transport.close()  # the client sees the connection drop mid-request
                    return web.Response(status=500)
                return _json(failure.body, failure.status, failure.headers)
        if path == "/users/@me":
            self.logging_in.set()
            if self.login_gate is not None:
                await self.login_gate.wait()  # a slow login, released by the test
        reply = self._route(request.method, path, body or {})
        rec = Recorded(
            request.method, path, dict(request.query), body, request.headers.get("Authorization"), reply.status, files
        )
        async with self._arrived:
            self.requests.append(rec)
            self._arrived.notify_all()
        delay = next((q.pop(0) for prefix, q in self.delays.items() if path.startswith(prefix) and q), 0.0)
        if delay:
            await asyncio.sleep(delay)  # taken at once, confirmed late
        return reply

    def _route(self, method: str, path: str, body: Any) -> web.Response:
        parts = path.strip("/").split("/")
        if path == "/gateway/bot":
            return _json(
                {
                    "url": self.gateway_url,
                    "shards": 1,
                    "session_start_limit": {"total": 1000, "remaining": 999, "reset_after": 0, "max_concurrency": 1},
                }
            )
        if path == "/users/@me":
            return _json(BOT_USER)
        if path == "/oauth2/applications/@me":
            return _json(
                {
                    "id": str(APP_ID),
                    "name": "newsbrief",
                    "icon": None,
                    "description": "",
                    "summary": "",
                    "bot_public": True,
                    "bot_require_code_grant": False,
                    "verify_key": "0" * 64,
                    "owner": {**BOT_USER, "id": "42", "bot": False},
                    "flags": 0,
                    "rpc_origins": [],
                }
            )
        if method == "PUT" and parts[0] == "applications" and parts[-1] == "commands":
            guild_id = parts[3] if "guilds" in parts else None
            return _json(
                [
                    {
                        **c,
                        "id": str(next(self._ids)),
                        "application_id": str(APP_ID),
                        "version": "1",
                        "guild_id": guild_id,
                        "default_member_permissions": c.get("default_member_permissions"),
                        "dm_permission": c.get("dm_permission", True),
                        "nsfw": False,
                    }
                    for c in body
                ]
            )
        if method == "POST" and parts[0] == "interactions":
            data = body.get("data") or {}
            return _json(
                {
                    "interaction": {
                        "id": parts[1],
                        "type": 2,
                        "response_message_loading": body.get("type") == 5,
                        "response_message_ephemeral": bool(int(data.get("flags") or 0) & 64),
                    },
                    "resource": {"type": body.get("type")},
                }
            )
        if method == "POST" and parts[0] == "webhooks":
            return _json(self._message("1", body, parts[1]))
        if method == "GET" and len(parts) == 2 and parts[0] == "channels":
            kind = self.channel_types.get(parts[1], 0)
            return _json({"id": parts[1], "type": kind, "guild_id": "1", "name": "news", "position": 0})
        if method == "POST" and len(parts) == 3 and parts[0] == "channels" and parts[-1] == "threads":
            if self.channel_types.get(parts[1], 0) not in (15, 16):
                return _json({"message": "Cannot send a thread-only message here", "code": 50024}, 400)
            # A forum post: a thread whose starter message has the thread's id.
            thread_id = str(next(self._ids))
            message = {**self._message(thread_id, body.get("message") or {}), "id": thread_id}
            thread = {"id": thread_id, "type": 11, "parent_id": parts[1], "name": body.get("name"), "guild_id": "1"}
            return _json({**thread, "owner_id": str(BOT_USER_ID), "message": message})
        if method == "POST" and parts[0] == "channels" and parts[-1] == "messages":
            return _json(self._message(parts[1], body))
        if method == "POST" and len(parts) == 5 and parts[0] == "channels" and parts[-1] == "threads":
            # A thread started on a message has the message's id (a public thread, type 11).
            thread = {"id": parts[3], "type": 11, "parent_id": parts[1], "name": body.get("name"), "guild_id": "1"}
            return _json({**thread, "owner_id": str(BOT_USER_ID), "thread_metadata": {"archived": False}})
        if method == "PATCH" and len(parts) == 4 and parts[0] == "channels" and parts[2] == "messages":
            return _json({**self._message(parts[1], body), "id": parts[3]})
        return _json({"message": "404: Not Found", "code": 0}, 404)
