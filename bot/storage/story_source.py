"""``StoredStories``: the chat commands' ``StorySource`` backed by the database, refreshed after ingest."""

from __future__ import annotations

import threading
from collections.abc import Callable

from bot.storage.database import Database
from bot.storage.stories import current_stories
from summarizer.documents import SourceEntry
from summarizer.models import Story
from summarizer.queries import StoryIndex


class StoredStories:
    """Stories loaded from the database once and kept in memory, so commands answer instantly.

    Call :meth:`refresh` after each ingest (e.g. as ``start_scheduler(..., on_ingest=lambda _r: s.refresh())``).
    ``sources`` is a function so it can read the live configuration and feed state.
    """

    def __init__(self, db: Database, sources: Callable[[], list[SourceEntry]] | None = None) -> None:
        self._db = db
        self._sources = sources or (lambda: [])
        self._index = StoryIndex.of([])
        self._lock = threading.Lock()
        self.refresh()

    def refresh(self) -> int:
        """Reload the stories; returns how many there are."""
        with self._db.read() as conn:
            stories = [s.story for s in current_stories(conn)]
        index = StoryIndex.of(stories)  # what questions read, worked out here and not at question time
        with self._lock:
            self._index = index
        return len(stories)

    def stories(self) -> list[Story]:
        with self._lock:
            return list(self._index.stories)

    def index(self) -> StoryIndex:
        with self._lock:
            return self._index

    def sources(self) -> list[SourceEntry]:
        return self._sources()
