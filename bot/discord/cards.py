"""The ``newsbrief/1`` documents as Discord cards (title, description, named sections): one function per
document type (:func:`document_cards`, dispatched on the model class), built from the typed document.

Every value taken from a document comes from articles and is hostile: it goes through :func:`esc`
(literal Markdown, no mention, no ``@everyone``) or, for links, through :func:`link` (http(s) only).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import singledispatch

from bot.render.framing_note import FULL, ShortNote, short_note
from bot.render.markup import discord_text, link_label
from bot.render.text import FIGURES_DIFFER, race, source_summary, untold_disagreements
from summarizer.documents import (
    BriefDocument,
    DigestDocument,
    Document,
    ErrorDocument,
    FramingDocument,
    SourcesDocument,
    TimelineDocument,
    WhoWonDocument,
    WhoWonResult,
)
from summarizer.figure_text import disagreement, figure_line
from summarizer.frame_words import frame_words, technique_words
from summarizer.links import link_target
from summarizer.models import OutletFraming, Story

COLOURS = {"error": 0xC0392B, "who-won": 0x2E86C1, "framing": 0x8E44AD, "digest": 0x27AE60}
DEFAULT_COLOUR = 0x5D6D7E

esc = discord_text


@dataclass
class Card:
    """One titled block of a document (a story, a result): description lines then named sections."""

    title: str
    description: list[str] = field(default_factory=list)
    sections: list[tuple[str, list[str]]] = field(default_factory=list)
    colour: int = DEFAULT_COLOUR


def item(text: str) -> str:
    return f"• {text}"


def quote(text: str) -> str:
    return f"> {esc(text)}"


def link(label: str, url: str | None) -> str | None:
    """``[label](url)`` for an http(s) ``url``; ``None`` (no link at all) for anything else."""
    target = link_target(url)
    return None if target is None else f"[{esc(link_label(label))}]({target})"


def brief_card(story: Story, colour: int = DEFAULT_COLOUR) -> Card:
    """Title, outlets, one bullet per brief sentence with its outlets; differing figures in a section."""
    unknown = {a.outlet for a in story.articles if not a.outlet_known}
    outlets = [f"{esc(o)} (outlet unknown: named after the file)" if o in unknown else esc(o) for o in story.outlets]
    lines = [f"Outlets: {', '.join(outlets)}", ""]
    lines += [item(f"{esc(s.text)} [{', '.join(esc(o) for o in s.sources)}]") for s in story.brief.sentences]
    if not story.brief.sentences:
        lines.append(item("No neutral sentence could be extracted from this story."))
    card = Card(esc(story.title), lines, colour=colour)
    differing = [f for f in story.figures if not f.agree]
    if differing:
        figures = [item(disagreement(f, esc)) for f in differing]
        card.sections.append((esc("Figures the outlets disagree on"), figures))
    return card


def outlet_lines(outlet: OutletFraming) -> list[str]:
    """One outlet's labels, loaded language, emphasis, exclusives and figures, each with its quote."""
    lines: list[str] = []
    for label in outlet.labels:
        lines += [item(f"Calls {esc(label.actor)} “{esc(label.label)}”"), quote(label.quote)]
    for term in outlet.loaded_language:
        speaker = " (in a quotation)" if term.in_quote else ""
        lines += [item(f"Loaded: “{esc(term.term)}” — {esc(technique_words(term.technique))}{speaker}")]
        lines.append(quote(term.quote))
    if outlet.frames:
        shares = ", ".join(f"{esc(frame_words(f.frame))} {f.share:.0%}" for f in outlet.frames[:4])
        lines.append(item(f"Emphasis (share of its sentences): {shares}"))
    if outlet.only_here:
        lines += [item("Only here:"), *(quote(text) for text in outlet.only_here)]
    lines += [item(f"{FIGURES_DIFFER}{esc(note)}") for note in outlet.figures_differ]
    lines.append(item(f"In short: {esc(outlet.contrast)}"))
    return lines


def framing_card(story: Story) -> Card:
    """The full framing note: the overall contrast, then a section per outlet."""
    framing = story.framing
    card = Card(esc(f"How each outlet framed it: {story.title}"), [esc(framing.message or framing.contrast)])
    card.sections = [(esc(o.outlet), outlet_lines(o)) for o in framing.outlets]
    card.colour = COLOURS["framing"]
    return card


def short_note_lines(note: ShortNote) -> list[str]:
    """The short note: per outlet its contrast, strongest quote and exclusive; then the full note's command."""
    lines = [esc(note.message)] if note.message else []
    for outlet in note.outlets:
        lines.append(item(esc(outlet.contrast)))
        if outlet.evidence:
            lines.append(quote(outlet.evidence))
        if outlet.only_here:
            lines.append(item(f"Only {esc(outlet.outlet)} reports: “{esc(outlet.only_here.strip('“”'))}”"))
    more = f" ({note.more} more outlet{'s' if note.more > 1 else ''} there)" if note.more else ""
    if note.outlets:
        lines.append("")  # a blank line sets the pointer apart from the list
    lines.append(f"Full note: {esc(note.full_command)}{more}")
    return lines


def election_card(result: WhoWonResult) -> Card:
    election = result.election
    lines = []
    for role, candidate in [("Winner", election.winner), *(("Runner-up", r) for r in election.runners_up)]:
        share = f" — {figure_line(candidate.vote_share, esc)}" if candidate.vote_share else ""
        lines.append(f"{role}: {esc(candidate.name)}{share}")
    if race(result):
        lines.append(f"Race: {esc(race(result))}")
    lines += [f"Disagreement: {esc(note)}" for note in untold_disagreements(election)]
    lines.append(f"Sources: {', '.join(esc(s) for s in election.sources)}")
    return Card(esc(f"Who won: {result.title}"), lines, colour=COLOURS["who-won"])


def digest_card(story: Story) -> Card:
    """The brief, then the framing in short and the articles' links, each in its own section."""
    card = brief_card(story, COLOURS["digest"])
    framing = story.framing
    lines = [esc(framing.message or framing.contrast)]
    if framing.comparable:
        lines += short_note_lines(short_note(story))
    card.sections.append((esc("How the outlets framed it"), lines))
    labels = ((f"{a.outlet}: {a.title}" if a.title else a.outlet, a.url) for a in story.articles)
    links = [found for found in (link(label, url) for label, url in labels) if found]  # non-http(s) links dropped
    if links:
        card.sections.append((esc("Read the articles"), links))
    return card


@singledispatch
def document_cards(doc: Document) -> list[Card]:
    """The cards of ``doc`` in reading order, for its type."""
    raise TypeError(f"no Discord rendering for {type(doc).__name__}")


@document_cards.register(ErrorDocument)
def _error(doc: ErrorDocument) -> list[Card]:
    return [Card("newsbrief", [esc(doc.error.message)], colour=COLOURS["error"])]


@document_cards.register(BriefDocument)
def _brief(doc: BriefDocument) -> list[Card]:
    return [brief_card(s) for s in doc.stories]


@document_cards.register(FramingDocument)
def _framing(doc: FramingDocument) -> list[Card]:
    if doc.note == FULL:
        return [framing_card(s) for s in doc.stories]
    cards = []
    for story in doc.stories:
        note = short_note(story, doc.topic)
        title = esc(f"How each outlet framed it: {note.title}")
        cards.append(Card(title, short_note_lines(note), colour=COLOURS["framing"]))
    return cards


@document_cards.register(WhoWonDocument)
def _who_won(doc: WhoWonDocument) -> list[Card]:
    return [election_card(r) for r in doc.results] or [
        Card("Who won", [esc(doc.message or "")], colour=COLOURS["who-won"])
    ]


@document_cards.register(SourcesDocument)
def _sources(doc: SourcesDocument) -> list[Card]:
    lines = [item(f"{esc(name)}{esc(detail)}") for name, detail in map(source_summary, doc.sources)]
    return [Card(esc("Sources in use"), lines or ["No sources yet."])]


@document_cards.register(TimelineDocument)
def _timeline(doc: TimelineDocument) -> list[Card]:
    from bot.threads.timeline import timeline_lines  # the timeline's own module owns its wording

    return [
        Card(
            esc(f"Timeline: {entry.title}"),
            [*(esc(line) for line in timeline_lines(entry)), f"*{esc('Times in ' + entry.timezone)}*"],
        )
        for entry in doc.timelines
    ]


@document_cards.register(DigestDocument)
def _digest(doc: DigestDocument) -> list[Card]:
    return [digest_card(s) for s in doc.stories] or [Card("Digest", ["No new stories."], colour=COLOURS["digest"])]
