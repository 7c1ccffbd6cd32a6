"""The stable JSON documents that the command line prints and the bots render from."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from summarizer.errors import NewsbriefError, NoElectionResultError
from summarizer.models import Problem, Story
from summarizer.queries import match_stories, who_won

SCHEMA = "newsbrief/1"


def envelope(
    command: str, topic: str | None = None, problems: list[Problem] | None = None, **fields: Any
) -> dict[str, Any]:
    """Every document's common fields (schema, command, topic, problems) plus the command's own."""
    doc = {"schema": SCHEMA, "command": command, "topic": topic, "problems": [asdict(p) for p in problems or []]}
    doc.update(fields)
    return doc


def stories_document(
    command: str, stories: list[Story], topic: str | None = None, problems: list[Problem] | None = None
) -> dict[str, Any]:
    """``brief`` and ``framing``: the stories matching the topic (all when none), best first."""
    doc = envelope(command, topic, problems)
    doc["stories"] = [s.to_dict() for s in match_stories(stories, topic)]
    return doc


def who_won_document(
    stories: list[Story], topic: str | None = None, problems: list[Problem] | None = None
) -> dict[str, Any]:
    """``who-won``: each election result with its story; ``message`` says when there is none."""
    doc = envelope("who-won", topic, problems)
    try:
        found = who_won(stories, topic)
    except NoElectionResultError as exc:
        doc.update(results=[], message=exc.user_message)
        return doc
    doc["results"] = [
        {"story_id": s.id, "title": s.title, "outlets": s.outlets, "election": asdict(result)} for s, result in found
    ]
    doc["message"] = None
    return doc


def error_document(command: str, topic: str | None, error: NewsbriefError, problems: list[Problem]) -> dict[str, Any]:
    """The document for an expected failure (no stories, unknown topic)."""
    doc = envelope(command, topic, problems)
    doc.update(stories=[], error={"type": type(error).__name__, "message": error.user_message})
    return doc
