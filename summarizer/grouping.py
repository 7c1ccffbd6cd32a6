"""Group articles about the same event into stories (hashed TF-IDF, centroid clustering)."""

from __future__ import annotations

import math
import zlib
from collections import Counter

import numpy as np

from summarizer.models import Article
from summarizer.names import name_runs
from summarizer.similarity import content_stems

DIMENSIONS = 1 << 13
THRESHOLD = 0.18
NAME_WEIGHT = 3.0


def _bucket(term: str) -> int:
    return zlib.crc32(term.encode("utf-8")) & (DIMENSIONS - 1)


def _terms(article: Article) -> Counter[str]:
    terms: Counter[str] = Counter()
    for paragraph in [article.title, *article.paragraphs]:
        terms.update(content_stems(paragraph))
    for _, _, name in name_runs(f"{article.title}\n{article.text}"):
        terms["@" + name.split()[-1].lower()] += NAME_WEIGHT
    return terms


def _vectors(articles: list[Article]) -> np.ndarray:
    bags = [_terms(a) for a in articles]
    df: Counter[str] = Counter(t for bag in bags for t in bag)
    n = len(articles)
    matrix = np.zeros((n, DIMENSIONS), dtype=np.float32)
    for row, bag in enumerate(bags):
        for term, tf in bag.items():
            if df[term] == n and n > 2:
                continue  # in every article: says nothing about which event
            matrix[row, _bucket(term)] += (1 + math.log(tf)) * math.log((1 + n) / (1 + df[term]) + 1)
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    norms[norms == 0] = 1
    return matrix / norms


def group_articles(articles: list[Article], threshold: float = THRESHOLD) -> list[list[Article]]:
    """Clusters of articles about one event, largest first; order inside a cluster is input order."""
    if not articles:
        return []
    vectors = _vectors(articles)
    sums = np.zeros_like(vectors)
    centroids = np.zeros_like(vectors)
    members: list[list[int]] = []
    for i, vector in enumerate(vectors):
        k = len(members)
        best = -1
        if k:
            sims = centroids[:k] @ vector
            j = int(np.argmax(sims))
            if sims[j] >= threshold:
                best = j
        if best < 0:
            best = k
            members.append([])
        members[best].append(i)
        sums[best] += vector
        centroids[best] = sums[best] / max(float(np.linalg.norm(sums[best])), 1e-9)
    clusters = [[articles[i] for i in group] for group in members]
    return sorted(clusters, key=lambda c: (-len({a.outlet for a in c}), -len(c)))
