"""`--format markdown` is CommonMark: each bullet is its own list item, quotes are block quotes."""

from __future__ import annotations

import json

import pytest

from bot.cli import main
from tests.conftest import FIXTURES

ELECTION = str(FIXTURES / "articles" / "election")


def both(command: str, capsys: pytest.CaptureFixture[str]) -> tuple[dict, str]:
    assert main([command, ELECTION, "--format", "json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert main([command, ELECTION, "--format", "markdown"]) == 0
    return doc, capsys.readouterr().out


def test_brief_bullets_are_separate_list_items(capsys: pytest.CaptureFixture[str]) -> None:
    markdown_it = pytest.importorskip("markdown_it")
    doc, text = both("brief", capsys)
    html = markdown_it.MarkdownIt("commonmark").render(text)
    (story,) = doc["stories"]
    assert html.startswith(f"<h2>{story['title']}</h2>\n<p>Outlets: ")
    items = html.split("<ul>\n", 1)[1].split("</ul>", 1)[0]
    assert items.count("<li>") == len(story["brief"]["sentences"]) >= 2
    assert "•" not in text


def test_framing_quotes_are_block_quotes_inside_their_items(capsys: pytest.CaptureFixture[str]) -> None:
    markdown_it = pytest.importorskip("markdown_it")
    doc, text = both("framing", capsys)
    tokens = markdown_it.MarkdownIt("commonmark").parse(text)
    (story,) = doc["stories"]
    labels = [label for outlet in story["framing"]["outlets"] for label in outlet["labels"]]
    assert labels, "the fixture should give at least one label"
    quotes_in_items = [
        t for i, t in enumerate(tokens) if t.type == "blockquote_open" and tokens[i - 1].type == "paragraph_close"
    ]
    assert len(quotes_in_items) >= len(labels)
    assert sum(t.type == "heading_open" for t in tokens) == 1
    items = [t for t in tokens if t.type == "list_item_open"]
    expected = sum(
        len(o["labels"])
        + len(o["loaded_language"])
        + bool(o["frames"])
        + len(o["only_here"])
        + len(o["figures_differ"])
        + 1
        for o in story["framing"]["outlets"]
    )
    assert len(items) == expected


def test_who_won_lines_are_separate_paragraphs(capsys: pytest.CaptureFixture[str]) -> None:
    markdown_it = pytest.importorskip("markdown_it")
    _, text = both("who-won", capsys)
    html = markdown_it.MarkdownIt("commonmark").render(text)
    assert "<p>Winner: " in html and "<p>Runner-up: " in html and "<p>Sources: " in html
