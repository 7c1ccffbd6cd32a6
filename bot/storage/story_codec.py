"""Rebuild a core ``Story`` from its stable JSON (``Story.to_dict()``), so stored stories answer commands."""

from __future__ import annotations

from typing import Any

from summarizer.models import (
    ActorLabel,
    ArticleRef,
    Brief,
    BriefSentence,
    Candidate,
    Credit,
    ElectionResult,
    Figure,
    FigureReport,
    FrameShare,
    FramingNote,
    LoadedTerm,
    OutletFraming,
    Story,
)


def _report(d: dict[str, Any]) -> FigureReport:
    return FigureReport(**d)


def _figure(d: dict[str, Any]) -> Figure:
    return Figure(
        quantity=d["quantity"],
        subject=d["subject"],
        preferred=_report(d["preferred"]),
        reports=[_report(r) for r in d["reports"]],
        agree=d["agree"],
        note=d["note"],
    )


def _candidate(d: dict[str, Any]) -> Candidate:
    return Candidate(name=d["name"], vote_share=_figure(d["vote_share"]) if d.get("vote_share") else None)


def _outlet_framing(d: dict[str, Any]) -> OutletFraming:
    return OutletFraming(
        outlet=d["outlet"],
        labels=[ActorLabel(**x) for x in d["labels"]],
        loaded_language=[LoadedTerm(**x) for x in d["loaded_language"]],
        frames=[FrameShare(**x) for x in d["frames"]],
        only_here=list(d["only_here"]),
        figures_differ=list(d["figures_differ"]),
        contrast=d["contrast"],
    )


def _brief_sentence(d: dict[str, Any]) -> BriefSentence:
    return BriefSentence(
        text=d["text"],
        sources=list(d["sources"]),
        extracted_from=d["extracted_from"],
        credits=[Credit(**c) for c in d.get("credits", [])],
    )


def story_from_dict(d: dict[str, Any]) -> Story:
    """The inverse of ``Story.to_dict()``."""
    brief = d["brief"]
    framing = d["framing"]
    election = d.get("election")
    return Story(
        id=d["id"],
        title=d["title"],
        outlets=list(d["outlets"]),
        articles=[ArticleRef(**a) for a in d["articles"]],
        brief=Brief(
            sentences=[_brief_sentence(s) for s in brief["sentences"]],
            algorithm=brief["algorithm"],
            words=brief["words"],
        ),
        framing=FramingNote(
            comparable=framing["comparable"],
            message=framing["message"],
            contrast=framing["contrast"],
            outlets=[_outlet_framing(o) for o in framing["outlets"]],
        ),
        figures=[_figure(f) for f in d["figures"]],
        election=None
        if election is None
        else ElectionResult(
            winner=_candidate(election["winner"]),
            runners_up=[_candidate(c) for c in election["runners_up"]],
            office=election["office"],
            place=election["place"],
            date=election["date"],
            sources=list(election["sources"]),
            disagreements=list(election["disagreements"]),
            evidence=list(election["evidence"]),
        ),
        keywords=list(d.get("keywords", [])),
    )
