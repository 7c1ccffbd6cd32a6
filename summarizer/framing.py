"""The "how each outlet framed it" note: labels, loaded language, emphasis, exclusives, figures."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping

from summarizer.analysis.records import ArticleAnalysis, SentenceAnalysis
from summarizer.exclusives import checkable, exclusive
from summarizer.figure_text import disagreement
from summarizer.frame_words import emphasis_order, frame_words
from summarizer.labels import labels_in
from summarizer.lexicon import find_loaded, sentence_frame
from summarizer.loaded import loaded_hits
from summarizer.models import (
    ActorLabel,
    Article,
    Figure,
    FrameShare,
    FramingNote,
    LoadedTerm,
    OutletFraming,
    Sentence,
)
from summarizer.names import mentions
from summarizer.similarity import content_stems, overlap, same_fact

MAX_LABELS = 3  # per person and outlet
MAX_OUTLET_LABELS = 8
MAX_LOADED = 8
MAX_ONLY_HERE = 3


def short_quote(text: str, start: int = 0, end: int | None = None, width: int = 14) -> str:
    """About ``width`` words of ``text`` around [start, end), cut at word boundaries with ellipses."""
    end = start if end is None else end
    half = width // 2
    after = max(half, width - half if start == 0 else half)
    left = re.search(rf"(?:\S+\s+){{0,{half}}}$", text[:start])
    right = re.match(rf"(?:\s*\S+){{0,{after}}}", text[end:])
    lo = left.start() if left else start
    hi = end + (right.end() if right else 0)
    lead = "…" if text[:lo].strip() else ""
    tail = "…" if text[hi:].strip() else ""
    return f"{lead}{text[lo:hi].strip()}{tail}"


def main_actors(sentences: list[Sentence], people: dict[str, str], limit: int = 3) -> list[str]:
    """People most mentioned, preferring those more than one outlet names."""
    count: Counter[str] = Counter()
    outlets: dict[str, set[str]] = {}
    for s in sentences:
        for _, _, name in mentions(s.text, people):
            count[name] += 1
            outlets.setdefault(name, set()).add(s.outlet)
    ranked = sorted(count, key=lambda n: (-len(outlets[n]), -count[n], n))
    return ranked[:limit]


def _labels(analysed: list[SentenceAnalysis], people: dict[str, str], actors: list[str]) -> list[ActorLabel]:
    """Each person's labels in the outlet's own voice (main actors first), with the sentence quoted."""
    # Body sentences only: a headline's capitalised words ("Doe Slams …") are no name to label.
    found = [f for s in analysed if s.is_body for f in labels_in(s, people)]
    rank = {name: i for i, name in enumerate(actors)}
    found.sort(key=lambda f: rank.get(f.actor, len(rank)))
    labels: list[ActorLabel] = []
    seen: dict[str, set[str]] = {}
    for f in found:
        mine = seen.setdefault(f.actor, set())
        if f.label.lower() in mine or len(mine) >= MAX_LABELS or len(labels) >= MAX_OUTLET_LABELS:
            continue
        mine.add(f.label.lower())
        labels.append(ActorLabel(actor=f.actor, label=f.label, quote=short_quote(f.sentence, f.start, f.end, 16)))
    return labels


def _loaded(analysed: list[SentenceAnalysis]) -> list[LoadedTerm]:
    """Loaded terms in the outlet's own voice (never inside quotation marks), each quoted."""
    terms: list[LoadedTerm] = []
    seen: set[str] = set()
    for s in analysed:
        for hit in loaded_hits(s):
            if hit.term.lower() in seen or len(terms) >= MAX_LOADED:
                continue
            seen.add(hit.term.lower())
            terms.append(LoadedTerm(hit.term, hit.technique, short_quote(s.text, hit.start, hit.end), hit.in_quote))
    return terms


def _frames(sentences: list[Sentence]) -> list[FrameShare]:
    by_frame: dict[str, list[str]] = {}
    for s in sentences:
        frame = sentence_frame(s.text)
        if frame:
            by_frame.setdefault(frame, []).append(s.text)
    total = max(1, len(sentences))
    shares = [
        FrameShare(frame, round(len(texts) / total, 3), len(texts), short_quote(texts[0], width=18))
        for frame, texts in by_frame.items()
    ]
    return sorted(shares, key=lambda f: emphasis_order(f.share, frame_words(f.frame)))


def _only_here(sentences: list[Sentence], others: list[Sentence]) -> list[str]:
    """Facts no other outlet reports (``exclusive``: no other outlet's sentence shares a number, or a name
    with the main verb or noun): the sentences least like anything the others wrote, in reading order."""
    other_stems = [content_stems(o.text) for o in others]
    scored = []
    for s in sentences:
        if len(s.text.split()) < 6 or not checkable(s) or any(same_fact(s.text, o.text, 0.25, 3) for o in others):
            continue
        if not exclusive(s, others):
            continue
        mine = content_stems(s.text)
        closest = max((overlap(mine, theirs) for theirs in other_stems), default=0.0)
        scored.append((closest, s))
    chosen = sorted(scored, key=lambda item: (round(item[0], 1), item[1].index))[:MAX_ONLY_HERE]
    return [short_quote(s.text, width=30) for _, s in sorted(chosen, key=lambda item: item[1].index)]


def _figures_differ(outlet: str, figures: list[Figure]) -> list[str]:
    """The figures this outlet gives and others give differently, worded as the brief words them."""
    return [
        disagreement(fig)
        for fig in figures
        if not fig.agree
        and any(r.outlet == outlet for r in fig.reports)
        and any(r.outlet != outlet for r in fig.reports)
    ]


def _distinctive(note: OutletFraming, notes: list[OutletFraming]) -> FrameShare | None:
    """The frame this outlet uses more than the others do (its own top frame when alone)."""
    if not note.frames:
        return None
    others = [n for n in notes if n is not note]
    if not others:
        return note.frames[0]

    def others_share(frame: str) -> float:
        return sum(next((f.share for f in n.frames if f.frame == frame), 0.0) for n in others) / len(others)

    best = max(note.frames, key=lambda f: (round(f.share - others_share(f.frame), 3), f.share))
    return best if best.share - others_share(best.frame) > 0 else note.frames[0]


def _headline_label(note: OutletFraming) -> ActorLabel | None:
    """The label that best shows the outlet's stance: its first loaded one, else its first."""
    if not note.labels:
        return None
    actor = note.labels[0].actor
    mine = [label for label in note.labels if label.actor == actor]
    terms = [t.term.lower() for t in note.loaded_language]
    loaded = [label for label in mine if find_loaded(label.label) or any(t in label.label.lower() for t in terms)]
    chosen = (loaded or mine)[0]
    short = re.split(r"\s(?:and|who|which)\s", chosen.label)[0]
    short = re.sub(r"^(?:an?|the)\s+", "", short)
    words = short.split()
    return ActorLabel(chosen.actor, " ".join(words[:5]) + ("…" if len(words) > 5 else ""), chosen.quote)


def _contrast(outlet: str, labels: list[ActorLabel], loaded: list[LoadedTerm], frames: list[FrameShare]) -> str:
    parts = []
    if labels:
        parts.append(f"calls {labels[0].actor} “{labels[0].label}”")
    own = [t.term for t in loaded if not t.in_quote][:3]
    parts.append(
        "uses loaded terms such as " + ", ".join(f"“{t}”" for t in own)
        if own
        else "uses little loaded language of its own"
    )
    if frames:
        parts.append(f"gives most weight to {frame_words(frames[0].frame)} ({frames[0].share:.0%} of its sentences)")
    return f"{outlet} " + ", ".join(parts[:-1]) + (" and " if len(parts) > 1 else "") + parts[-1] + "."


def _analysed(
    outlet: str, articles: list[Article], mine: list[Sentence], analyses: Mapping[str, ArticleAnalysis]
) -> list[SentenceAnalysis]:
    """The outlet's parsed headlines and body sentences: what labels and loaded terms are read from.

    Unparsed sentences are unverified and give nothing.
    """
    headlines = [analyses[a.id].headline for a in articles if a.outlet == outlet and a.id in analyses]
    found = [h for h in headlines if h is not None and h.parsed]
    return found + [s.analysis for s in mine if s.analysis is not None and s.analysis.parsed]


def build_framing(
    articles: list[Article],
    sentences: list[Sentence],
    people: dict[str, str],
    figures: list[Figure],
    analyses: Mapping[str, ArticleAnalysis] | None = None,
) -> FramingNote:
    """Compare how each outlet in a story framed it; a one-outlet story says no comparison is possible.

    Labels and loaded terms come from the parsed records: the body sentences' own, and the headlines'
    from ``analyses`` (by article id) when given.
    """
    outlets = list(dict.fromkeys(a.outlet for a in articles))
    actors = main_actors(sentences, people)
    notes: list[OutletFraming] = []
    for outlet in outlets:
        mine = [s for s in sentences if s.outlet == outlet]
        others = [s for s in sentences if s.outlet != outlet]
        analysed = _analysed(outlet, articles, mine, analyses or {})
        labels = _labels(analysed, people, actors)
        loaded = _loaded(analysed)
        frames = _frames(mine)
        notes.append(
            OutletFraming(
                outlet=outlet,
                labels=labels,
                loaded_language=loaded,
                frames=frames,
                only_here=_only_here(mine, others) if others else [],
                figures_differ=_figures_differ(outlet, figures),
                contrast=_contrast(outlet, labels, loaded, frames),
            )
        )
    if len(outlets) < 2:
        only = outlets[0] if outlets else "one outlet"
        return FramingNote(
            comparable=False,
            message=f"Only {only} reports this story, so no comparison between outlets is possible.",
            contrast=notes[0].contrast if notes else "",
            outlets=notes,
        )
    return FramingNote(comparable=True, message=None, contrast=_overall(notes), outlets=notes)


def _overall(notes: list[OutletFraming]) -> str:
    pieces = []
    for i, note in enumerate(notes):
        chosen = _headline_label(note)
        frame = _distinctive(note, notes)
        focus = f"{frame_words(frame.frame)} ({frame.share:.0%} of its sentences)" if frame else "no single theme"
        if frame and frame.frame != note.frames[0].frame:  # not its largest theme: say what it is compared with
            focus = f"{frame_words(frame.frame)} more than the others do ({frame.share:.0%} of its sentences)"
        if chosen is None:
            pieces.append(f"{note.outlet} stresses {focus}")
            continue
        label = f"“{chosen.label}” {chosen.actor}"
        lead = f"{note.outlet} frames the story around {label}" if i == 0 else f"{note.outlet} around {label}"
        pieces.append(f"{lead}, stressing {focus}")
    return "; ".join(pieces) + "."
