"""Small questions asked of a parsed sentence's records: its main verb, subject, object, tense, voice.

Pure functions over ``SentenceAnalysis`` (no spaCy), shared by the brief, credits, figures and framing.
"""

from __future__ import annotations

from summarizer.analysis.records import FINITE_TAGS, SentenceAnalysis

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass"})
OBJECT_DEPS = frozenset({"dobj", "attr", "oprd", "dative", "acomp"})
# Verbs that report what someone said or thinks: the claim is in their clausal complement.
REPORTING_LEMMAS = frozenset(
    {
        "say", "tell", "report", "announce", "state", "add", "claim", "confirm", "write",
        "estimate", "warn", "predict", "expect", "suggest", "believe", "think", "fear", "show",
    }
)  # fmt: skip
NAMED_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW", "LANGUAGE"}
)


def root(sentence: SentenceAnalysis) -> int | None:
    """The token the parse hangs on (the first ROOT)."""
    return next((i for i, t in enumerate(sentence.tokens) if t.dep == "ROOT"), None)


def child_with(sentence: SentenceAnalysis, i: int, deps: frozenset[str]) -> int | None:
    """The first child of token ``i`` whose dependency is one of ``deps``."""
    return next((j for j in sentence.children(i) if sentence.tokens[j].dep in deps), None)


def main_predicate(sentence: SentenceAnalysis) -> int | None:
    """The verb that carries the sentence's claim: the root, or for "X said (that) Y" the verb of Y."""
    i = root(sentence)
    if i is None:
        return None
    if sentence.tokens[i].lemma.lower() in REPORTING_LEMMAS:
        complement = child_with(sentence, i, frozenset({"ccomp"}))
        if complement is not None:
            return complement
    return i


def subject_of(sentence: SentenceAnalysis, i: int) -> int | None:
    """The head of the subject of the verb ``i`` (a conjoined verb shares its first verb's subject)."""
    found = child_with(sentence, i, SUBJECT_DEPS)
    if found is None and sentence.tokens[i].dep == "conj" and sentence.tokens[i].head != i:
        return subject_of(sentence, sentence.tokens[i].head)
    return found


def doers(sentence: SentenceAnalysis, i: int) -> list[int]:
    """Heads of whoever does the action of verb ``i``: its subject, a passive "by" agent, the noun a
    relative clause hangs on, or the subject it shares with the verb it complements or is conjoined to."""
    tokens = sentence.tokens
    found: list[int] = []
    own = child_with(sentence, i, frozenset({"nsubj", "csubj"}))
    if own is not None:
        found.append(own)
    agent = child_with(sentence, i, frozenset({"agent"}))
    if agent is not None:
        found += [j for j in sentence.children(agent) if tokens[j].dep == "pobj"]
    if tokens[i].dep in ("relcl", "acl") and tokens[i].head != i:
        found.append(tokens[i].head)
    passive = child_with(sentence, i, frozenset({"nsubjpass", "csubjpass"}))
    if not found and passive is None and tokens[i].dep in ("xcomp", "conj", "advcl") and tokens[i].head != i:
        found += doers(sentence, tokens[i].head)
    return found


_NOUN_PHRASE_DEPS = frozenset({"compound", "amod", "det", "poss", "case", "flat", "nmod", "nummod"})


def phrase_tokens(sentence: SentenceAnalysis, i: int) -> list[int]:
    """The tokens of the noun phrase token ``i`` heads, without any clause or apposition hanging on it."""
    found = {i}
    frontier = [i]
    while frontier:
        for j in sentence.children(frontier.pop()):
            if sentence.tokens[j].dep in _NOUN_PHRASE_DEPS and j not in found:
                found.add(j)
                frontier.append(j)
    return sorted(found)


def phrase(sentence: SentenceAnalysis, i: int) -> str:
    """The noun phrase token ``i`` heads, as written."""
    tokens = phrase_tokens(sentence, i)
    return sentence.span_text(tokens[0], tokens[-1] + 1)


def object_of(sentence: SentenceAnalysis, i: int) -> int | None:
    """The head of the direct object, attribute or complement of the verb ``i``."""
    return child_with(sentence, i, OBJECT_DEPS)


def is_negated(sentence: SentenceAnalysis, i: int) -> bool:
    return child_with(sentence, i, frozenset({"neg"})) is not None


def auxiliaries(sentence: SentenceAnalysis, i: int) -> list[int]:
    return [j for j in sentence.children(i) if sentence.tokens[j].dep in ("aux", "auxpass")]


def is_finite(sentence: SentenceAnalysis, i: int) -> bool:
    """Whether verb ``i`` heads a finite clause (it or one of its auxiliaries carries tense)."""
    return any(sentence.tokens[j].tag in FINITE_TAGS for j in [i, *auxiliaries(sentence, i)])


def entity_at(sentence: SentenceAnalysis, i: int) -> str:
    """The label of the named entity covering token ``i`` ("" when none)."""
    return next((e.label for e in sentence.entities if e.start <= i < e.end), "")
