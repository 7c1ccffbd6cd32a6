"""The bot's use cases over prepared stories; adapters call these and render the documents."""

from __future__ import annotations

import asyncio
import logging
import threading
import uuid
from collections.abc import Callable, Sequence
from dataclasses import InitVar, dataclass, field
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, Protocol

from bot.render.framing_note import FULL, wants_full
from bot.threads.timeline import Timelines
from summarizer.brief import BriefSettings
from summarizer.documents import (
    BriefDocument,
    DigestDocument,
    Document,
    ErrorDocument,
    FramingDocument,
    SourceEntry,
    SourcesDocument,
)
from summarizer.errors import NewsbriefError
from summarizer.models import Problem, Story
from summarizer.pipeline import build_stories
from summarizer.queries import StoryIndex, match_stories
from summarizer.readers import load_articles
from summarizer.report import error_document, stories_document, who_won_document

if TYPE_CHECKING:
    from bot.pictures import Pictures
    from bot.storage.threads import ThreadRoot

log = logging.getLogger("newsbrief")

COMMANDS = ("brief", "framing", "who-won", "sources", "digest", "timeline")


class StorySource(Protocol):
    """Where the prepared stories come from (files at start-up, or the database after ingest)."""

    def stories(self) -> list[Story]: ...

    def index(self) -> StoryIndex:
        """The same stories with what questions read of them, worked out when they were loaded."""
        ...

    def sources(self) -> list[SourceEntry]: ...


@dataclass
class InMemoryStories:
    """Stories prepared once from files; ``replace`` swaps them atomically after a new ingest."""

    _stories: InitVar[Sequence[Story]] = ()  # kept as ``_index`` (the stories and what questions read of them)
    _sources: list[SourceEntry] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _index: StoryIndex = field(init=False, repr=False)

    @classmethod
    def from_paths(cls, paths: Sequence[str | Path], settings: BriefSettings | None = None) -> InMemoryStories:
        loaded = load_articles(paths)
        stories = build_stories(loaded.articles, settings)
        outlets: dict[str, SourceEntry] = {}
        for a in loaded.articles:
            entry = outlets.get(a.outlet) or SourceEntry(outlet=a.outlet, origin="file")
            outlets[a.outlet] = entry.model_copy(
                update={"articles": entry.articles + 1, "known": entry.known and a.outlet_known}
            )
        return cls(stories, list(outlets.values()), loaded.problems)

    def __post_init__(self, _stories: Sequence[Story]) -> None:
        self._index = StoryIndex.of(_stories)

    def stories(self) -> list[Story]:
        with self._lock:
            return list(self._index.stories)

    def index(self) -> StoryIndex:
        with self._lock:
            return self._index

    def sources(self) -> list[SourceEntry]:
        with self._lock:
            return list(self._sources)

    def replace(self, stories: list[Story], sources: list[SourceEntry] | None = None) -> None:
        index = StoryIndex.of(stories)  # outside the lock: questions meanwhile read the old stories
        with self._lock:
            self._index = index
            if sources is not None:
                self._sources = list(sources)


def digest_document(stories: list[Story], max_stories: int = 5) -> DigestDocument:
    """The top stories, most outlets first."""
    ranked = sorted(stories, key=lambda s: (-len(s.outlets), -len(s.articles)))[:max_stories]
    return DigestDocument(stories=ranked)


# How a claimed digest's post ended, as recorded by ``settle``.
SENT, FAILED, UNKNOWN = "sent", "failed", "unknown"


class DeliveryUnknown(NewsbriefError):
    """The platform may have taken a post without confirming it: a timeout or a connection lost after the
    request was sent, an ambiguous server error, or a digest cut off after its first message went out.

    A claimed digest's stories then stay counted as posted (recorded ``unknown``), never re-sent: at most once.
    """


@dataclass(frozen=True)
class PendingDigest:
    """A channel digest claimed and recorded as pending: ``settle(SENT)`` records it sent, ``settle(UNKNOWN)``
    keeps its stories counted as posted, ``settle(FAILED)`` releases them for the next digest.

    In a channel with ``threads = true``, ``record_roots`` is set: post each story as a thread root, settle,
    then record the roots (in the order of ``document.stories``) so later updates land in the threads.
    """

    document: BriefDocument | DigestDocument
    settle: Callable[[str], None]
    record_roots: Callable[[Sequence[ThreadRoot]], None] | None = None


# (platform, channel_id, workspace) -> the channel's claimed digest; raises NewsbriefError when there
# is nothing to post. The composition root builds one over the database (``bot.digest.ChannelDigests``).
DigestClaimer = Callable[[str, str, str | None], PendingDigest]


class StoryThreads(Protocol):
    """Channels with ``threads = true`` (``bot.threads.manual.ChannelThreads`` over the database)."""

    def enabled(self, platform: str, channel_id: str, workspace: str | None) -> bool:
        """Whether stories posted in this channel become thread roots."""
        ...

    def claim(self, platform: str, channel_id: str, workspace: str | None, doc: BriefDocument) -> PendingDigest | None:
        """``/brief``'s story claimed as a post of the channel, to be posted as a thread root; ``None`` when
        it is answered as usual (threads off, already posted there, or a digest posting there right now)."""
        ...


def delivery_outcome(exc: BaseException | None) -> str | None:
    """What a post that ended with ``exc`` did: ``SENT``, ``FAILED`` (refused: nothing went out), ``UNKNOWN``,
    or ``None`` when it was interrupted (cancelled, killed): left pending, recovered as unknown later."""
    if exc is None:
        return SENT
    if isinstance(exc, DeliveryUnknown):
        return UNKNOWN
    return FAILED if isinstance(exc, Exception) else None


class Delivery:
    """Records whether the adapter's post of a claimed digest went out: ``with`` in a worker thread,
    ``async with`` on an event loop (the database write then runs in a thread).

    Leaving the block normally records the stories as sent; :class:`DeliveryUnknown` records them as
    ``unknown`` (still counted as posted); any other exception releases them for the next digest. Every
    exception propagates to the adapter's error handler. A cancelled or interrupted post (not an
    ``Exception``) may have gone out, so it stays pending and is never re-sent (at most once).
    """

    def __init__(self, settle: Callable[[str], None] | None) -> None:
        self._settle = settle

    def __enter__(self) -> Delivery:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        outcome = delivery_outcome(exc)
        if self._settle is not None and outcome is not None:
            self._settle(outcome)

    async def __aenter__(self) -> Delivery:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        outcome = delivery_outcome(exc)
        if self._settle is not None and outcome is not None:
            await asyncio.to_thread(self._settle, outcome)


@dataclass(frozen=True)
class Reply:
    """What a command produced: the core's typed document; ``error_id`` is set for unexpected failures.

    A channel ``digest`` reply also carries ``settle``: post ``document`` inside ``with reply.delivery():``
    (or ``async with``) so the outcome is recorded. With ``record_roots`` (a channel with threads, see
    :class:`PendingDigest`) each story is posted as a thread root and the roots are recorded after.
    """

    command: str
    document: Document
    error_id: str | None = None
    settle: Callable[[str], None] | None = field(default=None, compare=False, repr=False)
    record_roots: Callable[[Sequence[ThreadRoot]], None] | None = field(default=None, compare=False, repr=False)

    @property
    def doc(self) -> dict[str, Any]:
        """The document's JSON (as ``--format json`` prints it); a new copy on each access."""
        return self.document.to_json()

    @property
    def is_error(self) -> bool:
        return isinstance(self.document, ErrorDocument)

    def delivery(self) -> Delivery:
        """The context to post this reply's document in (a no-op for documents that record nothing)."""
        return Delivery(self.settle)


class CommandService:
    """Runs a chat command against the stories; the one place where errors become user messages.

    With ``claim_digest`` (the bot running with storage), ``digest`` in a channel is claimed and recorded
    like a scheduled digest, with that channel's settings; without it (console chat over files, tests),
    it is the top ``digest_size`` stories and records nothing.
    """

    def __init__(
        self,
        source: StorySource,
        *,
        digest_size: int = 5,
        claim_digest: DigestClaimer | None = None,
        history: Callable[[str], list[str]] | None = None,
        timelines: Timelines | None = None,
        pictures: Pictures | None = None,
        threads: StoryThreads | None = None,
    ) -> None:
        if pictures is None:
            from bot.pictures import Pictures  # the config model: not needed until an adapter asks

            pictures = Pictures()
        self.pictures = pictures  # coverage pictures the adapters attach (bot.pictures)
        self.source = source
        self.timelines = timelines or Timelines()
        self.digest_size = digest_size
        self.claim_digest = claim_digest
        self.threads = threads  # /brief in a channel with threads = true: the story becomes a thread root
        self.history = history  # "PLATFORM:ID" → recent digest runs (admins' /newsbrief-config deliveries)
        self._handlers: dict[str, Callable[[str | None], Document]] = {
            "brief": lambda topic: stories_document("brief", self._one(topic), topic),
            "framing": self._framing,
            "who-won": lambda topic: who_won_document(self.source.index(), topic),
            "sources": lambda _topic: SourcesDocument(sources=self.source.sources()),
            "digest": lambda _topic: digest_document(self.source.stories(), self.digest_size),
            "timeline": lambda topic: self.timelines.document(self._one(topic), topic),
        }

    def _framing(self, topic: str | None) -> FramingDocument:
        """The framing document; ``note`` says whether a chat shows the short note or (topic "… full") all of it."""
        topic, full = wants_full(topic)
        return FramingDocument(topic=topic, stories=self._one(topic), note=FULL if full else "short")

    def threads_on(self, platform: str, channel_id: str | None, workspace: str | None = None) -> bool:
        """Whether ``/brief`` and ``/digest`` in this channel post each story as a thread root."""
        return (
            self.threads is not None
            and channel_id is not None
            and self.threads.enabled(platform, channel_id, workspace)
        )

    def _one(self, topic: str | None) -> list[Story]:
        return match_stories(self.source.index(), topic)[:1]

    def titles(self, prefix: str = "", limit: int = 25) -> list[str]:
        """Story titles for autocomplete, those containing ``prefix`` first."""
        index = self.source.index()
        wanted = prefix.lower().strip()
        titles = [s.title for s, lowered in zip(index.stories, index.titles, strict=True) if wanted in lowered]
        return titles[:limit]

    def run(
        self,
        command: str,
        topic: str | None = None,
        *,
        platform: str | None = None,
        channel_id: str | None = None,
        workspace: str | None = None,
    ) -> Reply:
        """Run ``command``; never raises: expected errors carry their message, others an error id.

        ``platform``, ``channel_id`` and ``workspace`` say where a ``digest`` will be posted; the reply
        then carries ``settle`` and must be posted inside ``reply.delivery()``.
        """
        topic = topic.strip() if topic and topic.strip() else None
        handler = self._handlers.get(command)
        if handler is None:
            err = NewsbriefError(f"Unknown command “{command}”. Try one of: {', '.join('/' + c for c in COMMANDS)}.")
            return Reply(command, error_document(command, topic, err, []))
        try:
            if command == "timeline":  # times in the channel's timezone
                stories = self._one(topic)
                return Reply(command, self.timelines.document(stories, topic, platform, channel_id, workspace))
            if command == "digest" and self.claim_digest is not None and platform and channel_id:
                pending = self.claim_digest(platform, channel_id, workspace)
                return Reply(command, pending.document, settle=pending.settle, record_roots=pending.record_roots)
            doc = handler(topic)
            if isinstance(doc, BriefDocument) and self.threads is not None and platform and channel_id and doc.stories:
                claimed = self.threads.claim(platform, channel_id, workspace, doc)
                if claimed is not None:
                    return Reply(command, claimed.document, settle=claimed.settle, record_roots=claimed.record_roots)
            return Reply(command, doc)
        except NewsbriefError as exc:
            return Reply(command, error_document(command, topic, exc, []))
        except Exception:
            error_id = uuid.uuid4().hex[:8]
            log.exception("command %s failed (error id %s)", command, error_id)
            err = NewsbriefError(f"Something went wrong on our side (error id {error_id}).")
            return Reply(command, error_document(command, topic, err, []), error_id)
