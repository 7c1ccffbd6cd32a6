"""What the framing note may call "only here": a fact no other outlet reports, in any words."""

from __future__ import annotations

import pytest

from bot.render.text import Style, brief_lines, framing_lines
from summarizer.models import Article, Story
from summarizer.pipeline import build_story

WIRE = """Veldria's economy shrank at an annual rate of 1.4% in the second quarter, the statistics office said.

Analysts had expected growth of 0.6%, and the central bank now sees a weak autumn.

Factory output at the Orrin shipyards fell for a fourth month in a row.

Finance Minister Petra Aalund said the figures were disappointing."""

DAILY = """Output in Veldria contracted by 1.4 per cent on an annualised basis between April and June.

The statistics office blamed a slump in timber exports and a long strike at the ports.

Finance Minister Petra Aalund called the figures disappointing and promised a review of the budget.

The opposition leader Marten Sovik demanded a new budget before the winter."""

GAZETTE = """The Veldrian economy declined in the spring, as gross domestic product fell by an annualised 1.4 percent.

A separate consumer price gauge rose by an annual rate of 3.2% over the same months.

Timber exporters, hit by a strike at the ports, cut their orders for the second time this year."""


@pytest.fixture(scope="module")
def story() -> Story:
    articles = [
        Article(id="wire", outlet="Wire Desk", title="Veldria economy shrinks in second quarter", text=WIRE),
        Article(id="daily", outlet="Veldria Daily", title="Veldrian output contracts", text=DAILY),
        Article(id="gazette", outlet="North Gazette", title="Economy declines as prices climb", text=GAZETTE),
    ]
    return build_story(articles)


def test_a_fact_other_outlets_state_in_other_words_is_never_only_here(story: Story):
    note = "\n".join(framing_lines(story, Style(markdown=False)))
    only_here = [q for o in story.framing.outlets for q in o.only_here]
    # Every outlet reports the 1.4% contraction, each in its own words: no one has it alone.
    assert not any("1.4" in q for q in only_here), note
    # The minister's reaction is in two outlets (a name and the same main verb or noun): not exclusive either.
    assert not any("Aalund" in q for q in only_here), note


def test_a_fact_no_other_outlet_reports_is_still_only_here(story: Story):
    daily = next(o for o in story.framing.outlets if o.outlet == "Veldria Daily")
    assert any("Sovik" in q for q in daily.only_here)


def test_a_rate_of_one_thing_is_not_a_disagreement_with_a_rate_of_another(story: Story):
    brief = "\n".join(brief_lines(story, Style(markdown=False)))
    note = "\n".join(framing_lines(story, Style(markdown=False)))
    # The prices gauge's 3.2% and the economy's 1.4% are two quantities, not two outlets' values for one.
    assert "disagree" not in brief, brief
    assert "Figures differ" not in note, note
