"""The brief keeps out the outlet's own judgements, at a more sensitive bar than the framing note.

Short multi-outlet stories written for these tests, one per class of judgement; each asserts what a
reader sees in the brief.
"""

from __future__ import annotations

import pytest

from summarizer.analysis.analyse import analyse_articles
from summarizer.brief import BriefSettings
from summarizer.loaded import loaded_hits
from summarizer.models import Article, Story
from summarizer.neutrality import prune
from summarizer.pipeline import build_stories
from summarizer.readers import make_article

ALL = BriefSettings(sentences=8, words=400)  # room for every eligible sentence, so exclusions show


def article(outlet: str, title: str, *paragraphs: str) -> Article:
    return make_article(outlet=outlet, source=f"{outlet.lower()}.txt", title=title, text="\n\n".join(paragraphs))


def brief_of(*articles: Article, settings: BriefSettings = ALL) -> list[str]:
    [story] = build_stories(list(articles), settings)
    return [s.text for s in story.brief.sentences]


def story_of(*articles: Article, settings: BriefSettings = ALL) -> Story:
    [story] = build_stories(list(articles), settings)
    return story


SEA_WALL = (
    "Coastal ministers in Brava adopted a plan to spend 40 million euros a year on sea walls, "
    "meant to help fishing towns cope with the weak defences left by years of neglect."
)


def test_a_trailing_purpose_clause_with_a_judgement_goes_and_the_fact_leads():
    ledger = article("Ledger", "Brava sea wall plan agreed", SEA_WALL, "Work on the first walls starts in May.")
    courier = article(
        "Courier",
        "Sea walls for Brava",
        "Coastal ministers in Brava adopted a plan to spend 40 million euros a year on sea walls.",
        "The money comes from a levy on cruise ships.",
    )
    story = story_of(ledger, courier)
    lead = story.brief.sentences[0]
    assert "40 million euros" in lead.text
    assert "weak" not in lead.text and "neglect" not in lead.text
    assert lead.text.endswith("on sea walls.")
    assert set(lead.sources) == {"Ledger", "Courier"}  # credits checked against the sentence as shown
    # The framing note does not accuse the outlet of loaded language for a mildly evaluative word.
    sea_wall = analyse_articles([ledger])[ledger.id].body[0]
    assert loaded_hits(sea_wall) == []


def test_a_feeling_said_of_almost_everybody_or_of_none_keeps_its_sentence_out():
    texts = brief_of(
        article(
            "Ledger",
            "Harbour talks end",
            "The harbour talks in Orrin closed with a compromise that angered almost everybody outside the big ports.",
            "Delegates from 30 ports agreed to share the cost of dredging the Orrin channel.",
            "To the delight of none of the delegates, the Orrin talks ran two days over time.",
        ),
        article(
            "Courier",
            "Ports agree on dredging",
            "Delegates from 30 ports agreed in Orrin to share the cost of dredging the channel.",
            "The dredging of the channel starts next spring and takes two years.",
        ),
    )
    assert texts
    assert not any("angered" in t or "everybody" in t or "delight" in t for t in texts)


def test_a_capability_judged_as_fact_is_kept_out_but_a_reported_failure_stays():
    texts = brief_of(
        article(
            "Ledger",
            "Floods hit Dravia",
            "Floods hit the northern valleys of Dravia on Tuesday, cutting off 14 villages.",
            "Dravia is not prepared to cope with floods of this size and has few rescue boats.",
            "Rescuers were unable to reach two of the villages on Tuesday night.",
        ),
        article(
            "Courier",
            "Dravia floods",
            "Floods cut off 14 villages in the northern valleys of Dravia on Tuesday.",
            "Rescuers were unable to reach two of the villages on Tuesday night, the fire service said.",
        ),
    )
    assert not any("not prepared" in t for t in texts)
    assert any("unable to reach" in t for t in texts)  # an event that happened, not a judgement


def test_a_group_named_by_an_epithet_keeps_its_sentence_out():
    texts = brief_of(
        article(
            "Ledger",
            "Ruiz elected mayor of Orrin",
            "Ana Ruiz was elected mayor of Orrin on Sunday with 54% of the vote.",
            "Ruiz beat Tomas Brandt and the town's ruling class in the Sunday vote.",
        ),
        article(
            "Courier",
            "Orrin has a new mayor",
            "Ana Ruiz won the Orrin mayoral election on Sunday with 54% of the vote.",
            "Turnout was 61%, the highest in twenty years.",
        ),
    )
    assert any("Ruiz" in t and "54%" in t for t in texts)
    assert not any("ruling class" in t for t in texts)


def test_an_inflammatory_quote_in_an_aside_goes_but_a_quote_that_is_the_news_stays():
    story = story_of(
        article(
            "Ledger",
            "Ruiz wins Orrin runoff",
            "Ana Ruiz defeated the harbour master of Orrin — whom a rival councillor called a “pathetic fraud” — "
            "in the mayoral runoff on Sunday.",
            "Turnout in the runoff was 58%, up from 49% in the first round.",
        ),
        article(
            "Courier",
            "Orrin runoff",
            "Turnout in the Orrin runoff was 58%, the town clerk said on Monday.",
            "The defeated candidate called the result “a disgrace for the harbour” in a speech on Monday.",
        ),
    )
    texts = [s.text for s in story.brief.sentences]
    assert "Ana Ruiz defeated the harbour master of Orrin in the mayoral runoff on Sunday." in texts
    assert not any("fraud" in t for t in texts)
    # The speaker's own words, when they are the sentence's news, are left as the speaker said them.
    assert any("“a disgrace for the harbour”" in t for t in texts)


def test_a_pruned_sentence_is_weighed_as_shown_so_the_lead_keeps_the_key_figure():
    story = story_of(
        article(
            "Ledger",
            "Velmar Steel shuts Orrin plant",
            "Velmar Steel closed its Orrin plant on Tuesday, ending 340 jobs in a shameful retreat from the valley.",
            "The plant had rolled rails for the national network since 1921.",
        ),
        article(
            "Courier",
            "Orrin plant closes",
            "Velmar Steel closed its Orrin plant on Tuesday with the loss of 340 jobs.",
            "Shop owners near the plant gates said they feared for their trade.",
        ),
        article(
            "Post",
            "Steel plant shut",
            "The Orrin plant of Velmar Steel shut on Tuesday, and 340 workers lost their jobs.",
            "The company blamed cheap imports and the price of power.",
        ),
        settings=BriefSettings(),
    )
    lead = story.brief.sentences[0]
    assert "340" in lead.text and "shameful" not in lead.text


def test_praise_in_an_adverb_and_what_ought_to_be_stay_out_of_the_brief():
    texts = brief_of(
        article(
            "Ledger",
            "Orrin win the cup",
            "Orrin Rovers won the county cup final 3-1 against Brava Town on Saturday, playing brilliantly after the break.",
            "The county board should move next year's final to a bigger stadium in the capital.",
        ),
        article(
            "Courier",
            "Cup for Orrin",
            "Orrin Rovers beat Brava Town 3-1 in the county cup final on Saturday.",
            "The winning goal came from a free kick in the 81st minute of the match.",
        ),
    )
    assert any("3-1" in t for t in texts)
    assert not any("brilliantly" in t or "should" in t for t in texts)


def test_blame_and_a_participle_used_as_a_judgement_stay_out_of_the_brief():
    texts = brief_of(
        article(
            "Ledger",
            "Ferry deal signed",
            "The reckless harbour master signed a ten-year ferry contract with Velmar Lines on Monday.",
            "The greedy operator will charge 14 euros for a crossing, a crushing blow for island families.",
        ),
        article(
            "Courier",
            "Ferry contract for Velmar",
            "The harbour master signed a ten-year ferry contract with Velmar Lines on Monday.",
            "A crossing will cost 14 euros under the contract, up from 11 euros.",
        ),
    )
    assert any("ten-year ferry contract" in t for t in texts)
    assert not any(word in t for t in texts for word in ("reckless", "greedy", "crushing"))


@pytest.mark.parametrize(
    "text",
    [
        "In late June, the port authority reopened the north quay to cargo ships.",
        "The harbour levy will rise to 4%, should the council approve the budget in May.",
        "The coastguard estimated that the number of stranded boats could top 200.",
        "All 40 fishing boats safely returned to the harbour on Tuesday night.",
        "Rescuers were unable to reach two of the villages on Tuesday night.",
        "Engineers inspected 40 damaged buildings in the disputed border district on Tuesday.",
        "The rising water reached the lower floors of the hospital by Tuesday night.",
    ],
)
def test_plain_reports_pass_the_brief_gate_as_written(text: str):
    [only] = analyse_articles([Article(id="p", outlet="Test", title="", text=text)])["p"].body
    assert prune(only) == text
