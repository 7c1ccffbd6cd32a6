"""What a reader sees for the hand-written stories: election, flood, single outlet, mixed folder."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from bot.service import InMemoryStories
from summarizer import queries
from summarizer.errors import NoElectionResultError, TopicNotFoundError
from summarizer.frame_words import frame_words
from summarizer.models import Story
from summarizer.pipeline import build_stories
from summarizer.queries import match_stories, who_won
from summarizer.readers import load_articles
from summarizer.report import who_won_document
from tests.summarizer.conftest import ARTICLES, run_cli, stories_from

ELECTION_OUTLETS = {"Carrowmore Ledger", "Valley Courier", "The Northern Post"}


def brief_text(story: Story) -> str:
    return " ".join(s.text for s in story.brief.sentences)


# --- three outlets, three different figures -------------------------------------------------------


def test_three_outlets_make_one_election_story(election_story: Story):
    assert set(election_story.outlets) == ELECTION_OUTLETS
    assert election_story.title == "Helena Marsh wins Carrowmore’s mayoral election"


def test_who_won_gives_winner_runner_up_race_and_sources(election_story: Story):
    election = election_story.election
    assert election is not None
    assert election.winner.name == "Helena Marsh"
    assert [c.name for c in election.runners_up] == ["Tomas Reyno"]
    assert (election.office, election.place, election.date) == ("Mayor", "Carrowmore", "March 9, 2025")
    assert set(election.sources) == ELECTION_OUTLETS


def test_each_figure_is_traced_to_its_outlet_and_the_disagreement_spelled_out(election_story: Story):
    election = election_story.election
    assert election is not None and election.winner.vote_share is not None
    share = election.winner.vote_share
    assert {(r.outlet, r.text) for r in share.reports} == {
        ("Carrowmore Ledger", "51.2%"),
        ("Valley Courier", "about 51 percent"),
        ("The Northern Post", "52 percent"),
    }
    assert (share.preferred.text, share.preferred.outlet) == ("51.2%", "Carrowmore Ledger")
    assert not share.agree
    # The brief's and the framing note's wording (summarizer.figure_text), most precise first.
    assert len(election.disagreements) == 1
    assert election.disagreements[0].startswith("Helena Marsh's vote share: 51.2% (Carrowmore Ledger); differs from ")
    assert "“about 51 percent” (Valley Courier)" in election.disagreements[0]
    assert "“52 percent” (The Northern Post)" in election.disagreements[0]


def test_runner_up_share_is_his_not_the_winners(election_story: Story):
    # The Northern Post: "beating Mayor Tomas Reyno with 52 percent of the vote to his 47 percent".
    election = election_story.election
    assert election is not None
    reyno = election.runners_up[0].vote_share
    assert reyno is not None and reyno.agree
    assert {(r.outlet, r.text) for r in reyno.reports} == {
        ("Carrowmore Ledger", "46.9%"),
        ("The Northern Post", "47 percent"),
    }


def test_brief_uses_the_most_precise_figure_and_no_loaded_words(election_story: Story):
    text = brief_text(election_story)
    assert "Helena Marsh won" in text and "Reyno" in text
    assert "51.2%" in text and "46.9%" in text
    assert "52 percent" not in text and "about 51 percent" not in text
    for loaded in ("radical", "activist", "dubious", "spree", "honest taxpayers", "war on parking", "bruising"):
        assert loaded not in text.lower()
    # The Courier ("about 51 percent") and the Post ("52 percent") do not give 51.2%: no credit.
    assert election_story.brief.sentences[0].sources == ["Carrowmore Ledger"]


def test_framing_shows_each_outlets_label_for_the_winner(election_story: Story):
    labels = {
        o.outlet: {lbl.label for lbl in o.labels if lbl.actor == "Helena Marsh"} for o in election_story.framing.outlets
    }
    assert "Radical activist" in labels["Valley Courier"]
    assert "Reformer" in labels["The Northern Post"]
    assert any("former schools inspector" in label for label in labels["Carrowmore Ledger"])
    courier = next(o for o in election_story.framing.outlets if o.outlet == "Valley Courier")
    assert {(t.term, t.technique) for t in courier.loaded_language} >= {
        ("Radical", "Name_Calling-Labeling"),
        ("dubious", "Doubt"),
        ("honest taxpayers", "Flag_Waving"),
    }
    assert not any("Mayor" != lbl.label and "tenure" in lbl.label for lbl in courier.labels)
    assert election_story.framing.contrast.startswith(
        "Valley Courier frames the story around “Radical activist” Helena Marsh"
    )


def test_frame_shares_are_fractions_of_each_outlets_sentences(election_story: Story):
    for outlet in election_story.framing.outlets:
        assert sum(f.share for f in outlet.frames) <= 1.0001
        assert all(f.quote for f in outlet.frames)
        # A city election story has nothing about foreign relations ("bus fares" is not "US").
        assert "External_regulation_and_reputation" not in {f.frame for f in outlet.frames}


# --- a story with no election ---------------------------------------------------------------------


def test_flood_story_has_a_neutral_brief_and_no_election(flood_story: Story):
    assert flood_story.election is None
    assert flood_story.title == "Ossel bursts its banks in Lenfield"
    assert flood_story.brief.sentences[0].text.startswith("The river Ossel burst its banks in Lenfield")
    assert all(len(s.sources) == 2 for s in flood_story.brief.sentences)


def test_consistent_figures_are_not_called_a_disagreement(flood_story: Story):
    # "about 400 homes" / "Around 400 homes" and "120 people" / "more than 100 people" agree.
    assert all(f.agree for f in flood_story.figures)
    assert all(not o.figures_differ for o in flood_story.framing.outlets)


def test_who_won_on_a_non_election_story_says_so_and_never_guesses(flood_story: Story):
    with pytest.raises(NoElectionResultError) as caught:
        who_won([flood_story], None)
    assert caught.value.user_message == "No election result found in the loaded stories."
    doc = who_won_document([flood_story], "flood").to_json()
    assert doc["results"] == [] and doc["message"] == "No election result found in stories about “flood”."


def test_cli_who_won_on_the_flood_prints_the_message():
    result = run_cli("who-won", "--from", str(ARTICLES / "flood"))
    assert result.returncode == 0 and "Traceback" not in result.stderr
    assert result.stdout.strip() == "No election result found in the loaded stories."


# --- one outlet ----------------------------------------------------------------------------------


def test_single_outlet_story_says_no_comparison_is_possible(single_story: Story):
    framing = single_story.framing
    assert not framing.comparable
    assert framing.message == "Only Dunmere Herald reports this story, so no comparison between outlets is possible."
    assert [o.outlet for o in framing.outlets] == ["Dunmere Herald"]
    assert framing.outlets[0].only_here == [] and framing.outlets[0].frames[0].frame == "Economic"
    assert single_story.brief.sentences[0].sources == ["Dunmere Herald"]


# --- a folder mixing two events, and topics -------------------------------------------------------


def test_mixed_folder_makes_two_stories_each_listing_its_outlets(mixed_folder: Path):
    stories = build_stories(load_articles([mixed_folder]).articles)
    assert {s.title: set(s.outlets) for s in stories} == {
        "Helena Marsh wins Carrowmore’s mayoral election": ELECTION_OUTLETS,
        "Ossel bursts its banks in Lenfield": {"Lenfield Gazette", "Riverside Observer"},
    }


def test_topic_narrows_the_stories(mixed_folder: Path):
    stories = build_stories(load_articles([mixed_folder]).articles)
    assert [s.title for s in match_stories(stories, "flood lenfield")] == ["Ossel bursts its banks in Lenfield"]
    assert [s.title for s in match_stories(stories, "Carrowmore mayor")] == [
        "Helena Marsh wins Carrowmore’s mayoral election"
    ]
    with pytest.raises(NoElectionResultError):
        who_won(stories, "Ossel flood")
    [(story, result)] = who_won(stories, "Marsh")
    assert result.winner.name == "Helena Marsh"
    with pytest.raises(TopicNotFoundError):
        match_stories(stories, "volcano")


def test_loaded_stories_answer_the_first_question_without_reading_them_again(
    mixed_folder: Path, monkeypatch: pytest.MonkeyPatch
):
    # Titles no other test uses: what an earlier test asked of these stories must not be what is found here.
    stories = [
        dataclasses.replace(s, title=f"{s.title} (first question)")
        for s in build_stories(load_articles([mixed_folder]).articles)
    ]
    source = InMemoryStories(stories)  # loading prepares what questions read
    reads: list[str] = []
    stems = queries.content_stems
    monkeypatch.setattr(queries, "content_stems", lambda text: reads.append(text) or stems(text))
    found = queries.match_stories(source.index(), "Carrowmore mayor")
    assert [s.title for s in found] == ["Helena Marsh wins Carrowmore’s mayoral election (first question)"]
    assert reads == ["Carrowmore mayor"]  # the topic's words only, no story's


def test_cli_mixed_folder_and_topic(mixed_folder: Path):
    result = run_cli("brief", str(mixed_folder), "--format", "json")
    assert result.returncode == 0
    assert len(json.loads(result.stdout)["stories"]) == 2
    narrowed = run_cli("who-won", "flood", "--from", str(mixed_folder))
    assert narrowed.stdout.strip() == "No election result found in stories about “flood”."
    missing = run_cli("framing", "volcano", "--from", str(mixed_folder))
    assert missing.returncode == 3 and "No story matches “volcano”" in missing.stdout


def test_every_fixture_folder_together_keeps_the_events_apart():
    stories = stories_from("election", "flood", "single", "formats")
    titles = {s.title for s in stories}
    assert {
        "Helena Marsh wins Carrowmore’s mayoral election",
        "Ossel bursts its banks in Lenfield",
        "Brannock Textiles to close its Dunmere mill",
    } <= titles
    tram = next(s for s in stories if "tram" in s.title.lower())
    assert set(tram.outlets) == {"Easterby Echo", "Coastline Weekly", "Metro Daily", "Easterby Voice"}


def test_the_overall_line_names_an_outlets_largest_theme_or_says_it_is_compared_with_the_others(election_story: Story):
    pieces = election_story.framing.contrast.rstrip(".").split("; ")
    for outlet in election_story.framing.outlets:
        [piece] = [p for p in pieces if p.startswith(outlet.outlet)]
        if outlet.frames and "more than the others do" not in piece:
            top = outlet.frames[0]
            assert f"{frame_words(top.frame)} ({top.share:.0%} of its sentences)" in piece
