"""Long answers are split into several messages within Block Kit's limits, between words."""

from __future__ import annotations

import dataclasses

import pytest

from bot.service import CommandService, InMemoryStories
from bot.slack.blocks import render_messages
from bot.slack.limits import MAX_BLOCKS, MAX_SECTION_CHARS, pack_lines, split_line
from summarizer.models import ActorLabel, OutletFraming, Story


def test_a_long_quote_is_cut_between_words_and_stays_a_quote():
    words = [f"word{i}" for i in range(900)]
    pieces = split_line("> " + " ".join(words), limit=300)
    assert all(len(p) <= 300 and p.startswith("> ") for p in pieces)
    assert [w for p in pieces for w in p[2:].split(" ")] == words


def test_lines_are_packed_in_order_within_the_limit():
    lines = [f"• line {i} " + "x" * 90 for i in range(100)]
    texts = pack_lines(lines, limit=1000)
    assert all(len(t) <= 1000 for t in texts)
    assert "\n".join(texts).split("\n") == lines


def _long_framing(story: Story) -> Story:
    quote = " ".join(f"the outlet wrote sentence number {i} about the runoff and its aftermath" for i in range(60))
    outlets = [
        OutletFraming(
            outlet=f"Outlet {n}",
            labels=[ActorLabel("José Antonio Kast", f"label {n}-{k}", quote) for k in range(3)],
            loaded_language=[],
            frames=[],
            only_here=[],
            figures_differ=[],
            contrast=f"Outlet {n} in short.",
        )
        for n in range(40)
    ]
    return dataclasses.replace(story, framing=dataclasses.replace(story.framing, outlets=outlets))


@pytest.fixture
def long_framing_service(seed_stories) -> CommandService:
    return CommandService(InMemoryStories([_long_framing(seed_stories[0])]))


def test_a_long_framing_note_arrives_as_several_messages_within_limits(make_user, long_framing_service, fake):
    expected = render_messages(long_framing_service.run("framing", "full").doc)
    assert len(expected) > 1
    make_user(long_framing_service).command("/framing", "full")
    posts = fake.wait_for_posts(len(expected), settle=0.3)
    assert len(posts) == len(expected)
    for post in posts:
        assert 0 < len(post.blocks) <= MAX_BLOCKS
        assert all(len(b["text"]["text"]) <= MAX_SECTION_CHARS for b in post.blocks if b["type"] == "section")
        assert post.body["text"] and len(post.body["text"]) <= 3000
    delivered = "\n".join(t for p in posts for t in p.block_texts())
    for n in range(40):
        assert f"*Outlet {n}*" in delivered and f"• In short: Outlet {n} in short." in delivered
    # every quoted word arrives, in order, split only between words
    quoted = [line[2:] for line in delivered.splitlines() if line.startswith("> ")]
    assert " ".join(quoted).count("sentence number 59 about the runoff and its aftermath") == 120


def test_who_won_over_many_elections_shows_five_and_says_how_to_narrow(seed_stories):
    stories = [dataclasses.replace(seed_stories[0], id=f"s-{i}", title=f"Runoff {i}") for i in range(12)]
    doc = CommandService(InMemoryStories(stories)).run("who-won").doc
    [message] = render_messages(doc)
    assert sum(b["type"] == "header" for b in message.blocks) == 5
    assert message.blocks[-1]["elements"][0]["text"].startswith("…and 7 more election result(s).")
