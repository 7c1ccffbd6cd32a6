"""Whom a brief sentence's subject points back to, and whether the brief has named it by then.

Out of its article, "He added…", "The leader visited…" or "It is the worst…" read wrong unless an
earlier brief sentence names who or what is meant. Read from the parse: a personal pronoun as the
subject (or "his"/"her" inside it) means the person who is the subject of the article's sentence before
it; a bare definite description ("the leader", "the minister's plan") means the person its article
attached that noun to ("military leader Jane Doe", "Doe, the leader,"). Whatever else such a subject
points at ("it", "they", "this", "its", "the party" of several) is not resolved from the records, so that
sentence stands only right after the one it follows in its article. Nothing unresolved opens a brief.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from summarizer.analysis.records import Entity, SentenceAnalysis
from summarizer.analysis.syntax import SUBJECT_DEPS
from summarizer.models import Sentence

_PERSONAL = frozenset({"he", "she", "his", "her"})
_UNRESOLVED = frozenset({"it", "its", "they", "their", "this", "that", "these", "those"})
_ACTORS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
_LINKS = frozenset({"compound", "appos", "nmod", "amod"})
_POSSESSIVE = re.compile(r"[’']s$")


@dataclass(frozen=True)
class Referent:
    """What a sentence's subject points back to: words that name it (lowercase), or none when the
    parse cannot say; ``adjacent`` means only the sentence before it in its article makes it clear."""

    names: frozenset[str] = frozenset()
    adjacent: bool = False


_ADJACENT = Referent(adjacent=True)


def _subjects(analysis: SentenceAnalysis) -> list[int]:
    """Subjects in the outlet's voice, in order, leaving out those of relative clauses ("…that felt")."""
    tokens = analysis.tokens
    return [
        i
        for i, t in enumerate(tokens)
        if t.dep in SUBJECT_DEPS
        and not t.in_quote
        and t.tag not in ("WDT", "WP")
        and tokens[t.head].dep not in ("relcl", "acl")
    ]


def _entity(analysis: SentenceAnalysis, i: int) -> Entity | None:
    """The name token ``i`` is part of (the tagger may leave a name's last word out of its span)."""
    for j in (i, *(j for j in analysis.children(i) if analysis.tokens[j].dep in ("compound", "flat"))):
        found = next((e for e in analysis.entities if e.start <= j < e.end and e.label in _ACTORS), None)
        if found is not None:
            return found
    return None


def _surname(text: str) -> frozenset[str]:
    words = [_POSSESSIVE.sub("", w).strip(",.") for w in text.split()]
    words = [w for w in words if w[:1].isupper()]
    return frozenset(w.lower() for w in words[-1:])


def _person(analysis: SentenceAnalysis, i: int, loose: bool = False) -> frozenset[str]:
    """The surname when token ``i`` names a person, else nothing. ``loose``: a proper noun the tagger
    labelled a firm or left unlabelled counts too (it often does so with a surname as a subject)."""
    token = analysis.tokens[i]
    entity = _entity(analysis, i)
    if entity is not None and entity.label == "PERSON":
        return _surname(entity.text) or _surname(token.text)
    if loose and token.pos == "PROPN" and (entity is None or entity.label == "ORG"):
        return _surname(token.text)
    return frozenset()


def _antecedent(before: Sequence[Sentence], depth: int = 2) -> Referent:
    """Whom "he"/"she" means after the article's previous sentence: its subject when that names a
    person (or is itself "he"/"she" resolved the same way); anything else is not resolved from the records."""
    a = before[-1].analysis if before else None
    if a is None or not a.parsed:
        return _ADJACENT
    subjects = _subjects(a)
    if not subjects:
        return _ADJACENT
    found = _person(a, subjects[0], loose=True)
    if found:
        return Referent(found)
    if a.tokens[subjects[0]].text.lower() in ("he", "she") and depth > 0:
        return _antecedent(before[:-1], depth - 1)
    return _ADJACENT


def _personal(analysis: SentenceAnalysis, subject: int, before: Sequence[Sentence]) -> Referent | None:
    tokens = analysis.tokens
    named = any(e.label == "PERSON" and e.end <= subject and not tokens[e.start].in_quote for e in analysis.entities)
    main = next((i for i in _subjects(analysis) if tokens[tokens[i].head].dep == "ROOT"), None)
    if named or (main is not None and main != subject and _person(analysis, main, loose=True)):
        return None  # "Doe said that he…", "When he arrived, Doe…": the sentence names the person itself
    return _antecedent(before)


def _modifiers(analysis: SentenceAnalysis, i: int) -> frozenset[str]:
    return frozenset(
        analysis.tokens[j].lemma.lower() for j in analysis.children(i) if analysis.tokens[j].dep in ("amod", "compound")
    )


def _attached(analysis: SentenceAnalysis, lemma: str, modifiers: frozenset[str]) -> Referent | None:
    """What the sentence names with the noun: "leader Jane Doe", "Doe, the leader," (a person), or a name
    that holds the noun ("the Harbour Party")."""
    found: Referent | None = None
    tokens = analysis.tokens
    for i, t in enumerate(tokens):
        if t.lemma.lower() != lemma or t.pos not in ("NOUN", "PROPN") or not modifiers <= _modifiers(analysis, i):
            continue
        linked = [t.head] if t.dep in _LINKS and t.head != i else []
        linked += [j for j in analysis.children(i) if tokens[j].dep in _LINKS]
        people = [name for j in linked for name in _person(analysis, j)]
        if people:
            found = Referent(frozenset(people[:1]))
        elif _entity(analysis, i) is not None or any(_entity(analysis, j) for j in linked):
            found = _ADJACENT  # a party, firm or team: which of the story's it means is not resolved
    return found


def _description(analysis: SentenceAnalysis, head: int, before: Sequence[Sentence]) -> Referent | None:
    """ "The leader", "the company's": a bare definite noun its article attached to a name earlier."""
    tokens = analysis.tokens
    noun = tokens[head]
    if noun.pos != "NOUN" or _entity(analysis, head) is not None:
        return None
    if (head > 1 and noun.text[:1].isupper()) or noun.text[1:] != noun.text[1:].lower():
        return None  # "the Assembly", "the SNP": a name the tagger took for a noun
    modifiers = [j for j in analysis.children(head) if tokens[j].dep != "punct"]
    if not any(tokens[j].dep == "det" and tokens[j].text.lower() == "the" for j in modifiers):
        return None
    for j in modifiers:
        t = tokens[j]
        if t.dep == "det" or (t.dep in ("amod", "compound") and not t.ent and not any(analysis.children(j))):
            continue
        return None  # "the leader of the opposition", "the leader who…": it says itself whom it means
    wanted = _modifiers(analysis, head)
    for earlier in list(before)[::-1]:
        a = earlier.analysis
        if a is not None and a.parsed:
            found = _attached(a, noun.lemma.lower(), wanted)
            if found is not None:
                return found
    return None


def referent_needed(sentence: Sentence, before: Sequence[Sentence]) -> Referent | None:
    """What the sentence's subject points back to, or None when the sentence says itself whom it means.

    ``before``: the body sentences its article prints before it, in order.
    """
    analysis = sentence.analysis
    if analysis is None or not analysis.parsed:
        return None
    subjects = _subjects(analysis)
    if not subjects:
        return None
    subject = subjects[0]
    tokens = analysis.tokens
    near = [subject, *(j for j in analysis.children(subject) if tokens[j].dep in ("poss", "det"))]
    words = {tokens[j].text.lower() for j in near if tokens[j].pos in ("PRON", "DET")}
    if words & _PERSONAL:
        return _personal(analysis, subject, before)
    if words & _UNRESOLVED:
        return _ADJACENT
    found = _description(analysis, subject, before)
    if found is None:
        owner = next((j for j in near if tokens[j].dep == "poss" and tokens[j].pos == "NOUN"), None)
        if owner is not None:
            found = _description(analysis, owner, before)
    return found


def _word_in(name: str, text: str) -> bool:
    return re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text, flags=re.IGNORECASE) is not None


def named_before(referent: Referent, earlier: Sequence[str], follows_its_sentence: bool) -> bool:
    """Whether a reader of the brief knows whom the subject means: the brief sentence just before it is
    the one its article printed before it, or (when the parse says whom) an earlier one names them."""
    if follows_its_sentence:
        return True
    if referent.adjacent or not referent.names:
        return False
    return any(_word_in(name, text) for name in referent.names for text in earlier)
