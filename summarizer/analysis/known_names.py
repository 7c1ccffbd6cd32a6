"""Entities for sentences parsed without the entity recogniser, from the names the article already gave.

The recogniser costs about as much as the rest of the pipeline together, so an article's later sentences
(read for framing and labels) are tagged and parsed without it. News names a person or body in full in
its lead and repeats the name later: an entity the recogniser found in the headline or lead is the same
entity wherever its words recur in the article (a person's surname alone included). Calendar words
("Monday", "March") are dates. Anything else stays unnamed: a missing name is safer than a wrong one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from sumy.utils import get_stop_words

from summarizer.analysis.records import Entity, Token

NAME_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE", "LOC", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"})
CALENDAR = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april june july "
    "august september october november december".split()
)
_ARTICLES = frozenset({"the", "a", "an"})
Names = dict[tuple[str, ...], str]
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_ORDINARY = frozenset(get_stop_words("english"))


def known_names(entities: Iterable[Entity]) -> Names:
    """Word sequences of the names found so far, with their labels (a person's surname alone too).

    A full name outranks a single word: "Mara Lindqvist" (a person) makes "Lindqvist" a person even where
    the recogniser, seeing the surname alone, guessed otherwise. A sequence still given two labels is
    dropped (name nothing rather than the wrong thing)."""
    strong: dict[tuple[str, ...], set[str]] = {}
    weak: dict[tuple[str, ...], set[str]] = {}
    for e in entities:
        if e.label not in NAME_LABELS:
            continue
        words = [w for w in e.text.split() if w.lower() not in _ARTICLES]
        words = [w[:-2] if w.endswith(("'s", "’s")) else w for w in words]
        if not words or not words[0][:1].isupper():
            continue
        (strong if len(words) > 1 else weak).setdefault(tuple(words), set()).add(e.label)
        if e.label == "PERSON" and len(words) > 1:
            strong.setdefault((words[-1],), set()).add("PERSON")
    found = {words: labels for words, labels in weak.items() if words not in strong}
    found.update(strong)
    return {words: next(iter(labels)) for words, labels in found.items() if len(labels) == 1}


def new_names(text: str, names: Names) -> bool:
    """Whether ``text`` has a capitalised word that is not part of a known name nor a calendar word (the
    first word counts only when it is not an ordinary word such as "The" or "But")."""
    known = {w for words in names for w in words}
    words = _WORD.findall(text)
    for n, word in enumerate(words):
        if not word[:1].isupper() or word in known or word.lower() in CALENDAR:
            continue
        if n == 0 and word.lower() in _ORDINARY:
            continue
        return True
    return False


def name_entities(tokens: tuple[Token, ...], names: Names) -> tuple[tuple[Token, ...], tuple[Entity, ...]]:
    """``tokens`` with entity types set where a known name (longest first) or a calendar word stands."""
    longest = max((len(words) for words in names), default=0)
    found: list[Entity] = []
    i = 0
    while i < len(tokens):
        match = 0
        if tokens[i].text[:1].isupper():
            for size in range(min(longest, len(tokens) - i), 0, -1):
                words = tuple(t.text for t in tokens[i : i + size])
                if words in names and (i + size == len(tokens) or not _continues_name(tokens[i + size])):
                    found.append(Entity(i, i + size, names[words], " ".join(words)))
                    match = size
                    break
            if not match and tokens[i].text.lower() in CALENDAR and tokens[i].pos == "PROPN":
                found.append(Entity(i, i + 1, "DATE", tokens[i].text))
                match = 1
        i += max(match, 1)
    if not found:
        return tokens, ()
    typed = list(tokens)
    for e in found:
        for j in range(e.start, e.end):
            typed[j] = typed[j]._replace(ent=e.label)
    return tuple(typed), tuple(found)


def _continues_name(token: Token) -> bool:
    """A capitalised proper noun right after a match makes it part of a longer, unknown name."""
    return token.pos == "PROPN" and token.text[:1].isupper()
