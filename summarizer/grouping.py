"""Group articles about the same event into stories: shared names, figures and wording, by average link.

Each article's wording similarity is the mean of two cosines (content words and figures; every word
and name), its names similarity the cosine of its named entities' tokens, rarer names weighing more
(``story_terms``). A greedy pass joins each article to the cluster it reads most like; a second pass
merges clusters whose *average* pairwise similarity is high, so three short reports of one event that
each resemble the others only partly still meet. Two clusters stay apart when both name people or
places and those names agree little, or much less than their wording does (the same kind of report
about someone else), and when their known publication dates lie more than ``MAX_DAYS_APART`` apart.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from summarizer.analysis.analyse import analyse_articles
from summarizer.analysis.records import ArticleAnalysis
from summarizer.models import Article
from summarizer.story_terms import Rows, article_terms, distinctive, published_day, side_by_side, vectors

JOIN = 0.18  # greedy pass: cosine of an article with a cluster's centroid
MERGE = 0.11  # second pass: mean pairwise wording cosine between two clusters
NAME_GATE = 0.1  # names agreeing less than this keep two named clusters apart…
NAME_RATIO = 0.5  # …as do names agreeing less than half as much as the wording does
MAX_DAYS_APART = 3


class _Sums:
    """Per-cluster sums of unit rows, with each sum's exact squared length."""

    def __init__(self, rows: Rows) -> None:
        self.rows = rows
        self.sums = np.zeros((16, rows.vectors.shape[1]), dtype=np.float32)
        self.missing = np.zeros(16, dtype=np.float32)
        self.present = np.zeros(16, dtype=np.float32)  # members with any term

    def grow(self) -> None:
        self.sums = np.concatenate([self.sums, np.zeros_like(self.sums)])
        self.missing = np.concatenate([self.missing, np.zeros_like(self.missing)])
        self.present = np.concatenate([self.present, np.zeros_like(self.present)])

    def add(self, cluster: int, i: int) -> None:
        self.sums[cluster] += self.rows.vectors[i]
        self.missing[cluster] += self.rows.missing[i]
        self.present[cluster] += float(self.rows.present[i])

    def fold(self, a: int, b: int) -> None:
        for array in (self.sums, self.missing, self.present):
            array[a] += array[b]
            array[b] = 0

    def centroid_cosines(self, k: int, i: int) -> np.ndarray:
        """Cosine of row ``i`` with each of the first ``k`` clusters' sums."""
        sums = self.sums[:k]
        lengths = np.sqrt(np.einsum("ij,ij->i", sums, sums) + self.missing[:k])
        cosines: np.ndarray = (sums @ self.rows.vectors[i]) / np.maximum(lengths, 1e-9)
        return cosines

    def mean_cosines(self, rows: list[int], k: int) -> np.ndarray:
        """Mean pairwise cosine between the members of clusters ``rows`` and of each of the first ``k``."""
        counts = np.maximum(np.outer(self.present[rows], self.present[:k]), 1)
        means: np.ndarray = (self.sums[rows] @ self.sums[:k].T) / counts
        return means


class _Clusters:
    """Clusters as sums (wording, names), sizes and date ranges; memory grows with clusters, not articles."""

    def __init__(self, words: Rows, names: Rows, days: list[int | None]) -> None:
        self.words, self.names, self.days = _Sums(words), _Sums(names), days
        self.first = np.full(16, np.inf)
        self.last = np.full(16, -np.inf)
        self.members: list[list[int]] = []

    def add(self, cluster: int, i: int) -> None:
        if cluster == len(self.members):
            if cluster >= len(self.first):
                self.words.grow()
                self.names.grow()
                self.first = np.concatenate([self.first, np.full_like(self.first, np.inf)])
                self.last = np.concatenate([self.last, np.full_like(self.last, -np.inf)])
            self.members.append([])
        self.members[cluster].append(i)
        self.words.add(cluster, i)
        self.names.add(cluster, i)
        day = self.days[i]
        if day is not None:
            self.first[cluster] = min(self.first[cluster], day)
            self.last[cluster] = max(self.last[cluster], day)

    def join_scores(self, i: int) -> np.ndarray:
        """Cosine of article ``i`` with each cluster's centroid; -1 where names or dates rule it out."""
        k = len(self.members)
        scores = self.words.centroid_cosines(k, i)
        if self.names.rows.present[i]:
            names = self.names.centroid_cosines(k, i)
            required = np.maximum(NAME_GATE, NAME_RATIO * scores)
            scores = np.where((self.names.present[:k] > 0) & (names < required), -1.0, scores)
        day = self.days[i]
        if day is not None:
            apart = np.maximum(self.last[:k], day) - np.minimum(self.first[:k], day)
            scores = np.where(np.isfinite(self.first[:k]) & (apart > MAX_DAYS_APART), -1.0, scores)
        return scores

    def merge_scores(self, rows: list[int] | None = None) -> np.ndarray:
        """Mean pairwise wording cosine of clusters ``rows`` (default all) with every cluster.

        -1 where names or dates rule the pair out, for a cluster with itself and for emptied clusters.
        """
        k = len(self.members)
        rows = list(range(k)) if rows is None else rows
        words = self.words.mean_cosines(rows, k)
        names = self.names.mean_cosines(rows, k)
        named = self.names.present[:k] > 0
        required = np.maximum(NAME_GATE, NAME_RATIO * words)
        blocked = np.outer(named[rows], named) & (names < required)
        first = np.minimum.outer(self.first[rows], self.first[:k])
        last = np.maximum.outer(self.last[rows], self.last[:k])
        blocked |= np.isfinite(first) & np.isfinite(last) & (last - first > MAX_DAYS_APART)
        empty = np.array([not m for m in self.members])
        blocked |= empty[rows][:, None] | empty[None, :]
        scores: np.ndarray = np.where(blocked, -1.0, words)
        scores[np.arange(len(rows)), rows] = -1.0
        return scores

    def merge(self, a: int, b: int) -> None:
        """Fold cluster ``b`` into ``a`` (``b`` is left empty)."""
        self.members[a].extend(self.members[b])
        self.members[b] = []
        self.words.fold(a, b)
        self.names.fold(a, b)
        self.first[a] = min(self.first[a], self.first[b])
        self.last[a] = max(self.last[a], self.last[b])
        self.first[b], self.last[b] = np.inf, -np.inf


def _merge_pass(clusters: _Clusters, threshold: float) -> None:
    """Merge the two most similar clusters while their mean pairwise similarity reaches ``threshold``."""
    scores = clusters.merge_scores()
    while scores.size:
        row, column = divmod(int(np.argmax(scores)), scores.shape[1])
        if scores[row, column] < threshold:
            return
        a, b = min(row, column), max(row, column)
        clusters.merge(a, b)
        scores[b, :] = -1.0
        scores[:, b] = -1.0
        fresh = clusters.merge_scores([a])[0]  # only cluster ``a`` changed
        scores[a, :] = fresh
        scores[:, a] = fresh


def group_articles(
    articles: list[Article],
    analyses: Mapping[str, ArticleAnalysis] | None = None,
    threshold: float = JOIN,
) -> list[list[Article]]:
    """Clusters of articles about one event, most outlets first; order inside a cluster is input order.

    ``analyses`` gives each article's stored analysis by id (missing ones are made here).
    """
    if not articles:
        return []
    analyses = analyse_articles(articles, known=analyses)
    terms = [article_terms(a, analyses[a.id]) for a in articles]
    # A town both name is not enough when nothing else matches: the content cosine counts half.
    words = side_by_side(vectors([t.content for t in terms]), vectors([t.words for t in terms]))
    names = vectors(distinctive([t.names for t in terms]), idf=True)
    clusters = _Clusters(words, names, [published_day(a) for a in articles])
    for i in range(len(articles)):
        best = len(clusters.members)
        if clusters.members:
            scores = clusters.join_scores(i)
            j = int(np.argmax(scores))
            if scores[j] >= threshold:
                best = j
        clusters.add(best, i)
    _merge_pass(clusters, MERGE)
    groups = [[articles[i] for i in sorted(m)] for m in clusters.members if m]
    return sorted(groups, key=lambda c: (-len({a.outlet for a in c}), -len(c)))
