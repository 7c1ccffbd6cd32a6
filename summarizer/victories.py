"""Who won and who lost, read from one parsed sentence; and whether the sentence is about an election.

A sentence is about an election when it has an election noun ("election", "runoff", "ballot", "vote",
"presidency"…) or an office tied to its relation ("elected mayor", "race for mayor") and nothing
that marks another kind of contest (a match or final, an award, a shareholder vote, a court case).
Relations: X wins / beats / defeats Y; Y is defeated by X; X is elected; the election of X; X's
victory over Y; Y concedes; X comes first, Y second, "followed by Y"; each only when stated as fact.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from summarizer.analysis.clauses import children, is_stated_fact, passive_agent, prep_object, subject
from summarizer.analysis.records import SentenceAnalysis
from summarizer.contenders import Contender, People, contender_at

ELECTION_NOUNS = frozenset(
    {"election", "runoff", "run-off", "ballot", "vote", "presidency", "mayoralty", "leadership", "electorate"}
)
OFFICE_NOUNS = frozenset(
    {"president", "mayor", "leader", "chancellor", "governor", "senator", "premier", "minister", "councillor", "mp"}
)
OFFICE_ADJECTIVES = frozenset({"presidential", "mayoral", "parliamentary", "gubernatorial", "electoral", "leadership"})
RACE_NOUNS = frozenset({"race", "contest", "campaign", "bid"})
# Other contests that use "win", "beat" and "vote": never an election.
OTHER_CONTESTS = frozenset(
    {
        "match", "game", "final", "semi-final", "championship", "cup", "league", "tournament", "season",
        "playoff", "trophy", "medal", "title", "award", "prize", "mvp", "touchdown", "goal", "shareholder",
        "stockholder", "investor", "proxy", "jury", "verdict", "trial", "court", "judge", "lawsuit", "survey",
    }
)  # fmt: skip
# Results of another round: a first round, a primary, an exit or opinion poll.
NOT_FINAL = frozenset({"primary", "primaries", "exit", "opinion", "survey"})
WIN_VERBS = frozenset({"win", "clinch", "secure", "capture", "sweep"})  # all but "win" need a victory object
BEAT_VERBS = frozenset({"beat", "defeat", "trounce", "unseat", "oust", "edge", "topple", "overtake"})
WIN_OBJECTS = ELECTION_NOUNS | OFFICE_NOUNS | RACE_NOUNS | {"majority", "seat", "nomination", "term", "mandate"}
RANKS = {"first": 1, "second": 2, "top": 1}
ORDINALS = frozenset({"first", "second", "third", "fourth", "fifth", "1st", "2nd", "3rd", "4th", "5th"})
PRONOUNS = frozenset({"he", "she"})
# Every word a relation below starts from: other tokens are skipped before the costlier clause checks.
RELATION_WORDS = WIN_VERBS | BEAT_VERBS | {
    "elect", "re-elect", "reelect", "concede", "lose", "victory", "win", "election", "winner", "follow",
}  # fmt: skip


@dataclass
class Found:
    """What one sentence says: winners, losers (ranked second or below) and whether it names an election."""

    winners: list[Contender] = field(default_factory=list)
    losers: list[Contender] = field(default_factory=list)
    about_election: bool = False


def about_election(s: SentenceAnalysis) -> bool:
    """An election noun or office in the outlet's own words, and no sign of another kind of contest."""
    return s.remember("about_election", lambda: _about_election(s))


def _about_election(s: SentenceAnalysis) -> bool:
    words = [t for t in s.tokens if not t.in_quote]
    lemmas = {t.lemma.lower() for t in words} | {t.text.lower() for t in words}
    if any(
        t.pos in ("NOUN", "PROPN") and (t.lemma.lower() in OTHER_CONTESTS or t.text.lower() in OTHER_CONTESTS)
        for t in words
    ):
        return False
    if any(t.lemma.lower() in ELECTION_NOUNS and t.pos == "NOUN" for t in words):
        return True
    if lemmas & OFFICE_ADJECTIVES and lemmas & (RACE_NOUNS | {"result"}):
        return True
    elected = any(t.lemma.lower() in ("elect", "re-elect", "reelect") for t in words)
    raced = any(
        t.lemma.lower() in RACE_NOUNS and any(s.tokens[j].lemma.lower() in OFFICE_NOUNS for j in s.subtree(i))
        for i, t in enumerate(s.tokens)
    )
    return (elected or raced) and bool(lemmas & OFFICE_NOUNS)


def not_final(s: SentenceAnalysis, within: set[int] | None = None) -> bool:
    """A numbered round, primary or poll: not the result of the election itself (in ``within`` when given)."""
    for i, t in enumerate(s.tokens):
        if t.in_quote or within is not None and i not in within:
            continue
        lemma = t.lemma.lower()
        if lemma in NOT_FINAL or t.text.lower() in NOT_FINAL or lemma == "poll" and t.pos == "NOUN":
            return True
        if lemma == "round" and any(
            s.tokens[j].ent == "ORDINAL" or s.tokens[j].text.lower() in ORDINALS for j in s.children(i)
        ):
            return True
    return False


def _other_round(s: SentenceAnalysis) -> bool:
    """A first round, a primary, an exit or opinion poll anywhere in the sentence (a "poll" alone may be
    another clause: "X wins as a poll shows membership falling")."""
    return any(
        not t.in_quote and (t.lemma.lower() in NOT_FINAL or t.text.lower() in NOT_FINAL) for t in s.tokens
    ) or not_final(s, {i for i, t in enumerate(s.tokens) if t.lemma.lower() != "poll"})


def _own_clause(s: SentenceAnalysis, i: int) -> set[int]:
    """Token ``i``'s clause without the clauses hanging from it ("X wins as a poll shows …")."""
    found = {i}
    frontier = [i]
    while frontier:
        node = frontier.pop()
        for j in s.children(node):
            if j not in found and s.tokens[j].dep not in ("advcl", "ccomp", "conj", "relcl", "parataxis"):
                found.add(j)
                frontier.append(j)
    return found


def _victory_object(s: SentenceAnalysis, verb: int) -> bool:
    """'X won' / 'won the election' / 'won the most votes': a victory, not a share ('won 12%', 'won 151 seats')."""
    objects = children(s, verb, "dobj")
    if not objects:
        return s.tokens[verb].lemma.lower() in ("win", "lose")
    obj = s.tokens[objects[0]]
    if any(s.tokens[j].tag in ("CD",) or s.tokens[j].ent in ("PERCENT", "CARDINAL") for j in children(s, objects[0])):
        return any(s.tokens[j].tag in ("JJS", "RBS") for j in children(s, objects[0]))
    if obj.pos == "NUM" or obj.ent in ("PERCENT", "CARDINAL", "MONEY"):
        return False
    superlative = any(s.tokens[j].tag in ("JJS", "RBS") for j in children(s, objects[0]))
    return obj.lemma.lower() in WIN_OBJECTS or superlative


def read_sentence(s: SentenceAnalysis, people: People, previous_winner: Contender | None) -> Found:
    """The winners and losers this sentence states (empty when it states none as fact)."""
    found = Found(about_election=about_election(s))
    if not s.parsed or _other_round(s):
        return found

    def who(i: int | None) -> Contender | None:
        if i is None:
            return None
        if s.tokens[i].text.lower() in PRONOUNS and s.tokens[i].dep in ("nsubj", "nsubjpass"):
            return previous_winner
        return contender_at(s, i, people)

    def add(target: list[Contender], c: Contender | None) -> None:
        if c is not None and c not in target:
            target.append(c)

    for i, t in enumerate(s.tokens):
        lemma = t.lemma.lower()
        if lemma not in RELATION_WORDS and t.text.lower() not in RANKS:
            continue
        if t.in_quote or not is_stated_fact(s, i) or not_final(s, _own_clause(s, i)):
            continue
        if t.pos == "VERB" and lemma in WIN_VERBS and t.dep not in ("amod", "acl") and _victory_object(s, i):
            add(found.winners, who(subject(s, i)))
            for j in prep_object(s, i, "over", "against"):
                add(found.losers, who(j))
        elif t.pos == "VERB" and lemma in BEAT_VERBS:
            if any(s.tokens[j].dep == "auxpass" for j in s.children(i)) or t.dep == "acl" and t.tag == "VBN":
                add(found.winners, who(passive_agent(s, i)))
                loser = next(iter(children(s, i, "nsubjpass")), None)
                add(found.losers, who(loser if loser is not None else (t.head if t.dep == "acl" else None)))
            else:
                add(found.winners, who(subject(s, i)))
                for j in children(s, i, "dobj"):
                    add(found.losers, who(j))
                    for k in children(s, j, "conj"):
                        add(found.losers, who(k))
        elif t.pos == "VERB" and lemma in ("elect", "re-elect", "reelect"):
            passive = t.tag == "VBN" and (
                t.dep in ("ROOT", "acl") or any(s.tokens[j].dep == "auxpass" for j in s.children(i))
            )
            if passive:
                winner = next(iter(children(s, i, "nsubjpass", "nsubj")), None)
                add(found.winners, who(winner if winner is not None else (t.head if t.dep == "acl" else None)))
            else:
                for j in children(s, i, "dobj"):
                    if s.tokens[j].lemma.lower() in OFFICE_NOUNS:  # headline style: "X elected party leader"
                        add(found.winners, who(subject(s, i)))
                    else:
                        add(found.winners, who(j))
        elif t.pos == "VERB" and lemma in ("concede", "lose"):
            if lemma == "concede" or _victory_object(s, i):
                add(found.losers, who(subject(s, i)))
                for j in prep_object(s, i, "to"):
                    add(found.winners, who(j))
        elif t.pos == "NOUN" and lemma in ("victory", "win") and t.dep != "compound":
            owner = next(iter(children(s, i, "poss")), None)
            add(found.winners, who(owner))
            for j in prep_object(s, i, "over", "against"):
                add(found.losers, who(j))
        elif t.pos == "NOUN" and lemma == "election":
            for j in prep_object(s, i, "of"):
                add(found.winners, who(j))
        elif t.pos == "NOUN" and lemma == "winner" and not children(s, i, "amod", "compound"):
            _ranked(s, i, 1, who, found)
        elif (
            t.text.lower() in RANKS and t.pos in ("ADV", "ADJ", "NOUN") and not children(s, i, "acl", "relcl", "xcomp")
        ):
            _ranked(s, i, RANKS[t.text.lower()], who, found)
        elif t.pos == "VERB" and lemma == "follow" and t.tag == "VBN" and t.dep in ("acl", "advcl"):
            for j in children(s, i, "agent"):
                for k in children(s, j, "pobj"):
                    add(found.losers, who(k))
    return found


Who = Callable[[int | None], Contender | None]


def _ranked(s: SentenceAnalysis, i: int, rank: int, who: Who, found: Found) -> None:
    """'X came first', 'X finished second', 'X was second', 'X emerged as the winner', 'X ended in second place'."""
    node = i
    for _ in range(3):
        head = s.tokens[node].head
        if head == node:
            break
        node = head
        if s.tokens[node].pos in ("VERB", "AUX"):
            break
    if s.tokens[node].pos not in ("VERB", "AUX") or s.tokens[node].lemma.lower() not in (
        "come", "finish", "end", "place", "emerge", "be", "rank", "take",
    ):  # fmt: skip
        return
    if not_final(s, _own_clause(s, node)):
        return
    c = who(subject(s, node))
    target = found.winners if rank == 1 else found.losers
    if c is not None and c not in target:
        target.append(c)
