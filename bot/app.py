"""The composition root: `newsbrief run` wires config, storage, stories, adapters and the scheduler."""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import signal
import sys
import threading
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TextIO

from bot.arguments import add_run_parser, resolve_config_path
from bot.compose import compose_service
from bot.config.errors import ConfigError
from bot.config.model import NewsbriefConfig
from bot.config.store import ConfigStore
from bot.credentials import AdapterPlan, Credentials, plan_adapters
from bot.digest import ConsolePublisher, Publisher
from bot.feeds.ingest import rebuild_stories
from bot.logs import configure_logging
from bot.pictures import Pictures
from bot.service import CommandService
from bot.storage import DatabaseError
from bot.storage.articles import insert_articles
from bot.storage.database import Database, open_database, utcnow
from bot.storage.story_source import StoredStories
from summarizer.brief import BriefSettings
from summarizer.readers import load_articles

if TYPE_CHECKING:
    from apscheduler.schedulers.asyncio import AsyncIOScheduler
    from slack_bolt import App

log = logging.getLogger("newsbrief")

__all__ = ["Running", "Runtime", "add_run_parser", "assemble", "run_bot", "serve"]


def settings_of(config: NewsbriefConfig) -> BriefSettings:
    d = config.defaults
    return BriefSettings(sentences=d.brief_sentences, words=d.brief_words, algorithm=d.algorithm)


def import_files(db: Database, paths: list[str], settings: BriefSettings, err: TextIO) -> int:
    """Store articles from files (e.g. the seeds) and rebuild the stories; returns how many were new."""
    loaded = load_articles(paths)
    for problem in loaded.problems:
        print(f"! {problem.source}: {problem.problem}", file=err)
    with db.transaction() as conn:
        added = insert_articles(conn, "files", loaded.articles, utcnow())
    rebuild_stories(db, settings)
    return added


def report_plans(plans: list[AdapterPlan], err: TextIO) -> None:
    for plan in plans:
        if plan.start:
            print(f"{plan.name}: starting ({plan.mode}) — {plan.reason}", file=err)
        else:
            print(f"{plan.name}: not started — {plan.reason}", file=err)
    if not any(p.start for p in plans):
        print("console: digests for console channels are printed here; no chat adapter has credentials", file=err)


@dataclass
class Runtime:
    """What the running bot holds; built once by :func:`assemble`."""

    store: ConfigStore
    db: Database
    stories: StoredStories
    service: CommandService
    plans: list[AdapterPlan]
    creds: Credentials


def assemble(args: argparse.Namespace, env: Mapping[str, str], err: TextIO) -> Runtime:
    """Load config and storage, import files, and decide which adapters start."""
    store = ConfigStore(resolve_config_path(getattr(args, "config", None)))
    config = store.load()
    db = open_database(config.bot.database_url)
    if args.paths:
        added = import_files(db, args.paths, settings_of(config), err)
        print(f"imported {added} new article(s) from {', '.join(args.paths)}", file=err)
    stories, service = compose_service(store, db)
    creds = Credentials.from_env(env)
    plans = plan_adapters(creds, slack_http=args.slack_http, sync_global=args.sync_global)
    return Runtime(store, db, stories, service, plans, creds)


@dataclass(frozen=True)
class Running:
    """What :func:`serve` hands to its ``on_ready`` hook once the adapters and the scheduler run.

    For tests and embedding: ``scheduler.modify_job(id, next_run_time=now)`` is the fast clock
    (the job then runs through the real scheduler); ``stop()`` ends :func:`serve` like Ctrl-C.
    """

    scheduler: AsyncIOScheduler
    publishers: Mapping[str, Publisher]
    stop: Callable[[], None]


async def serve(
    rt: Runtime, args: argparse.Namespace, err: TextIO, *, on_ready: Callable[[Running], None] | None = None
) -> int:
    """Run the adapters and the scheduler until SIGINT/SIGTERM (or one ingest with --once)."""
    from bot.scheduler.setup import start_scheduler, stop_scheduler, sync_jobs

    publishers: dict[str, Publisher] = {"console": ConsolePublisher()}
    stop = asyncio.Event()
    slack_stop = threading.Event()
    tasks: list[asyncio.Task[Any]] = []  # awaited at shutdown; Discord's is cancelled, Slack's ends on slack_stop
    discord_task: asyncio.Task[Any] | None = None
    plan = {p.name: p for p in rt.plans}
    if plan["slack"].start:
        # Built before the scheduler starts: start_scheduler copies the publishers, and a catch-up
        # digest may fire at once, so the Slack publisher must already be there.
        from bot.slack.app import listener_pool

        pool = listener_pool()
        try:
            app = await asyncio.to_thread(_build_slack_app, rt, pool)
        except Exception as exc:  # e.g. auth.test refused the token: run on without Slack, say why
            pool.shutdown(wait=False)  # no answer ever ran in it
            log.error("slack: could not start (%s); the other adapters run on", type(exc).__name__, exc_info=exc)
            print(
                f"slack: not started — Slack refused the start-up check ({type(exc).__name__}); see the log", file=err
            )
        else:
            publishers["slack"] = _slack_publisher(app, rt.service.pictures)
            tasks.append(_watched(_serve_slack(app, pool, rt, args, slack_stop), "slack"))
    discord_ready = asyncio.Event()
    if plan["discord"].start:
        discord_task = _watched(_run_discord(rt, args, publishers, discord_ready), "discord")
        tasks.append(discord_task)
    else:
        discord_ready.set()
    try:
        await asyncio.wait_for(discord_ready.wait(), timeout=60)
    except TimeoutError:  # Discord slow to log in: start the rest; its digests wait for the next run
        print("discord: login is taking over 60 s; starting the scheduler without it for now", file=err)
    loop = asyncio.get_running_loop()
    ingested = asyncio.Event()

    def after_ingest(_report: Any) -> None:
        # Runs in a worker thread (see bot.scheduler.jobs.ingest_job), so decoding every story does
        # not hold up Discord heartbeats or Slack acks on the event loop.
        try:
            rt.stories.refresh()
        finally:
            loop.call_soon_threadsafe(ingested.set)

    # --once is a check: it posts no digest, not even one missed while the bot was down (that stays
    # due for the next real run).
    digests = not args.once
    scheduler = await start_scheduler(
        lambda: rt.store.config, rt.db, publishers, on_ingest=after_ingest, digests=digests
    )

    def replan(config: NewsbriefConfig) -> None:
        changes = sync_jobs(scheduler, config, digests=digests)
        if any(changes.values()):
            log.info("schedules re-planned after a config change: %s", changes)

    unsubscribe = rt.store.subscribe(replan)
    watcher = asyncio.create_task(rt.store.watch())
    print(f"newsbrief is running with {len(rt.stories.stories())} stories; Ctrl-C stops it", file=err)
    signals = (signal.SIGINT, signal.SIGTERM)
    for sig in signals:
        loop.add_signal_handler(sig, stop.set)
    if on_ready is not None:
        on_ready(Running(scheduler, publishers, stop.set))
    if args.once:  # the scheduler runs the first ingest at start-up; stop after it
        await ingested.wait()
        stop.set()
    await stop.wait()
    for sig in signals:
        loop.remove_signal_handler(sig)
    unsubscribe()
    watcher.cancel()
    slack_stop.set()
    await stop_scheduler(scheduler)
    if discord_task is not None:
        discord_task.cancel()
    await asyncio.gather(*tasks, watcher, return_exceptions=True)
    return 0


def _watched(coro: Any, name: str) -> asyncio.Task[Any]:
    """A task whose failure is logged when it happens, not lost until shutdown."""

    def report(task: asyncio.Task[Any]) -> None:
        if not task.cancelled() and task.exception() is not None:
            log.error("%s adapter stopped with an error", name, exc_info=task.exception())

    task = asyncio.create_task(coro, name=f"newsbrief-{name}")
    task.add_done_callback(report)
    return task


def _build_slack_app(rt: Runtime, pool: ThreadPoolExecutor) -> App:
    from bot.slack.app import build_slack_app

    c = rt.creds
    if not c.slack_bot_token:  # plan_adapters starts Slack only with a token
        raise RuntimeError("Slack adapter started without SLACK_BOT_TOKEN")
    return build_slack_app(
        rt.service,
        token=c.slack_bot_token,
        signing_secret=c.slack_signing_secret,
        api_url=c.slack_api_url,
        config_store=rt.store,
        listener_executor=pool,
    )


def _slack_publisher(app: App, pictures: Pictures) -> Publisher:
    from bot.publishers import SlackPublisher

    return SlackPublisher(app, pictures=pictures)


async def _serve_slack(
    app: App, pool: ThreadPoolExecutor, rt: Runtime, args: argparse.Namespace, stop: threading.Event
) -> None:
    from bot.slack.runner import serve_http, start_socket_mode

    try:
        if rt.creds.slack_app_token and not args.slack_http:
            await asyncio.to_thread(start_socket_mode, app, rt.creds.slack_app_token, stop)
        else:
            secret = rt.creds.slack_signing_secret
            await asyncio.to_thread(serve_http, app, args.host, args.port, stop, signing_secret=secret)
    finally:
        stop.set()  # a server that failed to start must not leave its stop-watcher thread waiting
        # let answers already being written finish, without blocking the event loop
        await asyncio.to_thread(pool.shutdown, True)


async def _run_discord(
    rt: Runtime, args: argparse.Namespace, publishers: dict[str, Publisher], ready: asyncio.Event
) -> None:
    from bot.discord.runner import run_discord
    from bot.publishers import DiscordPublisher

    async def on_start(client: Any) -> None:
        # the scheduler's jobs read this mapping when they run, so a late login still gets its digests
        publishers["discord"] = DiscordPublisher(client, rt.service.pictures)
        ready.set()

    if not rt.creds.discord_token:  # plan_adapters starts Discord only with a token
        raise RuntimeError("Discord adapter started without DISCORD_TOKEN")
    try:
        await run_discord(
            rt.creds.discord_token,
            rt.service,
            guild_id=rt.creds.discord_guild_id,
            sync_global=args.sync_global,
            api_url=rt.creds.discord_api_url,
            config_store=rt.store,
            on_start=on_start,
        )
    finally:
        ready.set()


def run_bot(args: argparse.Namespace, *, env: Mapping[str, str] | None = None, err: TextIO | None = None) -> int:
    """`newsbrief run`: exit 0 on a clean stop, 1 when the configuration or storage cannot be used."""
    err = err or sys.stderr
    configure_logging(os.environ, err)
    try:
        rt = assemble(args, os.environ if env is None else env, err)
    except (ConfigError, DatabaseError) as exc:
        print(f"newsbrief: {exc.user_message}", file=err)
        return 1
    except ValueError as exc:  # a malformed environment variable (Credentials.from_env)
        print(f"newsbrief: {exc}", file=err)
        return 1
    report_plans(rt.plans, err)
    try:
        return asyncio.run(serve(rt, args, err))
    finally:
        rt.db.dispose()
