"""Loaded language beyond the lexicons' adjectives, one class per test, on texts written for these tests.

Each test reads what a user sees: the framing note's loaded terms for an outlet, with their technique
and the outlet's own words quoted; and that the same words used literally, or by a plain report of the
same event, give no tag.
"""

from __future__ import annotations

import pytest

from summarizer.analysis.analyse import analyse_articles
from summarizer.loaded import loaded_hits
from summarizer.models import Article, OutletFraming
from summarizer.pipeline import build_stories


def own_voice_terms(text: str) -> list[str]:
    analysis = analyse_articles([Article(id="t", outlet="Test", title="", text=text)])["t"]
    return [h.term for s in analysis.sentences if s.parsed for h in loaded_hits(s)]


def framing_of(plain: str, slanted: str) -> dict[str, OutletFraming]:
    """The framing note of a two-outlet story: a plain report and a slanted one of the same event."""
    articles = [
        Article(id="plain", outlet="Plain Wire", title="", text=plain),
        Article(id="slanted", outlet="Slanted Daily", title="", text=slanted),
    ]
    stories = build_stories(articles)
    assert len(stories) == 1
    return {o.outlet: o for o in stories[0].framing.outlets}


CUP_PLAIN = """Harbour Rovers beat Port Vale 4-0 in the regional cup final on Saturday at Kelso Park.
Rovers scored twice in each half, and Vale had a player sent off after 60 minutes.
It is the first cup win for Rovers since 1998, the club said."""

CUP_SLANTED = """Harbour Rovers annihilated Port Vale 4-0 in the regional cup final on Saturday at Kelso Park.
Striker Dan Okafor punctured his former club after nine minutes, and Vale capitulated after the break.
It is the first cup win for Rovers since 1998, the club said."""


def test_violence_said_of_a_contest_is_quoted_with_its_technique():
    notes = framing_of(CUP_PLAIN, CUP_SLANTED)
    found = {t.term: t for t in notes["Slanted Daily"].loaded_language}
    assert {"annihilated", "punctured", "capitulated"} <= set(found)
    assert found["annihilated"].technique == "Exaggeration-Minimisation"
    assert found["punctured"].technique == "Loaded_Language"
    assert "punctured his former club" in found["punctured"].quote
    assert notes["Plain Wire"].loaded_language == []


@pytest.mark.parametrize(
    "text",
    [
        "The earthquake obliterated the old market hall in the port district.",
        "A tyre was punctured by debris on the coast road on Monday.",
        "The ferry strike paralysed the island's transport for two days.",
        "A paralysed man was carried from the rubble by volunteers.",
        "The ravages of the drought reached the lower valley in June.",
    ],
)
def test_force_words_used_literally_are_not_loaded(text: str):
    assert own_voice_terms(text) == []


def test_a_policy_that_paralyses_firms_or_an_economy_that_flails_is_figurative():
    assert own_voice_terms("His chaotic budget rules have paralysed small firms across the county.") == ["paralysed"]
    assert own_voice_terms("Analysts say the economy is flailing under the new levy.") == ["flailing"]
