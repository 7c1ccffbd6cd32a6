"""The neutral brief: sumy-ranked sentences, pruned of loaded language, favouring shared facts."""

from __future__ import annotations

import re
from dataclasses import dataclass

from summarizer.election import WIN
from summarizer.models import Brief, BriefSentence, ElectionResult, Figure, Sentence
from summarizer.neutrality import prune
from summarizer.ranking import rate_sentences
from summarizer.similarity import content_stems, overlap, same_fact

_PRONOUN_START = re.compile(r"^(?:He|She|They|It|This|These|Those|His|Her|Their|Its)\b")
_ANAPHORA = re.compile(r"\b(?:him|at that time|then|there|the latter|the former|such)\b")
_SPEECH = re.compile(r"[”\"]\s*,?\s*(?:\w+\s){0,4}(?:said|says|wrote|writes|told|added)\b|^[“\"]")


@dataclass(frozen=True)
class BriefSettings:
    """How long the brief is and which sumy algorithm ranks it."""

    sentences: int = 3
    words: int = 90
    algorithm: str = "lexrank"


def _usable(sentence: Sentence) -> bool:
    words = len(sentence.text.split())
    return 6 <= words <= 60 and not sentence.text.rstrip().endswith((":", "?"))


def _figure_fit(text: str, figures: list[Figure]) -> float | None:
    """None when the sentence states a less precise figure than another outlet gave; else a bonus."""
    bonus = 0.0
    for fig in figures:
        if fig.agree and len(fig.reports) < 2:
            continue
        stated = [r for r in fig.reports if r.quote == text and r.text in text]
        if not stated:
            continue
        if fig.preferred in stated:
            bonus += 0.25
        elif not fig.agree:
            return None
    return bonus


def build_brief(
    sentences: list[Sentence],
    *,
    figures: list[Figure],
    election: ElectionResult | None,
    settings: BriefSettings,
) -> Brief:
    """Pick up to ``settings.sentences`` neutral sentences within about ``settings.words`` words."""
    candidates = [s for s in sentences if _usable(s)]
    ratings = rate_sentences([s.text for s in candidates], settings.algorithm)
    outlets = {s.outlet for s in sentences}
    by_outlet: dict[str, list[Sentence]] = {}
    for s in sentences:
        by_outlet.setdefault(s.outlet, []).append(s)
    scored: list[tuple[float, str, Sentence, list[str]]] = []
    for sentence, rating in zip(candidates, ratings, strict=True):
        text = prune(sentence.text)
        fit = _figure_fit(sentence.text, figures)
        if text is None or fit is None:
            continue
        support = sorted(
            outlet
            for outlet, theirs in by_outlet.items()
            if outlet != sentence.outlet and any(same_fact(sentence.text, t.text) for t in theirs)
        )
        score = 0.6 * rating + 0.4 * len(support) / max(1, len(outlets) - 1) + fit
        if election and election.winner.name.split()[-1] in text and WIN.search(text):
            score += 0.3
        if sentence.index == 0:
            score += 0.15  # a news lead states the main fact
        if _PRONOUN_START.match(text):
            score *= 0.6
        if _ANAPHORA.search(text):
            score *= 0.7
        if _SPEECH.search(text):
            score *= 0.5
        scored.append((score, text, sentence, support))
    scored.sort(key=lambda item: -item[0])
    chosen: list[BriefSentence] = []
    words = 0
    for _, text, sentence, support in scored:
        if len(chosen) >= settings.sentences:
            break
        length = len(text.split())
        if chosen and words + length > settings.words * 1.2:
            continue
        if any(overlap(content_stems(text), content_stems(c.text)) > 0.45 for c in chosen):
            continue
        chosen.append(BriefSentence(text=text, sources=[sentence.outlet, *support], extracted_from=sentence.outlet))
        words += length
    return Brief(sentences=chosen, algorithm=settings.algorithm, words=words)
