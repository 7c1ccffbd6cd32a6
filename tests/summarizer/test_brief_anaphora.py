"""A brief sentence whose subject points back ("She said…", "The minister added…") stands only where the
brief has already named whom it means; it never opens the brief.

Short multi-outlet stories written for these tests; each asserts what a reader sees in the brief.
"""

from __future__ import annotations

from summarizer.brief import BriefSettings
from summarizer.models import Article
from summarizer.pipeline import build_stories
from summarizer.readers import make_article

ALL = BriefSettings(sentences=8, words=400)  # room for every eligible sentence, so exclusions show


def article(outlet: str, title: str, *paragraphs: str) -> Article:
    return make_article(outlet=outlet, source=f"{outlet.lower()}.txt", title=title, text="\n\n".join(paragraphs))


def brief_of(*articles: Article) -> list[str]:
    [story] = build_stories(list(articles), ALL)
    return [s.text for s in story.brief.sentences]


LEDGER = article(
    "Ledger",
    "Storm shuts Selwick port",
    "A winter storm closed the port of Selwick on Monday and damaged three of its piers.",
    "Who will pay for the repairs, asked harbour master Ilse Brandt?",
    "She said the repairs would take at least three weeks.",
)
COURIER = article(
    "Courier",
    "Selwick port closed after storm",
    "A winter storm closed the port of Selwick on Monday, leaving forty ships at anchor in the bay.",
    "Ferry crossings to the islands were cancelled until further notice.",
)
GAZETTE = article(
    "Gazette",
    "Selwick piers damaged",
    "Three piers at the port of Selwick were damaged when a winter storm struck on Monday.",
    "Port director Olaf Marten met the ferry operators on Tuesday.",
    "The director promised a reopening plan by Friday.",
)


def test_a_pronoun_whose_person_the_brief_never_names_is_left_out():
    brief = brief_of(LEDGER, COURIER, GAZETTE)
    assert "Selwick" in brief[0]
    # Placed after the Gazette's port director, "She" would read as him; the harbour master it means is
    # named only in a question, which is no brief sentence.
    assert not any(s.startswith("She ") for s in brief)
    assert "Port director Olaf Marten met the ferry operators on Tuesday." in brief


def test_a_role_noun_stands_after_the_sentence_that_names_the_person():
    brief = brief_of(LEDGER, COURIER, GAZETTE)
    first_word = [s.split()[0] for s in brief]
    assert first_word[0] not in ("She", "He", "It", "They", "This", "The")
    if any(s.startswith("The director") for s in brief):
        k = next(k for k, s in enumerate(brief) if s.startswith("The director"))
        assert any("Marten" in s for s in brief[:k])


def test_no_brief_opens_with_a_pronoun_or_a_bare_role_noun():
    lone = article(
        "Herald",
        "Minister resigns",
        "Transport minister Petra Olund resigned on Thursday after a row over rail fares.",
        "The minister had promised cheaper tickets for students in the spring.",
        "She will stay in parliament as an ordinary member.",
    )
    other = article(
        "Tribune",
        "Olund quits",
        "Petra Olund resigned as transport minister on Thursday over a dispute about rail fares.",
        "Her deputy will run the ministry until a successor is named.",
    )
    brief = brief_of(lone, other)
    assert "Olund" in brief[0]
    for k, sentence in enumerate(brief):
        if sentence.startswith(("She ", "Her ", "The minister ")):
            assert any("Olund" in s for s in brief[:k])
    # "Her" follows a sentence whose subject is Olund in its article, and the brief named her first.
    assert "Her deputy will run the ministry until a successor is named." in brief


def test_it_stands_only_right_after_the_sentence_it_follows_in_its_article():
    reopened = "The port of Selwick reopened on Thursday after a closure of three weeks."
    it = "It had been shut since a winter storm damaged three of its piers."
    ledger = article("Ledger", "Selwick port reopens", reopened, it)
    courier = article(
        "Courier",
        "Ferries back at Selwick",
        "Ferries returned to the port of Selwick on Thursday as the harbour reopened after three weeks.",
        "The first crossing carried 200 passengers to the islands.",
    )
    brief = brief_of(ledger, courier)
    assert not brief[0].startswith("It ")
    # The brief keeps the pair together rather than let "It" follow the Courier's ferries.
    assert brief[brief.index(it) - 1] == reopened
