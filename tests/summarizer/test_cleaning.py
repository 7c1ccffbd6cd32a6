"""Scraping noise removed, paragraphs kept in order, duplicates dropped."""

from __future__ import annotations

from summarizer.cleaning import clean_text, drop_duplicates
from summarizer.pipeline import article_sentences
from summarizer.readers import load_articles, make_article
from tests.conftest import SEEDS


def test_noise_lines_and_glued_navigation_are_removed_in_order():
    raw = (
        "Kast wins the runoff\n"
        "Kast won the runoff on Sunday with a clear lead.\n"
        "READ ALSO: Argentina’s President Javier Milei Succeeded in the Midterm Election\n"
        "Mass Deportations\n"
        "He promised to cut crime and to deport people who entered illegally.\n"
        "Subscribe to our newsletter\n"
        "Advertisement\n"
        "Rubio sent his congratulations on Monday.Skip to content\n"
    )
    text, headline = clean_text(raw)
    assert headline == "Kast wins the runoff"
    assert text.split("\n\n") == [
        "Kast won the runoff on Sunday with a clear lead.",
        "He promised to cut crime and to deport people who entered illegally.",
        "Rubio sent his congratulations on Monday.",
    ]


def test_skip_to_content_at_the_start_of_a_line_and_non_breaking_spaces():
    text, _ = clean_text("Intro line that is a sentence.\nSkip to content The council met\u00a0on Monday.")
    assert text == "Intro line that is a sentence.\n\nThe council met on Monday."


def test_the_seed_articles_lose_their_noise_and_keep_the_facts():
    articles = load_articles([SEEDS]).articles
    for article in articles:
        assert "READ ALSO" not in article.text and "Skip to content" not in article.text
        assert "Mass Deportations" not in article.paragraphs
    samnytt = next(a for a in articles if a.outlet == "Samnytt")
    assert samnytt.paragraphs[0].startswith("With almost all votes counted on Sunday")
    assert samnytt.text.endswith("Marco Rubio:")
    eir = next(a for a in articles if a.outlet == "EIR News")
    assert eir.title == "Pinochet Devotee Kast Wins Chilean Elections, Marco Rubio Overjoyed"
    assert [s.text for s in article_sentences(eir)][0].startswith("José Antonio Kast, right-wing extremist")


BODY = (
    "The river Ossel burst its banks in Lenfield early on Sunday after three days of heavy rain, flooding "
    "about 400 homes in the lower town. Fire crews used boats to reach residents on upper floors. Two people "
    "were taken to hospital and no deaths were reported. The council opened a rest centre in the sports hall."
)


def test_exact_and_near_duplicates_are_dropped_keeping_the_first():
    first = make_article(outlet="Gazette", text=BODY, source="a.txt")
    exact = make_article(outlet="Mirror", text=BODY, source="b.txt")
    near = make_article(outlet="Echo", text=BODY + " Updated at noon on Monday.", source="c.txt")
    other = make_article(
        outlet="Echo", text=BODY.replace("Ossel", "Wend").replace("400", "90")[:200] + " A new story.", source="d.txt"
    )
    kept, notes = drop_duplicates([first, exact, near, other])
    assert [a.source for a in kept] == ["a.txt", "d.txt"]
    assert [(n.source, n.problem) for n in notes] == [
        ("b.txt", "skipped: near-duplicate of a.txt"),
        ("c.txt", "skipped: near-duplicate of a.txt"),
    ]
