"""The short framing note a channel reads (about a dozen lines), chosen from the story document as it is.

Per outlet: its one contrast line, the strongest quoted evidence for it (a loaded term in its own voice, else
the label it gives, else its main frame's sentence) and what only it reports; the full note is one step away.
A sentence is shown once per outlet: when its strongest quote is the sentence shown under what only it reports,
the quote gives way to its next-best one (or to none).
Nothing is recomputed: every line is a field of the document. Renderers escape each value for their platform.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Final

from summarizer.models import OutletFraming, Story

MAX_LINES = 14  # the whole short note, heading and pointer to the full note included
FIXED_LINES = 3  # heading, the one-outlet message or nothing, the pointer to the full note
FULL: Final = "full"
SAME_RUN = 6  # words in a row two excerpts of one outlet share when they quote the same sentence
_WORD = re.compile(r"\w+")


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


def evidence_quotes(outlet: OutletFraming) -> Iterator[str]:
    """The quotes that back the outlet's contrast line, strongest first: loaded terms in its own voice, then
    the labels it gives, then its main frame's sentence."""
    yield from (t.quote for t in outlet.loaded_language if not t.in_quote)
    yield from (label.quote for label in outlet.labels)
    if outlet.frames and outlet.frames[0].quote:
        yield outlet.frames[0].quote


def evidence(outlet: OutletFraming, besides: str | None = None) -> str | None:
    """The quote that best backs the outlet's contrast line and is not the sentence ``besides`` quotes."""
    return next((q for q in evidence_quotes(outlet) if besides is None or not same_sentence(q, besides)), None)


def same_sentence(a: str, b: str) -> bool:
    """Whether two excerpts (each cut with "…" from a sentence) quote the same sentence: one holds the other's
    words, or they share ``SAME_RUN`` words in a row."""
    x, y = _words(a), _words(b)
    if not x or not y:
        return False
    short, long = sorted((x, y), key=len)
    run = min(SAME_RUN, len(short))
    grams = {tuple(long[i : i + run]) for i in range(len(long) - run + 1)}
    return any(tuple(short[i : i + run]) in grams for i in range(len(short) - run + 1))


def _words(text: str) -> list[str]:
    return [w.casefold() for w in _WORD.findall(text)]


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
    exclusive = [o.only_here[0] if o.only_here and framing.comparable else None for o in shown]
    quoted = {i for i, outlet in enumerate(shown) if evidence(outlet) is not None}
    quoted = set(sorted(quoted)[: max(0, room)])
    room -= len(quoted)
    only: set[int] = set()
    for i in range(len(shown)):  # exclusives while room lasts; a quote that gives way to one frees its line
        if exclusive[i] is None or room <= 0:
            continue
        only.add(i)
        room -= 1
        if i in quoted and evidence(shown[i], exclusive[i]) is None:
            quoted.discard(i)
            room += 1
    lines = [
        OutletLines(
            o.outlet,
            o.contrast,
            evidence(o, exclusive[i] if i in only else None) if i in quoted else None,
            exclusive[i] if i in only else None,
        )
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
