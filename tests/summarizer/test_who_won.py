"""Who won, read from the parse: real elections give winner and runner-up; other contests never do."""

from __future__ import annotations

import pytest

from summarizer.models import Article, ElectionResult, Story
from summarizer.pipeline import build_story


def story(*texts: str, title: str = "") -> Story:
    """One story from short articles of invented outlets (Outlet A, Outlet B, …), all of 2025."""
    articles = [
        Article(id=f"a{i}", outlet=f"Outlet {chr(65 + i)}", title=title, text=text, published="2025-05-12")
        for i, text in enumerate(texts)
    ]
    return build_story(articles)


def result(s: Story) -> ElectionResult:
    assert s.election is not None, "expected an election result"
    return s.election


# --- elections ------------------------------------------------------------------------------------


def test_runoff_winner_runner_up_and_each_outlets_share():
    s = story(
        "Vera Lind won Sunday's presidential runoff in Osterland, defeating Olek Marr with 52.4% of the vote. "
        "Marr took 47.6% of the vote.",
        "Olek Marr conceded on Monday after the presidential runoff. Vera Lind received 52 percent of the vote.",
    )
    election = result(s)
    assert election.winner.name == "Vera Lind"
    assert [c.name for c in election.runners_up][:1] == ["Olek Marr"]
    share = election.winner.vote_share
    assert share is not None and {(r.outlet, r.text) for r in share.reports} == {
        ("Outlet A", "52.4%"),
        ("Outlet B", "52 percent"),
    }
    assert share.agree


def test_the_one_defeated_by_the_winner_is_the_runner_up():
    s = story("Olek Marr was defeated by Vera Lind in the mayoral election on Sunday, officials said.")
    election = result(s)
    assert (election.winner.name, election.runners_up[0].name) == ("Vera Lind", "Olek Marr")


def test_parliamentary_election_names_the_leaders_of_the_first_and_second_parties():
    s = story(
        "The Liberal Party, led by Ana Ruiz, came first with 31% of the vote in Sunday's parliamentary "
        "election. The Greens of Tom Berg were second with 24% of the vote.",
        "The Liberal Party won the parliamentary election, followed by the Greens.",
    )
    election = result(s)
    assert election.winner.name == "Ana Ruiz"
    assert election.runners_up[0].name == "Tom Berg"


# --- never an election ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "texts",
    [
        pytest.param(
            (
                "The Harbour Hawks beat the Lowland Rams 3-1 in the cup final on Sunday. Striker Nora Vell won "
                "the match for the Hawks with two late goals.",
                "Nora Vell scored twice as the Hawks defeated the Rams to win the title.",
            ),
            id="sports final",
        ),
        pytest.param(
            (
                "Shareholders of Brightwell Motors approved chief executive Dana Pell's pay package at the annual "
                "meeting. Pell won the vote with 71 percent support from investors.",
                "Dana Pell won the shareholder vote on her pay package, beating a proxy adviser's campaign.",
            ),
            id="shareholder vote",
        ),
        pytest.param(
            (
                "Novelist Mira Osk won the Lantern Prize on Thursday, beating Teo Brand in a vote of the judges.",
                "Mira Osk took the award after the panel's vote.",
            ),
            id="award",
        ),
        pytest.param(
            (
                "Former mayor Ray Dunne won his appeal at the high court on Friday. The judge ruled the trial "
                "was unfair to Dunne.",
                "Ray Dunne beat the charges in court, his lawyer said.",
            ),
            id="court case",
        ),
        pytest.param(
            (
                "A new opinion poll shows senator Ada Finch would win the presidential election with 48 percent. "
                "Finch leads rival Sam Oyelaran in the survey.",
                "Ada Finch is expected to beat Sam Oyelaran in the presidential election next month.",
            ),
            id="opinion poll",
        ),
    ],
)
def test_other_contests_are_never_elections(texts: tuple[str, ...]):
    assert story(*texts).election is None


# --- figures know what they measure -----------------------------------------------------------------


def test_seat_share_and_vote_share_are_never_compared():
    s = story(
        "The Liberal Party, led by Ana Ruiz, won the parliamentary election with 31% of the vote. "
        "The Greens of Tom Berg came second.",
        "Ana Ruiz's Liberal Party now holds 40% of the seats after the parliamentary election.",
    )
    election = result(s)
    share = election.winner.vote_share
    assert share is not None and [r.text for r in share.reports] == ["31%"]
    assert not any("40%" in d for d in election.disagreements)
    assert not any("40%" in note for o in s.framing.outlets for note in o.figures_differ)


def test_a_judges_time_is_not_an_attacks_length_and_2024_is_not_2025():
    s = story(
        "The judge took 20 minutes to read the verdict on Monday. Turnout was 61 percent in 2024.",
        "The attack on the depot lasted 12 minutes. Turnout was 64 percent.",
    )
    for figure in s.figures:
        values = {r.text for r in figure.reports}
        assert not {"20 minutes", "12 minutes"} <= values
        assert not {"61 percent", "64 percent"} <= values
    assert all(not o.figures_differ for o in s.framing.outlets)


def test_a_winning_margin_is_not_a_vote_total():
    s = story(
        "Vera Lind won the party leadership ballot, beating Olek Marr by about 9,000 votes.",
        "Vera Lind won the leadership ballot with 31,200 votes against Olek Marr.",
    )
    for figure in s.figures:
        assert not {"about 9,000 votes", "31,200 votes"} <= {r.text for r in figure.reports}
    assert all(not o.figures_differ for o in s.framing.outlets)


def test_the_dead_and_the_injured_are_different_counts_and_each_toll_is_compared_with_its_own():
    s = story(
        "A strong earthquake struck the Varna valley on Tuesday, killing at least 112 people and injuring "
        "more than 940, the civil defence agency said.",
        "More than 940 people were injured in the earthquake in the Varna valley, officials said on Tuesday. "
        "At least 127 people died, according to the regional governor.",
    )
    for figure in s.figures:
        assert not {"at least 112 people", "More than 940 people"} <= {r.text for r in figure.reports}
    [toll] = [f for f in s.figures if {r.text for r in f.reports} == {"at least 112 people", "At least 127 people"}]
    assert toll.agree  # "at least 112" and "at least 127" can both be true


def test_a_dates_possessive_says_when_a_figure_was_not_whose_it_is():
    s = story(
        "The toll from Wednesday's magnitude 6.4 earthquake in the Varna valley has risen to 127, officials said.",
        "Rescuers in the Varna valley searched collapsed homes after Wednesday's magnitude 6.4 earthquake.",
    )
    assert all(f.subject != "Wednesday" for f in s.figures)
