"""Render the ``newsbrief/1`` documents as plain text or Markdown (console, CLI, fallbacks): one function
per document type (:func:`document_blocks`, dispatched on the model class)."""

from __future__ import annotations

from collections.abc import Mapping
from functools import singledispatch
from typing import Any

from bot.render.framing_note import FULL, ShortNote, short_note
from bot.render.markup import link_label, markdown_text, plain_text
from summarizer.documents import (
    BriefDocument,
    DigestDocument,
    Document,
    ErrorDocument,
    FramingDocument,
    SourceEntry,
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
from summarizer.models import ElectionResult, Problem, Story

FIGURES_DIFFER = "Figures differ on "  # before a framing note's figure line, which is worded as the brief's


class Style:
    """Plain text or Markdown: the few places where they differ.

    Every value taken from a document (titles, outlets, sentences, quotes, labels) comes from
    articles and is hostile: it goes through :meth:`text` (or a method that calls it), never raw.
    """

    def __init__(self, markdown: bool) -> None:
        self.markdown = markdown

    def text(self, value: str) -> str:
        """Third-party ``value`` made inert for this output (no markup, links or control characters)."""
        return markdown_text(value) if self.markdown else plain_text(value)

    def heading(self, text: str) -> str:
        text = self.text(text)
        return f"## {text}" if self.markdown else f"{text}\n{'=' * len(text)}"

    def sub(self, text: str) -> str:
        return f"**{self.text(text)}**" if self.markdown else f"{self.text(text)}:"

    def item(self, text: str) -> str:
        """A list item: ``- text`` in Markdown (CommonMark), a bullet in plain text."""
        return f"- {text}" if self.markdown else f"• {text}"

    def quote(self, text: str) -> str:
        """A quotation on its own line; in Markdown a block quote nested in the list item before it."""
        return f"  > {self.text(text)}" if self.markdown else f"    “{self.text(text.strip('“”'))}”"

    def link(self, label: str, url: str | None) -> str | None:
        """``label`` linking to ``url``, or ``None`` when ``url`` is not an http(s) URL (the link is dropped)."""
        target = link_target(url)
        if target is None:
            return None
        label = self.text(link_label(label))
        return f"[{label}]({target})" if self.markdown else f"{label}: {target}"


def brief_lines(story: Story, style: Style) -> list[str]:
    unknown = {a.outlet for a in story.articles if not a.outlet_known}
    t = style.text
    outlets = [f"{t(o)} (outlet unknown: named after the file)" if o in unknown else t(o) for o in story.outlets]
    lines = [style.heading(story.title), f"Outlets: {', '.join(outlets)}", ""]
    for sentence in story.brief.sentences:
        lines.append(style.item(f"{t(sentence.text)} [{', '.join(t(s) for s in sentence.sources)}]"))
    if not story.brief.sentences:
        lines.append(style.item("No neutral sentence could be extracted from this story."))
    differing = [f for f in story.figures if not f.agree]
    if differing:
        lines += ["", style.sub("Figures the outlets disagree on")]
        for f in differing:
            lines.append(style.item(disagreement(f, t)))
    return lines


def framing_lines(story: Story, style: Style) -> list[str]:
    framing, t = story.framing, style.text
    lines = [style.heading(f"How each outlet framed it: {story.title}")]
    lines.append(t(framing.message or framing.contrast))
    for outlet in framing.outlets:
        lines += ["", style.sub(outlet.outlet)]
        for label in outlet.labels:
            lines.append(style.item(f"Calls {t(label.actor)} “{t(label.label)}”"))
            lines.append(style.quote(label.quote))
        for term in outlet.loaded_language:
            speaker = " (in a quotation)" if term.in_quote else ""
            lines.append(style.item(f"Loaded: “{t(term.term)}” — {t(technique_words(term.technique))}{speaker}"))
            lines.append(style.quote(term.quote))
        if outlet.frames:
            shares = ", ".join(f"{t(frame_words(f.frame))} {f.share:.0%}" for f in outlet.frames[:4])
            lines.append(style.item(f"Emphasis (share of its sentences): {shares}"))
        if outlet.only_here:
            lines.append(style.item("Only here:"))
            lines += [style.quote(text) for text in outlet.only_here]
        for note in outlet.figures_differ:
            lines.append(style.item(f"{FIGURES_DIFFER}{t(note)}"))
        lines.append(style.item(f"In short: {t(outlet.contrast)}"))
    return lines


def short_note_lines(note: ShortNote, style: Style, *, heading: bool = True) -> list[str]:
    """The short framing note: per outlet its contrast, its strongest quote and what only it reports."""
    t = style.text
    lines = [style.heading(f"How each outlet framed it: {note.title}")] if heading else []
    if note.message:
        lines.append(t(note.message))
    for outlet in note.outlets:
        lines.append(style.item(t(outlet.contrast)))
        if outlet.evidence:
            lines.append(style.quote(outlet.evidence))
        if outlet.only_here:
            lines.append(style.item(f"Only {t(outlet.outlet)} reports: “{t(outlet.only_here.strip('“”'))}”"))
    more = f" ({note.more} more outlet{'s' if note.more > 1 else ''} there)" if note.more else ""
    if style.markdown and note.outlets:
        lines.append("")  # CommonMark: a line right after a list item would continue it
    lines.append(f"Full note: {t(note.full_command)}{more}")
    return lines


def untold_disagreements(election: ElectionResult) -> list[str]:
    """Disagreements not already on a candidate's line (each vote share shows what the outlets said)."""
    shown = {disagreement(c.vote_share) for c in [election.winner, *election.runners_up] if c.vote_share}
    return [note for note in election.disagreements if note not in shown]


def race(result: WhoWonResult) -> str:
    """Office, place and date of an election, those that are known."""
    election = result.election
    return ", ".join(x for x in (election.office, election.place, election.date) if x)


def election_lines(result: WhoWonResult, style: Style) -> list[str]:
    election, t = result.election, style.text
    lines = [style.heading(f"Who won: {result.title}")]
    for role, candidate in [("Winner", election.winner), *(("Runner-up", r) for r in election.runners_up)]:
        share = f" — {figure_line(candidate.vote_share, t)}" if candidate.vote_share else ""
        lines.append(f"{role}: {t(candidate.name)}{share}")
    if race(result):
        lines.append(f"Race: {t(race(result))}")
    for note in untold_disagreements(election):
        lines.append(f"Disagreement: {t(note)}")
    lines.append(f"Sources: {', '.join(t(s) for s in election.sources)}")
    return lines


def source_summary(src: SourceEntry) -> tuple[str, str]:
    """(name, " — where (status; …)") for one entry of a ``sources`` document."""
    name = src.outlet or src.name or "?"
    where = src.feed or src.page or src.origin or ""
    status = [f"{src.articles} article(s)"]
    if src.last_ok:
        status.append(f"last worked {src.last_ok}")
    if src.last_error:
        status.append(f"last error: {src.last_error}")
    if src.never_fetched:
        status.append("not fetched yet")
    if not src.known:
        status.append("outlet unknown (named after the file)")
    return name, (f" — {where}" if where else "") + f" ({'; '.join(status)})"


def source_lines(doc: SourcesDocument, style: Style) -> list[str]:
    lines = [style.heading("Sources in use")]
    for src in doc.sources:
        name, detail = source_summary(src)
        lines.append(style.item(f"{style.text(name)}{style.text(detail)}"))
    if not doc.sources:
        lines.append("No sources yet.")
    return lines


def digest_lines(story: Story, style: Style) -> list[str]:
    lines = brief_lines(story, style)
    lines.append(f"Framing: {style.text(story.framing.message or story.framing.contrast)}")
    if story.framing.comparable:
        lines += short_note_lines(short_note(story), style, heading=False)
    links = (style.link(article.outlet, article.url) for article in story.articles)
    lines += [style.item(link) for link in links if link]
    return lines


def timeline_text(entry: TimelineEntry, style: Style) -> list[str]:
    from bot.threads.timeline import timeline_lines  # the timeline's own module owns its wording

    lines = [style.text(line) for line in timeline_lines(entry)]
    return [style.heading(f"Timeline: {entry.title}"), *lines, style.text(f"(times in {entry.timezone})")]


def problem_lines(problems: list[Problem]) -> list[str]:
    return [f"! {plain_text(p.source)}: {plain_text(p.problem)}" for p in problems]


@singledispatch
def document_blocks(doc: Document, style: Style) -> list[list[str]]:
    """The document's blocks of lines (one per story or result), for its type."""
    raise TypeError(f"no text rendering for {type(doc).__name__}")


@document_blocks.register(ErrorDocument)
def _error(doc: ErrorDocument, style: Style) -> list[list[str]]:
    return [[style.text(doc.error.message)]]


@document_blocks.register(BriefDocument)
def _brief(doc: BriefDocument, style: Style) -> list[list[str]]:
    return [brief_lines(s, style) for s in doc.stories]


@document_blocks.register(FramingDocument)
def _framing(doc: FramingDocument, style: Style) -> list[list[str]]:
    if doc.note == FULL:
        return [framing_lines(s, style) for s in doc.stories]
    return [short_note_lines(short_note(s, doc.topic), style) for s in doc.stories]


@document_blocks.register(WhoWonDocument)
def _who_won(doc: WhoWonDocument, style: Style) -> list[list[str]]:
    return [election_lines(r, style) for r in doc.results] or [[style.text(doc.message or "")]]


@document_blocks.register(SourcesDocument)
def _sources(doc: SourcesDocument, style: Style) -> list[list[str]]:
    return [source_lines(doc, style)]


@document_blocks.register(DigestDocument)
def _digest(doc: DigestDocument, style: Style) -> list[list[str]]:
    return [digest_lines(s, style) for s in doc.stories] or [["No new stories."]]


@document_blocks.register(TimelineDocument)
def _timeline(doc: TimelineDocument, style: Style) -> list[list[str]]:
    return [timeline_text(t, style) for t in doc.timelines]


def render(doc: Document | Mapping[str, Any], *, markdown: bool = False) -> str:
    """The whole document (typed, or its JSON) as text: one block per story or result, separated by blank lines."""
    style = Style(markdown)
    blocks = document_blocks(as_document(doc), style)
    if markdown:
        blocks = [commonmark_spacing(b) for b in blocks]
    return "\n\n".join("\n".join(b) for b in blocks).strip() + "\n"


def commonmark_spacing(lines: list[str]) -> list[str]:
    """A blank line between blocks, so that in CommonMark each heading, paragraph and list stands alone.

    List items and the quotes nested in them (lines starting ``- `` or two spaces) stay together as one
    list; every other line (a heading, ``Outlets: …``, ``Winner: …``) becomes its own paragraph.
    """
    out: list[str] = []
    for line in lines:
        if not line:
            continue
        in_list = line.startswith(("- ", "  "))
        if out and not (in_list and out[-1].startswith(("- ", "  "))):
            out.append("")
        out.append(line)
    return out
