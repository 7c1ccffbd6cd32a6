"""The outbound seam for threads: publishers that can post each story as a thread root and update it."""

from __future__ import annotations

from typing import Any, Protocol, TypeAlias, runtime_checkable

from bot.render.framing_note import FULL
from bot.storage.threads import ThreadRoot
from summarizer.documents import BriefDocument, DigestDocument, Document, FramingDocument
from summarizer.models import Story

# What is posted as thread roots: a digest, or a /brief claimed in a channel with threads.
PostedStories: TypeAlias = BriefDocument | DigestDocument


@runtime_checkable
class ThreadPublisher(Protocol):
    """A publisher for channels with ``threads = true``.

    ``post_roots`` posts a digest as one message per story (each the root of that story's thread) and
    returns the roots in the order of ``doc.stories``; ``post_update`` posts ``lines`` (plain text, the
    publisher escapes it) in the story's thread and edits the root message to show ``story`` as it is now.
    Both keep the digest's at-most-once rules: a refusal raises, an unconfirmed post raises
    :class:`bot.service.DeliveryUnknown`.
    """

    async def post_roots(self, target: str, doc: PostedStories) -> list[ThreadRoot]: ...

    async def post_update(self, target: str, root: ThreadRoot, lines: list[str], story: Story) -> None: ...


def posted_stories(doc: Document) -> PostedStories:
    """A claimed reply's document, which is always a brief or a digest (anything else is a bug: refused)."""
    if not isinstance(doc, BriefDocument | DigestDocument):
        raise TypeError(f"{type(doc).__name__} cannot be posted as thread roots")
    return doc


def story_doc(doc: PostedStories, story: Story) -> PostedStories:
    """The document holding only ``story`` (what one root message shows)."""
    return doc.model_copy(update={"stories": [story]})


def full_note_doc(story: Story) -> FramingDocument | None:
    """The story's full framing note (the thread's first reply; the root keeps the short one), or ``None``
    when its outlets cannot be compared (one outlet: the root already says so)."""
    if not story.framing.comparable:
        return None
    return FramingDocument(note=FULL, stories=[story])


async def publish_digest(publisher: Any, target: str, doc: DigestDocument, threads: bool) -> list[ThreadRoot] | None:
    """Post a digest; in a channel with threads, one root per story (``None`` when posted without threads)."""
    if threads and doc.stories and isinstance(publisher, ThreadPublisher):
        return await publisher.post_roots(target, doc)
    await publisher.post(target, doc)
    return None
