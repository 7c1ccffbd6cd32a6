"""The short framing note a channel reads (about a dozen lines), chosen from the story document as it is.

Per outlet: its one contrast line, the strongest quoted evidence for it (a loaded term in its own voice, else
the label it gives, else its main frame's sentence) and what only it reports; the full note is one step away.
Nothing is recomputed: every line is a field of the document. Renderers escape each value for their platform.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from summarizer.models import OutletFraming, Story

MAX_LINES = 14  # the whole short note, heading and pointer to the full note included
FIXED_LINES = 3  # heading, the one-outlet message or nothing, the pointer to the full note
FULL: Final = "full"


@dataclass(frozen=True)
class OutletLines:
    """One outlet's part of the short note: plain third-party text, not yet escaped."""

    outlet: str
    contrast: str
    evidence: str | None = None
    only_here: str | None = None

    @property
    def count(self) -> int:
        return 1 + (self.evidence is not None) + (self.only_here is not None)


@dataclass(frozen=True)
class ShortNote:
    title: str
    message: str | None
    outlets: list[OutletLines]
    more: int  # outlets left for the full note
    full_command: str  # e.g. "/framing chile full"


def evidence(outlet: OutletFraming) -> str | None:
    """The quote that best backs the outlet's contrast line."""
    own = [t for t in outlet.loaded_language if not t.in_quote]
    if own:
        return own[0].quote
    if outlet.labels:
        return outlet.labels[0].quote
    if outlet.frames:
        return outlet.frames[0].quote or None
    return None


def full_command(topic: str | None, title: str) -> str:
    """The command that shows the full note of this story."""
    words = " ".join((topic or title).split())
    return f"/framing {words} {FULL}"


def short_note(story: Story, topic: str | None = None, max_lines: int = MAX_LINES) -> ShortNote:
    """At most ``max_lines`` lines: every outlet's contrast first, then evidence, then exclusives, while room lasts."""
    framing = story.framing
    outlets = framing.outlets
    room = max_lines - FIXED_LINES
    shown = outlets[: max(1, room)]
    room -= len(shown)
    quotes: dict[int, str | None] = {}
    only: dict[int, str | None] = {}
    for i, outlet in enumerate(shown):
        quote = evidence(outlet)
        if quote and room > 0:
            quotes[i], room = quote, room - 1
    for i, outlet in enumerate(shown):
        if outlet.only_here and room > 0:
            only[i], room = outlet.only_here[0], room - 1
    lines = [
        OutletLines(o.outlet, o.contrast, quotes.get(i), only.get(i) if framing.comparable else None)
        for i, o in enumerate(shown)
    ]
    message = None if framing.comparable else framing.message
    return ShortNote(story.title, message, lines, len(outlets) - len(shown), full_command(topic, story.title))


def wants_full(topic: str | None) -> tuple[str | None, bool]:
    """(``topic`` without a trailing "full", whether it asked for the full note): "chile full" → ("chile", True)."""
    if not topic:
        return topic, False
    words = topic.split()
    if words and words[-1].lower() == FULL:
        rest = " ".join(words[:-1])
        return (rest or None), True
    return topic, False
