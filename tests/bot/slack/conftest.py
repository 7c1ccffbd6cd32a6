"""The Slack app served over loopback HTTP, a fake Slack API, and a client that signs slash commands."""

from __future__ import annotations

import itertools
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from urllib.parse import urlencode

import pytest
from slack_bolt import App
from slack_sdk.signature import SignatureVerifier

from bot.service import CommandService, InMemoryStories
from bot.slack.app import build_slack_app, listener_pool
from bot.slack.delivery import RetryPolicy
from bot.slack.runner import EVENTS_PATH, HttpLimits, make_http_server
from tests.bot.slack.fake_slack import FakeSlack
from tests.conftest import SEEDS

SECRET = "test-signing-secret"
TRIGGERS = itertools.count(1)
TOKEN = "xoxb-test-bot-token-0000"
FAST_RETRY = RetryPolicy(network_retries=3, backoff_seconds=0.05, timeout_seconds=5)


@dataclass
class SlashResult:
    status: int
    body: str
    seconds: float


class SlackUser:
    """Sends slash commands the way Slack does: form-encoded, signed, with a response_url on the fake."""

    def __init__(self, url: str, fake: FakeSlack, secret: str = SECRET) -> None:
        self.url = url
        self.fake = fake
        self.signer = SignatureVerifier(secret)

    def form(
        self, command: str, text: str = "", *, user_id: str = "U1", channel_id: str = "C1", response_url: str = ""
    ) -> str:
        return urlencode(
            {
                "token": "legacy-verification-token",
                "team_id": "T1",
                "team_domain": "fake",
                "channel_id": channel_id,
                "channel_name": "general",
                "user_id": user_id,
                "user_name": "ana",
                "command": command,
                "text": text,
                "api_app_id": "A1",
                "response_url": response_url or self.fake.response_url(command.strip("/")),
                "trigger_id": f"{next(TRIGGERS)}.1.abc",  # Slack's is unique per invocation
            }
        )

    def post(self, body: str, *, timestamp: int | None = None, signature: str | None = None) -> SlashResult:
        ts = str(timestamp if timestamp is not None else int(time.time()))
        sig = signature or self.signer.generate_signature(timestamp=ts, body=body)
        return self.send(body, {"X-Slack-Request-Timestamp": ts, "X-Slack-Signature": sig})

    def send(self, body: str, headers: dict[str, str]) -> SlashResult:
        """POST ``body`` with exactly these Slack headers (none added, none checked)."""
        request = urllib.request.Request(
            self.url,
            data=body.encode(),
            method="POST",
            headers={"Content-Type": "application/x-www-form-urlencoded", **headers},
        )
        start = time.perf_counter()
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return SlashResult(response.status, response.read().decode(), time.perf_counter() - start)
        except urllib.error.HTTPError as exc:
            with exc:
                return SlashResult(exc.code, exc.read().decode(), time.perf_counter() - start)

    def command(self, command: str, text: str = "", **kwargs: str) -> SlashResult:
        return self.post(self.form(command, text, **kwargs))


@pytest.fixture(scope="session")
def seed_service() -> CommandService:
    return CommandService(InMemoryStories.from_paths([SEEDS]))


@pytest.fixture
def fake() -> Iterator[FakeSlack]:
    server = FakeSlack().start()
    yield server
    server.stop()


class ServedApp:
    """``app`` served on 127.0.0.1 from a thread, at ``url``; ``stop`` also shuts ``pool`` (its listener executor)."""

    def __init__(
        self, app: App, pool: ThreadPoolExecutor, secret: str | None = SECRET, limits: HttpLimits | None = None
    ) -> None:
        self.app = app
        self.pool = pool
        self.server = make_http_server(app, "127.0.0.1", 0, signing_secret=secret, limits=limits)
        self.url = f"http://127.0.0.1:{self.server.server_port}{EVENTS_PATH}"
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(5)
        self.pool.shutdown(wait=True)


@pytest.fixture
def make_user(fake: FakeSlack) -> Iterator[Callable[..., SlackUser]]:
    """Build the Slack app for a service (and optional config store) and return a user talking to it."""
    served: list[ServedApp] = []

    def make(service: CommandService, *, limits: HttpLimits | None = None, **kwargs: object) -> SlackUser:
        pool = listener_pool()
        app = build_slack_app(
            service,
            listener_executor=pool,
            token=TOKEN,
            signing_secret=SECRET,
            api_url=fake.api_url,
            retry=FAST_RETRY,
            **kwargs,  # type: ignore[arg-type]
        )
        served.append(ServedApp(app, pool, limits=limits))
        return SlackUser(served[-1].url, fake)

    yield make
    for s in served:
        s.stop()


@pytest.fixture
def user(make_user: Callable[..., SlackUser], seed_service: CommandService) -> SlackUser:
    return make_user(seed_service)
