"""The composition root: `newsbrief run` wires config, storage, stories, adapters and the scheduler."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import os
import signal
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TextIO

from bot.arguments import add_run_parser, resolve_config_path
from bot.compose import compose_service
from bot.config.errors import ConfigError
from bot.config.model import NewsbriefConfig
from bot.config.store import ConfigStore
from bot.credentials import AdapterPlan, Credentials, plan_adapters
from bot.digest import Publisher
from bot.feeds.ingest import rebuild_stories
from bot.heap import settle
from bot.logs import configure_logging
from bot.service import CommandService
from bot.storage import DatabaseError
from bot.storage.articles import insert_articles
from bot.storage.database import Database, open_database, utcnow
from bot.storage.story_source import StoredStories
from summarizer.brief import BriefSettings
from summarizer.readers import load_articles

if TYPE_CHECKING:
    from apscheduler.schedulers.asyncio import AsyncIOScheduler

    from bot.adapters import Adapter

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


def chat_adapters(rt: Runtime, args: argparse.Namespace) -> list[Adapter]:
    """The console adapter, then each chat platform the plan starts (Slack first: it answers at once)."""
    from bot.adapters import ConsoleAdapter, DiscordAdapter, SlackAdapter

    plan = {p.name: p for p in rt.plans}
    adapters: list[Adapter] = [ConsoleAdapter()]
    if plan["slack"].start:
        http = bool(args.slack_http)
        adapters.append(SlackAdapter(rt.service, rt.store, rt.creds, http=http, host=args.host, port=args.port))
    if plan["discord"].start:
        adapters.append(DiscordAdapter(rt.service, rt.store, rt.creds, sync_global=args.sync_global))
    return adapters


async def _start(adapter: Adapter, err: TextIO) -> bool:
    """Start one adapter; a refusal (e.g. auth.test refused the token) is said and logged, never fatal."""
    try:
        await adapter.start()
    except Exception as exc:
        log.error("%s: could not start (%s); the other adapters run on", adapter.name, type(exc).__name__, exc_info=exc)
        refused = f"{adapter.name.capitalize()} refused the start-up check ({type(exc).__name__})"
        print(f"{adapter.name}: not started — {refused}; see the log", file=err)
        return False
    if getattr(adapter, "login_timed_out", False):
        print(f"{adapter.name}: login is taking over 60 s; starting the scheduler without it for now", file=err)
    return True


async def serve(
    rt: Runtime,
    args: argparse.Namespace,
    err: TextIO,
    *,
    on_ready: Callable[[Running], None] | None = None,
    adapters: Sequence[Adapter] | None = None,
) -> int:
    """Start the adapters (all at once), then the scheduler over their publishers, until SIGINT/SIGTERM (or one
    ingest with --once).

    ``adapters`` defaults to :func:`chat_adapters` (console plus the platforms the credentials start).
    """
    from bot.adapters import Publishers
    from bot.scheduler.setup import start_scheduler, stop_scheduler, sync_jobs

    candidates = list(chat_adapters(rt, args) if adapters is None else adapters)
    # All start at once, before the scheduler (a catch-up digest may fire at once and needs its publisher):
    # Slack and the console serve while Discord logs in, which can take up to DISCORD_LOGIN_WAIT seconds.
    try:
        results = await asyncio.gather(*(_start(adapter, err) for adapter in candidates))
    except BaseException:  # cancelled (Ctrl-C) while starting: those already up must not linger
        for adapter in reversed(candidates):
            with contextlib.suppress(Exception):
                await adapter.stop()
        raise
    started = [adapter for adapter, ok in zip(candidates, results, strict=True) if ok]
    publishers = Publishers(started)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    ingested = asyncio.Event()

    def after_ingest(_report: Any) -> None:
        # Runs in a worker thread (see bot.scheduler.jobs.ingest_job), so decoding every story does
        # not hold up Discord heartbeats or Slack acks on the event loop.
        try:
            rt.stories.refresh()
            settle()  # the new stories join the long-lived objects full collector passes skip
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
    settle()  # what was loaded to serve stays out of the collector's full passes (bot.heap)
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
    await stop_scheduler(scheduler)  # running digests finish through the adapters, then those stop
    for adapter in reversed(started):
        await adapter.stop()
    await asyncio.gather(watcher, return_exceptions=True)
    return 0


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
