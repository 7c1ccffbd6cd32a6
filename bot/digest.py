"""Channel digests: pick the top new stories, claim the slot once, publish, record the outcome."""

from __future__ import annotations

import asyncio
import logging
import sys
import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from functools import partial
from typing import Any, Protocol, TextIO

from bot.config.model import EffectiveSettings, NewsbriefConfig, effective_settings
from bot.render.text import render
from bot.service import FAILED, UNKNOWN, DeliveryUnknown, PendingDigest
from bot.storage.analyses import stored_analyses
from bot.storage.articles import articles_by_id
from bot.storage.database import Database, utcnow
from bot.storage.posts import (
    add_pending,
    claim_run,
    fail_run,
    finish_run,
    first_digest_at,
    passed_over,
    posted_state,
)
from bot.storage.stories import StoredStory, current_stories
from bot.threads.follow import record_roots
from bot.threads.publish import publish_digest
from summarizer.brief import BriefSettings
from summarizer.documents import DigestDocument
from summarizer.errors import NewsbriefError
from summarizer.pipeline import build_story

log = logging.getLogger("newsbrief.digest")

# A channel's first digest looks back this far.
FIRST_DIGEST_LOOKBACK = timedelta(hours=24)


class Publisher(Protocol):
    """The outbound seam: each platform renders ``doc`` within its own limits and posts it to ``target``."""

    async def post(self, target: str, doc: DigestDocument) -> None: ...


class ConsolePublisher:
    """Prints the digest as plain text (``newsbrief run`` without chat tokens)."""

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream

    async def post(self, target: str, doc: DigestDocument) -> None:
        out = self.stream or sys.stdout
        out.write(f"--- digest for {target} ---\n{render(doc)}")
        out.flush()


def digest_doc(stories: list[StoredStory]) -> DigestDocument:
    """The same shape as ``bot.service.digest_document``: stories most outlets first."""
    return DigestDocument(stories=[s.story for s in stories])


def rebrief(
    db: Database, stories: list[StoredStory], settings: EffectiveSettings, built_with: BriefSettings | None
) -> list[StoredStory]:
    """Stories whose brief follows the channel's own length and algorithm (rebuilt only where they differ).

    Stories are built at ingest with the global defaults; a channel that overrides ``brief_sentences``,
    ``brief_words`` or ``algorithm`` gets its few digest stories rebuilt here, from the stored articles
    and their stored analyses (nothing is parsed here).
    """
    wanted = BriefSettings(settings.brief_sentences, settings.brief_words, settings.algorithm)
    if built_with is None or wanted == built_with or not stories:
        return stories
    with db.read() as conn:
        members = {s.key: articles_by_id(conn, s.article_ids) for s in stories}
        analyses = stored_analyses(conn, [i for s in stories for i in s.article_ids])
    out = []
    for story in stories:
        if not members[story.key]:
            out.append(story)
            continue
        brief = build_story(members[story.key], wanted, analyses).brief
        out.append(replace(story, story=replace(story.story, brief=brief)))
    return out


def _matches(story: StoredStory, topics: list[str]) -> bool:
    haystack = " ".join([story.story.title, *story.story.keywords]).lower()
    return any(t.lower() in haystack for t in topics)


def offer_stories(
    conn: Any, platform: str, channel_id: str, settings: EffectiveSettings, now: datetime
) -> tuple[list[StoredStory], list[StoredStory]]:
    """(chosen, passed over): the channel's top new stories, and the other new ones ranked below them.

    A story is new for a channel until a digest there has offered it: posted it, or passed it over for
    better ones (then it is new again once it gets more articles). Newness is decided by those records,
    not by a time mark, so a story that became visible late (stories are rebuilt after the articles are
    stored, and a digest may run in between) is still offered. Nothing older than a day before the
    channel's first digest is new.
    """
    floor = (first_digest_at(conn, platform, channel_id) or now) - FIRST_DIGEST_LOOKBACK
    posted = posted_state(conn, platform, channel_id)
    passed = passed_over(conn, platform, channel_id)
    fresh = [
        s
        for s in current_stories(conn)
        if s.newest_seen > floor
        and not posted.covers(s.key, s.article_ids)
        and not passed.unchanged(s.key, s.article_ids)
    ]
    if settings.include_topics:
        fresh = [s for s in fresh if _matches(s, settings.include_topics)]
    if settings.exclude_topics:
        fresh = [s for s in fresh if not _matches(s, settings.exclude_topics)]
    fresh.sort(key=lambda s: (-s.outlets, -s.articles, s.key))
    return fresh[: settings.max_stories], fresh[settings.max_stories :]


def choose_stories(
    db: Database, platform: str, channel_id: str, settings: EffectiveSettings, now: datetime
) -> list[StoredStory]:
    """The top stories the channel has not been offered yet (see :func:`offer_stories`)."""
    with db.read() as conn:
        return offer_stories(conn, platform, channel_id, settings, now)[0]


def preview_digest(db: Database, platform: str, channel_id: str, settings: EffectiveSettings) -> DigestDocument:
    """The digest that would be posted now, without claiming or recording anything (``--dry-run``)."""
    return digest_doc(choose_stories(db, platform, channel_id, settings, utcnow()))


@dataclass(frozen=True)
class DigestOutcome:
    """``posted`` (stories went out), ``quiet`` (the one-line notice went out), ``empty`` (nothing to say),
    ``skipped`` (another run or process has this slot), ``unknown`` (the platform never confirmed the post:
    its stories count as posted) or ``failed`` (the platform refused it: its stories wait for the next run)."""

    status: str
    stories: int = 0
    error_id: str | None = None


def _claim(
    db: Database, platform: str, channel_id: str, settings: EffectiveSettings, slot: datetime
) -> tuple[int, list[StoredStory]] | None:
    now = utcnow()
    with db.transaction() as conn:
        if not db.try_lock(conn, f"digest:{platform}:{channel_id}"):
            return None
        run_id = claim_run(conn, platform, channel_id, slot, now)
        if run_id is None:
            return None
        chosen, passed = offer_stories(conn, platform, channel_id, settings, now)
        add_pending(
            conn,
            run_id,
            platform,
            channel_id,
            [(s.key, s.article_ids) for s in chosen],
            now,
            passed=[(s.key, s.article_ids) for s in passed],
        )
    return run_id, chosen


def _finish(db: Database, run_id: int, status: str) -> None:
    with db.transaction() as conn:
        finish_run(conn, run_id, status, utcnow())  # "unknown" keeps the posts counted, marked unknown


def _fail(db: Database, run_id: int) -> None:
    with db.transaction() as conn:
        fail_run(conn, run_id, utcnow())


def settle_run(db: Database, run_id: int, outcome: str) -> None:
    """Record what the publisher did: ``sent``; ``unknown`` (the stories stay counted as posted); or
    ``failed`` (the platform refused: release the stories for the next digest)."""
    if outcome == FAILED:
        _fail(db, run_id)
    else:
        _finish(db, run_id, outcome)


async def run_digest(
    db: Database,
    publisher: Publisher,
    platform: str,
    channel_id: str,
    settings: EffectiveSettings,
    slot: datetime,
    built_with: BriefSettings | None = None,
) -> DigestOutcome:
    """Post the channel's digest for ``slot`` at most once, across restarts and processes.

    ``built_with`` is the brief settings the stories were built with at ingest; a channel whose own
    settings differ gets its digest's briefs rebuilt to its length and algorithm.
    """
    claimed = await asyncio.to_thread(_claim, db, platform, channel_id, settings, slot)
    if claimed is None:
        log.info("digest %s:%s for %s already taken; skipping", platform, channel_id, slot.isoformat())
        return DigestOutcome("skipped")
    run_id, chosen = claimed
    if not chosen and not settings.post_when_quiet:
        await asyncio.to_thread(_finish, db, run_id, "empty")
        return DigestOutcome("empty")
    try:
        if chosen:
            chosen = await asyncio.to_thread(rebrief, db, chosen, settings, built_with)
        roots = await publish_digest(publisher, channel_id, digest_doc(chosen), settings.threads)
    except DeliveryUnknown:
        error_id = uuid.uuid4().hex[:8]
        log.exception(
            "the digest to %s:%s may or may not have been posted; its %d stories count as posted (error id %s)",
            platform,
            channel_id,
            len(chosen),
            error_id,
        )
        await asyncio.to_thread(settle_run, db, run_id, UNKNOWN)
        return DigestOutcome(UNKNOWN, len(chosen), error_id)
    except Exception:
        error_id = uuid.uuid4().hex[:8]
        log.exception("posting the digest to %s:%s failed (error id %s)", platform, channel_id, error_id)
        await asyncio.to_thread(settle_run, db, run_id, FAILED)
        return DigestOutcome(FAILED, error_id=error_id)
    if roots:
        await asyncio.to_thread(record_roots, db, platform, channel_id, chosen, roots)
    await asyncio.to_thread(_finish, db, run_id, "sent" if chosen else "quiet")
    return DigestOutcome("posted" if chosen else "quiet", len(chosen))


NOTHING_NEW = "No new stories since the last digest in this channel."
BUSY = "A digest is being posted in this channel right now; try again in a minute."


def manual_slot(now: datetime) -> datetime:
    """The slot of a ``/digest`` run at ``now``.

    Scheduled slots are cron fire times (whole minutes), so a manual slot with a sub-second part can never
    take a scheduled slot's claim; ``now`` on an exact minute is moved by one microsecond to keep it so.
    """
    return now if now.second or now.microsecond else now + timedelta(microseconds=1)


class ChannelDigests:
    """``/digest`` in a channel: the scheduled digests' claim-and-record path with slot = now.

    Called with (platform, channel_id, workspace); reads the configuration on each call, so edits of
    ``max_stories``, topics or brief settings apply at once. A channel not in the configuration gets the
    workspace's and global defaults. The adapter posts the returned document and reports the outcome
    through its ``settle`` (see :class:`bot.service.Delivery`), with the same at-most-once semantics
    as :func:`run_digest`.
    """

    def __init__(self, db: Database, config: Callable[[], NewsbriefConfig]) -> None:
        self.db = db
        self.config = config

    def __call__(self, platform: str, channel_id: str, workspace: str | None) -> PendingDigest:
        config = self.config()
        settings = effective_settings(config, platform, channel_id, workspace)
        d = config.defaults
        built_with = BriefSettings(sentences=d.brief_sentences, words=d.brief_words, algorithm=d.algorithm)
        claimed = _claim(self.db, platform, channel_id, settings, manual_slot(utcnow()))
        if claimed is None:  # a scheduled run (or another /digest) holds this channel's lock right now
            raise NewsbriefError(BUSY)
        run_id, chosen = claimed
        if not chosen:
            _finish(self.db, run_id, "empty")
            raise NewsbriefError(NOTHING_NEW)
        try:
            chosen = rebrief(self.db, chosen, settings, built_with)
        except Exception:
            _fail(self.db, run_id)
            raise
        roots = partial(record_roots, self.db, platform, channel_id, chosen) if settings.threads else None
        return PendingDigest(digest_doc(chosen), partial(settle_run, self.db, run_id), roots)
