"""Fixtures for the core's tests: the hand-written article folders and the stories built from them."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from summarizer.models import Story
from summarizer.pipeline import build_stories
from summarizer.readers import load_articles
from tests.conftest import FIXTURES, ROOT

ARTICLES = FIXTURES / "articles"


def stories_from(*folders: str) -> list[Story]:
    return build_stories(load_articles([ARTICLES / f for f in folders]).articles)


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    """`newsbrief ARGS` in a child process, as a user runs it."""
    return subprocess.run(
        [sys.executable, "-m", "bot", *args], cwd=ROOT, capture_output=True, text=True, timeout=120, check=False
    )


@pytest.fixture(scope="session")
def election_story() -> Story:
    stories = stories_from("election")
    assert len(stories) == 1
    return stories[0]


@pytest.fixture(scope="session")
def flood_story() -> Story:
    stories = stories_from("flood")
    assert len(stories) == 1
    return stories[0]


@pytest.fixture(scope="session")
def single_story() -> Story:
    stories = stories_from("single")
    assert len(stories) == 1
    return stories[0]


@pytest.fixture
def mixed_folder(tmp_path: Path) -> Path:
    """One folder holding the election and the flood articles side by side."""
    folder = tmp_path / "mixed"
    folder.mkdir()
    for source in [*(ARTICLES / "election").glob("*.md"), *(ARTICLES / "flood").glob("*.md")]:
        shutil.copy(source, folder / f"{source.parent.name}-{source.name}")
    return folder
