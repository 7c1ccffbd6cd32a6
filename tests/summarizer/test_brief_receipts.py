"""The brief's receipts and its first sentence, on short multi-outlet stories written for these tests."""

from __future__ import annotations

import re

from summarizer.brief import BriefSettings
from summarizer.models import Article, Story
from summarizer.pipeline import build_stories
from summarizer.readers import make_article

ALL = BriefSettings(sentences=8, words=400)  # room for every eligible sentence, so exclusions show


def article(outlet: str, title: str, *paragraphs: str) -> Article:
    return make_article(outlet=outlet, source=f"{outlet.lower()}.txt", title=title, text="\n\n".join(paragraphs))


def story_of(*articles: Article, settings: BriefSettings = ALL) -> Story:
    [story] = build_stories(list(articles), settings)
    return story


def steel_story(settings: BriefSettings = ALL) -> Story:
    ledger = article(
        "Ledger",
        "Velmar Steel cuts jobs in Orrin",
        "Velmar Steel cut 340 jobs at its Orrin plant on Tuesday, the company said.",
        "The plant rolls rails for the national network and has run at a loss for two years.",
        "Unions in Orrin called a meeting for Thursday evening.",
    )
    courier = article(
        "Courier",
        "Orrin plant loses jobs",
        "On Tuesday, 340 jobs were cut by Velmar Steel at the Orrin plant.",
        "Shop owners near the plant gates said they feared for their trade.",
    )
    post = article(
        "Post",
        "Steel jobs go in Orrin",
        "Velmar Steel cut about 300 jobs at the Orrin works on Tuesday.",
        "The company blamed cheap imports and the price of power.",
    )
    return story_of(ledger, courier, post, settings=settings)


def brief_texts(story: Story) -> list[str]:
    return [s.text for s in story.brief.sentences]


def test_a_number_only_one_outlet_gives_is_credited_only_where_it_is_printed():
    story = steel_story()
    lead = story.brief.sentences[0]
    assert "340" in lead.text
    assert "Post" not in lead.sources  # the Post says "about 300"
    for sentence in story.brief.sentences:
        for credit in sentence.credits:
            for number in re.findall(r"\d[\d,.]*\d|\d", sentence.text):
                assert number in credit.quote, (number, credit.outlet)


def test_the_same_fact_in_other_words_is_credited_with_that_outlets_quote():
    lead = steel_story().brief.sentences[0]
    assert set(lead.sources) == {"Ledger", "Courier"}
    quotes = {c.outlet: c.quote for c in lead.credits}
    assert quotes["Courier"] == "On Tuesday, 340 jobs were cut by Velmar Steel at the Orrin plant."
    assert quotes["Ledger"] == "Velmar Steel cut 340 jobs at its Orrin plant on Tuesday, the company said."
    assert lead.sources == [c.outlet for c in lead.credits] and lead.sources[0] == lead.extracted_from


def test_credits_are_in_the_json_document_beside_the_sources():
    sentence = steel_story().to_dict()["brief"]["sentences"][0]
    assert [c["outlet"] for c in sentence["credits"]] == sentence["sources"]
    assert all("340" in c["quote"] for c in sentence["credits"])


def test_another_verb_or_another_name_is_not_the_same_fact():
    ledger = article(
        "Ledger",
        "Ferry returns",
        "The Islay ferry resumed sailings to Port Carra on Monday after a six-day strike.",
        "Crews accepted a pay offer on Sunday night.",
    )
    courier = article(
        "Courier",
        "Ferry strike over",
        "The Islay ferry halted sailings to Port Carra on Monday after a six-day strike.",
        "Crews rejected a pay offer on Sunday night, the union said.",
    )
    for sentence in story_of(ledger, courier).brief.sentences:
        assert sentence.sources == [sentence.extracted_from]


def test_the_same_verb_and_names_with_another_doer_is_not_the_same_fact():
    ledger = article(
        "Ledger",
        "Vell to serve under Kran",
        "Councillor Rosa Vell vowed on Monday to serve in the cabinet of Mayor Ida Kran.",
        "The council meets again in two weeks to vote on the budget for the harbour.",
    )
    courier = article(
        "Courier",
        "Kran names her team",
        "Mayor Ida Kran vowed on Monday to bring Councillor Rosa Vell into her cabinet.",
        "Kran takes office next week after a narrow win in the runoff for the harbour city.",
    )
    for sentence in story_of(ledger, courier).brief.sentences:
        assert sentence.sources == [sentence.extracted_from]


def test_a_claim_without_names_or_numbers_is_credited_only_where_its_words_play_the_same_part():
    ledger = article(
        "Ledger",
        "Orrin treasurer jailed",
        "The former Orrin treasurer Dara Quell was jailed for six years on Friday for taking money from the harbour fund.",
        "The former treasurer must serve at least half of the sentence in custody.",
    )
    courier = article(
        "Courier",
        "Six years for Quell",
        "Dara Quell, who ran Orrin's finances, was jailed for six years on Friday over the harbour fund.",
        "The former treasurer will serve at least two and a half years in custody, the judge said.",
    )
    story = story_of(ledger, courier)
    [half] = [s for s in story.brief.sentences if "half of the sentence" in s.text]
    assert half.sources == ["Ledger"]  # the Courier's "half" is part of a length of time, not what is served


def test_a_pruned_sentence_is_credited_for_the_facts_it_still_shows():
    ledger = article(
        "Ledger",
        "Orrin bridge reopens",
        "The council reopened the Orrin bridge on Friday after 12 days of repairs, a disastrous delay for "
        "the 9,000 people who cross it each day.",
        "Buses return to their old routes next week.",
    )
    courier = article(
        "Courier",
        "Bridge open again",
        "The Orrin bridge was reopened by the council on Friday after 12 days of repairs.",
        "Cyclists had used a ferry while the works went on.",
    )
    lead = story_of(ledger, courier).brief.sentences[0]
    assert "disastrous" not in lead.text and "9,000" not in lead.text
    assert set(lead.sources) == {"Ledger", "Courier"}


def test_a_headline_is_never_a_brief_sentence():
    ledger = article(
        "Ledger",
        "Velmar Steel cuts 340 jobs in Orrin",
        "Velmar Steel Cuts 340 Jobs At Orrin Plant.",
        "Velmar Steel cut 340 jobs at its Orrin plant on Tuesday, the company said.",
        "The plant rolls rails for the national network and has run at a loss for two years.",
    )
    courier = article(
        "Courier",
        "Orrin plant loses 340 jobs as Velmar Steel cuts back.",
        "Orrin plant loses 340 jobs as Velmar Steel cuts back.",
        "On Tuesday, 340 jobs were cut by Velmar Steel at the Orrin plant.",
    )
    texts = brief_texts(story_of(ledger, courier))
    assert texts
    for text in texts:  # neither a headline nor a title-case line
        assert "Cuts 340 Jobs" not in text and not text.startswith("Orrin plant loses")


def test_teasers_captions_questions_and_quotes_never_reach_the_brief():
    ledger = article(
        "Ledger",
        "Velmar Steel cuts jobs",
        "Velmar Steel cut 340 jobs at its Orrin plant on Tuesday, the company said.",
        "(Also read: Velmar Steel shares fall 4% as Orrin plant cuts 340 jobs)",
        "Workers leave the Velmar Steel plant in Orrin after a shift on Tuesday, March 4, 2025.",
        "Photo: Ana Ruiz / Ledger",
        "What will happen to the 340 Velmar Steel workers in Orrin now?",
        "“Velmar Steel has let Orrin down after 340 jobs went in one morning,” said union organiser Mira Dole.",
        "The plant rolls rails for the national network and has run at a loss for two years.",
    )
    courier = article(
        "Courier",
        "Orrin plant loses jobs",
        "On Tuesday, 340 jobs were cut by Velmar Steel at the Orrin plant.",
        "Workers leave the Velmar Steel plant in Orrin after the news on Tuesday.",
        "Workers leave the Velmar Steel plant in Orrin after the news on Tuesday.",
        "Shop owners near the plant gates said they feared for their trade.",
    )
    texts = " ".join(brief_texts(story_of(ledger, courier)))
    for junk in ("Also read", "Workers leave", "Photo", "What will happen", "let Orrin down"):
        assert junk not in texts
    assert "340 jobs" in texts


def test_the_lead_is_the_main_event_not_background_a_quote_or_a_pronoun():
    ledger = article(
        "Ledger",
        "Velmar Steel cuts jobs in Orrin",
        "Velmar Steel had warned in January that orders for its rails were falling fast.",
        "It is the largest employer in the Orrin valley, with 2,100 workers on its books.",
        "“This is a dark day for every family in Orrin,” union organiser Mira Dole told reporters outside.",
        "Velmar Steel cut 340 jobs at its Orrin plant on Tuesday, the company said.",
    )
    courier = article(
        "Courier",
        "Orrin plant loses jobs",
        "Velmar Steel was founded in Orrin in 1921 by two brothers who had run a forge in the valley.",
        "On Tuesday, 340 jobs were cut by Velmar Steel at the Orrin plant.",
    )
    post = article(
        "Post",
        "Steel jobs go in Orrin",
        "Velmar Steel cut 340 jobs at the Orrin works on Tuesday.",
        "The company blamed cheap imports and the price of power.",
    )
    lead = story_of(ledger, courier, post, settings=BriefSettings()).brief.sentences[0]
    assert "cut 340 jobs" in lead.text or "340 jobs were cut" in lead.text
    assert len(lead.sources) == 3
