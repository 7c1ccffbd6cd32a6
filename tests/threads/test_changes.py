"""What a reader is told when a story changes, and what is noise."""

from __future__ import annotations

from bot.threads.changes import Snapshot, changes_between, fingerprint, update_lines
from summarizer.models import Brief, Figure, FigureReport, FramingNote, Story


def report(outlet: str, text: str, value: float, decimals: int = 1) -> FigureReport:
    return FigureReport(outlet=outlet, text=text, value=value, qualifier=None, decimals=decimals, quote="")


def story(outlets: list[str], *reports: FigureReport, subject: str = "Ana Ruiz") -> Story:
    figures = [Figure("vote share", subject, reports[0], list(reports), agree=True, note="")] if reports else []
    framing = FramingNote(comparable=True, message=None, contrast="", outlets=[])
    return Story("s-1", "Mayor elected", outlets, [], Brief([], "lexrank", 90), framing, figures, None)


def told(old: Story, new: Story) -> list[str]:
    return update_lines(changes_between(Snapshot.of(old), Snapshot.of(new)))


def test_an_outlet_revising_its_figure() -> None:
    old = story(["A", "B"], report("A", "51.2%", 51.2), report("B", "51.2%", 51.2))
    new = story(["A", "B"], report("A", "51.2%", 51.2), report("B", "50.9%", 50.9))
    assert told(old, new) == ["~ B revised Ana Ruiz's vote share: 51.2% → 50.9%."]


def test_outlets_coming_to_disagree_and_a_figure_several_now_give() -> None:
    old = story(["A", "B"], report("A", "51.2%", 51.2))
    disagree = story(["A", "B"], report("A", "51.2%", 51.2), report("B", "52%", 52.0, 0))
    assert told(old, disagree) == ["≠ The outlets now disagree on Ana Ruiz's vote share: 51.2% (A); 52% (B)."]
    agree = story(["A", "B"], report("A", "51.2%", 51.2), report("B", "51.2%", 51.2))
    assert told(old, agree) == ["= Several outlets now report Ana Ruiz's vote share: 51.2%."]


def test_noise_is_not_news_and_the_same_change_has_the_same_fingerprint() -> None:
    old = story(["A", "B"], report("A", "51.2%", 51.2), report("B", "51.20%", 51.2, 2))
    assert told(old, story(["B", "A"], report("B", "51.20%", 51.2, 2), report("A", "51.2%", 51.2))) == []
    joined = story(["A", "B", "C"], *old.figures[0].reports)
    assert told(old, joined) == ["+ C now reports it."]
    first = changes_between(Snapshot.of(old), Snapshot.of(joined))
    assert fingerprint(first) == fingerprint(changes_between(Snapshot.of(old), Snapshot.of(joined)))
