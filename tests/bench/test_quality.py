"""The quality bench's scores, on an invented two-outlet rowing final (tests/fixtures/quality)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from bench.__main__ import main as bench_main
from bench.bench_quality import main as quality_main
from bench.bench_quality import read_truth
from bench.quality_metrics import Score, Truth, number_in, score_story, score_who_won

PANEL = Path(__file__).resolve().parent.parent / "fixtures" / "quality"
FOLDER = PANEL / "rowing-final"


def brief_document(sentences: list[dict[str, Any]], framing: list[dict[str, Any]]) -> dict[str, Any]:
    story = {
        "id": "s-1",
        "articles": [{"outlet": "Lake Courier"}, {"outlet": "Oar Weekly"}],
        "brief": {"sentences": sentences},
        "framing": {"outlets": framing},
    }
    return {"schema": "newsbrief/1", "command": "brief", "stories": [story]}


def sentence(text: str, *sources: Any) -> dict[str, Any]:
    return {"text": text, "sources": list(sources), "extracted_from": "Lake Courier"}


def test_one_bad_credit_one_loaded_phrase_and_a_false_election() -> None:
    brief = brief_document(
        [
            # Both outlets print 1.8; a credit may be a name or {outlet, quote}.
            sentence(
                "Northbank Rowing Club won the eights final, 1.8 seconds ahead of Eastport.",
                "Lake Courier",
                {"outlet": "Oar Weekly", "quote": "winning the eights final by 1.8 seconds"},
            ),
            # Lake Courier printed "2,300" (a thousand-separator variant); Oar Weekly has no such number.
            sentence("About 2300 spectators lined the river.", "Lake Courier", "Oar Weekly"),
            sentence("Northbank crushed hapless Eastport in a humiliating rout on Sunday.", "Oar Weekly"),
        ],
        [
            {
                "outlet": "Oar Weekly",
                "labels": [{"actor": "Ilka Dorn", "label": "gritty veteran stroke", "quote": "…"}],
                "loaded_language": [{"term": "humiliating rout", "technique": "Loaded_Language", "quote": "…"}],
            },
            {"outlet": "Lake Courier", "labels": [], "loaded_language": [{"term": "best race", "quote": "…"}]},
        ],
    )
    who_won = {"results": [{"story_id": "s-1", "election": {"winner": {"name": "Northbank"}, "runners_up": []}}]}

    score = score_story(read_truth(FOLDER), brief, who_won)

    assert (score.stories, score.lead) == (1, 1)
    assert (score.numbers_checked, score.credits_checked, score.bad_credits) == (2, 4, 1)
    assert score.bad_credit_list == [{"number": "2300", "outlet": "Oar Weekly"}]
    assert (score.loaded_in_brief, score.loaded_quoted, score.loaded_total) == (1, 1, 2)
    assert (score.not_loaded_flagged, score.not_loaded_total) == (1, 1)
    assert (score.labels, score.labels_total) == (1, 1)
    assert score.who_won == "FALSE ELECTION"


def test_a_lead_without_the_main_fact_and_no_result_on_a_sport_story() -> None:
    brief = brief_document([sentence("About 2,300 spectators lined the river.", "Lake Courier")], [])
    score = score_story(read_truth(FOLDER), brief, {"results": [], "message": "No election result found."})
    assert (score.lead, score.bad_credits, score.loaded_quoted, score.labels) == (0, 0, 0, 0)
    assert score.who_won == "ok"


@pytest.mark.parametrize(
    ("winner", "runner_up", "expected"),
    [("Ada Holm", "Piet Sato", "ok"), ("Piet Sato", "Ada Holm", "wrong"), ("Ada Holm", None, "wrong")],
)
def test_election_needs_winner_and_runner_up_right(winner: str, runner_up: str | None, expected: str) -> None:
    truth = Truth(kind="election", main_fact=[], winner="Holm", runner_up="Sato")
    runners = [{"name": runner_up, "vote_share": None}] if runner_up else []
    score = Score()
    score_who_won(
        truth, [{"story_id": "s-1", "election": {"winner": {"name": winner}, "runners_up": runners}}], "s-1", score
    )
    assert score.who_won == expected
    score_who_won(truth, [], "s-1", score)
    assert score.who_won == "none"


@pytest.mark.parametrize(
    ("number", "text", "found"),
    [
        ("28.5%", "won 28.5 per cent of the vote", True),
        ("28.6", "won 28,6% of the vote", False),
        ("8.7", "a share of 28.7%", False),
        ("5", "in 2025", False),
        ("41,318", "with 41318 votes", True),
        ("1644", "at least 1,644 people", True),
        ("12", "in the 12th minute", True),
    ],
)
def test_a_number_is_compared_as_the_outlet_printed_it(number: str, text: str, found: bool) -> None:
    assert number_in(number, text) is found


def test_the_bench_runs_the_pipeline_on_a_panel_folder(capsys: pytest.CaptureFixture[str]) -> None:
    assert quality_main([str(PANEL), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    [row] = result["stories"]
    assert row["folder"] == "rowing-final" and row["stories"] >= 1
    assert (row["loaded_total"], row["not_loaded_total"], row["labels_total"]) == (2, 1, 1)
    assert set(result["targets"]) >= {"one story per event", "no election claimed on any other kind"}

    assert bench_main(["quality", str(PANEL)]) == 0
    out = capsys.readouterr().out
    assert "rowing-final" in out and "targets:" in out and "time:" in out


def test_a_missing_panel_is_skipped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert bench_main(["quality", str(tmp_path / "absent")]) == 0
    assert f"panel not found at {tmp_path / 'absent'}, skipped" in capsys.readouterr().out
