"""End to end on the two seed articles: the brief, the framing note and who won."""

from __future__ import annotations

import json
import re
import subprocess
import sys

from tests.conftest import ROOT, SEED_LOADED_TERMS, SEEDS

LOADED_TERMS = SEED_LOADED_TERMS


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot", *args], cwd=ROOT, capture_output=True, text=True, timeout=120, check=False
    )


def test_seeds_make_one_story_with_both_outlets(seed_stories):
    assert len(seed_stories) == 1
    assert sorted(seed_stories[0].outlets) == ["EIR News", "Samnytt"]
    assert "Kast" in seed_stories[0].title


def test_brief_says_who_won_whom_he_beat_and_the_shares(seed_stories):
    brief = " ".join(s.text for s in seed_stories[0].brief.sentences)
    assert "Kast" in brief and re.search(r"\bwon\b|\bwins\b", brief)
    assert "Jara" in brief
    assert "58.30%" in brief and "41.70%" in brief
    assert len(seed_stories[0].brief.sentences) == 3
    assert seed_stories[0].brief.words <= 110


def test_brief_has_none_of_the_loaded_terms(seed_stories):
    brief = " ".join(s.text for s in seed_stories[0].brief.sentences).lower()
    for term in LOADED_TERMS:
        assert term not in brief, term


def test_every_brief_sentence_names_its_outlets(seed_stories):
    for sentence in seed_stories[0].brief.sentences:
        assert sentence.sources and set(sentence.sources) <= {"EIR News", "Samnytt"}
        assert sentence.sources[0] == sentence.extracted_from
        assert [c.outlet for c in sentence.credits] == sentence.sources
    # Only EIR News gives 58.30% and 41.70% (Samnytt: "almost 60 percent", "58 percent"), so only it
    # is credited with the winner's sentence, and its own sentence is the receipt.
    winner_sentence = seed_stories[0].brief.sentences[0]
    assert winner_sentence.sources == ["EIR News"]
    assert "58.30%" in winner_sentence.credits[0].quote


def test_framing_contrasts_the_labels_each_outlet_gives_kast(seed_stories):
    framing = seed_stories[0].framing
    assert framing.comparable
    by_outlet = {o.outlet: o for o in framing.outlets}
    samnytt = {label.label for label in by_outlet["Samnytt"].labels if "Kast" in label.actor}
    eir = {label.label for label in by_outlet["EIR News"].labels if "Kast" in label.actor}
    assert any("conservative" in label for label in samnytt)
    assert any("right-wing extremist" in label for label in eir)
    assert "Samnytt" in framing.contrast and "EIR News" in framing.contrast


def test_framing_tags_loaded_language_with_techniques_and_quotes(seed_stories):
    eir = next(o for o in seed_stories[0].framing.outlets if o.outlet == "EIR News")
    techniques = {t.term.lower(): t.technique for t in eir.loaded_language}
    assert techniques["lunatic"] == "Name_Calling-Labeling"
    assert techniques["ilk"] == "Guilt_by_Association"
    assert all(t.term.lower() in t.quote.lower() for t in eir.loaded_language)


def test_framing_reports_emphasis_exclusives_and_figures(seed_stories):
    for outlet in seed_stories[0].framing.outlets:
        assert outlet.frames and 0 < sum(f.share for f in outlet.frames) <= 1.01
        assert outlet.only_here
        assert outlet.contrast.startswith(outlet.outlet)
    samnytt = next(o for o in seed_stories[0].framing.outlets if o.outlet == "Samnytt")
    assert any("almost 60 percent" in note and "58.30%" in note for note in samnytt.figures_differ)


def test_who_won_traces_each_figure_to_its_outlets(seed_stories):
    election = seed_stories[0].election
    assert election is not None
    assert election.winner.name == "José Antonio Kast"
    assert [r.name for r in election.runners_up] == ["Jeannette Jara"]
    share = election.winner.vote_share
    assert share.preferred.text == "58.30%" and share.preferred.outlet == "EIR News"
    assert {(r.outlet, r.text) for r in share.reports} == {
        ("EIR News", "58.30%"),
        ("Samnytt", "almost 60 percent"),
        ("Samnytt", "58 percent"),
    }
    assert election.runners_up[0].vote_share.preferred.text == "41.70%"
    assert election.place == "Chile" and election.office == "President"
    assert election.date == "Dec. 14, 2025"
    assert any("almost 60 percent" in d and "58.30%" in d for d in election.disagreements)


def test_cli_json_carries_the_documented_shape():
    result = run_cli("who-won", "--from", str(SEEDS), "--format", "json")
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["schema"] == "newsbrief/1" and doc["command"] == "who-won"
    election = doc["results"][0]["election"]
    assert election["winner"]["name"] == "José Antonio Kast"
    assert election["winner"]["vote_share"]["preferred"]["text"] == "58.30%"

    result = run_cli("brief", str(SEEDS), "--format", "json")
    story = json.loads(result.stdout)["stories"][0]
    assert {"id", "title", "outlets", "articles", "brief", "framing", "figures", "election"} <= set(story)
    assert all(s["sources"] for s in story["brief"]["sentences"])


def test_cli_text_output_reads_like_a_brief():
    result = run_cli("brief")
    assert result.returncode == 0, result.stderr
    assert "José Antonio Kast won" in result.stdout and "41.70%. [EIR News]" in result.stdout
    framing = run_cli("framing", "kast", "--format", "markdown")
    assert "## How each outlet framed it" in framing.stdout and "> " in framing.stdout
