"""Whether a fact is exclusive to one outlet: "only here" is a claim about every other outlet.

So its bar is the opposite of a credit's: a sentence is exclusive only when no other outlet's body
sentence shares its key content, which is any one of its numbers (as a value: "0.3%" and "0.3 per cent"
are one number), or one of its names together with its main verb or noun ("the central bank held
rates" and "the bank kept rates on hold" share a name and "rate"). A sentence that is unparsed, or has
neither a number nor a name, cannot be checked, so it is never called exclusive: when in doubt, it is not.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from summarizer.analysis.records import SentenceAnalysis
from summarizer.figures import parse_number
from summarizer.models import Sentence
from summarizer.ranking import stem
from summarizer.similarity import content_stems

_NUMBER = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)*")
_YEAR = re.compile(r"(?:19|20)\d{2}")
# Labels of entities that name someone or something (numbers and dates are compared as values).
_NAME_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "PRODUCT", "LAW", "WORK_OF_ART", "LANGUAGE"}
)
# Verbs that carry no fact of their own: the fact is in what they report or link.
_LIGHT_VERBS = frozenset({"be", "have", "do", "say", "tell", "add", "note", "report", "show", "find", "make"})
_KEY_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "attr", "acomp", "oprd"})
_CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "conj"})


@lru_cache(maxsize=65536)
def numbers(text: str) -> frozenset[float]:
    """The values of the numbers a text states, years left out ("0.3 per cent" and "0.3%" give 0.3)."""
    found = set()
    for m in _NUMBER.finditer(text):
        raw = m.group(0).rstrip(".,")
        if _YEAR.fullmatch(raw):
            continue
        parsed = parse_number(raw)
        if parsed is not None:
            found.add(parsed[0])
    return frozenset(found)


def _name_words(s: SentenceAnalysis) -> frozenset[str]:
    """The capitalised words of the names the sentence mentions ("Commerce", "US")."""
    return s.remember("name_words", lambda: _find_name_words(s))


def _find_name_words(s: SentenceAnalysis) -> frozenset[str]:
    words = set()
    for e in s.entities:
        if e.label not in _NAME_LABELS:
            continue
        for t in s.tokens[e.start : e.end]:
            word = t.text.replace(".", "")
            if word[:1].isupper() and (len(word) > 2 or word.isupper() and len(word) == 2):
                words.add(word)
    return frozenset(words)


def _main_words(s: SentenceAnalysis) -> frozenset[str]:
    """Stems of the main verb(s) and of their subjects' and objects' head words."""
    return s.remember("main_words", lambda: _find_main_words(s))


def _find_main_words(s: SentenceAnalysis) -> frozenset[str]:
    verbs = [i for i, t in enumerate(s.tokens) if t.dep == "ROOT"]
    seen: set[int] = set()
    stems = set()
    while verbs:
        v = verbs.pop()
        if v in seen:
            continue
        seen.add(v)
        lemma = s.tokens[v].lemma.lower()
        if lemma in _LIGHT_VERBS or s.tokens[v].pos not in ("VERB", "NOUN", "PROPN", "ADJ"):
            verbs += [c for c in s.children(v) if s.tokens[c].dep in _CLAUSE_DEPS]
        else:
            stems.add(stem(lemma))
        for c in s.children(v):
            t = s.tokens[c]
            if t.dep in _KEY_DEPS and t.pos in ("NOUN", "PROPN", "ADJ"):
                stems.add(stem(t.lemma.lower()))
    return frozenset(stems)


def _vocabulary(other: Sentence) -> tuple[frozenset[str], frozenset[str]]:
    """(words as written, stems of words and lemmas) of another outlet's sentence."""
    a = other.analysis
    if a is not None:
        return a.remember("vocabulary", lambda: _words_and_stems(other))
    return _words_and_stems(other)


def _words_and_stems(other: Sentence) -> tuple[frozenset[str], frozenset[str]]:
    words = frozenset(w.replace(".", "") for w in re.findall(r"[\w.’'-]+", other.text))
    stems = set(content_stems(other.text))
    a = other.analysis
    if a is not None and a.parsed:
        stems.update(stem(t.lemma.lower()) for t in a.tokens if t.pos in ("NOUN", "PROPN", "VERB", "ADJ"))
    return words, frozenset(stems)


def shares_key_content(mine: SentenceAnalysis, other: Sentence) -> bool:
    """Whether ``other`` states one of ``mine``'s numbers, a number for its main noun (the same figure,
    another value: "turnout was 61%" and "a turnout of 63 per cent"), or one of its names with its main
    verb or noun."""
    mine_numbers, other_numbers = numbers(mine.text), numbers(other.text)
    if mine_numbers & other_numbers:
        return True
    names = _name_words(mine)
    if not names and not (mine_numbers and other_numbers):
        return False
    words, stems = _vocabulary(other)
    shared = bool(_main_words(mine) & stems)
    return shared and (bool(names & words) or bool(mine_numbers and other_numbers))


def exclusive(mine: Sentence, others: Iterable[Sentence]) -> bool:
    """True only when ``mine`` is a parsed body sentence with key content (a number or a name) that no other
    outlet's sentence shares; a sentence with neither cannot be checked against the others, so is not."""
    a = mine.analysis
    if a is None or not checkable(mine):
        return False
    return not any(shares_key_content(a, o) for o in others if o.outlet != mine.outlet)


def checkable(mine: Sentence) -> bool:
    """Whether ``exclusive`` can find ``mine`` exclusive at all: a parsed body sentence with a number or a name."""
    a = mine.analysis
    return a is not None and a.parsed and a.is_body and bool(numbers(a.text) or _name_words(a))
