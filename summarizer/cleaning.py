"""Remove scraping noise from article text and drop duplicate articles."""

from __future__ import annotations

import re
import zlib
from collections import Counter
from dataclasses import replace

from summarizer.models import Article, Problem

_NOISE_LINE = re.compile(
    r"^\s*(read also|read more|also read|related|recommended|see also|more on this|watch|listen)\s*:"
    r"|^\s*(advertisement|sponsored|share this( article)?|share on \w+|print this( article)?"
    r"|follow us on .*|sign up (for|to) .*newsletter.*|subscribe( now)?( to .*)?|support (our|independent) journalism.*"
    r"|click here .*|already a subscriber\?.*|log ?in|sign ?in|cookie(s)? (policy|settings).*"
    r"|accept( all)? cookies|photo: .*|image: .*|credit: .*|skip to (main )?content)\s*[.!]?\s*$",
    re.IGNORECASE,
)
_GLUED = re.compile(r"\s*\b(skip to (main )?content|advertisement)\s*$|^\s*(skip to (main )?content)\b\s*", re.I)
_TERMINAL = re.compile(r"[.!?:;…”\"’)\]]\s*$")


def _is_heading(line: str) -> bool:
    """A short line with no closing punctuation, most words capitalised: a sub-heading."""
    words = line.split()
    if not words or len(words) > 14 or _TERMINAL.search(line):
        return False
    capitals = sum(1 for w in words if w[:1].isupper() or not w[:1].isalpha())
    return capitals / len(words) >= 0.6


def clean_text(raw: str) -> tuple[str, str | None]:
    """Return (cleaned text with paragraphs separated by blank lines, headline if one led the text)."""
    paragraphs: list[str] = []
    headline: str | None = None
    for line in raw.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = _GLUED.sub("", line.replace("\u00a0", " ")).strip()
        if not line or _NOISE_LINE.search(line):
            continue
        if line.startswith("#"):
            line = line.lstrip("#").strip()  # a Markdown heading
            if headline is None and not paragraphs:
                headline = line
            continue
        first = headline is None and not paragraphs
        if _is_heading(line) or (first and len(line.split()) <= 14 and not _TERMINAL.search(line)):
            if first:
                headline = line
            continue
        paragraphs.append(re.sub(r"\s+", " ", line))
    return "\n\n".join(paragraphs), headline


def _shingles(text: str, size: int = 5) -> set[int]:
    """64-bit fingerprints of the text's word 5-grams (two C checksums: a third of a cryptographic hash's
    time, and collisions among an article's few hundred shingles are as rare as Jaccard needs)."""
    words = re.findall(r"\w+", text.lower())
    grams = (" ".join(words[i : i + size]).encode() for i in range(max(1, len(words) - size + 1)))
    return {zlib.adler32(gram) << 32 | zlib.crc32(gram) for gram in grams}


class DuplicateFilter:
    """Keeps the first of each group of exact or near-identical articles (5-gram Jaccard), one at a time.

    Ingest feeds it the stored articles once, then each source's new ones as that source is read.
    """

    def __init__(self, threshold: float = 0.8) -> None:
        self.threshold = threshold
        self._kept: list[Article] = []
        self._shingles: list[set[int]] = []
        self._index: dict[int, list[int]] = {}

    def add(self, article: Article) -> Problem | None:
        """Keep ``article``, or return a note naming the kept article it repeats."""
        shingles = _shingles(article.text)
        sample = {s for s in shingles if s % 8 == 0} or shingles
        hits = Counter(i for s in sample for i in self._index.get(s, []))
        # Jaccard ≥ threshold means most of the sampled shingles are shared: skip the set algebra otherwise.
        enough = self.threshold * 0.75 * len(sample)
        for i in sorted(i for i, n in hits.items() if n >= enough):
            kept = self._shingles[i]
            if len(shingles & kept) / max(1, len(shingles | kept)) >= self.threshold:
                first = self._kept[i]
                return Problem(article.source or article.id, f"skipped: near-duplicate of {first.source or first.id}")
        for s in sample:
            self._index.setdefault(s, []).append(len(self._kept))
        self._kept.append(article)
        self._shingles.append(shingles)
        return None


def drop_duplicates(articles: list[Article], threshold: float = 0.8) -> tuple[list[Article], list[Problem]]:
    """Keep the first of each group of exact or near-identical articles (5-gram Jaccard)."""
    unique = DuplicateFilter(threshold)
    kept: list[Article] = []
    notes: list[Problem] = []
    for article in articles:
        note = unique.add(article)
        if note is None:
            kept.append(article)
        else:
            notes.append(note)
    return kept, notes


def clean_article(article: Article) -> Article:
    """Clean an article's text; a leading headline becomes its title when it has none."""
    text, headline = clean_text(article.text)
    title = article.title or headline or ""
    return replace(article, text=text, title=title)
