"""How each outlet covers a story, as plain numbers for a picture: frame emphasis, own loaded terms, absences."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from summarizer.frame_words import frame_words
from summarizer.models import Story

MAX_FRAMES = 5  # frames named in a picture's legend; the rest are summed as "other"
OTHER = "other"


@dataclass(frozen=True)
class FrameSlice:
    """One frame's share of an outlet's sentences (0–1); ``frame`` is in words."""

    frame: str
    share: float


@dataclass(frozen=True)
class OutletCoverage:
    """One outlet's emphasis (slices in the story's frame order) and loaded terms in its own voice."""

    outlet: str
    slices: list[FrameSlice]
    loaded_own: int

    @property
    def framed(self) -> float:
        """Share of its sentences that carry any frame."""
        return min(1.0, sum(s.share for s in self.slices))


@dataclass(frozen=True)
class Coverage:
    """A story's coverage: who covered it and how (``frames`` in legend order), and who did not."""

    title: str
    frames: list[str]
    outlets: list[OutletCoverage]
    missing: list[str]


def coverage(story: Story, configured: Sequence[str] = ()) -> Coverage | None:
    """The coverage of a story, or ``None`` when there is nothing to
    compare (fewer than two outlets). ``configured`` are the outlets the bot reads; those that did not
    report the story are ``missing``."""
    notes = story.framing.outlets
    if len(notes) < 2:
        return None
    totals: dict[str, float] = {}
    for note in notes:
        for f in note.frames:
            totals[f.frame] = totals.get(f.frame, 0.0) + f.share
    ranked = sorted(totals, key=lambda frame: (-totals[frame], frame))
    named = ranked[:MAX_FRAMES]
    legend = [frame_words(f) for f in named] + ([OTHER] if len(ranked) > MAX_FRAMES else [])
    outlets = []
    for note in notes:
        shares = {f.frame: f.share for f in note.frames}
        slices = [FrameSlice(frame_words(f), shares.get(f, 0.0)) for f in named]
        if len(ranked) > MAX_FRAMES:
            slices.append(FrameSlice(OTHER, sum(v for f, v in shares.items() if f not in named)))
        own = sum(1 for t in note.loaded_language if not t.in_quote)
        outlets.append(OutletCoverage(note.outlet, slices, own))
    covered = {o.casefold() for o in story.outlets}
    missing = list(dict.fromkeys(o for o in configured if o.casefold() not in covered))
    return Coverage(story.title, legend, outlets, missing)
