"""The stable JSON documents that the command line prints and the bots render from."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from summarizer.errors import NewsbriefError, NoElectionResultError
from summarizer.models import Problem, Story
from summarizer.queries import match_stories, who_won

SCHEMA = "newsbrief/1"


def _base(command: str, topic: str | None, problems: list[Problem]) -> dict[str, Any]:
    return {"schema": SCHEMA, "command": command, "topic": topic, "problems": [asdict(p) for p in problems]}


def stories_document(
    command: str, stories: list[Story], topic: str | None = None, problems: list[Problem] | None = None
) -> dict[str, Any]:
    """``brief`` and ``framing``: the stories matching the topic (all when none), best first."""
    doc = _base(command, topic, problems or [])
    doc["stories"] = [s.to_dict() for s in match_stories(stories, topic)]
    return doc


def who_won_document(
    stories: list[Story], topic: str | None = None, problems: list[Problem] | None = None
) -> dict[str, Any]:
    """``who-won``: each election result with its story; ``message`` says when there is none."""
    doc = _base("who-won", topic, problems or [])
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
    doc = _base(command, topic, problems)
    doc.update(stories=[], error={"type": type(error).__name__, "message": error.user_message})
    return doc
