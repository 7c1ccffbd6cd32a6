"""The neutral brief: the main fact first, then sumy-ranked shared facts, pruned of loaded language.

Only parsed running text is a candidate (``brief_candidates``); each sentence names the outlets whose
own sentences state its fact, with their quotes (``credits``); the lead is chosen by ``lead``.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass

from summarizer.analysis.records import SentenceAnalysis
from summarizer.analysis.syntax import SUBJECT_DEPS
from summarizer.anaphora import Referent, named_before, referent_needed
from summarizer.brief_candidates import headline_keys, is_candidate, strip_dateline
from summarizer.credits import confirming_outlets, credits_for, statements
from summarizer.election import WIN
from summarizer.lead import can_lead, lead_score, profile
from summarizer.models import Brief, BriefSentence, Credit, ElectionResult, Figure, Sentence
from summarizer.neutrality import prune
from summarizer.ranking import rate_sentences
from summarizer.similarity import content_stems, overlap

_PRONOUN_START = re.compile(r"^(?:He|She|They|It|This|These|Those|His|Her|Their|Its)\b")
_ANAPHORA = re.compile(r"\b(?:him|at that time|then|there|the latter|the former|such)\b")
_SPEECH = re.compile(r"[”\"]\s*,?\s*(?:\w+\s){0,4}(?:said|says|wrote|writes|told|added)\b|^[“\"]")
_REDUNDANT = 0.45
_PERSONAL = frozenset({"he", "she", "they", "it"})


@dataclass(frozen=True)
class BriefSettings:
    """How long the brief is and which sumy algorithm ranks it."""

    sentences: int = 3
    words: int = 90
    algorithm: str = "lexrank"


@dataclass(frozen=True)
class _Option:
    sentence: Sentence
    text: str  # as shown: dateline stripped, loaded parts pruned
    credits: list[Credit]
    confirmed: int  # other outlets stating its event (claim and actors), whatever their figures
    rank: int  # position among its article's brief candidates (0 = the article's first real sentence)
    score: float
    rounded: bool = False  # gives a figure less precisely than another outlet does


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


def _pronoun_subject(sentence: Sentence) -> bool:
    """The sentence's first subject is a personal pronoun ("In a speech, he said…"): who it is lies
    outside the sentence (a later "he" may point back at a name earlier in it)."""
    a = sentence.analysis
    if a is None or not a.parsed:
        return False
    first = next((t for t in a.tokens if t.dep in SUBJECT_DEPS and not t.in_quote), None)
    return first is not None and first.lemma.lower() in _PERSONAL


def body_ranks(sentences: Iterable[Sentence]) -> dict[tuple[str, int], int]:
    """Each sentence's position among its article's body sentences (0 = the article's lead)."""
    ranks: dict[tuple[str, int], int] = {}
    seen: dict[str, int] = {}
    for s in sorted(sentences, key=lambda s: (s.article_id, s.index)):
        ranks[(s.article_id, s.index)] = seen.get(s.article_id, 0)
        seen[s.article_id] = ranks[(s.article_id, s.index)] + 1
    return ranks


def _options(
    sentences: list[Sentence],
    figures: list[Figure],
    election: ElectionResult | None,
    settings: BriefSettings,
    candidates: list[Sentence],
) -> list[_Option]:
    ratings = rate_sentences([s.text for s in candidates], settings.algorithm)
    ranks = body_ranks(sentences)
    candidate_ranks = body_ranks(candidates)  # page furniture above an article's lead does not count
    outlets = {s.outlet for s in sentences}
    supporters = statements(sorted(sentences, key=lambda s: ranks[(s.article_id, s.index)]))
    options: list[_Option] = []
    for sentence, rating in zip(candidates, ratings, strict=True):
        # On the parse when the sentence has records (neutrality.prune), then without a glued dateline.
        pruned = prune(sentence)
        text = strip_dateline(pruned) if pruned is not None else None
        fit = _figure_fit(sentence.text, figures)
        if text is None:
            continue
        credits = credits_for(sentence, text, supporters)
        confirmed = len(confirming_outlets(sentence, text, supporters))
        others = max(1, len(outlets) - 1)
        score = 0.6 * rating + 0.4 * (len(credits) - 1) / others + 0.3 * confirmed / others + (fit or 0.0)
        if election and election.winner.name.split()[-1] in text and WIN.search(text):
            score += 0.3
        if _PRONOUN_START.match(text) or _pronoun_subject(sentence):
            score *= 0.6  # "In a speech, he said…": whom "he" means depends on a sentence the brief may not show
        if _ANAPHORA.search(text):
            score *= 0.7
        if _SPEECH.search(text):
            score *= 0.5
        rank = candidate_ranks[(sentence.article_id, sentence.index)]
        options.append(_Option(sentence, text, credits, confirmed, rank, score, rounded=fit is None))
    return options


def _lead(
    options: list[_Option],
    sentences: list[Sentence],
    election: ElectionResult | None,
    headlines: list[SentenceAnalysis],
) -> _Option | None:
    story = profile(sentences, body_ranks(sentences), headlines)
    best: tuple[float, int, _Option] | None = None
    for n, option in enumerate(options):
        analysis = option.sentence.analysis
        if analysis is None or not can_lead(analysis, option.text):
            continue
        support = len(option.credits) - 1
        score = lead_score(option.sentence, option.text, support, option.confirmed, option.rank, story)
        if election and election.winner.name.split()[-1] in option.text and WIN.search(option.text):
            score += 0.3
        if option.rounded:
            score -= 0.5  # the main fact may round a figure; the rest of the brief may not
        if best is None or (score, -n) > best[:2]:
            best = (score, -n, option)
    return best[2] if best else None


def _articles_before(sentences: list[Sentence]) -> dict[tuple[str, int], list[Sentence]]:
    """For each sentence, the body sentences its article prints before it, in order."""
    by_article: dict[str, list[Sentence]] = {}
    for s in sorted(sentences, key=lambda s: (s.article_id, s.index)):
        by_article.setdefault(s.article_id, []).append(s)
    return {(s.article_id, s.index): body[:k] for body in by_article.values() for k, s in enumerate(body)}


def _clear(
    option: _Option, need: Referent | None, earlier: list[_Option], before: dict[tuple[str, int], list[Sentence]]
) -> bool:
    """Whether a reader knows whom the sentence's subject means ("He…", "The leader…") from the brief so far."""
    if need is None:
        return True
    if not earlier:
        return False  # never the lead
    own = before[(option.sentence.article_id, option.sentence.index)]
    last = earlier[-1].sentence
    follows = bool(own) and (last.article_id, last.index) == (own[-1].article_id, own[-1].index)
    return named_before(need, [o.text for o in earlier], follows)


def _keep_together(
    ordered: list[_Option], needs: dict[int, Referent | None], before: dict[tuple[str, int], list[Sentence]]
) -> list[_Option]:
    """A sentence whose subject points back goes right after its article's previous sentence when the
    brief shows that one too ("The port reopened…" then "It had been shut…")."""
    result = list(ordered)
    for option in ordered[1:]:
        own = before[(option.sentence.article_id, option.sentence.index)]
        if needs[id(option)] is None or not own:
            continue
        previous = next((o for o in result if o.sentence is own[-1]), None)
        if previous is not None:
            result.remove(option)
            result.insert(result.index(previous) + 1, option)
    return result


def _select(
    options: list[_Option],
    sentences: list[Sentence],
    election: ElectionResult | None,
    heads: list[SentenceAnalysis],
    settings: BriefSettings,
) -> tuple[list[_Option], int]:
    """The lead, then the best further sentences within the length, in reading order; and their words."""
    lead = _lead(options, sentences, election, heads)
    chosen: list[_Option] = [lead] if lead else []
    words = len(lead.text.split()) if lead else 0
    # Facts another outlet confirms come before those only one outlet states.
    for option in sorted(options, key=lambda o: (o.confirmed == 0, -o.score)):
        if len(chosen) >= settings.sentences:
            break
        if option.rounded:
            continue
        length = len(option.text.split())
        if any(option is c for c in chosen) or (chosen and words + length > settings.words * 1.2):
            continue
        if any(overlap(content_stems(option.text), content_stems(c.text)) > _REDUNDANT for c in chosen):
            continue
        chosen.append(option)
        words += length
    # After the lead: what most outlets confirm first, then in the order the articles tell it.
    rest = sorted((o for o in chosen if o is not lead), key=lambda o: (-len(o.credits), o.rank))
    return ([lead] if lead else []) + rest, words


def build_brief(
    sentences: list[Sentence],
    *,
    figures: list[Figure],
    election: ElectionResult | None,
    settings: BriefSettings,
    headlines: Iterable[SentenceAnalysis] = (),
    repeated: Collection[tuple[str, str]] = (),
) -> Brief:
    """Up to ``settings.sentences`` neutral sentences within about ``settings.words`` words, main fact first.

    ``headlines`` are the articles' analysed titles (never a brief sentence, but they say what the main
    fact is); ``repeated`` holds
    ``(article_id, text)`` of lines a page prints more than once (captions, pull quotes).
    """
    heads = [h for h in headlines if h.text.strip()]
    keys = set(headline_keys(h.text for h in heads))
    candidates = [s for s in sentences if is_candidate(s, keys, (s.article_id, s.text) in repeated)]
    options = _options(sentences, figures, election, settings, candidates)
    before = _articles_before(sentences)
    needs = {id(o): referent_needed(o.sentence, before[(o.sentence.article_id, o.sentence.index)]) for o in options}
    while True:  # each round drops the sentences whose subject the brief leaves unexplained
        ordered, words = _select(options, sentences, election, heads, settings)
        ordered = _keep_together(ordered, needs, before)
        unclear = {id(o) for k, o in enumerate(ordered) if not _clear(o, needs[id(o)], ordered[:k], before)}
        if not unclear:
            break
        options = [o for o in options if id(o) not in unclear]
    return Brief(
        sentences=[
            BriefSentence(
                text=o.text,
                sources=[c.outlet for c in o.credits],
                extracted_from=o.sentence.outlet,
                credits=o.credits,
            )
            for o in ordered
        ],
        algorithm=settings.algorithm,
        words=words,
    )
