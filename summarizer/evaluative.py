"""The brief's own gate for the outlet's judgements: deliberately more sensitive than the framing note's.

A false "loaded" tag in the framing note accuses an outlet, so ``loaded.loaded_hits`` is tuned for
precision. In the brief a false alarm only costs a clause or a sentence, so this gate adds, in the
outlet's own voice (never inside quotation marks, never a name):

- adjectives the lexicons score as clearly evaluative at a lower bar than the framing note's;
- emotion verbs that say how a thing made people feel ("the deal dismayed the delegates"), and any
  valenced word whose argument is a sweeping quantifier ("angered almost everybody", "to the
  delight of none");
- a negated or negative capability stated in the present tense without attribution ("the agency is
  not able to cope", "the ministry is unfit to run it"): a judgement told as fact;
- nouns that name a social group by an epithet ("the town's ruling class");
- manner adverbs the lexicon rates strongly ("played brilliantly") and "should"/"ought to" said by
  the outlet itself (what ought to be is opinion).

``judgements`` returns them as ``LoadedHit`` spans so ``neutrality`` cuts them like loaded terms.
"""

from __future__ import annotations

from dataclasses import replace

from summarizer.analysis.records import SentenceAnalysis, Token
from summarizer.analysis.syntax import REPORTING_LEMMAS, auxiliaries
from summarizer.lexicon import EXAGGERATION, LOADED, NAME_CALLING
from summarizer.loaded import NAME_ENTITIES, LoadedHit
from summarizer.standard_terms import LITERAL_HARM, STANDARD_TERMS
from summarizer.word_scores import subjectivity, valence

# Lower bars than the framing note's (loaded.TB_*, loaded.VADER_*): blame is flagged earlier than praise,
# as TextBlob's mild positive senses are often descriptive ("primary", "detailed", "autonomous").
TB_SUBJECTIVE = 0.5
TB_NEGATIVE = -0.3
TB_POSITIVE = 0.6
TB_POSITIVE_SUBJECTIVE = 0.75
VADER_ONLY = 2.2  # below it VADER rates terms of the trade ("offensive line") and plain gains ("improved")
VADER_NEGATIVE = 1.2  # blame the raters agree on ("reckless" -1.7, "greedy" -1.3), above "low" (-1.1)
EMOTION_POLARITY = 0.5  # the -ed form as an adjective names a feeling ("disappointed", "angered")
QUOTED_NOUN = -1.5  # a strongly negative noun in a quote ("a total shambles")
QUANTIFIED_WORD = 1.0  # a valenced word said of everybody (or nobody) sweeps

# Adjectives of legal or vital status: the lexicons score them, but a report states them as facts.
_STATUS = frozenset({"guilty", "innocent", "criminal", "illegal", "legal", "dead", "alive", "wounded", "injured"})
# Adjectives that point or quantify ("their own", "make sure"): TextBlob scores them, they judge nothing.
_POINTING = frozenset({"own", "sure", "certain", "same", "such", "only", "many", "much", "few", "several"})
# Modals with which the outlet tells what ought to be: opinion, not report ("must" also states rules).
_OUGHT = frozenset({"should", "ought"})
EVALUATIVE_ADVERB = 2.5  # "brilliantly", "perfectly": manner judged (not "severely", a magnitude)
# Sweeping quantifiers standing for people.
_EVERYONE = frozenset({"everyone", "everybody", "nobody", "none", "anyone", "anybody"})
# Capability predicates: said of an actor with a negation, or negative in themselves.
_CAPABLE = frozenset({"able", "capable", "equip", "equipped", "prepare", "prepared", "ready", "fit", "competent"})
_INCAPABLE = frozenset(
    {"unable", "incapable", "unfit", "unprepared", "incompetent", "ill-equipped", "powerless", "helpless", "fail"}
)
# Nouns that name a social group by an epithet rather than by what its members do.
_GROUP_EPITHETS = frozenset({"elite", "oligarch", "cabal", "crony", "lackey", "henchman", "overlord", "establishment"})
_CLASS_MODIFIERS = frozenset({"ruling", "political", "chattering", "governing"})
_PRESENT = frozenset({"VBZ", "VBP"})
_MEASURES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"})


def _standard(token: Token) -> bool:
    return token.text.lower() in STANDARD_TERMS or token.lemma.lower() in STANDARD_TERMS


def _word(token: Token) -> bool:
    return token.ent not in NAME_ENTITIES and token.pos != "PROPN" and token.text[:1].isalpha()


def _adjective(token: Token) -> bool:
    """A plain adjective, or a present participle used as one ("a crushing blow")."""
    return (token.pos == "ADJ" and token.tag == "JJ") or (token.tag == "VBG" and token.dep == "amod")


def notable_adjective(token: Token) -> bool:
    """A plain adjective (not a comparison or ranking) the lexicons score as a judgement at the brief's bar."""
    if not _adjective(token) or token.text.lower() in _STATUS | _POINTING:
        return False
    if _standard(token) if token.tag == "JJ" else token.text.lower() in STANDARD_TERMS:
        return False  # a participle goes by its form: the result verb "crush" is standard, "a crushing blow" is not
    if token.ent in _MEASURES:
        return False  # part of a date or a quantity: "in late June", "a full 90 minutes"
    tb = subjectivity(token.text, "JJ")
    vd = valence(token.text)
    blame = vd is not None and vd <= -VADER_NEGATIVE
    if tb is not None:
        if tb.subjectivity >= TB_SUBJECTIVE and (tb.polarity <= TB_NEGATIVE or blame):
            return True  # blame: TextBlob calls it subjective, VADER's raters call it negative ("crushing")
        return tb.subjectivity >= TB_POSITIVE_SUBJECTIVE and tb.polarity >= TB_POSITIVE
    if blame and not token.text.lower().endswith("ed"):
        return True  # "reckless", "greedy"; a participle names a state ("damaged", "disputed")
    return vd is not None and abs(vd) >= VADER_ONLY


def _emotion_verb(s: SentenceAnalysis, i: int) -> bool:
    """ "the deal disappointed delegates": a verb whose -ed form is a feeling, said of someone it affected."""
    token = s.tokens[i]
    if token.pos != "VERB" or token.tag not in ("VBD", "VBN") or token.lemma.lower() in LITERAL_HARM:
        return False  # the participle is the adjective that names the feeling ("could top 10,000" is none)
    if _standard(token):
        return False
    feeling = subjectivity(token.text, "JJ") or subjectivity(token.text, "VB")
    if feeling is None or feeling.subjectivity < TB_SUBJECTIVE or abs(feeling.polarity) < EMOTION_POLARITY:
        return False
    return any(s.tokens[j].dep in ("dobj", "dative") for j in s.children(i))


def _sweeping(s: SentenceAnalysis, i: int) -> list[int] | None:
    """A sweeping quantifier and the valenced word it is the argument of: "dismayed nearly everybody",
    "to the delight of none"; None when ``i`` is no such quantifier."""
    token = s.tokens[i]
    if token.text.lower() not in _EVERYONE or token.head == i:
        return None
    governor = token.head
    if token.dep == "pobj" and s.tokens[governor].dep == "prep" and s.tokens[governor].head != governor:
        governor = s.tokens[governor].head  # "the delight of none": the noun the "of" hangs on
    elif token.dep not in ("nsubj", "nsubjpass", "dobj"):
        return None
    word = s.tokens[governor]
    vd = valence(word.text, word.lemma)
    if word.in_quote or not ((vd is not None and abs(vd) >= QUANTIFIED_WORD) or _emotion_verb(s, governor)):
        return None
    return sorted({governor, i})


def _attributed(s: SentenceAnalysis, i: int) -> bool:
    """The clause is what someone said ("officials said the agency is unable…"), not the outlet's claim."""
    seen = {i}
    while s.tokens[i].head != i and s.tokens[i].head not in seen:
        i = s.tokens[i].head
        seen.add(i)
        if s.tokens[i].lemma.lower() in REPORTING_LEMMAS:
            return True
    return False


def _present(s: SentenceAnalysis, i: int) -> bool:
    token = s.tokens[i]
    verb = token.head if token.dep in ("acomp", "attr") else i
    return any(s.tokens[j].tag in _PRESENT for j in [verb, *auxiliaries(s, verb)])


def _evaluative_adverb(token: Token) -> bool:
    """A manner adverb VADER rates strongly: "played brilliantly", "a perfectly judged move"."""
    vd = valence(token.text) if token.pos == "ADV" and token.tag == "RB" else None
    return vd is not None and abs(vd) >= EVALUATIVE_ADVERB and not _standard(token)


def _ought(s: SentenceAnalysis, i: int) -> bool:
    """ "X should resign", "this ought to worry…": the outlet says what ought to be."""
    token = s.tokens[i]
    if token.tag != "MD" or token.text.lower() not in _OUGHT or _attributed(s, i):
        return False
    verb = token.head
    subjects = [j for j in s.children(verb) if s.tokens[j].dep in ("nsubj", "nsubjpass")]
    return not any(j > i for j in subjects)  # "should the plan fail, …" is a condition


def _is_capability_word(token: Token) -> bool:
    return any(w in _CAPABLE or w in _INCAPABLE for w in (token.lemma.lower(), token.text.lower()))


def _capability(s: SentenceAnalysis, i: int) -> list[int] | None:
    """ "X is not equipped to…", "X is unable to…": capacity judged, in the present, in the outlet's voice."""
    token = s.tokens[i]
    lemma, form = token.lemma.lower(), token.text.lower()
    if token.pos not in ("ADJ", "VERB") or not _present(s, i) or _attributed(s, i):
        return None
    negation = [j for j in s.children(i) if s.tokens[j].dep == "neg"]
    if token.dep == "acomp":
        negation += [j for j in s.children(token.head) if s.tokens[j].dep == "neg"]
    if (lemma in _CAPABLE or form in _CAPABLE) and negation:
        return sorted({*negation, i})
    if lemma in _INCAPABLE or form in _INCAPABLE:
        return [i]
    return None


def _group_epithet(s: SentenceAnalysis, i: int) -> list[int] | None:
    """ "the city's power elite", "the ruling class": a group named by an epithet."""
    token = s.tokens[i]
    if token.pos != "NOUN":
        return None
    lemma = token.lemma.lower()
    modifiers = [j for j in s.children(i) if s.tokens[j].dep in ("amod", "compound") and j < i]
    if lemma in _GROUP_EPITHETS:
        if lemma == "establishment" and any(s.tokens[j].dep == "prep" for j in s.children(i)):
            return None  # "the establishment of a commission"
        return [*modifiers, i]
    if lemma == "class" and any(s.tokens[j].text.lower() in _CLASS_MODIFIERS for j in modifiers):
        return [*modifiers, i]
    return None


def _hit(s: SentenceAnalysis, tokens: list[int], technique: str) -> LoadedHit:
    first, last = s.tokens[min(tokens)], s.tokens[max(tokens)]
    start, end = first.idx, last.idx + len(last.text)
    return LoadedHit(start, end, s.text[start:end], technique)


def judgements(s: SentenceAnalysis) -> list[LoadedHit]:
    """The outlet's own judgements in a parsed sentence, at the brief's (sensitive) bar, in order."""
    if not s.parsed:
        return []
    return list(s.remember("judgements", lambda: tuple(_judgements(s))))


def _judgements(s: SentenceAnalysis) -> list[LoadedHit]:
    found: list[LoadedHit] = []
    taken: set[int] = set()
    for i, token in enumerate(s.tokens):
        if i in taken or token.in_quote or not _word(token):
            continue
        span: list[int] | None = None
        technique = LOADED
        capability = _capability(s, i)
        if capability is not None:
            span = capability
        elif (epithet := _group_epithet(s, i)) is not None:
            span, technique = epithet, NAME_CALLING
        elif (sweep := _sweeping(s, i)) is not None:
            span, technique = sweep, EXAGGERATION
        elif _emotion_verb(s, i) or (notable_adjective(token) and not _is_capability_word(token)):
            span = [i]  # a capability word is judged by its tense and voice alone (above)
        elif _evaluative_adverb(token) or _ought(s, i):
            span = [i]
        if span is None or taken.intersection(span) or any(s.tokens[j].in_quote for j in span):
            continue
        taken.update(span)
        found.append(_hit(s, span, technique))
    return sorted(found, key=lambda h: h.start)


def quoted_judgements(s: SentenceAnalysis) -> list[LoadedHit]:
    """Evaluative words inside quotation marks: the speaker's, not the outlet's, so never a reason to
    reject a sentence; but a brief need not repeat an inflammatory quote tucked into an aside."""
    if not s.parsed:
        return []
    found: list[LoadedHit] = []
    for i, token in enumerate(s.tokens):
        if not token.in_quote or not _word(token):
            continue
        vd = valence(token.text, token.lemma)
        insult = token.pos == "NOUN" and vd is not None and vd <= QUOTED_NOUN
        if notable_adjective(token) or insult or _emotion_verb(s, i):
            found.append(replace(_hit(s, [i], LOADED), in_quote=True))
    return found
