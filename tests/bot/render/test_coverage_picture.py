"""The coverage picture: an 800×450 PNG drawn offline, alt text that says the same, no mathtext surprises."""

from __future__ import annotations

import struct
import subprocess
import sys

from bot.render.coverage_picture import HEIGHT, WIDTH, alt_text, draw
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
