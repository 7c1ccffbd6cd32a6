"""Present-tense lines: a photo caption with no credit line stays out of the body (and so out of the brief),
running text in the present tense stays in, and a present-tense verb the tagger took for a noun is no fragment.

Short texts written for these tests; each asserts what a reader sees.
"""

from __future__ import annotations

from summarizer.brief import BriefSettings
from summarizer.models import Article
from summarizer.pipeline import article_sentences, build_stories
from summarizer.readers import make_article

LEAD = "The harbour council of Dunre approved a new ferry timetable on Tuesday after a long debate."


def body_of(*paragraphs: str) -> list[str]:
    article = Article(id="p-1", outlet="Harbour Gazette", title="Ferries", text="\n\n".join([LEAD, *paragraphs]))
    return [s.text for s in article_sentences(article)[1:]]


def test_present_tense_scenes_without_a_credit_are_captions():
    captions = [
        "Rescue workers search the rubble of a collapsed school in the north of the city.",
        "A man walks past a flooded shop in Dunre on Tuesday.",
        "Jane Moreno poses with supporters at the party headquarters in Linwood on Sunday.",
        "Flood barriers are pictured along the river in the old town.",
    ]
    assert body_of(*captions) == []


def test_running_text_in_the_present_tense_stays_in_the_body():
    body = [
        "The company says it will appeal against the ruling in the high court.",
        "Officials expect the bridge to reopen in the spring.",
        "Residents say the water is still unsafe to drink.",
        "Most residents live in the valley.",
        "Ministers meet in Brussels on Monday to discuss the budget.",
        "The mayor visits the flooded streets of Dunre.",
    ]
    assert body_of(*body) == body


def test_a_present_tense_verb_read_as_a_noun_is_running_text_and_noun_phrases_stay_fragments():
    verbs = ["The city council votes on the new budget on Tuesday.", "Home sales slump as mortgage costs bite."]
    fragments = ["Six sacks.", "The price of bread in the capital.", "Police officers at the scene of the crash."]
    assert body_of(*verbs, *fragments) == verbs


def article(outlet: str, *paragraphs: str) -> Article:
    return make_article(
        outlet=outlet, source=f"{outlet.lower()}.txt", title="Dunre flood", text="\n\n".join(paragraphs)
    )


def test_a_caption_never_reaches_the_brief():
    caption = "Volunteers carry sandbags along the riverbank in the old town of Dunre."
    ledger = article(
        "Ledger",
        caption,
        "The river Orre burst its banks in Dunre on Monday, flooding 300 homes in the old town.",
        "Rescue workers evacuated 40 people from the flooded streets of Dunre by boat.",
    )
    courier = article(
        "Courier",
        "Floods hit 300 homes in Dunre on Monday after the river Orre burst its banks.",
        "Rescue workers took 40 people to safety from the flooded streets of Dunre.",
    )
    [story] = build_stories([ledger, courier], BriefSettings(sentences=8, words=400))
    shown = [s.text for s in story.brief.sentences]
    assert shown and caption not in shown
    assert any("300 homes" in s for s in shown)
