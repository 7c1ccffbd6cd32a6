"""The ``newsbrief/1`` documents the command line prints and the bots render, built from stories."""

from __future__ import annotations

from typing import Literal

from summarizer.documents import (
    SCHEMA,
    BriefDocument,
    ErrorDocument,
    ErrorInfo,
    FramingDocument,
    WhoWonDocument,
    WhoWonResult,
)
from summarizer.errors import NewsbriefError, NoElectionResultError
from summarizer.models import Problem
from summarizer.queries import Stories, match_stories, who_won

__all__ = ["SCHEMA", "error_document", "stories_document", "who_won_document"]


def stories_document(
    command: Literal["brief", "framing"],
    stories: Stories,
    topic: str | None = None,
    problems: list[Problem] | None = None,
) -> BriefDocument | FramingDocument:
    """``brief`` and ``framing``: the stories matching the topic (all when none), best first."""
    kind = FramingDocument if command == "framing" else BriefDocument
    return kind(topic=topic, problems=problems or [], stories=match_stories(stories, topic))


def who_won_document(
    stories: Stories, topic: str | None = None, problems: list[Problem] | None = None
) -> WhoWonDocument:
    """``who-won``: each election result with its story; ``message`` says when there is none."""
    try:
        found = who_won(stories, topic)
    except NoElectionResultError as exc:
        return WhoWonDocument(topic=topic, problems=problems or [], message=exc.user_message)
    results = [WhoWonResult(story_id=s.id, title=s.title, outlets=s.outlets, election=result) for s, result in found]
    return WhoWonDocument(topic=topic, problems=problems or [], results=results)


def error_document(
    command: str, topic: str | None, error: NewsbriefError, problems: list[Problem] | None = None
) -> ErrorDocument:
    """The document for an expected failure (no stories, unknown topic)."""
    info = ErrorInfo(type=type(error).__name__, message=error.user_message)
    return ErrorDocument(command=command, topic=topic, problems=problems or [], error=info)
