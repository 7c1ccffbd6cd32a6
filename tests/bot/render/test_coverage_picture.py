"""The coverage picture: an 800×450 PNG drawn offline, alt text that says the same, no mathtext surprises."""

from __future__ import annotations

import struct
import subprocess
import sys

from bot.console import ConsoleBot
from bot.render.coverage_picture import HEIGHT, WIDTH, alt_text, draw
from bot.service import CommandService, InMemoryStories
from summarizer.coverage import Coverage, FrameSlice, OutletCoverage, coverage
from tests.conftest import ROOT


def png_size(png: bytes) -> tuple[int, int]:
    """Width and height from a PNG's IHDR chunk."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and png[12:16] == b"IHDR"
    width, height = struct.unpack(">II", png[16:24])
    return width, height


def test_the_seed_story_as_a_chat_sized_png(seed_stories):
    data = coverage(seed_stories[0], ["Samnytt", "EIR News", "Harbor Gazette"])
    assert data is not None
    picture = draw(data)
    assert png_size(picture.png) == (WIDTH, HEIGHT) == (800, 450)
    assert 10_000 < len(picture.png) < 200_000
    assert picture.filename.endswith(".png")
    alt = picture.alt_text
    assert "Samnytt: politics 56%" in alt and "EIR News:" in alt
    assert "8 loaded terms in its own voice" in alt
    assert alt.endswith("Did not cover it: Harbor Gazette.")


def test_outlet_names_are_drawn_as_written_not_as_formulas():
    data = Coverage(
        "Costs of $5 and $6 \x1b[31m",
        ["politics", "the economy"],
        [
            OutletCoverage("Money $Daily$", [FrameSlice("politics", 0.5), FrameSlice("the economy", 0.5)], 1),
            OutletCoverage("A" * 80, [FrameSlice("politics", 1.0), FrameSlice("the economy", 0.0)], 0),
        ],
        ["Tabloid $ Times"],
    )
    picture = draw(data)  # a "$…$" pair read as mathtext would raise or draw something else
    assert png_size(picture.png) == (800, 450)
    assert "Money $Daily$: politics 50%, the economy 50%" in alt_text(data)
    assert "\x1b" not in alt_text(data)


def test_starting_the_bot_or_asking_for_help_does_not_load_matplotlib():
    code = "import sys, bot.app, bot.cli, bot.publishers; assert 'matplotlib' not in sys.modules, 'loaded'"
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True, timeout=60)


def test_tied_frames_read_in_the_same_order_in_the_alt_text_as_in_the_note(seed_stories):
    # EIR News gives politics and foreign relations 29% each; politics leads the picture's legend.
    story = seed_stories[0]
    data = coverage(story)
    assert data is not None and data.frames[0] == "politics"
    tied = "foreign relations and reputation 29%, politics 29%"
    assert f"EIR News: {tied}" in alt_text(data)
    note = ConsoleBot(CommandService(InMemoryStories([story]))).exec("/framing chile full")
    assert f"• Emphasis (share of its sentences): {tied}" in note


def test_a_tie_reads_alphabetically_whatever_the_legend_order():
    data = Coverage(
        "Budget vote",
        ["the economy", "politics"],
        [OutletCoverage("Ledger", [FrameSlice("the economy", 0.25), FrameSlice("politics", 0.25)], 0)],
        [],
    )
    assert "Ledger: politics 25%, the economy 25% of its sentences" in alt_text(data)
