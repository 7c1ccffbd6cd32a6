"""The labels an outlet attaches to a person or a party, read from the parse: premodifiers, appositions,
predicates.

A label is a noun phrase the outlet itself says about a PERSON entity: the words before the name in
its noun phrase ("the conservative candidate Jane Doe"), an apposition ("Doe, a former minister,"
or "the party's leader, Jane Doe"), or a predicate nominal ("Doe is a veteran campaigner"). Words
inside quotation marks are the speaker's, never the outlet's label. Anything that is not a noun
phrase (a verb fragment, a sentence opener, a bare adverb) is dropped: no label beats a wrong one.
An organisation heading its own noun phrase ("the hard-line Freedom League") is an actor too; its label
must hold a common noun or adjective, and a name's other name ("(FL)") is never a label.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from summarizer.analysis.records import HEADLINE, Entity, SentenceAnalysis

# Dependents before a name that belong to its noun phrase as modifiers ("former", "minister", "GOP").
_PREMOD_DEPS = frozenset({"compound", "amod", "nmod", "npadvmod", "nummod", "advmod"})
# Parts of speech a label may contain; it must also hold a noun or an adjective (its content).
_LABEL_POS = frozenset({"NOUN", "PROPN", "ADJ", "NUM", "ADP", "CCONJ", "DET", "PUNCT", "PART", "ADV", "VERB", "SYM"})
_CONTENT_POS = frozenset({"NOUN", "ADJ"})
_LABEL_VERB_TAGS = frozenset({"VBN"})  # "embattled", "disgraced": past participles used as adjectives
_CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "punct_clause"})
_COPULAS = frozenset({"be", "become", "remain"})
# Passives whose "as" phrase says what someone is taken to be, in the outlet's own voice.
_KNOWN_AS = frozenset({"know", "regard", "see", "consider"})
_EDGE_PUNCT = ",;:—–-()\"'“”‘’"
MAX_LABEL_WORDS = 14
_ARTICLES = frozenset({"a", "an", "the"})
# Quantifiers and degree words the tagger calls adjectives: "the most Doe has…" labels no one.
_NOT_CONTENT = frozenset({"most", "more", "many", "much", "other", "such", "same", "own", "few", "several"})
# Entity types a person's name may get from the small model ("Doe" alone is often an ORG).
_NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "PRODUCT", "FAC", "LOC", "WORK_OF_ART"})
# Organisations and groups (parties, agencies, movements) are actors too, when the name heads its own noun
# phrase ("the far-right Freedom League"), not when it modifies another noun ("League members").
_GROUP_LABELS = frozenset({"ORG"})
_MODIFIER_DEPS = frozenset({"compound", "amod", "poss", "nmod", "npadvmod", "nummod", "case"})


@dataclass(frozen=True, slots=True)
class FoundLabel:
    """A label for ``actor`` (as the caller named it), the words, and the sentence it comes from."""

    actor: str
    label: str
    sentence: str
    start: int  # character offset of the label in the sentence
    end: int


def _entity_root(s: SentenceAnalysis, start: int, end: int) -> int:
    for i in range(end - 1, start - 1, -1):
        head = s.tokens[i].head
        if head < start or head >= end or head == i:
            return i
    return end - 1


def _trim(s: SentenceAnalysis, tokens: list[int]) -> list[int]:
    """Drop clauses (who…, which…) hanging off the phrase, then edge punctuation; keep one contiguous run."""
    drop: set[int] = set()
    for i in tokens:
        if s.tokens[i].dep in ("relcl", "acl", "advcl", "ccomp") and s.tokens[i].pos in ("VERB", "AUX"):
            drop |= set(s.subtree(i))
    kept = [i for i in tokens if i not in drop]
    if not kept:
        return []
    run = [kept[0]]
    for i in kept[1:]:
        # A comma then "and"/"or" starts another phrase: "a local native, and other officials".
        if i != run[-1] + 1 or (s.tokens[i].pos == "CCONJ" and s.tokens[run[-1]].text == ","):
            break
        run.append(i)
    # Leading articles go too: the note reads "Calls Doe “former minister”".
    while run and (
        s.tokens[run[0]].text in _EDGE_PUNCT
        or s.tokens[run[0]].pos in ("CCONJ", "ADP")
        or s.tokens[run[0]].text.lower() in _ARTICLES
    ):
        run.pop(0)
    while run and (s.tokens[run[-1]].text in _EDGE_PUNCT or s.tokens[run[-1]].pos in ("CCONJ", "ADP", "DET")):
        run.pop()
    return run


def _honorific(word: str) -> bool:
    """ "Mr.", "Ms", "Dr", "Sir": a form of address, not a label ("CEO" is an acronym, kept)."""
    return word.endswith(".") or (len(word) <= 3 and word[:1].isupper() and word[1:].islower())


# Dependencies only a clause's arguments have: a noun phrase that holds one is a clause, not a label.
_CLAUSE_ARGUMENTS = frozenset({"nsubj", "nsubjpass", "csubj", "dobj"})


def _inside_word(text: str, at: int, to: int) -> bool:
    """The span ``text[at:to]`` starts or ends inside a word (a hyphen or a letter touches it)."""
    before = text[at - 1] if at > 0 else " "
    after = text[to] if to < len(text) else " "
    return before.isalnum() or before in "-‐" or after.isalnum() or after in "-‐"


def _valid(s: SentenceAnalysis, run: list[int], names: set[int]) -> bool:
    if not run or len(run) > MAX_LABEL_WORDS:
        return False
    tokens = [s.tokens[i] for i in run]
    if any(t.in_quote for t in tokens):
        return False
    # Page junk ("3531869,latest") and honorifics alone ("Mr.", "Ms") are not labels.
    if any(any(c.isdigit() for c in t.text) and any(c.isalpha() for c in t.text) and "," in t.text for t in tokens):
        return False
    if all(_honorific(t.text) for t in tokens if t.pos != "PUNCT"):
        return False
    if tokens[0].pos in ("VERB", "AUX", "ADV", "SCONJ", "PRON", "PART") and tokens[0].tag not in _LABEL_VERB_TAGS:
        return False
    for t in tokens:
        if t.pos not in _LABEL_POS or (t.pos in ("VERB", "AUX") and t.tag not in _LABEL_VERB_TAGS):
            return False
    # A phrase headed by another person's name ("Doe, Republican Richard Roe") is a list, not a label;
    # a name further down ("follower of Richard Roe") is fine.
    if any(i in names for i in run if not (run[0] <= s.tokens[i].head <= run[-1]) or s.tokens[i].head == i):
        return False
    # Its content: a common noun or adjective, or a capitalised title word that names no one.
    return any(
        (s.tokens[i].pos in _CONTENT_POS and s.tokens[i].text.lower() not in _NOT_CONTENT)
        or (s.tokens[i].pos == "PROPN" and s.tokens[i].ent in ("", "NORP"))
        for i in run
    )


def _premodifier(s: SentenceAnalysis, root: int, start: int, names: set[int]) -> list[int]:
    """The modifiers before the name in its own noun phrase, up to a determiner or possessive."""
    left = [j for j in s.children(root) if j < start]
    if any(s.tokens[j].dep not in _PREMOD_DEPS | {"det", "poss", "punct", "case"} for j in left):
        return []
    run: list[int] = []
    for j in range(start - 1, -1, -1):
        token = s.tokens[j]
        owner = next((c for c in left if j in s.subtree(c)), None)
        if owner is None or s.tokens[owner].dep in ("det", "poss", "case") or token.dep in ("det", "poss", "case"):
            break
        run.insert(0, j)
    # Before a name, "and" or a preposition means the run spans two phrases ("X and longshot Y").
    if any(s.tokens[j].pos in ("CCONJ", "ADP") for j in run):
        return []
    while run and _honorific(s.tokens[run[-1]].text):
        run.pop()  # "Prime Minister Sir Jane Doe": the label is "Prime Minister"
    return run if _valid(s, run, names) else []


def _apposition(s: SentenceAnalysis, root: int, end: int, names: set[int]) -> list[int]:
    for child in s.children(root):
        token = s.tokens[child]
        if (
            child >= end
            and token.dep == "appos"
            and (token.pos == "NOUN" or (token.pos == "PROPN" and child not in names and token.ent in ("", "NORP")))
        ):
            run = _trim(s, s.subtree(child))
            # Only capitalised names ("Freedom League (FL)", "Doe, Roe") give a name's other name, not a label.
            if _valid(s, run, names) and not all(s.tokens[i].pos in ("PROPN", "PUNCT") for i in run):
                return run
    return []


def _head_apposition(s: SentenceAnalysis, root: int, start: int, names: set[int]) -> list[int]:
    """ "The party's leader, Jane Doe": the name is in apposition to a noun phrase before it."""
    token = s.tokens[root]
    head = token.head
    if token.dep != "appos" or head >= start or s.tokens[head].pos != "NOUN":
        return []
    # The phrase must end right before the name (a comma between at most); a quantity ("saw 74 percent,
    # Doe") or a prepositional object ("a tell of guilt, Doe") before a name is a misparse.
    adjacent = head == start - 1 or (head == start - 2 and s.tokens[start - 1].text == ",")
    if (
        not adjacent
        or s.tokens[head].dep in ("pobj", "npadvmod")
        or any(s.tokens[c].dep == "nummod" for c in s.children(head))
    ):
        return []
    mine = set(s.subtree(root))
    run = _trim(s, [i for i in s.subtree(head) if i not in mine and i < start])
    return run if _valid(s, run, names) else []


def _known_as(s: SentenceAnalysis, verb: int, names: set[int]) -> list[int]:
    """ "Doe is known as a tireless organiser": the object of "as" after a passive "known" or "regarded",
    unless someone else is said to hold the view ("regarded by critics as…") or it is denied."""
    children = list(s.children(verb))
    if any(s.tokens[c].dep in ("neg", "mark", "agent") for c in children):
        return []
    for c in children:
        if s.tokens[c].dep == "prep" and s.tokens[c].text.lower() == "as":
            noun = next((j for j in s.children(c) if s.tokens[j].dep == "pobj" and s.tokens[j].pos == "NOUN"), None)
            if noun is not None:
                run = _trim(s, s.subtree(noun))
                return run if _valid(s, run, names) else []
    return []


def _predicate(s: SentenceAnalysis, root: int, names: set[int]) -> list[int]:
    """ "Doe is a veteran campaigner": the attribute of a copula whose subject is the name."""
    token = s.tokens[root]
    verb = token.head
    if token.dep == "nsubjpass" and s.tokens[verb].lemma.lower() in _KNOWN_AS:
        return _known_as(s, verb, names)
    if token.dep != "nsubj" or s.tokens[verb].lemma.lower() not in _COPULAS:
        return []
    children = list(s.children(verb))
    # Negated or conditional ("is not a…", "asked if Doe is a…"): not something the outlet asserts.
    if any(s.tokens[c].dep in ("neg", "mark") for c in children):
        return []
    for c in children:
        if s.tokens[c].dep == "attr" and s.tokens[c].pos == "NOUN" and c > verb:
            run = _trim(s, s.subtree(c))
            if _valid(s, run, names):
                return run
    return []


def _name_prefix(s: SentenceAnalysis, start: int, end: int, actor: str) -> list[int]:
    """Words the entity spans before the actor's own name: NER keeps "Reformer" in "Reformer Jane Doe"."""
    own = set(actor.split())
    run: list[int] = []
    for i in range(start, end):
        if s.tokens[i].text in own:
            break
        run.append(i)
    if len(run) == end - start:
        return []
    return [i for i in run if s.tokens[i].text[:1].isupper() or s.tokens[i].pos in _CONTENT_POS]


def _resolver(people: Mapping[str, str]) -> Callable[[str, str], str | None]:
    """Who an entity names: a known person by surname (NER may call a lone surname an ORG), or, for a
    PERSON entity of two words or more, the name as written."""

    def actor_of(text: str, label: str) -> str | None:
        known = people.get(text.split()[-1]) if text.split() else None
        if known is not None:
            return known
        return text if label == "PERSON" and len(text.split()) >= 2 else None

    return actor_of


def _balanced(label: str) -> str:
    """The label without a bracket left open by trimming: "leader of the Union (U" becomes "leader of the Union"."""
    if label.count("(") > label.count(")"):
        label = label[: label.rindex("(")].rstrip(_EDGE_PUNCT + " ")
    return label


def _is_group(s: SentenceAnalysis, entity: Entity, root: int) -> bool:
    """An organisation or group named in the outlet's running text, heading its own noun phrase."""
    head = s.tokens[root]
    # NER calls some parties places or people ("the Green party"); a name headed by "party" is a group.
    named_party = entity.label in _NAME_LABELS and head.lemma.lower() == "party"
    return (
        (entity.label in _GROUP_LABELS and head.pos == "PROPN" or named_party)
        and s.role != HEADLINE
        and head.dep not in _MODIFIER_DEPS
    )


def labels_in(sentence: SentenceAnalysis, people: Mapping[str, str]) -> list[FoundLabel]:
    """Labels the outlet attaches, in its own voice, to each person in a parsed sentence or headline.

    ``people`` maps a surname to the story's full name for that person; a PERSON entity not in it is
    taken by its own full name, and other entities count only when they are a known person's name.
    """
    if not sentence.parsed:
        return []
    s = sentence
    actor_of = _resolver(people)
    person_tokens = {i for e in s.entities if e.label == "PERSON" for i in range(e.start, e.end)}
    found: list[FoundLabel] = []
    for entity in s.entities:
        if entity.label not in _NAME_LABELS or any(s.tokens[i].in_quote for i in range(entity.start, entity.end)):
            continue
        text = entity.text.strip(_EDGE_PUNCT + "−‐ ").removesuffix("’s").removesuffix("'s")
        if not text[:1].isupper():
            continue  # a lower-cased page slug, not a name as written
        start, end = entity.start, entity.end
        root = _entity_root(s, start, end)
        # Title case defeats NER in headlines ("Doe Decries Levy"): there only known people count.
        actor = actor_of(text, entity.label if s.role != HEADLINE else "")
        group = actor is None and _is_group(s, entity, root)
        if group:
            actor = text.removeprefix("the ").removeprefix("The ")
        if actor is None:
            continue
        # NER may stop short of the surname ("Tran Van" + "Minh"): take the compound's head along.
        while s.tokens[root].dep == "compound" and s.tokens[root].head == end and s.tokens[end].pos == "PROPN":
            root, end = end, end + 1
        names = person_tokens - set(range(start, end))
        if group or s.role == HEADLINE:
            names |= {i for e in s.entities if e.label in _NAME_LABELS for i in range(e.start, e.end)}
            names -= set(range(start, end))
        runs = [
            _name_prefix(s, start, end, actor),
            _premodifier(s, root, start, names),
            _apposition(s, root, end, names),
            _head_apposition(s, root, start, names),
            _predicate(s, root, names),
        ]
        own = set(actor.split()) | set(text.split())
        for run in runs:
            if not run or (run is runs[0] and not _valid(s, run, names)):
                continue
            if group and not any(s.tokens[i].pos in _CONTENT_POS for i in run):
                continue  # a group's label says what it is: "AfD" or "PiS" beside its name is another name
            if all(s.tokens[i].text in own or s.tokens[i].pos == "PUNCT" for i in run):
                continue  # the rest of the person's own name ("Saquon" before "Barkley")
            if any(
                s.tokens[i].dep in _CLAUSE_ARGUMENTS and s.tokens[i].head in run and s.tokens[i].head != i for i in run
            ):
                continue  # a subject or object of a word inside it: a misparsed clause ("Shareholders re-elected chair")
            if s.role == HEADLINE and run is runs[1] and any(i in names for i in run):
                continue  # a headline's words before a name are often a clause ("Rovers beat Ashby United")
            if (
                run is runs[1]
                and entity.label == "PERSON"
                and not any(s.tokens[i].pos in ("NOUN", "PROPN") for i in run)
            ):
                continue  # an adjective alone before a person's name ("the reckless Doe") is no noun phrase
            first, last = s.tokens[run[0]], s.tokens[run[-1]]
            at, to = first.idx, last.idx + len(last.text)
            if _inside_word(s.text, at, to):
                continue  # the end of a hyphenated word the tokenizer split ("re-elected" → "elected chair")
            label = _balanced(s.text[at:to].strip(_EDGE_PUNCT + " "))
            if label:
                found.append(FoundLabel(actor, label, s.text, at, at + len(label)))
    return found
