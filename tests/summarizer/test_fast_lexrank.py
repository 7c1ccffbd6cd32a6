"""Pins the sumy internals summarizer/fast_lexrank.py overrides: a sumy release that changes them fails here."""

from __future__ import annotations

import inspect
from importlib.metadata import version

import numpy as np
from sumy.summarizers.lex_rank import LexRankSummarizer

from summarizer.fast_lexrank import FastLexRankSummarizer

WORDS = [
    ["council", "vote", "budget", "schools"],
    ["budget", "vote", "passes", "council"],
    ["storm", "closes", "harbour"],
    ["schools", "budget", "rise"],
    [],
]


def test_sumy_version_is_one_the_overrides_were_checked_against():
    major, minor = (int(part) for part in version("sumy").split(".")[:2])
    assert (major, minor) >= (0, 11) and (major, minor) < (0, 14)


def test_sumy_lexrank_still_computes_through_the_two_overridden_methods():
    source = inspect.getsource(LexRankSummarizer.__call__)
    assert "self._compute_idf(" in source and "self._create_matrix(" in source
    stock = inspect.signature(LexRankSummarizer._create_matrix)
    assert list(stock.parameters) == list(inspect.signature(FastLexRankSummarizer._create_matrix).parameters)


def test_overrides_give_what_sumy_gives():
    stock, fast = LexRankSummarizer(), FastLexRankSummarizer()
    idf = stock._compute_idf(WORDS)
    assert fast._compute_idf(WORDS) == idf
    tf = stock._compute_tf(WORDS)
    expected = np.array(stock._create_matrix(WORDS, stock.threshold, tf, idf))
    assert np.allclose(fast._create_matrix(WORDS, fast.threshold, tf, idf), expected)


def test_a_short_story_of_unlike_sentences_is_ranked_without_a_numeric_warning():
    # Every sentence alone: LexRank's matrix had only empty rows and sumy's power method divided by zero.
    from summarizer.ranking import rate_sentences

    ratings = rate_sentences(["Fog covered the harbour at dawn.", "Nobody sailed, the pilots reported later."])
    assert len(ratings) == 2 and all(0.0 <= r <= 1.0 for r in ratings)
