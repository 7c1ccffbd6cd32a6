"""Receipts for the brief: an outlet is credited on a sentence only when its own sentence states that fact.

A fact is read from the parse: every number (as a value), every named entity, and the claim — the
main verb's lemma and the heads of its subject and object, wherever they stand in the other sentence
(so "the port was reopened by the authority" states "the authority reopened the port"). No synonyms:
abstaining is better than a wrong credit. When the brief shows a pruned sentence, only the words it
kept count (``kept_tokens``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache

from summarizer.analysis.records import SentenceAnalysis
from summarizer.analysis.syntax import (
    NAMED_LABELS,
    doers,
    is_negated,
    main_predicate,
    object_of,
    phrase,
    phrase_tokens,
    subject_of,
)
from summarizer.models import Credit, Sentence

_DIGITS = re.compile(r"(?<![^\W\d_])\d+(?:[.,]\d+)*")
_NAME_WITH_DIGITS = re.compile(r"[^\W\d_]+\d+|\d+[^\W\d_]{3,}")  # "COP29", "Q1", "F35"; not "85th"
_SCALES = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "m": 1e6,
    "mn": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
}
_WORD_NUMBERS = {
    w: float(n)
    for n, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen twenty".split()
    )
} | {w: float(10 * n) for n, w in enumerate("thirty forty fifty sixty seventy eighty ninety".split(), start=3)}
# Main verbs that say little on their own: the claim is in their subject and object.
_WEAK_VERBS = frozenset({"be", "have", "do", "make", "take", "get", "become", "go", "come", "give", "see"})
_CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "NUM"})
_PUNCT = re.compile(r"[^\w\s]")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Facts:
    """What a sentence states: numbers (value, and whether printed in digits), names, and its claim."""

    numbers: tuple[tuple[float, bool], ...]
    names: tuple[frozenset[str], ...]  # per entity: the forms any of which names it
    claim: tuple[str, ...]  # lemmas: the predicate first, then the subject and object heads
    negated: bool
    actor: tuple[frozenset[str], ...] = ()  # the names of whoever does it ("Okafor vowed" ≠ "Lindqvist vows")


@lru_cache(maxsize=65536)
def normalise(text: str) -> str:
    """Case, accents, quotes, possessives and punctuation do not count when matching names."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = text.replace("’", "'").replace("'s ", " ").removesuffix("'s")
    text = _PUNCT.sub(lambda m: "" if m.group(0) in ".'" else " ", text)
    text = _SPACE.sub(" ", text).strip()
    return text.removeprefix("the ")


def _value(raw: str) -> float:
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", raw):
        return float(raw.replace(",", ""))
    if re.fullmatch(r"\d+,\d{1,2}", raw):  # a decimal comma: "28,6"
        return float(raw.replace(",", "."))
    try:
        return float(raw.replace(",", ""))
    except ValueError:
        return float("nan")


def _scale(word: str) -> float:
    return _SCALES.get(word.lower().strip("."), 1.0)


def _numbers(sentence: SentenceAnalysis, kept: set[int]) -> list[tuple[float, bool]]:
    found: list[tuple[float, bool]] = []
    tokens = sentence.tokens
    for i in sorted(kept):
        text = tokens[i].text
        if _NAME_WITH_DIGITS.fullmatch(text):
            continue  # part of a name, checked as a name
        following = tokens[i + 1].text if i + 1 < len(tokens) and i + 1 in kept else ""
        for match in _DIGITS.finditer(text):
            suffix = text[match.end() :]
            scale = _scale(suffix) if suffix and suffix.isalpha() else _scale(following)
            found.append((_value(match.group(0)) * scale, True))
        if not _DIGITS.search(text) and tokens[i].pos == "NUM" and text.lower() in _WORD_NUMBERS:
            found.append((_WORD_NUMBERS[text.lower()] * _scale(following), False))
    return found


def _forms(text: str, label: str) -> frozenset[str]:
    name = normalise(text)
    forms = {name}
    words = name.split()
    if label == "PERSON" and len(words) > 1 and len(words[-1]) > 2:
        forms.add(words[-1])  # a surname names the person
    if len(words) > 1:
        initials = "".join(w[0] for w in words if w not in ("of", "for", "and"))
        if len(initials) > 1:
            forms.add(initials)  # "United States" is also "US"
    return frozenset(f for f in forms if f)


def _lemma(sentence: SentenceAnalysis, i: int | None) -> str | None:
    if i is None:
        return None
    token = sentence.tokens[i]
    if token.pos not in _CONTENT_POS or token.ent in NAMED_LABELS:
        return None  # a pronoun or a name (names are checked as names)
    return token.lemma.lower()


def facts_of(sentence: SentenceAnalysis, kept: set[int] | None = None) -> Facts:
    """The facts of the words of ``sentence`` in ``kept`` (all of them by default)."""
    if kept is None or len(kept) == len(sentence.tokens):
        return _all_facts(sentence)
    return _facts(sentence, kept)


def _all_facts(sentence: SentenceAnalysis) -> Facts:
    # A story reads each sentence's facts several times (credits, confirmations, the lead).
    return sentence.remember("facts", lambda: _facts(sentence, set(range(len(sentence.tokens)))))


def _facts(sentence: SentenceAnalysis, kept: set[int]) -> Facts:
    names = tuple(
        _forms(e.text, e.label)
        for e in sentence.entities
        if e.label in NAMED_LABELS and all(i in kept for i in range(e.start, e.end))
    )
    names += tuple(
        frozenset({normalise(t.text)})
        for i, t in enumerate(sentence.tokens)
        if i in kept and _NAME_WITH_DIGITS.fullmatch(t.text)
    )
    predicate = main_predicate(sentence)
    if predicate is not None and predicate not in kept:
        predicate = None
    claim: list[str] = []
    if predicate is not None:
        claim.append(sentence.tokens[predicate].lemma.lower())
        for part in (subject_of(sentence, predicate), object_of(sentence, predicate)):
            lemma = _lemma(sentence, part) if part is not None and part in kept else None
            if lemma and lemma not in claim:
                claim.append(lemma)
        if len(claim) == 1 and claim[0] in _WEAK_VERBS:
            claim = []  # "X is among…" alone claims nothing another sentence could be checked against
    return Facts(
        numbers=tuple(_numbers(sentence, kept)),
        names=names,
        claim=tuple(claim),
        negated=predicate is not None and is_negated(sentence, predicate),
        actor=_actor(sentence, predicate) if predicate is not None else (),
    )


def _actor(sentence: SentenceAnalysis, predicate: int) -> tuple[frozenset[str], ...]:
    """The names in the phrases of whoever does the predicate's action ("Tesla shareholders" → Tesla)."""
    found: list[frozenset[str]] = []
    for doer in doers(sentence, predicate):
        span = set(phrase_tokens(sentence, doer))
        for e in sentence.entities:
            inside = sorted(span.intersection(range(e.start, e.end)))
            if e.label in NAMED_LABELS and inside:  # the name as far as it lies in the phrase
                found.append(_forms(sentence.span_text(inside[0], inside[-1] + 1), e.label))
    return tuple(found)


def event_of(sentence: SentenceAnalysis, kept: set[int] | None = None) -> Facts:
    """The core of the sentence's fact: its claim and the names of its subject and object, no numbers."""
    facts = facts_of(sentence, kept)
    predicate = main_predicate(sentence)
    if predicate is None:
        return Facts((), (), facts.claim, facts.negated, facts.actor)
    # The main verb names the event (with its subject when that is not a name: "jurors deliberated");
    # a verb that says little keeps its subject and object as the claim.
    subject = subject_of(sentence, predicate)
    claim = facts.claim
    if facts.claim[:1] and facts.claim[0] not in _WEAK_VERBS:
        common = _lemma(sentence, subject) if subject is not None else None
        claim = facts.claim[:1] + ((common,) if common and common in facts.claim else ())
    heads = [i for i in (subject, object_of(sentence, predicate)) if i is not None]
    actors = set(heads) | {
        j for i in heads for j in sentence.children(i) if sentence.tokens[j].dep in ("compound", "poss")
    }
    names = tuple(
        _forms(e.text, e.label)
        for e in sentence.entities
        if e.label in NAMED_LABELS and any(e.start <= i < e.end for i in actors)
    )
    return Facts((), names, claim, facts.negated, facts.actor)


@dataclass(frozen=True)
class Statement:
    """A supporting sentence, read once: its numbers, names, words and verbs in the outlet's own voice."""

    sentence: Sentence
    numbers: tuple[tuple[float, bool], ...]
    names: frozenset[str]
    text: str  # normalised, padded with spaces for whole-word search
    lemmas: frozenset[str]
    asserted: dict[tuple[str, bool], tuple[str, ...]]  # (lemma, negated) → normalised phrases of its doers
    # (lemma, negated) → the lemmas of its subjects' and objects' heads: what the claim is made of
    arguments: dict[tuple[str, bool], frozenset[str]] = field(default_factory=dict)


class Statements:
    """Statements in the order given, indexed by the claims (verb lemma, negated) they assert: ``states``
    holds only where the claim is asserted, so a sentence is checked against those alone."""

    def __init__(self, found: list[Statement]) -> None:
        self.by_claim: dict[tuple[str, bool], list[Statement]] = {}
        for statement in found:
            for key in statement.asserted:
                self.by_claim.setdefault(key, []).append(statement)

    def asserting(self, facts: Facts) -> list[Statement]:
        """The statements that assert ``facts``'s claim, in order (the only ones that can state it)."""
        return self.by_claim.get((facts.claim[0], facts.negated), []) if facts.claim else []


def statements(sentences: Iterable[Sentence]) -> Statements:
    """The parsed body sentences of ``sentences``, read for ``states`` (in the order given)."""
    found: list[Statement] = []
    for sentence in sentences:
        a = sentence.analysis
        if a is None or not a.parsed or not a.is_body:
            continue
        facts = facts_of(a)
        voiced = [(i, t) for i, t in enumerate(a.tokens) if not t.in_quote]
        asserted: dict[tuple[str, bool], tuple[str, ...]] = {}
        arguments: dict[tuple[str, bool], frozenset[str]] = {}
        for i, t in voiced:
            if t.pos not in ("VERB", "AUX"):
                continue  # a claim is made by a verb: "pledged" is not stated by "pledges" (a noun)
            key = (t.lemma.lower(), is_negated(a, i))
            asserted[key] = asserted.get(key, ()) + tuple(f" {normalise(phrase(a, d))} " for d in doers(a, i))
            heads = {a.tokens[j].lemma.lower() for j in (subject_of(a, i), object_of(a, i)) if j is not None}
            arguments[key] = arguments.get(key, frozenset()) | heads
        found.append(
            Statement(
                sentence=sentence,
                numbers=facts.numbers,
                names=frozenset().union(*facts.names) if facts.names else frozenset(),
                text=f" {normalise(a.text)} ",
                lemmas=frozenset(t.lemma.lower() for _, t in voiced),
                asserted=asserted,
                arguments=arguments,
            )
        )
    return Statements(found)


def states(facts: Facts, theirs: Statement) -> bool:
    """Whether ``theirs`` states every number, every name and the claim of ``facts``."""
    if not facts.claim or (facts.claim[0], facts.negated) not in theirs.asserted:
        return False
    if len(facts.claim) == 1 and not facts.names and not facts.numbers:
        return False  # a bare verb ("she pledged…") anchors nothing another sentence could be checked on
    if facts.actor:  # the same doer: one of its names in the phrase of whoever does it there
        doing = theirs.asserted[(facts.claim[0], facts.negated)]
        if not all(any(f" {f} " in p for f in forms for p in doing) for forms in facts.actor):
            return False
    if not all(lemma in theirs.lemmas for lemma in facts.claim):
        return False
    for value, digits in facts.numbers:
        if not any(abs(v - value) <= 1e-9 * max(1.0, abs(value)) and (d or not digits) for v, d in theirs.numbers):
            return False
    return all(any(f in theirs.names or f" {f} " in theirs.text for f in forms) for forms in facts.names)


def _same_arguments(facts: Facts, theirs: Statement) -> bool:
    """With no name or number to anchor a credit, the claim's subject and object must be its verb's there too,
    not words elsewhere ("he must serve half of the sentence" is not stated by "will serve three and a half
    years")."""
    if facts.names or facts.numbers or not facts.claim:
        return True
    made_of = theirs.arguments.get((facts.claim[0], facts.negated), frozenset())
    return all(lemma in made_of for lemma in facts.claim[1:])


def kept_tokens(sentence: SentenceAnalysis, shown: str) -> set[int]:
    """The tokens of ``sentence`` that ``shown`` (the sentence with parts cut) still contains."""
    if shown == sentence.text:
        return set(range(len(sentence.tokens)))
    matcher = SequenceMatcher(None, sentence.text.lower(), shown.lower(), autojunk=False)
    covered = [False] * len(sentence.text)
    for block in matcher.get_matching_blocks():
        for k in range(block.a, block.a + block.size):
            covered[k] = True
    return {i for i, t in enumerate(sentence.tokens) if all(covered[t.idx : t.idx + len(t.text)])}


def credits_for(sentence: Sentence, shown: str, others: Statements) -> list[Credit]:
    """The extracted-from outlet with its own sentence, then each outlet whose sentence states the same fact.

    ``shown`` is the text the brief prints (parts may be cut); of ``others``, the first sentence of an
    outlet that states the fact is that outlet's quote.
    """
    credits = [Credit(outlet=sentence.outlet, quote=sentence.text)]
    analysis = sentence.analysis
    if analysis is None or not analysis.parsed:
        return credits
    facts = facts_of(analysis, kept_tokens(analysis, shown))
    for other in others.asserting(facts):
        if (
            all(other.sentence.outlet != c.outlet for c in credits)
            and states(facts, other)
            and _same_arguments(facts, other)
        ):
            credits.append(Credit(outlet=other.sentence.outlet, quote=other.sentence.text))
    return credits


def confirming_outlets(sentence: Sentence, shown: str, others: Statements) -> set[str]:
    """The other outlets that state the sentence's event (its claim and actors), whatever their figures."""
    analysis = sentence.analysis
    if analysis is None or not analysis.parsed:
        return set()
    event = event_of(analysis, kept_tokens(analysis, shown))
    return {
        o.sentence.outlet for o in others.asserting(event) if o.sentence.outlet != sentence.outlet and states(event, o)
    }
