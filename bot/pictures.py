"""Which posts get a coverage picture, and the outlets the bot reads (to show who did not cover a story)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from bot.config.model import NewsbriefConfig, effective_settings
from bot.render.coverage_picture import Picture, draw
from summarizer.coverage import coverage
from summarizer.documents import BriefDocument, DigestDocument, Document, FramingDocument
from summarizer.models import Story

log = logging.getLogger("newsbrief.pictures")


@dataclass(frozen=True)
class Pictures:
    """Draws the pictures a post carries, from the live configuration (``None``: files only, no config).

    ``/framing`` answers always carry their story's picture; digests only in channels with ``pictures = true``.
    A story with one outlet has nothing to compare and gets none. Drawing is CPU work: call these off the
    event loop. A picture that fails to draw is logged and left out; the text post never depends on it.
    """

    config: Callable[[], NewsbriefConfig] | None = None

    def outlets(self) -> list[str]:
        """The configured sources' outlet names."""
        return [s.outlet for s in self.config().sources] if self.config else []

    def enabled(self, platform: str, channel_id: str, workspace: str | None = None) -> bool:
        """Whether the channel's digests carry pictures (``pictures``, inherited from its workspace and defaults)."""
        if self.config is None:
            return False
        return effective_settings(self.config(), platform, channel_id, workspace).pictures

    def story(self, story: Story) -> Picture | None:
        """The coverage picture of one story, or ``None`` when there is nothing to compare."""
        data = coverage(story, self.outlets())
        if data is None:
            return None
        try:
            return draw(data)
        except Exception:  # noqa: BLE001 - a picture is an extra; the answer goes out without it
            log.exception("could not draw the coverage picture of story %s", story.id)
            return None

    def framing(self, doc: Document) -> Picture | None:
        """The picture for a ``/framing`` answer (its one story), if any."""
        return self.story(doc.stories[0]) if isinstance(doc, FramingDocument) and doc.stories else None

    def digest(self, doc: Document, platform: str, channel_id: str) -> list[Picture | None]:
        """One picture (or ``None``) per story of a digest (or of a ``/brief`` posted as a thread root), all
        ``None`` unless the channel has pictures on."""
        if not isinstance(doc, BriefDocument | DigestDocument):
            return []
        if not doc.stories or not self.enabled(platform, channel_id):
            return [None] * len(doc.stories)
        return [self.story(s) for s in doc.stories]
