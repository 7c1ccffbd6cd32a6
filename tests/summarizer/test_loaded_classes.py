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
        "The striker punctured a tyre on his way to training.",
        "The rebels capitulated after a three-week siege, the army said.",
        "The ferry strike paralysed the island's transport for two days.",
        "A paralysed man was carried from the rubble by volunteers.",
        "The ravages of the drought reached the lower valley in June.",
    ],
)
def test_force_words_used_literally_are_not_loaded(text: str):
    assert own_voice_terms(text) == []


def test_a_policy_that_paralyses_firms_or_an_economy_that_flails_is_figurative():
    assert own_voice_terms("His chaotic budget rules have paralysed small firms across the county.") == ["paralysed"]
    assert own_voice_terms("Traders say the harbour trade is flailing under the new levy.") == ["flailing"]


LEVY_PLAIN = """The county council voted 31-12 on Tuesday to raise the harbour levy by 4 percent from April.
Councillor Jane Holloway, who proposed the rise, said it would pay for dredging.
Opposition members said they would ask for a review of the decision."""

LEVY_SLANTED = """The county council voted 31-12 on Tuesday to raise the harbour levy by 4 percent from April.
The plan, a monument to the ineptitude of Jane Holloway's administration, was met with derision by traders.
Once again the county's ruling class and its media mouthpieces have picked the pockets of fishermen."""


def test_nouns_that_judge_are_quoted_with_their_technique():
    notes = framing_of(LEVY_PLAIN, LEVY_SLANTED)
    found = {t.term: t for t in notes["Slanted Daily"].loaded_language}
    assert found["ineptitude"].technique == "Questioning_the_Reputation"
    assert found["derision"].technique == "Loaded_Language"
    assert found["ruling class"].technique == "Name_Calling-Labeling"
    assert found["mouthpieces"].technique == "Name_Calling-Labeling"
    assert "ruling class and its media mouthpieces" in found["ruling class"].quote
    assert notes["Plain Wire"].loaded_language == []


@pytest.mark.parametrize(
    "text",
    [
        "Prosecutors accused the trader of greed and market manipulation in court on Monday.",
        "The regulator fined two banks for currency manipulation last year.",
        "The social class of the respondents was recorded in the survey.",
    ],
)
def test_reported_accusations_and_offence_names_are_not_the_outlets_judgement(text: str):
    assert own_voice_terms(text) == []


BRIDGE_PLAIN = """The transport minister Tomas Brandt cancelled the second harbour bridge on Friday.
The project had been expected to cost 40 million and to open in 2029.
Brandt said the money would go to road repairs instead."""

BRIDGE_SLANTED = """The transport minister Tomas Brandt cancelled the second harbour bridge on Friday.
The decision caps a year of erratic planning and ludicrously optimistic forecasts from his office.
His inflammatory remarks about the bridge's supporters drew a heinous reply from his allies."""


def test_condemning_adjectives_and_adverbs_of_scorn_are_quoted():
    notes = framing_of(BRIDGE_PLAIN, BRIDGE_SLANTED)
    found = {t.term: t for t in notes["Slanted Daily"].loaded_language}
    assert {"erratic", "inflammatory", "heinous"} <= set(found)
    assert found["ludicrously optimistic"].technique == "Exaggeration-Minimisation"
    assert notes["Plain Wire"].loaded_language == []


@pytest.mark.parametrize(
    "text",
    [
        "Two houses were badly damaged and a driver was seriously injured in the storm.",
        "The army said an incendiary device started the fire at the depot on Sunday.",
        "Doctors said the patient had an inflammatory disease of the joints.",
    ],
)
def test_adjectives_of_harm_or_of_things_are_not_judgements(text: str):
    assert own_voice_terms(text) == []


FUND_PLAIN = """The county will pay 12 million into the regional flood fund over five years, the treasurer said.
The payment was agreed at a meeting of the fund's board on Thursday.
Councillor Jane Holloway said the county had a duty to contribute."""

FUND_SLANTED = """The county will pay 12 million into the regional flood fund over five years, the treasurer said.
Local ratepayers will be forking out for a scheme that gives them a measly two pumping stations.
The scandal-tainted treasurer, who leads by a yawning margin in the polls, keeps picking their pockets."""


def test_slang_for_paying_and_size_words_that_colour_a_figure_are_quoted():
    notes = framing_of(FUND_PLAIN, FUND_SLANTED)
    found = {t.term: t for t in notes["Slanted Daily"].loaded_language}
    assert found["forking out"].technique == "Loaded_Language"
    assert found["measly"].technique == "Exaggeration-Minimisation"
    assert found["scandal-tainted"].technique == "Name_Calling-Labeling"
    assert {"yawning", "picking their pockets"} <= set(found)
    assert notes["Plain Wire"].loaded_language == []


@pytest.mark.parametrize(
    "text",
    [
        "Several patients were coughing up blood when they reached the clinic.",
        "The storm-hit town reopened its school on Monday after a yawning delay.",
    ],
)
def test_literal_phrases_alike_are_not_loaded(text: str):
    assert own_voice_terms(text) == []
