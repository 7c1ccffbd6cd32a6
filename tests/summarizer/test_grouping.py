"""Grouping on short texts: one event in different words is one story; a shared name alone is not."""

from __future__ import annotations

from summarizer.grouping import group_articles
from summarizer.models import Article


def _article(outlet: str, title: str, text: str, published: str | None = None) -> Article:
    return Article(id=f"{outlet}-{title[:12]}", outlet=outlet, title=title, text=text, published=published)


BRIDGE = [
    _article(
        "Ledger",
        "Footbridge gives way over the Tarrow in Quenby",
        "A footbridge over the River Tarrow in Quenby collapsed on Tuesday evening, injuring 14 walkers. "
        "Council engineer Maud Feltham said the span had been inspected in March.",
    ),
    _article(
        "Courier",
        "Fourteen hurt as Quenby crossing falls",
        "Fourteen people were hurt when the old Tarrow footbridge fell into the water in Quenby. "
        "Maud Feltham, who heads the council's engineering team, promised a full review.",
    ),
    _article(
        "Post",
        "Inquiry ordered after bridge failure",
        "An inquiry was ordered after the pedestrian bridge across the Tarrow failed. "
        "Rescuers pulled 14 people from the river at Quenby; none are in danger, officials said.",
    ),
]

FLOOD = [
    _article(
        "Gazette",
        "Floodwater reaches homes in Harwick",
        "The River Selby burst its banks in Harwick overnight and flooded 230 homes. "
        "Firefighters moved families from the lower streets to the sports hall.",
        "2025-03-10",
    ),
    _article(
        "Observer",
        "Harwick residents evacuated as the Selby rises",
        "About 230 homes in Harwick were under water after the Selby rose two metres. "
        "Crews pumped water from basements while families slept in the sports hall.",
        "2025-03-10",
    ),
]

ELECTION = [
    _article(
        "Herald",
        "Orla Brennick elected mayor of Harwick",
        "Orla Brennick won the Harwick mayoral election with 54% of the vote, defeating Dmitri Salas. "
        "Turnout was 61%, the council said.",
        "2025-03-11",
    ),
    _article(
        "Voice",
        "Brennick beats Salas in Harwick vote",
        "Voters in Harwick chose Orla Brennick as their mayor; Dmitri Salas conceded on Tuesday night. "
        "Brennick takes office next month.",
        "2025-03-11",
    ),
]


def _outlets(articles: list[Article]) -> list[list[str]]:
    return sorted(sorted(a.outlet for a in group) for group in group_articles(articles))


def test_three_short_reports_of_one_event_in_different_words_are_one_story() -> None:
    assert _outlets(BRIDGE) == [["Courier", "Ledger", "Post"]]


def test_a_flood_and_an_election_in_the_same_town_stay_apart() -> None:
    assert _outlets(FLOOD + ELECTION) == [["Gazette", "Observer"], ["Herald", "Voice"]]


def test_all_three_events_together_give_one_story_each() -> None:
    assert _outlets(ELECTION + BRIDGE + FLOOD) == [
        ["Courier", "Ledger", "Post"],
        ["Gazette", "Observer"],
        ["Herald", "Voice"],
    ]


def test_the_same_kind_of_event_in_the_same_town_weeks_apart_is_two_stories() -> None:
    later = [
        _article(
            "Echo",
            "Floodwater reaches homes in Harwick again",
            "The River Selby burst its banks in Harwick again and flooded 120 homes. "
            "Firefighters moved families from the lower streets to the sports hall.",
            "2025-04-02",
        )
    ]
    assert _outlets(FLOOD + later) == [["Echo"], ["Gazette", "Observer"]]


def test_the_same_kind_of_report_about_other_teams_is_another_story() -> None:
    def result(outlet: str, winner: str, loser: str, ground: str, score: str) -> Article:
        return _article(
            outlet,
            f"{winner} beat {loser} {score} in the regional cup final",
            f"{winner} beat {loser} {score} in the regional cup final at {ground} on Saturday. "
            f"The winning goal came from a late header, and {loser} finished the match with ten players.",
        )

    games = [
        result("Ledger", "Ashcombe Rovers", "Pellow Town", "Grennan Park", "2-1"),
        result("Courier", "Ashcombe Rovers", "Pellow Town", "Grennan Park", "2-1"),
        result("Post", "Vantry Albion", "Skelmoor United", "Hollin Road", "3-0"),
        result("Herald", "Vantry Albion", "Skelmoor United", "Hollin Road", "3-0"),
    ]
    assert _outlets(games) == [["Courier", "Ledger"], ["Herald", "Post"]]


def test_firms_that_share_only_a_generic_last_word_are_other_stories() -> None:
    def result(outlet: str, firm: str, boss: str, bank: str, profit: str) -> Article:
        return _article(
            outlet,
            f"{firm} profit rises to {profit} million",
            f"{firm} reported a rise in quarterly profit to {profit} million on Thursday, ahead of forecasts. "
            f"{boss}, the chief executive of {firm}, said orders from abroad had picked up, and analysts at "
            f"{bank} Bank said the recovery was working.",
        )

    firms = [
        result("Ledger", "Orravel Systems", "Ida Kestrin", "Tamsford", "212"),
        result("Courier", "Orravel Systems", "Ida Kestrin", "Tamsford", "212"),
        result("Post", "Quillon Systems", "Bram Oyelar", "Hesketh", "87"),
        result("Herald", "Quillon Systems", "Bram Oyelar", "Hesketh", "87"),
    ]
    assert _outlets(firms) == [["Courier", "Ledger"], ["Herald", "Post"]]
