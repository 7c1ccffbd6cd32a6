"""Who a token names in an election: a person (by the NER and the story's known names) or a party.

A party is a proper noun phrase tagged ORG/NORP (or holding an acronym); its key is its acronym when
it has one ("CPN" for "Civic Party of Norland (CPN)" and "CPN/CSN"), so outlets' spellings meet.
Leaders come from the parse: "X's party", "party led by X", "X, leader of party", "party leader X",
"party's leader X", "party of X", "its leader X" (its = the one party named just before).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from summarizer.analysis.clauses import children, name_span, possessor, prep_object
from summarizer.analysis.records import SentenceAnalysis

_ACRONYM = re.compile(r"^(?=(?:.*[A-Z]){2})[A-Za-zÀ-ÿ]{2,6}$")
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_TITLES = frozenset({"mr", "mrs", "ms", "dr", "sir", "dame", "lord", "lady"})
_NUMBERISH = frozenset({"%", "percent", "cent"})
OFFICE_WORDS = frozenset(
    {"leader", "president", "mayor", "chancellor", "governor", "minister", "secretary", "candidate"}
)
_ORGANISATION_WORDS = frozenset(
    {
        "party", "alliance", "union", "front", "rally", "reform", "movement", "coalition", "league", "bloc",
        "democrats", "republicans", "conservatives", "liberals", "socialists", "greens", "labour", "linke",
        "congress", "council", "committee", "commission", "institute", "group", "company", "club",
    }
)  # fmt: skip
LEADER_NOUNS = frozenset({"leader", "chairman", "chairwoman", "chair", "head", "candidate", "co-leader", "frontrunner"})


@dataclass(frozen=True)
class Contender:
    """A person or a party that can win or lose; ``key`` identifies it across outlets."""

    key: str
    name: str
    is_party: bool = False
    party: str | None = None  # a leader's party, when the party is what outlets ranked


class People:
    """The story's people: every surname seen maps to the most common full name with that surname."""

    def __init__(self, sentences: Iterable[SentenceAnalysis], known: dict[str, str] | None = None) -> None:
        spellings: dict[str, Counter[str]] = {}
        self.confirmed: set[str] = set()  # surnames the NER tags as a person somewhere in the story
        for s in sentences:
            for e in s.entities:
                if e.label != "PERSON":
                    continue
                words = [w for w in _POSSESSIVE.sub("", e.text).split() if w.lower().strip(".") not in _TITLES]
                if words and all(w[:1].isupper() for w in words):
                    self.confirmed.add(words[-1])
                    spellings.setdefault(words[-1], Counter())[" ".join(words)] += 1
        self.names: dict[str, str] = {
            last: max(found, key=lambda n: (len(n.split()) > 1, found[n], len(n))) for last, found in spellings.items()
        }
        # Names found by their capitalisation (the small NER model misses many surnames).
        for last, full in (known or {}).items():
            if last not in self.names or len(full.split()) >= len(self.names[last].split()):
                self.names[last] = full

    def person(self, text: str, confirmed: bool = False) -> str | None:
        """The full name of the person ``text`` names; with ``confirmed`` (the NER tagged this mention as
        something else), only if the NER tags the surname as a person somewhere or the full name is two
        or more capitalised words none of which names an organisation."""
        words = _POSSESSIVE.sub("", text).split()
        if not words:
            return None
        full = self.names.get(words[-1])
        if full and confirmed and words[-1] not in self.confirmed:
            parts = full.split()
            if len(parts) < 2 or any(w.lower() in _ORGANISATION_WORDS for w in parts):
                return None
        return full


def _is_acronym(s: SentenceAnalysis, j: int) -> bool:
    """ "CPN", "HfN", "NuP" — but not the initials of a person ("TJ" in "TJ Marlow")."""
    t = s.tokens[j]
    if t.pos not in ("PROPN", "NOUN") or not _ACRONYM.match(t.text):
        return False
    head = s.tokens[t.head]
    return not (t.dep == "compound" and head.ent == "PERSON" and not _ACRONYM.match(head.text))


def _acronym(s: SentenceAnalysis, tokens: Iterable[int]) -> str | None:
    return next((s.tokens[j].text for j in sorted(tokens) if _is_acronym(s, j)), None)


def _party_parts(s: SentenceAnalysis, i: int) -> list[int]:
    """The noun phrase of a party without its determiners, adjectives and leader ("CPN/CSN alliance")."""
    found = [i]
    for j in children(s, i, "compound", "nmod", "appos", "flat", "prep", "pobj"):
        t = s.tokens[j]
        if t.dep == "prep" and t.text.lower() != "for":
            continue
        named = t.pos in ("PROPN", "ADP") or t.dep == "appos"
        # A word the tagger calls a noun inside the party's name ("Homeland" in "Homeland Front").
        inside = t.dep == "compound" and t.ent in ("ORG", "NORP") and t.ent == s.tokens[i].ent
        found += _party_parts(s, j) if named or inside else []
    return found


def party_at(s: SentenceAnalysis, i: int) -> Contender | None:
    """The party the noun phrase headed by ``i`` names, if it is one."""
    if s.tokens[i].lemma.lower() in OFFICE_WORDS:
        return None
    parts = _party_parts(s, i)
    key = _acronym(s, parts)
    proper = [
        j
        for j in parts
        if s.tokens[j].pos == "PROPN" or _is_acronym(s, j) or j != i and s.tokens[j].ent in ("ORG", "NORP")
    ]
    if not proper:
        return None
    if key is None and (
        not any(s.tokens[j].ent in ("ORG", "NORP") for j in proper)
        or any(s.tokens[j].ent in ("PERSON", "GPE", "DATE", "LOC") for j in proper)
    ):
        return None
    start, end = min(proper), max(proper) + 1
    name = s.span_text(start, end).strip(" ()")
    return Contender((key or name).lower(), key or name, True)


def contender_at(s: SentenceAnalysis, i: int, people: People) -> Contender | None:
    """The person or party token ``i`` names ("candidate José Antonio Kast", "Jara's 41.7%", "the HfN")."""
    t = s.tokens[i]
    if t.text.lower() in _NUMBERISH or t.pos == "NUM" or t.ent in ("PERCENT", "CARDINAL", "MONEY"):
        owner = possessor(s, i)
        return contender_at(s, owner, people) if owner is not None else None
    if _is_acronym(s, i):
        return party_at(s, i)
    if t.pos == "PROPN":
        start, end = name_span(s, i)
        name = people.person(s.span_text(start, end), confirmed=t.ent not in ("PERSON", ""))
        if name:
            return Contender(name, name)
        if t.ent == "PERSON":
            return None  # a person the story does not name in full: not a safe contender
        return party_at(s, i)
    if t.pos == "NOUN":
        for j in children(s, i, "appos"):
            found = contender_at(s, j, people)
            if found:
                return found
        if t.lemma.lower() in ("support", "backing"):  # "the support for X lands at 58 percent"
            return next(filter(None, (contender_at(s, j, people) for j in prep_object(s, i, "for"))), None)
        return party_at(s, i)
    return None


def leaders(sentences: list[SentenceAnalysis], people: People) -> list[tuple[str, str]]:
    """(party key, leader's name) pairs stated in one article's parsed sentences, in order.

    "Its/their leader X" names the party only when exactly one party is named in the two sentences
    before it (and earlier in its own sentence), both of which must have been parsed: otherwise the
    pronoun could mean a party we cannot see, and no leader is better than a wrong one.
    """
    pairs: list[tuple[str, str]] = []
    named: dict[int, set[str]] = {}  # sentence index -> keys of the parties it names
    for s in sentences:
        named[s.index] = set()
        for i, t in enumerate(s.tokens):
            if t.pos not in ("PROPN", "NOUN") or t.in_quote:
                continue
            party = party_at(s, i) if t.dep != "compound" else None
            if party is not None:
                named[s.index].add(party.key)
                for person in _leader_of_party(s, i, people):
                    pairs.append((party.key, person))
            if t.lemma.lower() in LEADER_NOUNS:
                pairs += _party_of_leader(s, i, people, named)
    return pairs


def _antecedent(s: SentenceAnalysis, pronoun: int, named: dict[int, set[str]]) -> str | None:
    """The one party "its"/"their" at token ``pronoun`` can mean: named in the two sentences before, or
    earlier in this one; None when there are none, several, or a sentence before was not parsed."""
    before = [s.index - 1, s.index - 2] if s.index > 1 else list(range(s.index))
    if s.index < 1 or any(k not in named for k in before):
        return None
    keys = set().union(*(named[k] for k in before))
    for j in range(pronoun):
        party = party_at(s, j) if s.tokens[j].dep != "compound" else None
        if party is not None:
            keys.add(party.key)
    return next(iter(keys)) if len(keys) == 1 else None


def _person(s: SentenceAnalysis, i: int, people: People) -> str | None:
    if s.tokens[i].pos != "PROPN":
        return None
    start, end = name_span(s, i)
    return people.person(s.span_text(start, end))


def _party_key(s: SentenceAnalysis, i: int) -> str | None:
    """The key of the party a leader is tied to: a party as ``party_at`` finds it, or a proper name the NER
    left untagged ("the Homeland Front's leader"); such a key only matters when the same party is a
    contender elsewhere, where ``party_at`` vouched for it."""
    party = party_at(s, i)
    if party is not None:
        return party.key
    t = s.tokens[i]
    if t.pos != "PROPN" or t.ent in ("PERSON", "GPE", "DATE", "LOC", "TIME"):
        return None
    parts = [j for j in _party_parts(s, i) if s.tokens[j].pos == "PROPN" and not s.tokens[j].ent]
    return s.span_text(min(parts), max(parts) + 1).strip(" ()").lower() if parts else None


def _leader_of_party(s: SentenceAnalysis, i: int, people: People) -> list[str]:
    """ "Lind's Civic Party", "the Civic Party led by Lind", "the Greens of Berg"."""
    found = []
    owner = possessor(s, i)
    if owner is not None:
        found.append(_person(s, owner, people))
    for acl in children(s, i, "acl"):
        if s.tokens[acl].lemma == "lead":
            for by in children(s, acl, "agent"):
                found += [_person(s, j, people) for j in children(s, by, "pobj")]
    found += [_person(s, j, people) for j in prep_object(s, i, "of")]
    return [name for name in found if name]


def _party_of_leader(s: SentenceAnalysis, i: int, people: People, named: dict[int, set[str]]) -> list[tuple[str, str]]:
    """ "Drenn, leader of the Front", "Front leader Drenn", "the Front's leader Drenn", "its leader, Drenn,"
    (its = the one party named just before: ``_antecedent``)."""
    t = s.tokens[i]
    person = None
    if t.dep in ("appos", "compound"):
        person = _person(s, t.head, people)
    if person is None:  # "its parliamentary leader Ivo Drenn", "the Front's leader, Ivo Drenn,"
        person = next(filter(None, (_person(s, j, people) for j in children(s, i, "appos"))), None)
    if person is None:
        return []
    keys = [_party_key(s, j) for j in prep_object(s, i, "of")]
    keys += [_party_key(s, j) for j in children(s, i, "compound") if s.tokens[j].pos == "PROPN"]
    owner = possessor(s, i)
    if owner is not None:
        if s.tokens[owner].text.lower() in ("its", "their"):
            keys.append(_antecedent(s, owner, named))
        else:
            keys.append(_party_key(s, owner))
    return [(key, person) for key in keys if key is not None]
