"""The outbound seam for threads: publishers that can post each story as a thread root and update it."""

from __future__ import annotations

from typing import Any, Protocol, runtime_checkable

from bot.render.framing_note import FULL
from bot.storage.threads import ThreadRoot
from summarizer.documents import FramingDocument

Doc = dict[str, Any]


@runtime_checkable
class ThreadPublisher(Protocol):
    """A publisher for channels with ``threads = true``.

    ``post_roots`` posts a digest as one message per story (each the root of that story's thread) and
    returns the roots in the order of ``doc["stories"]``; ``post_update`` posts ``lines`` (plain text, the
    publisher escapes it) in the story's thread and edits the root message to show ``story`` as it is now.
    Both keep the digest's at-most-once rules: a refusal raises, an unconfirmed post raises
    :class:`bot.service.DeliveryUnknown`.
    """

    async def post_roots(self, target: str, doc: Doc) -> list[ThreadRoot]: ...

    async def post_update(self, target: str, root: ThreadRoot, lines: list[str], story: Doc) -> None: ...


def story_doc(doc: Doc, story: Doc) -> Doc:
    """A digest document holding only ``story`` (what one root message shows)."""
    return {**doc, "stories": [story]}


def full_note_doc(story: Doc) -> Doc | None:
    """The story's full framing note (the thread's first reply; the root keeps the short one), or ``None``
    when its outlets cannot be compared (one outlet: the root already says so)."""
    if not story.get("framing", {}).get("comparable"):
        return None
    return {**FramingDocument(note=FULL).to_json(), "stories": [story]}


async def publish_digest(publisher: Any, target: str, doc: Doc, threads: bool) -> list[ThreadRoot] | None:
    """Post a digest; in a channel with threads, one root per story (``None`` when posted without threads)."""
    if threads and doc.get("stories") and isinstance(publisher, ThreadPublisher):
        return await publisher.post_roots(target, doc)
    await publisher.post(target, doc)
    return None
