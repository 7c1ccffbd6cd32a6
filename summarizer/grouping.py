"""Group articles about the same event into stories (hashed TF-IDF, centroid clustering)."""

from __future__ import annotations

import math
import re
import zlib
from collections import Counter

import numpy as np

from summarizer.models import Article
from summarizer.names import name_runs
from summarizer.similarity import content_stems

DIMENSIONS = 1 << 13
THRESHOLD = 0.18
NAME_WEIGHT = 3.0
NAME_GATE = 0.3
_LOWER_WORD = re.compile(r"(?<![\w’'-])[a-z][\w’'-]*")
_SENTENCE_START = re.compile(r"(?:\A|[.!?:”\"]\s+|\n\s*)[“\"]?\Z")


def _bucket(term: str) -> int:
    return zlib.crc32(term.encode("utf-8")) & (DIMENSIONS - 1)


def _terms(article: Article) -> dict[str, float]:
    """Weighted terms: content stems (count of paragraphs using them) and surnames (weighted up)."""
    terms: dict[str, float] = {}
    for paragraph in [article.title, *article.paragraphs]:
        for term in content_stems(paragraph):
            terms[term] = terms.get(term, 0.0) + 1.0
    text = f"{article.title}\n{article.text}"
    common = set(_LOWER_WORD.findall(text))
    for start, _, name in name_runs(text):
        if " " not in name and _SENTENCE_START.search(text[max(0, start - 4) : start]) or (start == 0):
            continue  # "Turnout reached…", "Fire crews…": a capitalised common word, not a name
        words = name.split()
        for position, word in enumerate(words, 1):
            # The last word (a surname, a town) counts most; given names and the like are often shared.
            key = "@" + re.sub(r"[’']s$", "", word.lower())
            if key[1:] not in common:
                terms[key] = terms.get(key, 0.0) + (NAME_WEIGHT if position == len(words) else 1.0)
    return terms


def _vectors(bags: list[dict[str, float]], *, idf: bool = True) -> np.ndarray:
    df: Counter[str] = Counter(t for bag in bags for t in bag)
    n = len(bags)
    matrix = np.zeros((n, DIMENSIONS), dtype=np.float32)
    for row, bag in enumerate(bags):
        for term, tf in bag.items():
            weight = math.log((1 + n) / (1 + df[term]) + 1) if idf else 1.0
            matrix[row, _bucket(term)] += (1 + math.log(tf)) * weight
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    norms[norms == 0] = 1
    normalised: np.ndarray = matrix / norms
    return normalised


class _Sums:
    """Per-cluster sums of unit vectors, grown as clusters appear (memory grows with clusters, not articles)."""

    def __init__(self, dimensions: int) -> None:
        self.sums = np.zeros((16, dimensions), dtype=np.float32)
        self.norms = np.zeros(16, dtype=np.float32)
        self.count = 0

    def cosines(self, vector: np.ndarray) -> np.ndarray:
        k = self.count
        dots: np.ndarray = self.sums[:k] @ vector
        return np.where(self.norms[:k] > 0, dots / np.maximum(self.norms[:k], 1e-9), 0.0)

    def add(self, cluster: int, vector: np.ndarray) -> None:
        if cluster >= len(self.sums):
            self.sums = np.concatenate([self.sums, np.zeros_like(self.sums)])
            self.norms = np.concatenate([self.norms, np.zeros_like(self.norms)])
        self.sums[cluster] += vector
        self.norms[cluster] = float(np.linalg.norm(self.sums[cluster]))
        self.count = max(self.count, cluster + 1)


def group_articles(articles: list[Article], threshold: float = THRESHOLD) -> list[list[Article]]:
    """Clusters of articles about one event, largest first; order inside a cluster is input order.

    Similar wording is not enough: two floods in different towns read alike, so an article joins a
    cluster only when they also share names (people, places) — when both name any.
    """
    if not articles:
        return []
    bags = [_terms(a) for a in articles]
    vectors = _vectors(bags)
    # No idf for names: the names every article shares are exactly the ones that matter here.
    names = _vectors([{t: w for t, w in bag.items() if t.startswith("@")} for bag in bags], idf=False)
    words, people = _Sums(vectors.shape[1]), _Sums(names.shape[1])
    members: list[list[int]] = []
    for i, vector in enumerate(vectors):
        k = len(members)
        best = -1
        if k:
            sims = words.cosines(vector)
            if names[i].any():
                named = people.norms[:k] > 0
                sims = np.where(named & (people.cosines(names[i]) < NAME_GATE), -1.0, sims)
            j = int(np.argmax(sims))
            if sims[j] >= threshold:
                best = j
        if best < 0:
            best = k
            members.append([])
        members[best].append(i)
        words.add(best, vector)
        people.add(best, names[i])
    clusters = [[articles[i] for i in group] for group in members]
    return sorted(clusters, key=lambda c: (-len({a.outlet for a in c}), -len(c)))
