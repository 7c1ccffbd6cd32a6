"""Rate every sentence of a story with a sumy summariser (LexRank by default), offline."""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import numpy as np
from sumy.models.dom import ObjectDocumentModel, Paragraph
from sumy.models.dom import Sentence as SumySentence
from sumy.nlp.stemmers import Stemmer
from sumy.summarizers.edmundson import EdmundsonSummarizer
from sumy.summarizers.kl import KLSummarizer
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.summarizers.lsa import LsaSummarizer
from sumy.summarizers.luhn import LuhnSummarizer
from sumy.summarizers.random import RandomSummarizer
from sumy.summarizers.reduction import ReductionSummarizer
from sumy.summarizers.sum_basic import SumBasicSummarizer
from sumy.summarizers.text_rank import TextRankSummarizer
from sumy.utils import get_stop_words

from summarizer.fast_lexrank import FastLexRankSummarizer
from summarizer.sentences import OfflineTokenizer

SUMMARIZERS: dict[str, type[Any]] = {
    "lexrank": FastLexRankSummarizer,
    "textrank": TextRankSummarizer,
    "lsa": LsaSummarizer,
    "luhn": LuhnSummarizer,
    "sumbasic": SumBasicSummarizer,
    "kl": KLSummarizer,
    "edmundson": EdmundsonSummarizer,
    "random": RandomSummarizer,
    "reduction": ReductionSummarizer,
}


class CachedStemmer:
    """sumy's Snowball stemmer with a memo: news reuses a small vocabulary, and stemming dominated."""

    def __init__(self, language: str = "english") -> None:
        self._stemmer = Stemmer(language)
        self._memo: dict[str, str] = {}

    def __call__(self, word: str) -> str:
        try:
            return self._memo[word]
        except KeyError:
            if len(self._memo) > 200_000:
                self._memo.clear()
            stemmed = self._memo[word] = str(self._stemmer(word))
            return stemmed


_TOKENIZER = OfflineTokenizer()
_STEMMER = CachedStemmer("english")
_STOP_WORDS = frozenset(get_stop_words("english"))


@lru_cache(maxsize=262144)  # by the word as written: the stemmer's own memo (shared with sumy) needs it lower-cased
def stem(word: str) -> str:
    return _STEMMER(word.lower())


def make_summarizer(algorithm: str) -> Any:
    """A configured sumy summariser; raises ValueError naming the choices for an unknown one."""
    try:
        cls = SUMMARIZERS[algorithm]
    except KeyError:
        raise ValueError(f"unknown summariser '{algorithm}' (choose one of: {', '.join(SUMMARIZERS)})") from None
    summarizer = cls(_STEMMER)
    if algorithm == "edmundson":
        summarizer.bonus_words = ("won", "wins", "elected", "killed", "announced")
        summarizer.stigma_words = ("reportedly",)
        summarizer.null_words = tuple(_STOP_WORDS)
    else:
        summarizer.stop_words = _STOP_WORDS
    return summarizer


def rate_sentences(texts: Sequence[str], algorithm: str = "lexrank") -> list[float]:
    """A rating per sentence, scaled to 0..1, in the order given."""
    if not texts:
        return []
    document = ObjectDocumentModel([Paragraph([SumySentence(t, _TOKENIZER) for t in texts])])
    captured: list[Any] = []

    def capture(infos: list[Any]) -> list[Any]:
        captured.extend(infos)
        return infos

    # A short story of unlike sentences gives LexRank an empty matrix, and sumy's power method then
    # divides by a zero norm: such ratings carry no information, so they count as equal.
    with np.errstate(divide="ignore", invalid="ignore"):
        make_summarizer(algorithm)(document, capture)
    ratings = [0.0] * len(texts)
    for info in captured:
        rating = float(info.rating)
        ratings[info.order] = rating if math.isfinite(rating) else 0.0
    low, high = min(ratings), max(ratings)
    if high - low < 1e-12:
        return [1.0] * len(texts)
    return [(r - low) / (high - low) for r in ratings]


def plain_lexrank(texts: Sequence[str], count: int) -> list[str]:
    """Stock sumy LexRank (pure-Python matrix) over the same sentences: the benchmark's baseline."""
    document = ObjectDocumentModel([Paragraph([SumySentence(t, _TOKENIZER) for t in texts])])
    summarizer = LexRankSummarizer(Stemmer("english"))
    summarizer.stop_words = _STOP_WORDS
    return [str(s) for s in summarizer(document, count)]
