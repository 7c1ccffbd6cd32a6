"""Every supported input kind, read into articles with the right outlet, title and metadata."""

from __future__ import annotations

from summarizer.models import Article
from summarizer.readers import load_articles
from tests.summarizer.conftest import ARTICLES

FORMATS = ARTICLES / "formats"


def by_outlet(articles: list[Article]) -> dict[str, list[Article]]:
    found: dict[str, list[Article]] = {}
    for article in articles:
        found.setdefault(article.outlet, []).append(article)
    return found


def test_every_format_in_one_folder_is_read_without_problems():
    result = load_articles([FORMATS])
    assert result.problems == []
    assert sorted(by_outlet(result.articles)) == [
        "Coastline Weekly",
        "Easterby Echo",
        "Easterby Voice",
        "Metro Daily",
        "Saltby Council News",
        "Saltby Times",
        "harbour_notes",
    ]


def test_html_page_gives_main_text_and_metadata_without_navigation():
    [article] = load_articles([FORMATS / "tram.html"]).articles
    assert article.outlet == "Easterby Echo" and article.outlet_known
    assert article.title == "Easterby tram line opens to passengers"
    assert article.url == "https://echo.example/transport/easterby-tram-line-opens"
    assert article.published == "2025-06-02"
    assert article.paragraphs[0].startswith("The first trams on the new Easterby line")
    assert len(article.paragraphs) == 4
    assert "Subscribe" not in article.text and "Copyright" not in article.text


def test_rss_items_carry_their_full_text_not_the_teaser():
    articles = load_articles([FORMATS / "feed.rss"]).articles
    assert [a.title for a in articles] == ["Easterby trams start running", "Harbour swimming pool to reopen"]
    assert {a.outlet for a in articles} == {"Coastline Weekly"}
    assert "Short teaser" not in articles[0].text
    assert articles[0].paragraphs[1].startswith("Trams will stop at fourteen places")
    assert articles[0].url == "https://coastline.example/easterby-trams-start-running"


def test_json_and_jsonl_records_keep_their_fields():
    [record] = load_articles([FORMATS / "records.json"]).articles
    assert (record.outlet, record.title, record.bias) == ("Metro Daily", "Tram service begins in Easterby", "centre")
    assert record.published == "2025-06-02" and len(record.paragraphs) == 2
    lines = load_articles([FORMATS / "records.jsonl"]).articles
    assert [a.title for a in lines] == ["Saltby pool reopening set for July", "Ferry timetable changes"]
    assert len({a.id for a in lines}) == 2


def test_markdown_front_matter_gives_outlet_and_the_heading_is_not_body_text():
    [article] = load_articles([FORMATS / "tram-column.md"]).articles
    assert (article.outlet, article.title, article.bias) == ("Easterby Voice", "Our trams, at last", "left")
    assert article.published == "2025-06-03"
    assert article.paragraphs[0].startswith("After four years of dug-up roads")


def test_text_without_metadata_is_named_after_the_file_and_flagged_unknown():
    [article] = load_articles([FORMATS / "harbour_notes.txt"]).articles
    assert article.outlet == "harbour_notes" and not article.outlet_known


def test_sources_toml_beside_a_text_file_names_its_outlet():
    [article] = load_articles([FORMATS / "listed.txt"]).articles
    assert article.outlet == "Saltby Council News" and article.outlet_known
    assert article.url == "https://saltby.example/news/harbour-pool-reopens-in-july"
    assert article.title == "Harbour pool reopens in july"  # from the URL's slug


def test_article_ids_are_distinct_and_stable():
    first = load_articles([FORMATS]).articles
    again = load_articles([FORMATS]).articles
    assert len({a.id for a in first}) == len(first)
    assert [a.id for a in first] == [a.id for a in again]
