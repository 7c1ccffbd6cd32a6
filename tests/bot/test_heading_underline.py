"""A plain-text heading is underlined exactly as long as its text, however long the title."""

from __future__ import annotations

from bot.render.text import Style


def test_a_long_heading_is_underlined_to_its_full_length():
    title = "How each outlet framed it: " + "the harbour of Dorrow counts fewer ships this spring " * 2
    shown, underline = Style(markdown=False).heading(title.strip()).split("\n")
    assert underline == "=" * len(shown)
