"""The brief's first sentence: the story's main fact — who did what, with the key figure.

A lead is a sentence with a finite main verb and a named actor, early in its article, whose names
and main verb most outlets share, and which other outlets' own sentences confirm. Background (past
perfect), speculation (a modal), a pronoun or a quotation never opens the brief.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from summarizer.analysis.records import SentenceAnalysis
from summarizer.analysis.syntax import (
    NAMED_LABELS,
    auxiliaries,
    entity_at,
    is_finite,
    main_predicate,
    subject_of,
)
from summarizer.credits import facts_of, kept_tokens, normalise
from summarizer.models import Sentence
from summarizer.similarity import content_stems, overlap

LEAD_WINDOW = 5  # an article's first body sentences, where news states its main fact
OPENING = 3  # the sentences an article opens with, which the main fact should resemble
TOP_NOUNS = 3
LONG = 35  # words: a longer lead buries its fact
_ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
_PRONOUN_WORDS = frozenset({"this", "these", "those", "that", "it", "its", "such"})
_DEFINITE = frozenset({"the", "this", "that", "these", "those"})
_ADDITIVE = frozenset({"also", "too", "still", "meanwhile"})
_WEAK_VERBS = frozenset({"be", "have", "say", "do", "make", "take", "get", "go", "come", "see", "tell", "add"})


@dataclass(frozen=True)
class StoryProfile:
    """How many outlets mention each name, and use each verb near the top of their article."""

    outlets: int
    names: Counter[str]
    verbs: Counter[str]
    headlines: tuple[frozenset[str], ...] = ()  # content stems of the outlets' headlines
    headline_lemmas: tuple[frozenset[str], ...] = ()  # lemmas of the parsed headlines
    leads: dict[str, list[frozenset[str]]] = field(default_factory=dict)  # per outlet: its first sentences
    figures: Counter[float] = field(default_factory=Counter)  # how many outlets print each number
    nouns: Counter[str] = field(default_factory=Counter)  # how many outlets open with each common noun


def _names(analysis: SentenceAnalysis, kept: set[int] | None = None) -> set[str]:
    found: set[str] = set()
    for e in analysis.entities:
        if e.label in NAMED_LABELS and (kept is None or all(i in kept for i in range(e.start, e.end))):
            name = normalise(e.text)
            found.add(name.split()[-1] if e.label == "PERSON" and name else name)
    return found


def _figures(analysis: SentenceAnalysis, kept: set[int] | None = None) -> set[float]:
    """The numbers a sentence prints in digits, years left out (a year dates a fact, it is not its figure)."""
    numbers = facts_of(analysis, kept).numbers
    return {v for v, digits in numbers if digits and not (1900 <= v <= 2100 and v == int(v))}


def _nouns(analysis: SentenceAnalysis, kept: set[int] | None = None) -> set[str]:
    return {
        t.lemma.lower()
        for i, t in enumerate(analysis.tokens)
        if t.pos == "NOUN" and not t.in_quote and not t.ent and (kept is None or i in kept)
    }


def _verbs(analysis: SentenceAnalysis, kept: set[int] | None = None) -> set[str]:
    """Lemmas of the verbs the sentence asserts in its own voice (not hedged by a modal)."""
    return {
        t.lemma.lower()
        for i, t in enumerate(analysis.tokens)
        if t.pos == "VERB"
        and (kept is None or i in kept)
        and not t.in_quote
        and t.lemma.lower() not in _WEAK_VERBS
        and not any(analysis.tokens[j].tag == "MD" for j in auxiliaries(analysis, i))
    }


def profile(
    sentences: Iterable[Sentence], ranks: dict[tuple[str, int], int], headlines: Iterable[SentenceAnalysis] = ()
) -> StoryProfile:
    heads = list(headlines)
    names: dict[str, set[str]] = {}
    verbs: dict[str, set[str]] = {}
    figures: dict[float, set[str]] = {}
    nouns: dict[str, set[str]] = {}
    outlets: set[str] = set()
    leads: dict[str, list[frozenset[str]]] = {}
    for s in sentences:
        outlets.add(s.outlet)
        if ranks.get((s.article_id, s.index), LEAD_WINDOW) < OPENING:
            leads.setdefault(s.outlet, []).append(content_stems(s.text))
        a = s.analysis
        if a is None or not a.parsed:
            continue
        for name in _names(a):
            names.setdefault(name, set()).add(s.outlet)
        for value in _figures(a):
            figures.setdefault(value, set()).add(s.outlet)
        if ranks.get((s.article_id, s.index), LEAD_WINDOW) < LEAD_WINDOW:
            for verb in _verbs(a):
                verbs.setdefault(verb, set()).add(s.outlet)
            for noun in _nouns(a):
                nouns.setdefault(noun, set()).add(s.outlet)
    return StoryProfile(
        outlets=max(1, len(outlets)),
        names=Counter({k: len(v) for k, v in names.items()}),
        verbs=Counter({k: len(v) for k, v in verbs.items()}),
        headlines=tuple(stems for stems in (content_stems(h.text) for h in heads) if len(stems) >= 3),
        headline_lemmas=tuple(frozenset(t.lemma.lower() for t in h.tokens) for h in heads if h.parsed),
        leads=leads,
        figures=Counter({k: len(v) for k, v in figures.items()}),
        nouns=Counter({k: len(v) for k, v in nouns.items()}),
    )


def named_actor(analysis: SentenceAnalysis, subject: int) -> bool:
    """The subject is a name, or a noun a name modifies ("Tesla shareholders", "Lindqvist's party")."""
    if entity_at(analysis, subject) in _ACTOR_LABELS or analysis.tokens[subject].pos == "PROPN":
        return True
    return any(
        analysis.tokens[j].dep in ("compound", "poss", "amod") and entity_at(analysis, j) in _ACTOR_LABELS
        for j in analysis.children(subject)
    )


def has_named_actor(analysis: SentenceAnalysis) -> bool:
    """Who did what: the main verb's subject is named."""
    verb = main_predicate(analysis)
    subject = subject_of(analysis, verb) if verb is not None else None
    return subject is not None and named_actor(analysis, subject)


def _refers_back(analysis: SentenceAnalysis) -> bool:
    """An opening phrase that points at something said before: "With the loss, …", "After this, …"."""
    tokens = analysis.tokens
    if not tokens or tokens[0].pos != "ADP":
        return False
    noun = next((j for j in analysis.children(0) if tokens[j].dep == "pobj"), None)
    if noun is None or noun + 1 >= len(tokens) or tokens[noun + 1].text != ",":
        return False
    modifiers = list(analysis.children(noun))
    return len(modifiers) == 1 and tokens[modifiers[0]].lemma.lower() in _DEFINITE


def can_lead(analysis: SentenceAnalysis, text: str) -> bool:
    """A finite main clause stating an event in the present or past, not a pronoun or a quote."""
    first = text.split(maxsplit=1)[0].lower().strip("“\"‘'") if text.strip() else ""
    if first in _PRONOUN_WORDS or (analysis.tokens and analysis.tokens[0].pos in ("PRON", "CCONJ")):
        return False  # "He…", "This…", "But…": it continues something said before
    if len(analysis.tokens) > 1 and analysis.tokens[0].pos == "ADV" and analysis.tokens[1].text == ",":
        return False  # "However, …", "Notably, …"
    if any(t.in_quote for t in analysis.tokens[:3]):
        return False
    if _refers_back(analysis):
        return False
    verb = main_predicate(analysis)
    if verb is None or not is_finite(analysis, verb):
        return False
    if any(analysis.tokens[j].lemma.lower() in _ADDITIVE for j in analysis.children(verb)):
        return False  # "X also won…": a further fact, not the main one
    subject = subject_of(analysis, verb)
    if subject is None or analysis.tokens[subject].pos == "PRON":
        return False
    for j in auxiliaries(analysis, verb):
        aux = analysis.tokens[j]
        if aux.tag == "MD" or (aux.lemma.lower() == "have" and aux.tag == "VBD"):
            return False  # speculation ("could exceed") or background ("had won")
    return True


def _shared_with_leads(stems: frozenset[str], outlet: str, story: StoryProfile) -> float:
    """How much the sentence says what the other outlets open with (mean of best overlaps)."""
    others = [opening for o, opening in story.leads.items() if o != outlet]
    if not others:
        return 0.0
    return sum(max((overlap(stems, s) for s in opening), default=0.0) for opening in others) / len(others)


def lead_score(sentence: Sentence, text: str, support: int, confirmed: int, rank: int, story: StoryProfile) -> float:
    """How well ``sentence`` (shown as ``text``) states the main fact.

    ``support``: other outlets crediting the whole sentence; ``confirmed``: other outlets stating its
    event (claim and actors) at all.
    """
    analysis = sentence.analysis
    assert analysis is not None
    others = max(1, story.outlets - 1)
    kept = kept_tokens(analysis, text)  # a pruned sentence is scored on what it still shows
    names = sorted((story.names[n] for n in _names(analysis, kept)), reverse=True)[:2]
    centrality = sum(names) / (2 * story.outlets)
    verb = main_predicate(analysis)
    main_share = story.verbs[analysis.tokens[verb].lemma.lower()] if verb is not None else 0
    other_share = max((story.verbs[v] for v in _verbs(analysis, kept)), default=0)
    verb_share = max(main_share, 0.75 * other_share) / story.outlets
    subject = subject_of(analysis, verb) if verb is not None else None
    stems = content_stems(text)
    score = (
        (0.5 * support + 1.5 * confirmed) / others
        + 0.5 * centrality
        + verb_share
        + 1.5 * _shared_with_leads(stems, sentence.outlet, story)
        + max(0.0, 0.3 - 0.075 * rank)
    )
    if story.headlines:  # what the outlets' headlines say happened
        score += sum(len(stems & h) / len(h) for h in story.headlines) / len(story.headlines)
    if story.headline_lemmas and verb is not None:  # …and the verb they say it with
        lemma = analysis.tokens[verb].lemma.lower()
        score += sum(lemma in h for h in story.headline_lemmas) / len(story.headline_lemmas)
    if subject is not None and named_actor(analysis, subject):
        score += 0.4  # who did what
    if verb is not None and analysis.tokens[verb].lemma.lower() in _WEAK_VERBS:
        score -= 0.4  # "X is among…", "X has…": a state, not what happened
    # What happened, in the words most outlets open with ("earthquake", "toll").
    # Nouns tied with the last of the top ones all count: which of them a Counter lists first
    # depends on string hashing, so picking one would change the lead from run to run.
    counts = sorted(story.nouns.values(), reverse=True)
    floor = max(2, counts[TOP_NOUNS - 1] if len(counts) >= TOP_NOUNS else 2)
    top = [n for n, count in story.nouns.items() if count >= floor]
    if top:
        score += 0.6 * len(_nouns(analysis, kept).intersection(top)) / len(top)
    # The key figure: the number most outlets print.
    score += 0.8 * max((story.figures[v] for v in _figures(analysis, kept)), default=0) / story.outlets
    if any(t.in_quote for t in analysis.tokens):
        score -= 0.2
    score -= 0.02 * max(0, len(text.split()) - LONG)
    return score
