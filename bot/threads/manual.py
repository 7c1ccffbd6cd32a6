"""``/brief`` in a channel with ``threads = true``: its story is claimed and posted as a thread root, like a digest's.

The claim is the digest's (a run at a manual slot, the story recorded ``pending`` before the platform is
called), so the story is posted in the channel at most once, a later digest does not post it again, and
its updates land in the thread the ``/brief`` started. A story the channel was already shown (it has its
thread there, or a digest is posting there this moment) is answered as usual, without a new thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial

from sqlalchemy.exc import IntegrityError

from bot.config.model import NewsbriefConfig, effective_settings
from bot.digest import manual_slot, settle_run
from bot.service import PendingDigest
from bot.storage.database import Database, utcnow
from bot.storage.posts import add_pending, claim_run, posted_state
from bot.storage.stories import StoredStory, story_by_id
from bot.threads.follow import record_roots
from summarizer.documents import BriefDocument

log = logging.getLogger("newsbrief.threads")


class ChannelThreads:
    """Which channels have threads (read from the live configuration), and ``/brief``'s claims in them."""

    def __init__(self, db: Database, config: Callable[[], NewsbriefConfig]) -> None:
        self.db = db
        self.config = config

    def enabled(self, platform: str, channel_id: str, workspace: str | None) -> bool:
        return effective_settings(self.config(), platform, channel_id, workspace).threads

    def claim(self, platform: str, channel_id: str, workspace: str | None, doc: BriefDocument) -> PendingDigest | None:
        """The answer's first story claimed for this channel; ``None``: answer as usual (see the module)."""
        if not doc.stories or not self.enabled(platform, channel_id, workspace):
            return None
        try:
            claimed = self._claim(platform, channel_id, doc.stories[0].id)
        except IntegrityError:  # another process posted the same story here at the same moment
            return None
        if claimed is None:
            return None
        run_id, story = claimed
        first = doc.model_copy(update={"stories": doc.stories[:1]})
        roots = partial(record_roots, self.db, platform, channel_id, [story])
        return PendingDigest(first, partial(settle_run, self.db, run_id), roots)

    def _claim(self, platform: str, channel_id: str, story_id: str) -> tuple[int, StoredStory] | None:
        now = utcnow()
        with self.db.transaction() as conn:
            if not self.db.try_lock(conn, f"digest:{platform}:{channel_id}"):
                return None  # a digest is being posted here: it may be posting this very story
            story = story_by_id(conn, story_id)
            if story is None or posted_state(conn, platform, channel_id).covers(story.key, story.article_ids):
                return None
            run_id = claim_run(conn, platform, channel_id, manual_slot(now), now)
            if run_id is None:
                return None
            add_pending(conn, run_id, platform, channel_id, [(story.key, story.article_ids)], now)
        return run_id, story
