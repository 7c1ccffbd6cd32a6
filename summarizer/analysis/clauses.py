"""Clause questions for figures and who-won (pure functions over records, no spaCy): stated as fact?

Subject and objects of a verb, the name a token belongs to, whether a clause states something that
happened (not a wish, a forecast, a condition or a denial). Shared by figures, who-won and labels.
"""

from __future__ import annotations

from collections.abc import Iterator

from summarizer.analysis.records import SentenceAnalysis, Token

MODALS = frozenset({"will", "would", "could", "may", "might", "shall", "should", "can", "must"})
CONDITIONS = frozenset({"if", "unless", "whether", "until", "once"})
SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
# Parts of a proper name: "Jeannette" in "Jeannette Jara", "CDU" in "CDU/CSU alliance".
NAME_PARTS = frozenset({"compound", "flat", "nmod"})


def tok(s: SentenceAnalysis, i: int) -> Token:
    return s.tokens[i]


def children(s: SentenceAnalysis, i: int, *deps: str) -> list[int]:
    """Children of token ``i``, only those with one of ``deps`` when given."""
    return [j for j in s.children(i) if not deps or s.tokens[j].dep in deps]


def ancestors(s: SentenceAnalysis, i: int) -> Iterator[int]:
    """The heads above token ``i`` up to the root (guarded against malformed cycles)."""
    seen = {i}
    while s.tokens[i].head != i and s.tokens[i].head not in seen:
        i = s.tokens[i].head
        seen.add(i)
        yield i


def subject(s: SentenceAnalysis, verb: int) -> int | None:
    """The subject of ``verb``; for a participle or conjunct without one, its head's subject."""
    for j in children(s, verb, *SUBJECTS):
        return j
    t = s.tokens[verb]
    if t.dep in ("conj", "advcl", "xcomp") and t.head != verb and t.tag in ("VBG", "VBN", "VBD", "VBZ", "VBP"):
        return subject(s, t.head)
    return None


def passive_agent(s: SentenceAnalysis, verb: int) -> int | None:
    """X in "was defeated by X"."""
    for by in children(s, verb, "agent"):
        for j in children(s, by, "pobj"):
            return j
    return None


def prep_object(s: SentenceAnalysis, head: int, *preps: str) -> list[int]:
    """Objects of the prepositions ``preps`` attached to ``head`` ("over" → X in "victory over X")."""
    found = []
    for p in children(s, head, "prep", "agent"):
        if s.tokens[p].text.lower() in preps:
            found += children(s, p, "pobj")
    return found


def is_stated_fact(s: SentenceAnalysis, i: int) -> bool:
    """The clause of token ``i`` reports something that happened, in the outlet's own voice.

    Not: inside quotation marks, negated, under a modal ("would win"), an infinitive or open clause
    ("expected to win"), a condition ("if X wins"), or background in a relative clause.
    """
    t = s.tokens[i]
    if t.in_quote:
        return False
    clause = i
    for j in [i, *ancestors(s, i)]:
        clause = j
        if s.tokens[j].pos in ("VERB", "AUX"):
            break
    for j in (i, clause):
        for c in children(s, j):
            ct = s.tokens[c]
            if ct.dep == "neg" or (ct.dep in ("aux", "auxpass") and (ct.text.lower() in MODALS or ct.tag == "TO")):
                return False
            if ct.dep == "mark" and ct.text.lower() in CONDITIONS:
                return False
    return not any(s.tokens[j].dep in ("xcomp", "relcl") for j in [i, clause])


def name_span(s: SentenceAnalysis, i: int) -> tuple[int, int]:
    """Token range of the proper name headed by ``i`` ("Jeannette Jara", "Anna Lindqvist")."""
    parts = [i] + [j for j in children(s, i, "compound", "flat") if s.tokens[j].pos == "PROPN"]
    start, end = min(parts), max(parts) + 1
    while start < i and s.tokens[start].pos != "PROPN":
        start += 1
    return start, end


def entity_label(s: SentenceAnalysis, i: int) -> str:
    return s.tokens[i].ent


def possessor(s: SentenceAnalysis, i: int) -> int | None:
    for j in children(s, i, "poss"):
        return j
    return None
