"""The platform adapters `newsbrief run` serves: one protocol (start, stop, publisher), one class per platform.

An adapter turns platform events into calls of the command service and offers a publisher for scheduled
posts; `serve` starts them all at once, runs the scheduler over their publishers and stops them in reverse.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Protocol

from bot.config.store import ConfigStore
from bot.credentials import Credentials
from bot.digest import ConsolePublisher, Publisher
from bot.service import CommandService

if TYPE_CHECKING:
    from bot.discord.client import NewsbriefDiscordBot

log = logging.getLogger("newsbrief")

DISCORD_LOGIN_WAIT = 60  # seconds: then the scheduler starts without Discord; its digests wait for the login


class Adapter(Protocol):
    """One platform: ``start`` returns once it serves (raising if it cannot), ``stop`` ends it and its work."""

    name: str

    async def start(self) -> None: ...

    async def stop(self) -> None: ...

    @property
    def publisher(self) -> Publisher | None:
        """Where scheduled posts for this platform go; None until it can post."""
        ...


class Publishers(Mapping[str, Publisher]):
    """Platform → publisher of the started adapters, read when a job runs (a late Discord login counts)."""

    def __init__(self, adapters: Sequence[Adapter]) -> None:
        self._adapters = adapters

    def __getitem__(self, platform: str) -> Publisher:
        for adapter in self._adapters:
            if adapter.name == platform and adapter.publisher is not None:
                return adapter.publisher
        raise KeyError(platform)

    def __iter__(self) -> Iterator[str]:
        return iter([a.name for a in self._adapters if a.publisher is not None])

    def __len__(self) -> int:
        return sum(1 for a in self._adapters if a.publisher is not None)


def watched(coro: Any, name: str) -> asyncio.Task[Any]:
    """A task whose failure is logged when it happens, not lost until shutdown."""

    def report(task: asyncio.Task[Any]) -> None:
        if not task.cancelled() and task.exception() is not None:
            log.error("%s adapter stopped with an error", name, exc_info=task.exception())

    task = asyncio.create_task(coro, name=f"newsbrief-{name}")
    task.add_done_callback(report)
    return task


class ConsoleAdapter:
    """Digests of ``console`` channels printed on standard output."""

    name = "console"

    def __init__(self) -> None:
        self.publisher: Publisher | None = ConsolePublisher()

    async def start(self) -> None:
        return None

    async def stop(self) -> None:
        return None


class SlackAdapter:
    """The Bolt app over Socket Mode (with an app token, unless ``http``) or signed HTTP on ``host:port``."""

    name = "slack"

    def __init__(
        self, service: CommandService, store: ConfigStore, creds: Credentials, *, http: bool, host: str, port: int
    ) -> None:
        self.service, self.store, self.creds = service, store, creds
        self.http, self.host, self.port = http or not creds.slack_app_token, host, port
        self.publisher: Publisher | None = None
        self._stop = threading.Event()
        self._task: asyncio.Task[Any] | None = None

    async def start(self) -> None:
        from bot.publishers import SlackPublisher
        from bot.slack.app import build_slack_app, listener_pool

        if not self.creds.slack_bot_token:  # plan_adapters starts Slack only with a token
            raise RuntimeError("Slack adapter started without SLACK_BOT_TOKEN")
        pool = listener_pool()
        try:  # auth.test may refuse the token: then no answer ever ran in the pool
            app = await asyncio.to_thread(
                build_slack_app,
                self.service,
                token=self.creds.slack_bot_token,
                signing_secret=self.creds.slack_signing_secret,
                api_url=self.creds.slack_api_url,
                config_store=self.store,
                listener_executor=pool,
            )
        except BaseException:
            pool.shutdown(wait=False)
            raise
        self.publisher = SlackPublisher(app, pictures=self.service.pictures)
        self._task = watched(self._serve(app, pool), self.name)

    async def _serve(self, app: Any, pool: Any) -> None:
        from bot.slack.runner import serve_http, start_socket_mode

        try:
            if not self.http and self.creds.slack_app_token:
                await asyncio.to_thread(start_socket_mode, app, self.creds.slack_app_token, self._stop)
            else:
                secret = self.creds.slack_signing_secret
                await asyncio.to_thread(serve_http, app, self.host, self.port, self._stop, signing_secret=secret)
        finally:
            self._stop.set()  # a server that failed to start must not leave its stop-watcher thread waiting
            await asyncio.to_thread(pool.shutdown, True)  # answers being written finish, off the event loop

    async def stop(self) -> None:
        self._stop.set()
        if self._task is not None:
            await asyncio.gather(self._task, return_exceptions=True)


class DiscordAdapter:
    """discord.py app commands; ``start`` waits for the login (up to :data:`DISCORD_LOGIN_WAIT` seconds)."""

    name = "discord"

    def __init__(self, service: CommandService, store: ConfigStore, creds: Credentials, *, sync_global: bool) -> None:
        self.service, self.store, self.creds, self.sync_global = service, store, creds, sync_global
        self.publisher: Publisher | None = None
        self.login_timed_out = False
        self._task: asyncio.Task[Any] | None = None

    async def start(self) -> None:
        if not self.creds.discord_token:  # plan_adapters starts Discord only with a token
            raise RuntimeError("Discord adapter started without DISCORD_TOKEN")
        ready = asyncio.Event()
        self._task = watched(self._run(self.creds.discord_token, ready), self.name)
        try:
            await asyncio.wait_for(ready.wait(), timeout=DISCORD_LOGIN_WAIT)
        except TimeoutError:
            self.login_timed_out = True

    async def _run(self, token: str, ready: asyncio.Event) -> None:
        from bot.discord.runner import run_discord
        from bot.publishers import DiscordPublisher

        async def on_start(client: NewsbriefDiscordBot) -> None:
            self.publisher = DiscordPublisher(client, self.service.pictures)
            ready.set()

        try:
            await run_discord(
                token,
                self.service,
                guild_id=self.creds.discord_guild_id,
                sync_global=self.sync_global,
                api_url=self.creds.discord_api_url,
                config_store=self.store,
                on_start=on_start,
            )
        finally:
            ready.set()

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)
