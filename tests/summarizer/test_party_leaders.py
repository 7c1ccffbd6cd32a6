"""Who-won names a party's leader only where an outlet states it, even late in the article or as "its leader"."""

from __future__ import annotations

from summarizer.models import Article, ElectionResult
from summarizer.pipeline import build_story

# Background sentences without figures: they push a later sentence past the article's lead.
FILLER = (
    "The campaign was dominated by housing costs. "
    "Rural voters complained about closed rail lines. "
    "Several debates were held in the capital. "
    "Turnout was higher than at the previous election. "
    "Observers described the count as orderly. "
    "The new parliament meets next month. "
    "Coalition talks are expected to take weeks. "
    "Both main parties ruled out working with each other. "
    "Smaller parties hope to join a government. "
    "Analysts expect a long negotiation. "
    "Markets barely moved after the count. "
)
RESULT = "The Civic Alliance won Sunday's parliamentary election in Norland, and the Homeland Front finished second. "


def election(*texts: str) -> ElectionResult:
    articles = [
        Article(id=f"a{i}", outlet=f"Outlet {chr(65 + i)}", title="", text=text, published="2025-05-12")
        for i, text in enumerate(texts)
    ]
    result = build_story(articles).election
    assert result is not None, "expected an election result"
    return result


def runner_up(result: ElectionResult) -> tuple[str, str | None]:
    first = result.runners_up[0]
    return first.name, first.party


def test_its_leader_in_a_late_sentence_is_the_party_named_just_before():
    result = election(
        RESULT + FILLER + "Critics say the Homeland Front has moved further to the right. "
        "Its parliamentary leader Ivo Drenn is a former banker who rose quickly through the ranks.",
        RESULT + "Officials said the count went smoothly.",
    )
    assert runner_up(result) == ("Ivo Drenn", "Homeland Front")


def test_its_leader_is_nobodys_when_two_parties_came_just_before():
    result = election(
        RESULT + FILLER + "The Homeland Front and the Civic Alliance both claimed momentum. "
        "Its parliamentary leader Ivo Drenn is a former banker who rose quickly through the ranks.",
        RESULT + "Officials said the count went smoothly.",
    )
    assert runner_up(result)[0] == "Homeland Front"


def test_leader_stated_by_apposition_possessive_or_title():
    for stated in (
        "Ivo Drenn, leader of the Homeland Front, conceded on Monday.",
        "The Homeland Front's leader Ivo Drenn conceded on Monday.",
        "Homeland Front leader Ivo Drenn conceded on Monday.",
    ):
        result = election(RESULT + stated, RESULT + "Officials said the count went smoothly.")
        assert runner_up(result) == ("Ivo Drenn", "Homeland Front"), stated


def test_no_leader_unless_stated():
    result = election(
        RESULT + "Ivo Drenn, a former banker, spoke to reporters on Monday.",
        RESULT + "Officials said the count went smoothly.",
    )
    assert runner_up(result)[0] == "Homeland Front"
