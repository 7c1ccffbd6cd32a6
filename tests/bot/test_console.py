"""The console adapter answers slash commands exactly as a user would type them."""

from __future__ import annotations

import subprocess
import sys

import pytest

from bot.console import ConsoleBot
from bot.service import CommandService, InMemoryStories
from tests.conftest import FIXTURES, ROOT, SEEDS


@pytest.fixture(scope="module")
def bot() -> ConsoleBot:
    return ConsoleBot(CommandService(InMemoryStories.from_paths([SEEDS])))


def test_who_won(bot):
    answer = bot.exec("/who-won")
    assert "Winner: José Antonio Kast — 58.30% (EIR News)" in answer
    assert "Runner-up: Jeannette Jara — 41.70%" in answer


def test_unknown_topic_lists_close_titles(bot):
    answer = bot.exec("/brief volcano")
    assert "No story matches “volcano”" in answer and "Kast" in answer


def test_a_topic_matching_no_story_is_said_plainly(bot):
    assert "No story matches “football”" in bot.exec("/who-won football")


def test_stories_without_an_election_get_no_election_result_found():
    flood = ConsoleBot(CommandService(InMemoryStories.from_paths([FIXTURES / "articles" / "flood"])))
    assert flood.exec("/who-won") == "No election result found in the loaded stories."
    assert "Winner" not in flood.exec("/who-won lenfield")


def test_unknown_command(bot):
    assert "Unknown command “/foo”" in bot.exec("/foo")


def test_chat_over_stdin():
    result = subprocess.run(
        [sys.executable, "-m", "bot", "chat", "--from", str(SEEDS)],
        input="/brief kast\n/quit\n",
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "58.30%" in result.stdout and "extremist" not in result.stdout
