"""Sentence ranking with each sumy algorithm, and exact briefs of tiny documents."""

from __future__ import annotations

import json

import pytest

from summarizer.brief import BriefSettings
from summarizer.models import Article
from summarizer.pipeline import article_sentences, build_stories
from summarizer.ranking import SUMMARIZERS, make_summarizer, plain_lexrank, rate_sentences
from summarizer.readers import load_articles, make_article
from tests.summarizer.conftest import ARTICLES, run_cli

TINY = [
    "The river flooded the town on Sunday.",
    "Boats reached people in the flooded town.",
    "The river rose after heavy rain on Sunday.",
    "Heavy rain and the river flooded homes in the town.",
    "A cat slept in the sun.",
    "The mayor praised the boat crews.",
]


def bridge_articles() -> list[Article]:
    ledger = make_article(
        outlet="Ledger",
        source="a.txt",
        title="Bridge closes for repairs",
        text="The Kell bridge in Oston closed on Monday for six weeks of repairs to its cracked deck.\n\n"
        "Engineers found the cracks during a routine inspection in May.\n\n"
        "Buses will use the ring road while the bridge is shut, adding about ten minutes to journeys.",
    )
    courier = make_article(
        outlet="Courier",
        source="b.txt",
        title="Oston bridge shut",
        text="Oston's Kell bridge closed on Monday for repairs expected to take six weeks after cracks were found "
        "in its deck.\n\nThe shocking state of the bridge was revealed by engineers during an inspection in May.\n\n"
        "Drivers face long delays on the ring road, where buses have been moved for the duration of the works.",
    )
    return [ledger, courier]


def test_lexrank_rates_the_central_sentence_highest_and_the_odd_one_low():
    ratings = rate_sentences(TINY)
    assert max(range(len(TINY)), key=ratings.__getitem__) == 1
    assert ratings[5] == 0.0 and all(0.0 <= r <= 1.0 for r in ratings)


def test_fast_lexrank_picks_what_stock_sumy_lexrank_picks():
    articles = load_articles([ARTICLES / "flood"]).articles
    texts = [s.text for a in articles for s in article_sentences(a)]
    ratings = rate_sentences(texts)
    ours = sorted(sorted(range(len(texts)), key=lambda i: -ratings[i])[:4])
    assert ours == sorted(texts.index(t) for t in plain_lexrank(texts, 4))


def test_exact_brief_of_a_tiny_two_outlet_story():
    [story] = build_stories(bridge_articles(), BriefSettings(sentences=2, words=60))
    assert story.title == "Bridge closes for repairs"
    assert [(s.text, s.sources) for s in story.brief.sentences] == [
        (
            "The Kell bridge in Oston closed on Monday for six weeks of repairs to its cracked deck.",
            ["Ledger", "Courier"],
        ),
        # The Courier says engineers "revealed" the cracks: another verb, so no credit.
        ("Engineers found the cracks during a routine inspection in May.", ["Ledger"]),
    ]
    assert story.brief.sentences[0].credits[1].quote.startswith("Oston's Kell bridge closed on Monday")
    assert story.brief.words == 27
    assert "shocking" not in " ".join(s.text for s in story.brief.sentences)


def test_brief_length_follows_the_settings():
    [story] = build_stories(bridge_articles(), BriefSettings(sentences=1, words=30))
    assert len(story.brief.sentences) == 1 and story.brief.words <= 36


@pytest.mark.parametrize("algorithm", sorted(set(SUMMARIZERS) - {"kl"}))
def test_every_algorithm_makes_a_brief_of_the_flood(algorithm: str):
    [story] = build_stories(load_articles([ARTICLES / "flood"]).articles, BriefSettings(algorithm=algorithm))
    sentences = story.brief.sentences
    assert story.brief.algorithm == algorithm and len(sentences) == 3
    assert all(set(s.sources) <= {"Lenfield Gazette", "Riverside Observer"} for s in sentences)
    assert len({s.text for s in sentences}) == 3


def test_kl_quickly_on_a_small_story():
    # KL is slow on long stories (seconds per 5,000 words), so it is only tried on a short one.
    [story] = build_stories(load_articles([ARTICLES / "single"]).articles, BriefSettings(algorithm="kl"))
    assert story.brief.algorithm == "kl" and len(story.brief.sentences) == 3


def test_unknown_algorithm_names_the_choices():
    with pytest.raises(ValueError, match=r"unknown summariser 'bert' \(choose one of: lexrank, textrank"):
        make_summarizer("bert")


def test_cli_algorithm_option():
    result = run_cli("brief", str(ARTICLES / "single"), "--algorithm", "textrank", "--format", "json")
    assert result.returncode == 0
    assert json.loads(result.stdout)["stories"][0]["brief"]["algorithm"] == "textrank"
    wrong = run_cli("brief", str(ARTICLES / "single"), "--algorithm", "bert")
    assert wrong.returncode == 2 and "invalid choice: 'bert'" in wrong.stderr and "Traceback" not in wrong.stderr
