"""`python -m bot` is the `newsbrief` command."""

from bot.cli import entry_point

entry_point()
