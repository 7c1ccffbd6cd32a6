"""How evaluative a word is, read from two lexicons that ship inside their MIT-licensed wheels.

- TextBlob's subjectivity lexicon (``textblob/en/en-sentiment.xml``, De Smedt & Daelemans): per word
  sense, a polarity (-1..1), a subjectivity (0..1) and an intensity; mostly adjectives. Senses of one
  form and part of speech are averaged, as TextBlob itself does.
- vaderSentiment's lexicon (``vader_lexicon.txt``, Hutto & Gilbert): a mean valence (-4..4) rated by
  ten people for each of about 7,500 words of any part of speech.

Both are read as data files through ``importlib.resources``; nothing of either package's code runs.
"""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from vaderSentiment.vaderSentiment import BOOSTER_DICT


@dataclass(frozen=True, slots=True)
class Subjectivity:
    """TextBlob's scores for one word form and part of speech, averaged over its senses."""

    polarity: float
    subjectivity: float
    intensity: float


@lru_cache(maxsize=1)
def _textblob() -> dict[tuple[str, str], Subjectivity]:
    raw = resources.files("textblob").joinpath("en", "en-sentiment.xml").read_bytes()
    senses: dict[tuple[str, str], list[tuple[float, float, float]]] = {}
    for word in ElementTree.fromstring(raw).iter("word"):
        form = (word.get("form") or "").lower()
        pos = (word.get("pos") or "")[:2]
        if not form or not pos:
            continue
        scores = (
            float(word.get("polarity") or 0.0),
            float(word.get("subjectivity") or 0.0),
            float(word.get("intensity") or 1.0),
        )
        senses.setdefault((form, pos), []).append(scores)
    return {
        key: Subjectivity(*(round(sum(s[k] for s in rows) / len(rows), 3) for k in range(3)))
        for key, rows in senses.items()
    }


@lru_cache(maxsize=1)
def _vader() -> dict[str, float]:
    text = resources.files("vaderSentiment").joinpath("vader_lexicon.txt").read_text("utf-8")
    valence: dict[str, float] = {}
    for line in text.splitlines():
        parts = line.split("\t")
        if len(parts) >= 2:
            try:
                valence[parts[0].lower()] = float(parts[1])
            except ValueError:
                continue
    return valence


def subjectivity(word: str, pos: str = "JJ") -> Subjectivity | None:
    """TextBlob's averaged scores for ``word`` as ``pos`` (Penn tag prefix: JJ, NN, VB, RB), or None."""
    return _textblob().get((word.lower(), pos[:2]))


def valence(*forms: str) -> float | None:
    """vaderSentiment's mean valence for the first of ``forms`` it lists (e.g. the word, then its lemma)."""
    table = _vader()
    for form in forms:
        found = table.get(form.lower())
        if found is not None:
            return found
    return None


def boosters() -> frozenset[str]:
    """vaderSentiment's one-word intensifiers ("extremely", "utterly"), from its public booster table."""
    return frozenset(word for word, weight in BOOSTER_DICT.items() if weight > 0 and " " not in word)
