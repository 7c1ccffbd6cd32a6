"""A figure the outlets disagree on reads the same in the brief and in the framing note, on every platform."""

from __future__ import annotations

import json

from bot.discord.embeds import document_embeds
from bot.render.text import render
from bot.service import CommandService, InMemoryStories
from bot.slack.blocks import render_messages
from summarizer.models import Story

LINE = "José Antonio Kast's vote share: 58.30% (EIR News); differs from “almost 60 percent” and “58 percent” (Samnytt)"


def _shown(stories: list[Story], command: str, topic: str) -> dict[str, str]:
    doc = CommandService(InMemoryStories(stories)).run(command, topic).document
    return {
        "text": render(doc),
        "markdown": render(doc, markdown=True),
        "slack": "\n".join(json.dumps(m.payload()["blocks"], ensure_ascii=False) for m in render_messages(doc)),
        "discord": "\n".join(json.dumps(e.to_dict(), ensure_ascii=False) for e in document_embeds(doc)),
    }


def test_the_framing_notes_figures_read_like_the_briefs(seed_stories: list[Story]) -> None:
    brief = _shown(seed_stories, "brief", "chile")
    framing = _shown(seed_stories, "framing", "chile full")
    for platform in brief:
        assert LINE in brief[platform], platform
        # Each outlet that gives the figure has the same line, after one prefix; no second wording.
        assert framing[platform].count(f"Figures differ on {LINE}") == 2, platform
        assert "others:" not in framing[platform] and " per EIR News" not in framing[platform], platform


def test_the_document_carries_the_same_words(seed_stories: list[Story]) -> None:
    doc = CommandService(InMemoryStories(seed_stories)).run("framing", "chile full").doc
    notes = [note for outlet in doc["stories"][0]["framing"]["outlets"] for note in outlet["figures_differ"]]
    assert notes == [LINE, LINE]


def test_who_won_shows_a_disputed_share_once_in_the_same_words(seed_stories: list[Story]) -> None:
    shown = _shown(seed_stories, "who-won", "chile")
    share = LINE.split(": ", 1)[1]  # on the winner's line, after the name
    for platform, text in shown.items():
        assert text.count("differs from “almost 60 percent”") == 1, platform
        assert share.split(";")[0] in text and "Outlets differ" not in text and "Disagreement" not in text, platform
    doc = CommandService(InMemoryStories(seed_stories)).run("who-won", "chile").doc
    assert doc["results"][0]["election"]["disagreements"] == [LINE]
