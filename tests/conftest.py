"""Shared fixtures: the seed articles and stories prepared from them."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest

from summarizer.models import Story
from summarizer.pipeline import build_stories
from summarizer.readers import load_articles

# The outlets' loaded terms that issue 2 says the seeds' neutral brief must not contain.
SEED_LOADED_TERMS = (
    "extremist",
    "devotee",
    "fascist",
    "lunatic",
    "ultra-right",
    "gushing",
    "ilk",
    "overjoyed",
    "dirty secrets",
    "abandons socialism",
)
ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def seed_stories() -> list[Story]:
    return build_stories(load_articles([SEEDS]).articles)


@pytest.fixture(autouse=True)
def _collector_given_back() -> Iterator[None]:
    """``newsbrief run`` sets the objects it serves aside from the collector (bot.heap.settle); a test
    that runs it in this process must not leave the next tests' heap that way."""
    yield
    gc.unfreeze()
