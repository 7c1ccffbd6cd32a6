"""What an article is about, for grouping: its wording, the figures it states and the names it uses.

Terms come from the article's text and its analysis records (named entities by label); vectors are
tf-idf rows with a column for each term two articles share, so cosines are exact and memory grows with
the shared vocabulary only (capped at ``DIMENSIONS`` columns, hashed beyond).
"""

from __future__ import annotations

import math
import re
import zlib
from collections import Counter
from dataclasses import dataclass
from datetime import date
from email.utils import parsedate_to_datetime

import numpy as np

from summarizer.analysis.records import ArticleAnalysis
from summarizer.models import Article
from summarizer.ranking import _STOP_WORDS, stem
from summarizer.sentences import split_words

DIMENSIONS = 1 << 12  # columns at most per vector (beyond that, shared terms are hashed)
NAME_WEIGHT = 3.0
HEADLINE_WEIGHT = 2.0
# A name in more than this share of the articles (and more than COMMON_NAME_MIN of them) is no evidence.
COMMON_NAME_SHARE = 0.05
COMMON_NAME_MIN = 8
NUMERIC = frozenset({"CARDINAL", "PERCENT", "MONEY", "QUANTITY"})
NOT_NAMES = frozenset({"DATE", "TIME", "ORDINAL", *NUMERIC})
_NAME_TOKEN = re.compile(r"[^\W\d_][\w’'-]*")
_NUMBER = re.compile(r"\d[\d,.]*\d|\d")
_LOWER_WORD = re.compile(r"(?<![\w’'-])[a-z][\w’'-]*")
_POSSESSIVE = re.compile(r"[’']s$")


def _bucket(term: str) -> int:
    return zlib.crc32(term.encode("utf-8")) % DIMENSIONS


def _figure(text: str) -> str | None:
    """A figure worth matching across outlets: "53,806" → "#53806"; small counts ("two", "5") are not."""
    digits = [n.replace(",", "") for n in _NUMBER.findall(text)]
    value = max(digits, key=len, default="")
    return f"#{value}" if len(value.replace(".", "")) >= 2 else None


@dataclass(frozen=True)
class Terms:
    """What an article is about, as weighted terms: what happened, every word, and who or where."""

    content: dict[str, float]  # stems of lower-case content words and the figures stated
    words: dict[str, float]  # content, plus capitalised words and the entities' name tokens
    names: dict[str, float]  # tokens of named entities (people, organisations, places, events…)


def _add(bag: dict[str, float], term: str, weight: float) -> None:
    bag[term] = bag.get(term, 0.0) + weight


def article_terms(article: Article, analysis: ArticleAnalysis) -> Terms:
    """The article's terms: content stems by paragraph, figures and names from its analysis."""
    content: dict[str, float] = {}
    words: dict[str, float] = {}
    for weight, paragraph in [(HEADLINE_WEIGHT, article.title), *((1.0, p) for p in article.paragraphs)]:
        seen: set[str] = set()  # a term counts once per paragraph
        for word in split_words(paragraph):
            if len(word) < 2 or word.isdigit() or word.lower() in _STOP_WORDS:
                continue
            term = stem(word)
            key = term if word.islower() else "^" + term
            if key in seen:
                continue
            seen.add(key)
            if word.islower():
                _add(content, term, weight)
            if term not in seen:
                seen.add(term)
                _add(words, term, weight)
    common = set(_LOWER_WORD.findall(article.text))  # titles are often in sentence or title case
    names: dict[str, float] = {}
    sentences = [analysis.headline, *analysis.sentences] if analysis.headline else list(analysis.sentences)
    for sentence in sentences:
        weight = HEADLINE_WEIGHT if sentence.index == -1 else 1.0
        for entity in sentence.entities:
            if entity.label in NUMERIC:
                figure = _figure(entity.text)
                if figure:
                    _add(words, figure, weight)
                    _add(content, figure, weight)
                continue
            if entity.label in NOT_NAMES:
                continue
            tokens = [_POSSESSIVE.sub("", t).lower() for t in _NAME_TOKEN.findall(entity.text)]
            # A capitalised common word the tagger took for a name ("Largest", "Turnout") is not one.
            tokens = [t for t in tokens if len(t) > 1 and t not in _STOP_WORDS and t not in common]
            for position, token in enumerate(tokens, 1):
                # A person's surname counts most (given names are often shared); in other names the last
                # word is as often a generic one ("United", "Bank", "Party") as the distinctive one.
                last = position == len(tokens) and (entity.label == "PERSON" or len(tokens) == 1)
                score = weight * (NAME_WEIGHT if last else 1.0)
                _add(names, "@" + token, score)
    return Terms(content, words, names)


@dataclass(frozen=True)
class Rows:
    """Unit vectors of some articles, kept to the columns of shared terms.

    ``missing[i]`` is the squared length row ``i`` lost with its unshared terms (so a cluster's
    length stays exact), ``present[i]`` whether the article had any term at all.
    """

    vectors: np.ndarray
    missing: np.ndarray
    present: np.ndarray


def vectors(bags: list[dict[str, float]], *, idf: bool = True) -> Rows:
    """Rows of (1 + log tf) weights, times idf unless ``idf`` is false, each of length one."""
    df: Counter[str] = Counter(t for bag in bags for t in bag)
    n = len(bags)
    shared = sorted(t for t, count in df.items() if count > 1)
    column = {t: i for i, t in enumerate(shared)} if len(shared) <= DIMENSIONS else {t: _bucket(t) for t in shared}
    matrix = np.zeros((n, max(1, min(len(shared), DIMENSIONS))), dtype=np.float32)
    lengths = np.ones(n, dtype=np.float32)
    for row, bag in enumerate(bags):
        total = 0.0
        for term, tf in bag.items():
            weight = (1 + math.log(tf)) * (math.log((1 + n) / (1 + df[term]) + 1) if idf else 1.0)
            total += weight * weight
            if term in column:
                matrix[row, column[term]] += weight
        lengths[row] = math.sqrt(total) or 1.0
    matrix /= lengths[:, None]
    present = np.array([bool(bag) for bag in bags])
    missing = np.where(present, np.maximum(0.0, 1.0 - np.einsum("ij,ij->i", matrix, matrix)), 0.0)
    return Rows(matrix, missing.astype(np.float32), present)


def side_by_side(a: Rows, b: Rows) -> Rows:
    """Rows whose cosines are the mean of the cosines of ``a`` and of ``b``."""
    scale = 1 / math.sqrt(2)
    return Rows(np.hstack([a.vectors, b.vectors]) * scale, (a.missing + b.missing) / 2, a.present | b.present)


def distinctive(bags: list[dict[str, float]]) -> list[dict[str, float]]:
    """Names without those in too many articles to tell one event from another ("Street", a given name)."""
    df: Counter[str] = Counter(t for bag in bags for t in bag)
    cap = max(COMMON_NAME_MIN, COMMON_NAME_SHARE * len(bags))
    return [{t: w for t, w in bag.items() if df[t] <= cap} for bag in bags]


def published_day(article: Article) -> int | None:
    """The article's publication day as an ordinal, when its date can be read."""
    raw = (article.published or "").strip()
    if not raw:
        return None
    try:
        return date.fromisoformat(raw[:10]).toordinal()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(raw).date().toordinal()
    except (TypeError, ValueError, IndexError):
        return None
