"""Render the ``newsbrief/1`` documents as Slack Block Kit messages within Slack's limits: one function per
document type (:func:`document_blocks`, dispatched on the model class)."""

from __future__ import annotations

from collections.abc import Mapping
from functools import singledispatch
from typing import Any

from bot.render.framing_note import FULL, ShortNote, short_note
from bot.render.markup import link_label
from bot.render.text import FIGURES_DIFFER, race, source_summary, untold_disagreements
from bot.slack.limits import (
    QUOTE,
    Block,
    SlackMessage,
    escape,
    into_messages,
    section_blocks,
    title_block,
)
from summarizer.documents import (
    BriefDocument,
    DigestDocument,
    Document,
    ErrorDocument,
    FramingDocument,
    SourcesDocument,
    TimelineDocument,
    TimelineEntry,
    WhoWonDocument,
    WhoWonResult,
    as_document,
)
from summarizer.figure_text import disagreement, figure_line
from summarizer.frame_words import frame_words, technique_words
from summarizer.links import link_target
from summarizer.models import Candidate, OutletFraming, Story

DIVIDER: Block = {"type": "divider"}
MAX_RESULTS = 5  # election results shown for one /who-won; a topic narrows the rest


def render_messages(doc: Document | Mapping[str, Any]) -> list[SlackMessage]:
    """Every message needed to show ``doc`` (typed, or its JSON): split between blocks and words, never truncated."""
    return into_messages(document_blocks(as_document(doc)))


def text_message(title: str | None, lines: list[str]) -> list[SlackMessage]:
    """A plain reply (admin answers, errors) as messages; ``lines`` are plain text."""
    head = [title_block(title)] if title else []
    return into_messages([*head, *section_blocks([escape(line) for line in lines])])


@singledispatch
def document_blocks(doc: Document) -> list[Block]:
    """All blocks of ``doc`` in reading order (may exceed one message), for its type."""
    raise TypeError(f"no Block Kit rendering for {type(doc).__name__}")


@document_blocks.register(ErrorDocument)
def _error(doc: ErrorDocument) -> list[Block]:
    return section_blocks([escape(doc.error.message)])


@document_blocks.register(WhoWonDocument)
def _who_won(doc: WhoWonDocument) -> list[Block]:
    if not doc.results:
        return section_blocks([escape(doc.message or "")])
    shown = _joined([election_blocks(r) for r in doc.results[:MAX_RESULTS]])
    hidden = len(doc.results) - MAX_RESULTS
    if hidden > 0:
        shown.append(
            _context(f"…and {hidden} more election result(s). Add a topic to narrow it, e.g. `/who-won chile`.")
        )
    return shown


@document_blocks.register(FramingDocument)
def _framing(doc: FramingDocument) -> list[Block]:
    if doc.note == FULL:
        return _joined([framing_blocks(s) for s in doc.stories])
    return _joined([short_note_blocks(short_note(s, doc.topic)) for s in doc.stories])


@document_blocks.register(SourcesDocument)
def _sources_document(doc: SourcesDocument) -> list[Block]:
    return source_blocks(doc)


@document_blocks.register(TimelineDocument)
def _timeline(doc: TimelineDocument) -> list[Block]:
    return _joined([timeline_blocks(t) for t in doc.timelines])


@document_blocks.register(DigestDocument)
def _digest(doc: DigestDocument) -> list[Block]:
    if not doc.stories:
        return section_blocks(["No new stories."])
    return _joined([digest_blocks(s) for s in doc.stories])


@document_blocks.register(BriefDocument)
def _brief(doc: BriefDocument) -> list[Block]:
    return _joined([brief_blocks(s) for s in doc.stories])


def _joined(parts: list[list[Block]]) -> list[Block]:
    blocks: list[Block] = []
    for part in parts:
        if blocks:
            blocks.append(DIVIDER)
        blocks += part
    return blocks


def _context(text: str) -> Block:
    return {"type": "context", "elements": [{"type": "mrkdwn", "text": text, "verbatim": True}]}


def _quote(text: str) -> str:
    return QUOTE + escape(text.strip().strip("“”"))


def _sources(outlets: list[str]) -> str:
    return escape(", ".join(outlets))


def brief_blocks(story: Story) -> list[Block]:
    """Title, outlets, one bullet per brief sentence with its outlets, and differing figures."""
    lines = [f"• {escape(s.text)} _[{_sources(s.sources)}]_" for s in story.brief.sentences]
    if not lines:
        lines = ["• No neutral sentence could be extracted from this story."]
    blocks = [title_block(story.title), _context(f"Outlets: {_sources(story.outlets)}"), *section_blocks(lines)]
    differing = [f for f in story.figures if not f.agree]
    if differing:
        figure_lines = ["*Figures the outlets disagree on*"]
        for f in differing:
            figure_lines.append(f"• {disagreement(f, escape)}")
        blocks += section_blocks(figure_lines)
    return blocks


def outlet_framing_lines(outlet: OutletFraming) -> list[str]:
    """One outlet's labels, loaded language, emphasis, exclusives and figures; quotes as ``>``."""
    lines = [f"*{escape(outlet.outlet)}*"]
    for label in outlet.labels:
        lines += [f"• Calls {escape(label.actor)} “{escape(label.label)}”", _quote(label.quote)]
    for term in outlet.loaded_language:
        speaker = " (in a quotation)" if term.in_quote else ""
        technique = escape(technique_words(term.technique))
        lines += [f"• Loaded: “{escape(term.term)}” — {technique}{speaker}", _quote(term.quote)]
    if outlet.frames:
        shares = ", ".join(f"{escape(frame_words(f.frame))} {f.share:.0%}" for f in outlet.frames[:4])
        lines.append(f"• Emphasis (share of its sentences): {shares}")
    if outlet.only_here:
        lines += ["• Only here:", *(_quote(text) for text in outlet.only_here)]
    for note in outlet.figures_differ:
        lines.append(f"• {FIGURES_DIFFER}{escape(note)}")
    lines.append(f"• In short: {escape(outlet.contrast)}")
    return lines


def framing_blocks(story: Story) -> list[Block]:
    """The framing note: overall contrast, then one group of sections per outlet."""
    framing = story.framing
    blocks = [title_block(f"How each outlet framed it: {story.title}")]
    blocks += section_blocks([escape(framing.message or framing.contrast)])
    for outlet in framing.outlets:
        blocks += section_blocks(outlet_framing_lines(outlet))
    return blocks


def short_note_lines(note: ShortNote) -> list[str]:
    """The short framing note as mrkdwn lines: per outlet its contrast, strongest quote and exclusive."""
    lines = [escape(note.message)] if note.message else []
    for outlet in note.outlets:
        lines.append(f"• {escape(outlet.contrast)}")
        if outlet.evidence:
            lines.append(_quote(outlet.evidence))
        if outlet.only_here:
            lines.append(f"   _Only {escape(outlet.outlet)} reports:_ “{escape(outlet.only_here.strip('“”'))}”")
    more = f" ({note.more} more outlet{'s' if note.more > 1 else ''} there)" if note.more else ""
    lines.append(f"Full note: {escape(note.full_command)}{more}")
    return lines


def short_note_blocks(note: ShortNote) -> list[Block]:
    """The short note under its title; ``/framing <topic> full`` shows the whole note."""
    return [title_block(f"How each outlet framed it: {note.title}"), *section_blocks(short_note_lines(note))]


def _candidate(role: str, candidate: Candidate) -> str:
    share = f" — {escape(figure_line(candidate.vote_share))}" if candidate.vote_share else ""
    return f"*{role}:* {escape(candidate.name)}{share}"


def election_blocks(result: WhoWonResult) -> list[Block]:
    """Winner, runners-up with per-outlet vote shares, the race, disagreements and sources."""
    election = result.election
    lines = [_candidate("Winner", election.winner)]
    lines += [_candidate("Runner-up", r) for r in election.runners_up]
    if race(result):
        lines.append(f"*Race:* {escape(race(result))}")
    lines += [f"*Disagreement:* {escape(note)}" for note in untold_disagreements(election)]
    return [
        title_block(f"Who won: {result.title}"),
        *section_blocks(lines),
        _context(f"Sources: {_sources(election.sources)}"),
    ]


def source_blocks(doc: SourcesDocument) -> list[Block]:
    """The outlets in use and how their last fetch went."""
    lines = []
    for src in doc.sources:
        name, detail = source_summary(src)
        lines.append(f"• *{escape(name)}*{escape(detail)}")
    return [title_block("Sources in use"), *section_blocks(lines or ["No sources yet."])]


def timeline_blocks(entry: TimelineEntry) -> list[Block]:
    """A story's timeline: one line per event, times in the channel's timezone."""
    from bot.threads.timeline import timeline_lines

    lines = [escape(line) for line in timeline_lines(entry)]
    return [
        title_block(f"Timeline: {entry.title}"),
        *section_blocks(lines),
        _context(f"Times in {entry.timezone}"),
    ]


def _link(url: object, label: str) -> str | None:
    """``<url|label>`` for an http(s) ``url`` (``None`` for anything else: ``!here``, ``javascript:``, …)."""
    target = link_target(url)
    if target is None:
        return None
    return f"<{escape(target)}|{escape(link_label(label))}>"


def digest_blocks(story: Story) -> list[Block]:
    """A story's brief plus its one-line framing contrast and links to the articles (http(s) links only)."""
    framing = story.framing
    lines = [f"*Framing:* {escape(framing.message or framing.contrast)}"]
    if framing.comparable:
        lines += short_note_lines(short_note(story))
    links = [link for link in (_link(a.url, a.outlet) for a in story.articles) if link]
    if links:
        lines.append("Read: " + " · ".join(links))
    return [*brief_blocks(story), *section_blocks(lines)]
