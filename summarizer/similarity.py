"""Cheap lexical similarity: content-word stems of sentences and articles."""

from __future__ import annotations

import math
from functools import lru_cache

from summarizer.ranking import _STOP_WORDS, stem
from summarizer.sentences import split_words


@lru_cache(maxsize=131072)
def content_stems(text: str) -> frozenset[str]:
    """Stems of the words that carry meaning (no stop words, no one-letter words)."""
    return frozenset(
        stem(w) for w in split_words(text) if len(w) > 1 and w.lower() not in _STOP_WORDS and not w.isdigit()
    )


def overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """Set cosine: shared stems over the geometric mean of the two sizes."""
    if not a or not b:
        return 0.0
    return len(a & b) / math.sqrt(len(a) * len(b))


@lru_cache(maxsize=131072)
def common_stems(text: str) -> frozenset[str]:
    """Stems of the lower-case content words only (names left out)."""
    return frozenset(stem(w) for w in split_words(text) if w.islower() and len(w) > 1 and w not in _STOP_WORDS)


def same_fact(a: str, b: str, threshold: float = 0.28, min_shared: int = 3) -> bool:
    """Whether two sentences plausibly report the same fact: shared names alone are not enough."""
    sa, sb = content_stems(a), content_stems(b)
    if len(sa & sb) < min_shared or len(common_stems(a) & common_stems(b)) < 2:
        return False
    return overlap(sa, sb) >= threshold
