"""The short framing note chats show: about a dozen lines, the full note one step away, frames in words."""

from __future__ import annotations

import dataclasses
import re

from bot.console import ConsoleBot
from bot.discord.embeds import document_embeds
from bot.render.framing_note import MAX_LINES, short_note, wants_full
from bot.service import CommandService, InMemoryStories
from bot.slack.blocks import render_messages
from summarizer.models import OutletFraming

TASK_ID = re.compile(r"\b[A-Z][a-z]+_[a-z_A-Z]+\b")  # Crime_and_punishment, Political_x …


def console(stories) -> ConsoleBot:
    return ConsoleBot(CommandService(InMemoryStories(list(stories))))


def test_chat_framing_is_a_short_note_and_full_is_one_step_away(seed_stories):
    bot = console(seed_stories)
    short = bot.exec("/framing chile")
    lines = short.splitlines()
    assert len(lines) <= MAX_LINES
    assert "• Samnytt calls José Antonio Kast “conservative candidate”" in short
    assert "    “Pinochet Devotee Kast Wins Chilean Elections, Marco Rubio Overjoyed”" in lines  # strongest evidence
    assert "• Only Samnytt reports: “Another Latin American country abandons socialism and communism.”" in lines
    assert lines[-1] == "Full note: /framing chile full"
    full = bot.exec("/framing chile full")
    assert len(full.splitlines()) > 3 * len(lines)
    assert "• Loaded: “lunatic”" in full and "Only here:" in full
    assert bot.exec("/framing chile FULL") == full


def test_many_outlets_stay_within_a_dozen_lines_and_say_how_many_are_left(seed_stories):
    story = seed_stories[0]
    many = [
        dataclasses.replace(story.framing.outlets[i % 2], outlet=f"Outlet {i}", contrast=f"Outlet {i} in short.")
        for i in range(9)
    ]
    big = dataclasses.replace(story, framing=dataclasses.replace(story.framing, outlets=many))
    note = short_note(big)
    assert sum(o.count for o in note.outlets) + 3 <= MAX_LINES and note.more == 0
    text = console([big]).exec("/framing")
    assert len(text.splitlines()) <= MAX_LINES + 1  # the plain heading's underline is the one extra
    assert "Outlet 8 in short." in text
    lots = dataclasses.replace(big, framing=dataclasses.replace(big.framing, outlets=many * 3))
    text = console([lots]).exec("/framing")
    assert len(text.splitlines()) <= MAX_LINES + 1 and "(16 more outlets there)" in text


def test_frame_names_read_as_words_on_every_platform(seed_stories):
    service = CommandService(InMemoryStories(list(seed_stories)))
    for topic in ("chile", "chile full"):
        doc = service.run("framing", topic).doc
        slack = "\n".join(m.text + str(m.blocks) for m in render_messages(doc))
        discord = "\n".join(str(e.to_dict()) for e in document_embeds(doc))
        text = console(seed_stories).exec(f"/framing {topic}")
        for shown in (slack, discord, text):
            assert TASK_ID.findall(shown) == []
    assert "crime and punishment" in console(seed_stories).exec("/framing chile full")


def test_a_topic_ending_in_full_asks_for_the_whole_note():
    assert wants_full("chile full") == ("chile", True)
    assert wants_full("full") == (None, True)
    assert wants_full("Fullerton") == ("Fullerton", False)
    assert wants_full(None) == (None, False)


def test_one_outlet_story_says_so_and_shows_no_exclusives(seed_stories):
    story = seed_stories[0]
    only: OutletFraming = story.framing.outlets[0]
    single = dataclasses.replace(
        story,
        outlets=[only.outlet],
        framing=dataclasses.replace(
            story.framing, comparable=False, message="Only Samnytt reports this story.", outlets=[only]
        ),
    )
    text = console([single]).exec("/framing")
    assert "Only Samnytt reports this story." in text and "Only Samnytt reports:" not in text


def test_what_only_one_outlet_reports_sits_under_one_heading(seed_stories):
    story = seed_stories[0]
    outlet = dataclasses.replace(story.framing.outlets[0], only_here=["First thing.", "Second thing."])
    framing = dataclasses.replace(story.framing, outlets=[outlet])
    bot = console([dataclasses.replace(story, framing=framing)])
    full = bot.exec("/framing chile full")
    assert full.count("Only here:") == 1
    assert "“First thing.”" in full and "“Second thing.”" in full


def _renderings(stories, topic: str) -> dict[str, str]:
    doc = CommandService(InMemoryStories(list(stories))).run("framing", topic).doc
    return {
        "text": console(stories).exec(f"/framing {topic}"),
        "slack": "\n".join(str(m.blocks) for m in render_messages(doc)),
        "discord": "\n".join(str(e.to_dict()) for e in document_embeds(doc)),
    }


def test_a_sentence_shows_once_under_only_here_and_the_quote_takes_the_next_best(seed_stories):
    # Samnytt's strongest loaded term ("abandons socialism") sits in the very sentence only Samnytt reports.
    exclusive = "Another Latin American country abandons socialism and communism"
    for platform, shown in _renderings(seed_stories, "chile").items():
        assert shown.count(exclusive) == 1, platform
        assert "latest conservative triumph" in shown, platform  # its next-best quote, the loaded "triumph"
    lines = console(seed_stories).exec("/framing chile").splitlines()
    assert "• Only Samnytt reports: “Another Latin American country abandons socialism and communism.”" in lines


def test_a_quote_with_nothing_else_to_show_gives_way_to_the_exclusive(seed_stories):
    story = seed_stories[0]
    outlets = [
        dataclasses.replace(
            o,
            loaded_language=[],
            labels=[],
            frames=[
                dataclasses.replace(f, quote="The harbour board met on Tuesday and voted to close the…")
                for f in o.frames
            ],
            only_here=["…board met on Tuesday and voted to close the old pier for repairs until spring."],
        )
        for o in story.framing.outlets
    ]
    framing = dataclasses.replace(story.framing, outlets=outlets)
    shown = _renderings([dataclasses.replace(story, framing=framing)], "chile")
    for platform, text in shown.items():
        assert text.count("voted to close the") == len(outlets), platform  # once per outlet, not twice
        assert "old pier for repairs" in text, platform
