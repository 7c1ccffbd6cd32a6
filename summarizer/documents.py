"""The ``newsbrief/1`` documents: typed models whose JSON is ``--format json`` and whose schema is published.

Stories inside a document are the core's own dataclasses (:mod:`summarizer.models`), so a field added there
is part of the JSON output, the stored story and the JSON Schema at once. Fields are only ever added
within ``newsbrief/1``; a breaking change bumps :data:`SCHEMA`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any, Final, Literal, TypeAlias

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter

from summarizer.models import ElectionResult, Problem, Story

SCHEMA: Final = "newsbrief/1"
SCHEMA_ID = "https://newsbrief.invalid/schema/newsbrief-1.schema.json"


class Part(BaseModel):
    """A part of a document: immutable; in the schema of the output every field is required (always written)."""

    model_config = ConfigDict(frozen=True, populate_by_name=True, json_schema_serialization_defaults_required=True)


class Document(Part):
    """Every document's common fields: ``schema``, ``command``, ``topic`` and ``problems``."""

    schema_name: Literal["newsbrief/1"] = Field(default=SCHEMA, alias="schema")
    command: str
    topic: str | None = None
    problems: list[Problem] = Field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """The document as JSON data, exactly as ``--format json`` prints it."""
        return self.model_dump(mode="json", by_alias=True)


class BriefDocument(Document):
    """``brief``: the stories matching the topic (all when none), best first."""

    command: Literal["brief"] = "brief"
    stories: list[Story] = Field(default_factory=list)


class FramingDocument(Document):
    """``framing``: like ``brief``; ``note`` says whether a chat shows the short note or all of it."""

    command: Literal["framing"] = "framing"
    stories: list[Story] = Field(default_factory=list)
    note: Literal["short", "full"] = "full"


class WhoWonResult(Part):
    """One election result with the story it comes from."""

    story_id: str
    title: str
    outlets: list[str]
    election: ElectionResult


class WhoWonDocument(Document):
    """``who-won``: each election result with its story; ``message`` says why there is none."""

    command: Literal["who-won"] = "who-won"
    results: list[WhoWonResult] = Field(default_factory=list)
    message: str | None = None


class DigestDocument(Document):
    """``digest``: the stories a channel is posted, most outlets first (empty: nothing new)."""

    command: Literal["digest"] = "digest"
    stories: list[Story] = Field(default_factory=list)


class SourceEntry(Part):
    """One source the bot reads: a configured feed or page (``name``), or an outlet read from files."""

    outlet: str
    name: str | None = None
    feed: str | None = None
    page: str | None = None
    origin: str | None = None  # "file" for outlets read from files
    articles: int = 0
    known: bool = True  # False: the outlet was named after its file
    last_ok: str | None = None
    last_error: str | None = None
    never_fetched: bool = False


class SourcesDocument(Document):
    """``sources``: the outlets in use and how their last fetch went."""

    command: Literal["sources"] = "sources"
    sources: list[SourceEntry] = Field(default_factory=list)


class TimelineEvent(Part):
    """One line of a timeline: ``at`` in ISO 8601, ``when`` as shown, in the timeline's zone."""

    at: str
    when: str
    text: str


class TimelineEntry(Part):
    """One story's timeline, oldest first; ``more`` events were left out."""

    story_id: str
    title: str
    timezone: str
    events: list[TimelineEvent]
    more: int = 0


class TimelineDocument(Document):
    """``timeline``: a story's life in a few lines."""

    command: Literal["timeline"] = "timeline"
    timelines: list[TimelineEntry] = Field(default_factory=list)


class ErrorInfo(Part):
    """An expected failure: the error's class name and the message the user sees."""

    type: str
    message: str


class ErrorDocument(Document):
    """Any command that failed as expected (no stories, unknown topic); ``stories`` is always empty."""

    stories: list[Story] = Field(default_factory=list)
    error: ErrorInfo


AnyDocument: TypeAlias = (
    ErrorDocument
    | BriefDocument
    | FramingDocument
    | WhoWonDocument
    | DigestDocument
    | SourcesDocument
    | TimelineDocument
)
_BY_COMMAND: dict[str, type[Document]] = {
    "brief": BriefDocument,
    "framing": FramingDocument,
    "who-won": WhoWonDocument,
    "digest": DigestDocument,
    "sources": SourcesDocument,
    "timeline": TimelineDocument,
}
_STORY = TypeAdapter(Story)


def parse_document(data: Mapping[str, Any]) -> Document:
    """The typed document for JSON ``data`` (validated; a document with ``error`` is an :class:`ErrorDocument`)."""
    if data.get("error") is not None:
        return ErrorDocument.model_validate(data)
    kind = _BY_COMMAND.get(str(data.get("command")))
    if kind is None:
        raise ValueError(f"not a newsbrief/1 document: unknown command {data.get('command')!r}")
    return kind.model_validate(data)


def as_document(doc: Document | Mapping[str, Any]) -> Document:
    """``doc`` itself, or the typed document for its JSON (what renderers take: either)."""
    return doc if isinstance(doc, Document) else parse_document(doc)


def story_from_json(data: Mapping[str, Any] | str | bytes) -> Story:
    """A story from its JSON (a stored row's text, or data already decoded), validated."""
    if isinstance(data, str | bytes):
        return _STORY.validate_json(data)
    return _STORY.validate_python(data)


def story_to_json(story: Story) -> dict[str, Any]:
    """A story as JSON data, the shape inside every document's ``stories``."""
    result: dict[str, Any] = _STORY.dump_python(story, mode="json")
    return result


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of every ``newsbrief/1`` document, as the program writes them."""
    adapter: TypeAdapter[Any] = TypeAdapter(Annotated[AnyDocument, Field(title=SCHEMA)])
    body = adapter.json_schema(mode="serialization")
    head = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": SCHEMA,
        "description": "The documents `newsbrief` prints with --format json and the bots render.",
    }
    return {**head, **{k: v for k, v in body.items() if k not in head}}
