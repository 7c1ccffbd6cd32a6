"""Loaded language in an outlet's own voice, found on the parse and scored with two shipped lexicons.

A word is loaded when (1) the outlet says it (no token inside quotation marks), (2) the lexicons
rate it evaluative (``word_scores``: TextBlob subjectivity and polarity, vaderSentiment valence)
or the hand list in ``lexicon`` names it, and (3) the parse shows it used evaluatively: an adjective
modifying a noun or said of a subject, a noun labelling a person or group, a verb whose subject is
a person or group, an intensifier on an adjective. Standard and literal uses (``standard_terms``)
are left alone. Each hit carries a SemEval-2023 Task 3 technique read from its structure.
"""

from __future__ import annotations

from dataclasses import dataclass

from summarizer.analysis.records import SentenceAnalysis, Token
from summarizer.figurative import (
    HYPERBOLIC_DESTRUCTION,
    MILITARY_NOUNS,
    NATURAL_FORCES,
    NEEDS_ACTOR,
    NEEDS_ACTOR_PATIENT,
    force_word,
)
from summarizer.judgements import (
    CONDEMNING_ADJECTIVES,
    OF_SPEECH_ONLY,
    PEJORATIVE_PHRASES,
    REPORTED_JUDGEMENT,
    SPEECH_NOUNS,
    judgement_class,
)
from summarizer.lexicon import EXAGGERATION, LOADED, NAME_CALLING, REPUTATION, find_loaded
from summarizer.standard_terms import DEGREE_OF_HARM, LITERAL_HARM, PLAIN_DEGREE, STANDARD_TERMS
from summarizer.word_scores import boosters, subjectivity, valence

# Entity types that are names: a word inside one is never a loaded term of the outlet.
NAME_ENTITIES = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE"})
# Who a label or a loaded verb can be about: people, groups, organisations, countries.
ACTOR_ENTITIES = frozenset({"PERSON", "NORP", "ORG", "GPE"})
_ACTOR_PRONOUNS = frozenset({"he", "she", "they", "we", "i", "you", "who"})
_ADJ_DEPS = frozenset({"amod", "acomp", "attr", "conj", "advcl", "ROOT", "ccomp", "xcomp", "oprd", "appos"})
_LABEL_DEPS = frozenset({"appos", "attr", "compound"})

# Thresholds: an adjective must be subjective and clearly polar in TextBlob (praise needs more than
# blame: TextBlob's mild positive senses are often descriptive, "own", "latest"), and strong in VADER
# when VADER knows it; a word only VADER knows must be strongly valenced there.
TB_SUBJECTIVE = 0.6
TB_POSITIVE = 0.7
TB_NEGATIVE = -0.5
VADER_BOTH = 2.0
VADER_ONLY = 2.5
VADER_NOUN = -2.0
VADER_DERISION = 1.5  # an -ly adverb's adjective at least this negative in VADER mocks its head
# vaderSentiment's intensifiers (its booster list), less the plain degree words of neutral copy.
BOOSTERS = boosters() - PLAIN_DEGREE


@dataclass(frozen=True, slots=True)
class LoadedHit:
    """A loaded term in a sentence: character span, the words, its technique, and whether it is quoted."""

    start: int
    end: int
    term: str
    technique: str
    in_quote: bool = False


def evaluative_adjective(word: str, tag: str = "JJ") -> bool:
    """The lexicons rate ``word`` as a judgement, not a description."""
    tb = subjectivity(word, "JJ")
    vd = valence(word)
    if tb is not None:
        polar = tb.polarity >= TB_POSITIVE or tb.polarity <= TB_NEGATIVE
        return polar and tb.subjectivity >= TB_SUBJECTIVE and (vd is None or abs(vd) >= VADER_BOTH)
    return vd is not None and abs(vd) >= VADER_ONLY


def _is_name(token: Token) -> bool:
    return token.ent in NAME_ENTITIES or token.pos == "PROPN"


def _is_actor(s: SentenceAnalysis, i: int) -> bool:
    token = s.tokens[i]
    return token.ent in ACTOR_ENTITIES or token.text.lower() in _ACTOR_PRONOUNS


def _standard(s: SentenceAnalysis, i: int) -> bool:
    token = s.tokens[i]
    for form in (token.text.lower(), token.lemma.lower()):
        entry = STANDARD_TERMS.get(form)
        if entry is None:
            continue
        if not entry.heads:
            return True
        head = s.tokens[token.head]
        if head.lemma.lower() in entry.heads or head.text.lower() in entry.heads:
            return True
    return False


def _technical_compound(s: SentenceAnalysis, i: int) -> bool:
    """A noun headed by a common-noun compound is a technical term: "tax regime", "sanctions regime"."""
    return any(
        s.tokens[j].dep == "compound" and s.tokens[j].pos == "NOUN" and (j == 0 or s.tokens[j - 1].text != "-")
        for j in s.children(i)
    )


def _before_quantity(s: SentenceAnalysis, i: int) -> bool:
    """ "barely a minute after", "just 2 percent": a minimiser measuring a figure is literal."""
    following = s.tokens[i + 1 : i + 4]
    return any(t.pos == "NUM" or t.ent in ("TIME", "DATE", "CARDINAL", "PERCENT", "QUANTITY") for t in following)


def _verb_use_loaded(s: SentenceAnalysis, i: int) -> bool:
    """A listed word used as a verb: "woke up" is not "woke"; physical harm by a non-actor is literal."""
    token = s.tokens[i]
    if not token.text.lower().startswith(token.lemma.lower()):
        return False  # another word spelt alike: "woke up" (wake) is not "woke"
    if token.lemma.lower() in LITERAL_HARM:
        return any(s.tokens[j].dep == "nsubj" and _is_actor(s, j) for j in s.children(i))
    return True


_ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "poss", "compound", "agent", "prep", "attr"})


def _arguments(s: SentenceAnalysis, i: int) -> list[int]:
    """Who or what a verb or action noun is about: its subject, object, prepositional and possessive
    dependents, the noun a participle or relative clause hangs on, and a conjoined verb's subject."""
    found: list[int] = []
    frontier = [j for j in s.children(i) if s.tokens[j].dep in _ARGUMENT_DEPS]
    token = s.tokens[i]
    if token.dep in ("acl", "relcl", "amod") and token.head != i:
        found.append(token.head)
    if token.dep in ("xcomp", "conj") and token.head != i:
        frontier += [j for j in s.children(token.head) if s.tokens[j].dep in ("nsubj", "nsubjpass")]
    while frontier:
        j = frontier.pop()
        if s.tokens[j].dep in ("prep", "agent"):
            frontier += [k for k in s.children(j) if s.tokens[k].dep == "pobj"]
        else:
            found.append(j)
    return found


def _actor_like(s: SentenceAnalysis, j: int) -> bool:
    """A person or group: a named one, a personal pronoun, or something such a one owns ("his policies")."""
    token = s.tokens[j]
    named = token.pos == "PROPN" and (not token.ent or token.ent in ACTOR_ENTITIES)  # not "Monday"
    if _is_actor(s, j) or named or token.tag == "PRP$":
        return True
    return any(s.tokens[k].dep in ("poss", "compound") and _actor_like(s, k) for k in s.children(j))


def _force_hit(s: SentenceAnalysis, i: int) -> LoadedHit | None:
    """Violence or destruction said of a contest, a rival or a policy: "annihilated their rivals",
    "punctured the plan". Literal with a natural force as doer ("the quake obliterated the hall") or,
    for the words that need one, without any person or group in the clause ("debris punctured a tyre")."""
    token = s.tokens[i]
    if token.pos not in ("VERB", "NOUN") or token.dep in ("amod", "acomp", "compound"):
        return None  # "a paralysed man", "handicapped parking": a state, not an act
    word = force_word(token.text, token.lemma)
    if word is None:
        return None
    arguments = _arguments(s, i)
    if any(s.tokens[j].lemma.lower() in NATURAL_FORCES for j in arguments):
        return None
    if word in NEEDS_ACTOR and not any(_actor_like(s, j) for j in arguments):
        return None
    patients = [j for j in arguments if s.tokens[j].dep in ("dobj", "nsubjpass")]
    if word in NEEDS_ACTOR_PATIENT and not any(_actor_like(s, j) for j in patients):
        return None
    if word not in HYPERBOLIC_DESTRUCTION and any(t.lemma.lower() in MILITARY_NOUNS for t in s.tokens):
        return None
    return _span(s, i, i, EXAGGERATION if word in HYPERBOLIC_DESTRUCTION else LOADED)


def _reported(s: SentenceAnalysis, i: int) -> bool:
    """Token ``i`` sits under a word that reports another's judgement ("accused him of greed")."""
    seen = {i}
    j = s.tokens[i].head
    while j not in seen:
        seen.add(j)
        if s.tokens[j].lemma.lower() in REPORTED_JUDGEMENT:
            return True
        j = s.tokens[j].head
    return False


def _judgement_hit(s: SentenceAnalysis, i: int) -> LoadedHit | None:
    """A noun that judges: "the council's ineptitude", "met with derision", "the ruling class"."""
    token = s.tokens[i]
    if token.pos != "NOUN" or _reported(s, i):
        return None
    lemma = token.lemma.lower()
    for j in s.children(i):
        modifier = s.tokens[j]
        forms = (modifier.lemma.lower(), modifier.text.lower())
        if modifier.dep in ("compound", "amod") and j < i and any((m, lemma) in PEJORATIVE_PHRASES for m in forms):
            return _span(s, j, i, NAME_CALLING)
    technique = judgement_class(lemma)
    if technique is None or (technique == REPUTATION and _technical_compound(s, i)):
        return None  # "market manipulation" is an offence's name; a "party lackey" is still a lackey
    return _span(s, i, i, technique)


def _span(s: SentenceAnalysis, first: int, last: int, technique: str) -> LoadedHit:
    start = s.tokens[first].idx
    end = s.tokens[last].idx + len(s.tokens[last].text)
    quoted = any(t.in_quote for t in s.tokens[first : last + 1])
    return LoadedHit(start, end, s.text[start:end], technique, quoted)


def _hand_list_hits(s: SentenceAnalysis) -> list[tuple[LoadedHit, set[int]]]:
    found = []
    for start, end, term, technique in find_loaded(s.text):
        covered = {i for i, t in enumerate(s.tokens) if t.idx < end and start < t.idx + len(t.text)}
        if not covered:
            continue
        first = min(covered)
        quoted = any(s.tokens[i].in_quote for i in covered)
        if _standard(s, first) or (s.tokens[first].pos == "NOUN" and _technical_compound(s, first)):
            continue
        if term.lower() == "barely" and _before_quantity(s, first):
            continue
        if s.tokens[first].pos in ("VERB", "AUX") and not _verb_use_loaded(s, first):
            continue
        found.append((LoadedHit(start, end, term, technique, quoted), covered))
    return found


def _adjective_hit(s: SentenceAnalysis, i: int) -> LoadedHit | None:
    token = s.tokens[i]
    # Superlatives rank ("the worst quarter since 2020") more often than they judge: left alone.
    if token.pos != "ADJ" or token.tag == "JJS" or token.dep not in _ADJ_DEPS:
        return None
    word = token.text.lower()
    of_speech = word in OF_SPEECH_ONLY and s.tokens[token.head].lemma.lower() in SPEECH_NOUNS
    if not (evaluative_adjective(word) or word in CONDEMNING_ADJECTIVES or of_speech):
        return None
    if token.dep == "amod" and s.tokens[token.head].pos not in ("NOUN", "PROPN", "PRON"):
        return None
    boosters = [j for j in s.children(i) if s.tokens[j].dep == "advmod" and s.tokens[j].text.lower() in BOOSTERS]
    if boosters:
        return _span(s, min(boosters), i, EXAGGERATION)
    on_actor = token.dep == "amod" and _is_actor(s, token.head)
    return _span(s, i, i, NAME_CALLING if on_actor else LOADED)


def _adverb_base(word: str) -> list[str]:
    """The adjectives an -ly adverb may come from: "ludicrously" > "ludicrous", "angrily" > "angry"."""
    stem = word[:-2]
    return [stem, stem[:-1] + "y", stem + "e", stem[:-2] if stem.endswith("al") else stem]


def _derisive_adverb_hit(s: SentenceAnalysis, i: int) -> LoadedHit | None:
    """An adverb of scorn on an adjective ("ludicrously vague", "absurdly generous") exaggerates; an
    adverb of measured harm ("badly damaged") does not."""
    token = s.tokens[i]
    word = token.text.lower()
    if token.pos != "ADV" or token.dep != "advmod" or not word.endswith("ly") or word in DEGREE_OF_HARM:
        return None
    if token.head != i + 1 or s.tokens[token.head].pos != "ADJ":
        return None
    for base in _adverb_base(word):
        tb = subjectivity(base, "JJ")
        vd = valence(base)
        if (vd is not None and vd <= -VADER_DERISION) or (
            tb is not None and tb.polarity <= -0.3 and tb.subjectivity >= 0.9
        ):
            return _span(s, i, token.head, EXAGGERATION)
    return None


def _booster_hit(s: SentenceAnalysis, i: int) -> LoadedHit | None:
    """An intensifier on an adjective ("utterly hopeless") exaggerates, whatever the adjective."""
    token = s.tokens[i]
    if token.dep != "advmod" or token.text.lower() not in BOOSTERS:
        return None
    head = s.tokens[token.head]
    if head.pos != "ADJ" or head.tag != "JJ" or token.head != i + 1:
        return None
    return _span(s, i, token.head, EXAGGERATION)


def _labelling_noun_hit(s: SentenceAnalysis, i: int) -> LoadedHit | None:
    """A strongly negative noun that labels a person or group: "X, a liar", "X is a crook"."""
    token = s.tokens[i]
    if token.pos != "NOUN" or token.dep not in _LABEL_DEPS:
        return None
    vd = valence(token.text, token.lemma)
    if vd is None or vd > VADER_NOUN:
        return None
    head = token.head
    if token.dep == "attr":
        subjects = [j for j in s.children(head) if s.tokens[j].dep in ("nsubj", "nsubjpass")]
        if not any(_is_actor(s, j) for j in subjects):
            return None
    elif not _is_actor(s, head):
        return None
    return _span(s, i, i, NAME_CALLING)


def loaded_hits(sentence: SentenceAnalysis, *, own_voice: bool = True) -> list[LoadedHit]:
    """Loaded terms in a parsed sentence, in order; with ``own_voice`` only those outside quotation marks.

    An unparsed sentence has no tokens and so no hits: callers treat it as unverified.
    """
    if not sentence.parsed:
        return []
    # Found once per sentence, quoted ones included; the own-voice reading leaves those out.
    every = sentence.remember("loaded_hits", lambda: tuple(_loaded_hits(sentence)))
    return [h for h in every if not h.in_quote] if own_voice else list(every)


def _loaded_hits(sentence: SentenceAnalysis) -> list[LoadedHit]:
    hits: list[LoadedHit] = []
    taken: set[int] = set()
    for listed, covered in _hand_list_hits(sentence):
        hits.append(listed)
        taken |= covered
    for i, token in enumerate(sentence.tokens):
        if i in taken or _is_name(token) or not token.text[:1].isalpha() or _standard(sentence, i):
            continue
        found = (
            _force_hit(sentence, i)
            or _judgement_hit(sentence, i)
            or _derisive_adverb_hit(sentence, i)
            or _booster_hit(sentence, i)
            or _adjective_hit(sentence, i)
            or _labelling_noun_hit(sentence, i)
        )
        if found is None:
            continue
        hit = found
        span = {j for j, t in enumerate(sentence.tokens) if hit.start <= t.idx < hit.end}
        if span & taken:
            continue
        taken |= span
        hits.append(hit)
    return sorted(hits, key=lambda h: h.start)
