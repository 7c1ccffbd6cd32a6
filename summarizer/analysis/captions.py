"""A photo caption that carries no credit line, told from running text by its clause.

A caption describes what a picture shows, in the simple present: who (a named person, people, a group
of workers or residents, "a man") does something somewhere ("near a collapsed building", "in
<place>", "on <day>"). Running text in the present tense reports ("the company says…"), predicts
("officials expect…"), states ("prices are…", "the plan includes…") or quotes; a caption does none of
that and gives no figure. Only the parse decides: tense and voice of the main verb, what its subject
is, what hangs on it.
"""

from __future__ import annotations

from collections.abc import Sequence

from summarizer.analysis.records import Token
from summarizer.analysis.syntax import REPORTING_LEMMAS

# People a picture shows, as a plural subject; an agent suffix (-er, -or, -ist, -ian) marks most others.
_GROUPS = frozenset(
    {
        "people", "person", "police", "child", "man", "woman", "crowd", "fan", "troop", "soldier", "official",
        "local", "volunteer", "relative", "family", "student", "pupil", "delegate", "athlete", "refugee",
        "migrant", "resident", "firefighter", "rescuer", "survivor", "protester", "demonstrator", "activist",
        "guest", "visitor", "tourist", "passenger", "pilgrim", "staff", "team", "medic", "nurse", "doctor",
    }
)  # fmt: skip
_AGENT_SUFFIXES = ("ers", "ors", "ists", "ians")
# Where a scene takes place: prepositions of place (closed class). "On" places a scene only on a day or a
# named place ("on Friday", "on Main Street"): "vote on the plan" is its topic.
_PLACE_PREPOSITIONS = frozenset(
    {"in", "at", "near", "outside", "inside", "beside", "amid", "among", "along", "across", "past", "under",
     "around", "behind", "opposite", "next", "on"}
)  # fmt: skip
_PLACES = frozenset({"GPE", "LOC", "FAC"})
_WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
_MONTHS = frozenset(
    {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
)  # fmt: skip
# A clause that reports, predicts or states rather than shows: a complement, a predicate, a modal.
_NOT_SHOWN = frozenset({"ccomp", "xcomp", "csubj", "attr", "acomp", "oprd"})
# Verbs of a state, not of something a picture shows ("Workers need new skills…", "Residents face…").
_NOT_A_SCENE_VERBS = frozenset(
    {"be", "have", "do", "need", "want", "face", "fear", "hope", "live", "own", "lack", "remain", "know", "like",
     "love", "hate", "prefer", "depend", "cost", "mean", "include", "contain", "seem", "appear", "belong", "owe",
     "deserve", "risk", "wish", "stay", "plan", "intend", "agree", "support", "oppose", "back"}
)  # fmt: skip
# "Most residents…", "Many voters…": a generalisation, not the people in a picture.
_QUANTIFIERS = frozenset({"most", "many", "some", "all", "few", "several", "both", "no", "more", "fewer", "each"})
_PICTURED = frozenset({"picture", "photograph", "film"})


def _children(tokens: Sequence[Token], i: int) -> list[int]:
    return [j for j, t in enumerate(tokens) if t.head == i and j != i]


def _shows_someone(tokens: Sequence[Token], subject: int) -> bool:
    """A subject a picture shows: a named person, people ("Shoppers", "Rescue workers"), or "a man"."""
    token = tokens[subject]
    if token.ent == "PERSON":
        return True
    if token.pos != "NOUN" or any(tokens[j].text.lower() in _QUANTIFIERS for j in _children(tokens, subject)):
        return False
    lemma = token.lemma.lower()
    human = lemma in _GROUPS or token.text.lower().endswith(_AGENT_SUFFIXES)
    if token.tag == "NNS":
        return human
    indefinite = any(
        tokens[j].dep == "det" and tokens[j].text.lower() in ("a", "an") for j in _children(tokens, subject)
    )
    return human and indefinite


def _a_day(tokens: Sequence[Token], i: int) -> bool:
    """ "Friday", "Dec. 5", "November 12": one particular day."""
    word = tokens[i].text.lower().rstrip(".")
    if word in _WEEKDAYS:
        return True
    return word in _MONTHS and any(tokens[j].pos == "NUM" for j in _children(tokens, i))


def _where_and_when(tokens: Sequence[Token], verb: int) -> set[str]:
    """How the verb (or its object) is placed: "place" ("in <place>"), "day" ("on Friday", "on Dec. 5"),
    "spot" ("near a building", "in the north of the city"; not "in the spring")."""
    found: set[str] = set()
    frontier = [verb, *(j for j in _children(tokens, verb) if tokens[j].dep == "dobj")]
    seen: set[int] = set()
    while frontier:
        head = frontier.pop()
        for prep in _children(tokens, head):
            if tokens[prep].dep != "prep" or prep in seen:
                continue
            seen.add(prep)
            for obj in _children(tokens, prep):
                if tokens[obj].dep != "pobj":
                    continue
                frontier.append(obj)  # "the rubble of a school in the north": follow the chain
                frontier.extend(j for j in _children(tokens, obj) if tokens[j].dep in ("appos", "conj"))
                preposition = tokens[prep].lemma.lower()
                if preposition not in _PLACE_PREPOSITIONS:
                    continue
                if tokens[obj].ent in _PLACES:
                    found.add("place")
                elif _a_day(tokens, obj):
                    found.add("day")
                elif preposition != "on" and tokens[obj].ent not in ("DATE", "TIME"):
                    if any(tokens[j].dep == "det" for j in _children(tokens, obj)):
                        found.add("spot")
    return found


def _main_verb(tokens: Sequence[Token]) -> int | None:
    """The root when it is a verb in the simple present ("stand", "poses"), or "are pictured"."""
    root = next((i for i, t in enumerate(tokens) if t.dep == "ROOT"), None)
    if root is None or tokens[root].pos != "VERB":
        return None
    verb = tokens[root]
    helpers = [tokens[j] for j in _children(tokens, root) if tokens[j].dep in ("aux", "auxpass")]
    if verb.tag in ("VBZ", "VBP") and not helpers:
        lemma = verb.lemma.lower()
        return None if lemma in _NOT_A_SCENE_VERBS or lemma in REPORTING_LEMMAS else root
    present_passive = len(helpers) == 1 and helpers[0].dep == "auxpass" and helpers[0].tag in ("VBZ", "VBP")
    if verb.tag == "VBN" and present_passive and verb.lemma.lower() in _PICTURED:
        return root
    return None


def is_caption_clause(tokens: Sequence[Token]) -> bool:
    """A sentence that describes a picture: someone shown doing something somewhere, in the simple present,
    with no report, prediction, quotation, modal or figure ("Rescue workers search the rubble of a school
    in the north of the city."). "The company says it will appeal" and "Officials expect…" are not."""
    verb = _main_verb(tokens)
    if verb is None:
        return False
    if any(tokens[j].dep in _NOT_SHOWN for j in _children(tokens, verb)):
        return False
    if any(
        tokens[j].dep == "advcl" and any(tokens[k].tag == "TO" for k in _children(tokens, j))
        for j in _children(tokens, verb)
    ):
        return False  # "Ministers meet in Brussels to discuss…": a plan, not a picture
    for t in tokens:
        if t.in_quote or t.tag == "MD" or t.text.lower() == "according":
            return False
        if t.pos == "NUM" and t.ent not in ("DATE", "TIME"):
            return False  # a figure: something reported, not shown
    subject = next((j for j in _children(tokens, verb) if tokens[j].dep in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return False
    placed = _where_and_when(tokens, verb)
    if tokens[verb].tag == "VBN" or _shows_someone(tokens, subject):
        return bool(placed)
    # A name the tagger did not call a person ("Jane Doe" as a firm): only with both a place and a day.
    return tokens[subject].pos == "PROPN" and tokens[subject].ent in ("", "ORG") and {"place", "day"} <= placed
