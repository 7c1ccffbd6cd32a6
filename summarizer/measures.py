"""Numbers in a parsed sentence with what they measure: value, unit, the thing counted and about whom.

The surface form (value, qualifier, the words as printed) comes from the text; the meaning from the
parse: the noun a number modifies ("9 hours", "151 seats"), a percentage's "of X" ("28.5% of the
vote", "25% of the seats", "75% of votes counted"), the noun it is the figure of ("a turnout of 72
per cent"), and whom it is about (a possessor, "for X", "X with N%", or the clause's subject).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from summarizer.analysis.clauses import (
    CONDITIONS,
    MODALS,
    ancestors,
    children,
    name_span,
    possessor,
    prep_object,
    subject,
)
from summarizer.analysis.records import SentenceAnalysis
from summarizer.contenders import People
from summarizer.figures import GENERIC_QUANTITIES, PERCENT, parse_number

_QUALIFIERS = (
    "almost|nearly|about|around|roughly|approximately|some|more than|just over|just under|over|under|"
    "less than|close to|barely|at least|up to|only|just"
)
_QUAL_BEFORE = re.compile(rf"\b({_QUALIFIERS})\s+$", re.I)
_NUMBER = re.compile(
    r"(?<![\w.,:])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s+(million|billion|trillion|thousand))?(?![\w:]|[.,]\d)"
)
_MONEY = re.compile(r"([$£€])\s?(\d[\d,]*(?:\.\d+)?)\s*(trillion|billion|million|bn|tn|m)?\b", re.I)
_YEAR = re.compile(r"\b(19\d{2}|20\d{2})\b")
_SCALE = {"thousand": 1e3, "million": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9, "trillion": 1e12, "tn": 1e12}
# A participle after the counted noun that changes the quantity: "75% of votes counted" is not a share.
_CHANGES_QUANTITY = frozenset({"count", "report", "tally", "process", "declare"})
# Verbs whose object is a beaten rival: a "with N%" hung on that object is the subject's share.
BEATEN_BY = frozenset({"beat", "defeat", "trounce", "unseat", "oust", "edge", "topple", "overtake"})
_NOT_COUNTED = frozenset({"%", "percent", "cent", "p.m.", "a.m.", "am", "pm"})


@dataclass(frozen=True)
class Measure:
    """One number as printed, and the tokens that say what it measures."""

    kind: str  # "percent", "count" or "money"
    value: float
    decimals: int
    qualifier: str | None
    text: str
    head: int  # the token heading the number's phrase
    counts: str | None  # the counted noun ("seats", "hours") or a percentage's "of" noun ("vote")
    unit: str  # "%", a currency sign, or the counted noun


def _token_at(s: SentenceAnalysis, pos: int) -> int | None:
    for j, t in enumerate(s.tokens):
        if t.idx <= pos < t.idx + len(t.text):
            return j
    return None


def _phrase_head(s: SentenceAnalysis, start: int, end: int) -> int | None:
    inside = [j for j, t in enumerate(s.tokens) if start <= t.idx < end]
    for j in inside:
        if s.tokens[j].head not in inside or s.tokens[j].head == j:
            return j
    return inside[0] if inside else None


def _qualifier(text: str, start: int) -> tuple[str | None, int]:
    m = _QUAL_BEFORE.search(text[:start])
    return (m.group(1).lower(), m.start(1)) if m else (None, start)


def _of_noun(s: SentenceAnalysis, tokens: list[int]) -> str | None:
    """The noun of a percentage's "of X", with a participle that changes it ("vote count")."""
    for j in tokens:
        for noun in prep_object(s, j, "of"):
            lemma = s.tokens[noun].lemma.lower()
            if s.tokens[noun].pos in ("PRON", "NUM") or lemma in _NOT_COUNTED:
                return "" if s.tokens[noun].pos == "PRON" else None  # "of whom": unclear; "of the 70%": a share
            changed = [s.tokens[a].lemma.lower() for a in children(s, noun, "acl", "amod")]
            return lemma + "".join(f" {c}" for c in changed if c in _CHANGES_QUANTITY)
    return None


def measures(s: SentenceAnalysis) -> list[Measure]:
    """Every percentage, amount of money and counted number the sentence states."""
    if not s.parsed:
        return []
    found: list[Measure] = []
    taken: list[tuple[int, int]] = []
    for m in PERCENT.finditer(s.text):
        parsed = parse_number(m.group("num"))
        head = _phrase_head(s, m.start("num"), m.end())
        if parsed is None or parsed[0] > 100 or head is None:
            continue
        inside = [j for j, t in enumerate(s.tokens) if m.start("num") <= t.idx < m.end()]
        qual = m.group("qual").lower() if m.group("qual") else None
        found.append(Measure("percent", *parsed, qual, m.group(0).strip(), head, _of_noun(s, inside), "%"))
        taken.append((m.start(), m.end()))
    for m in _MONEY.finditer(s.text):
        value = parse_number(m.group(2))
        head = _phrase_head(s, m.start(), m.end())
        if value is None or head is None:
            continue
        scale = _SCALE.get((m.group(3) or "").lower(), 1.0)
        qual, start = _qualifier(s.text, m.start())
        text = s.text[start : m.end()].strip()
        found.append(Measure("money", value[0] * scale, value[1], qual, text, head, None, m.group(1)))
        taken.append((m.start(), m.end()))
    for m in _NUMBER.finditer(s.text):
        if any(a <= m.start() < b for a, b in taken) or _is_year(m.group(1)):
            continue
        j = _token_at(s, m.start(1))
        if j is None or s.tokens[j].ent in ("DATE", "TIME", "ORDINAL") and not _duration(s, j):
            continue
        value = parse_number(m.group(1))
        if value is None:
            continue
        scale = _SCALE.get((m.group(2) or "").lower(), 1.0)
        noun = _counted_noun(s, j)
        qual, start = _qualifier(s.text, m.start())
        end = s.tokens[noun].idx + len(s.tokens[noun].text) if noun is not None else m.end()
        counts = s.tokens[noun].text.lower() if noun is not None else None
        head = noun if noun is not None else j
        text = s.text[start:end].strip()
        found.append(Measure("count", value[0] * scale, value[1], qual, text, head, counts, counts or ""))
    return found


def _is_year(text: str) -> bool:
    return bool(re.fullmatch(r"(19|20)\d{2}", text))


def _duration(s: SentenceAnalysis, j: int) -> bool:
    """ "nine hours", "12 minutes": a length of time is a count; a date or clock time is not."""
    noun = _counted_noun(s, j)
    return noun is not None and s.tokens[noun].lemma.lower() in (
        "hour",
        "minute",
        "day",
        "week",
        "month",
        "year",
        "second",
    )


def _counted_noun(s: SentenceAnalysis, j: int) -> int | None:
    """The noun the number counts: its head when the number modifies it, within three tokens after it."""
    while s.tokens[j].dep in ("compound", "quantmod") and s.tokens[s.tokens[j].head].tag == "CD":
        j = s.tokens[j].head
    head = s.tokens[j].head
    t = s.tokens[head]
    if s.tokens[j].dep == "nummod" and t.pos in ("NOUN", "PROPN") and 0 < head - j <= 3:
        if t.text.lower() not in _NOT_COUNTED:
            return head
    return None


def year_of(s: SentenceAnalysis) -> str | None:
    """The first year a date in the sentence names (a figure dated 2024 is not a 2025 figure)."""
    for e in s.entities:
        if e.label == "DATE":
            m = _YEAR.search(e.text)
            if m:
                return m.group(1)
    return None


_WHEN = frozenset({"DATE", "TIME"})


def owner(s: SentenceAnalysis, head: int) -> tuple[int | None, int | None]:
    """(noun the figure is the value of, token naming whom it is about), either may be None.

    "a turnout of 72 per cent" → (turnout, None); "Jara's 41.7%" → (None, Jara); "49.1 per cent for
    Marr" → (None, Marr); "Berg with 7.5%" → (None, Berg); "Kast won 58%" → (None, Kast).
    """
    first = min(s.subtree(head))
    if first > 0 and s.tokens[first - 1].tag == "POS" and s.tokens[first - 1].head != first - 1:
        before = s.tokens[first - 1].head
        if s.tokens[before].ent not in _WHEN:
            return None, before  # "Jara’s 41.7%" parsed without the possessive link
    j = head
    for _ in range(8):
        t = s.tokens[j]
        found = possessor(s, j)
        if found is not None and s.tokens[found].ent not in _WHEN:
            return None, found  # a date's possessive says when, not whose: "Wednesday's 6.4 earthquake"
        for_whom = prep_object(s, j, "for")
        if for_whom and j != head or for_whom and s.tokens[j].pos in ("NOUN", "NUM", "SYM"):
            return None, for_whom[0]
        if t.pos in ("VERB", "AUX"):
            who = subject(s, j)
            if who is not None and s.tokens[who].tag in ("WP", "WDT") and t.dep == "relcl":
                who = t.head  # "Y, who scored 49%": the relative clause's noun
            return None, who
        if t.dep == "pobj":
            prep = t.head
            above = s.tokens[prep].head
            if s.tokens[prep].text.lower() == "of" and s.tokens[above].pos == "NOUN":
                return above, None
            beaten = s.tokens[above].dep == "dobj" and s.tokens[s.tokens[above].head].lemma.lower() in BEATEN_BY
            if s.tokens[prep].text.lower() == "with" and s.tokens[above].pos == "PROPN" and not beaten:
                return None, above  # "Okafor with 7.5%"; but "beating Y with 52%" is the winner's 52%
            j = above
            continue
        if t.head == j:
            return None, None
        j = t.head
    return None, None


def _named(s: SentenceAnalysis, i: int, people: People) -> str | None:
    t = s.tokens[i]
    if t.pos != "PROPN" and not t.ent:
        return None
    start, end = name_span(s, i)
    return people.person(s.span_text(start, end)) or s.span_text(start, end).strip()


def noun_phrase(s: SentenceAnalysis, i: int) -> str:
    """A common noun with its compounds, as lemmas ("death toll", "turnout")."""
    parts = sorted([i, *children(s, i, "compound")])
    return " ".join(s.tokens[j].lemma.lower() for j in parts)


# "X won 53,806 votes": the votes are X's; "X flooded 400 homes": the homes are counted for themselves.
OBTAINING_VERBS = frozenset(
    {
        "win",
        "receive",
        "get",
        "secure",
        "take",
        "garner",
        "poll",
        "hold",
        "gain",
        "lose",
        "collect",
        "score",
        "earn",
        "bag",
    }
)
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
TIME_UNITS = frozenset({"second", "minute", "hour", "day", "week", "month", "year"})
MEASURING_VERBS = frozenset(
    {"be", "reach", "rise", "climb", "stand", "fall", "drop", "hit", "exceed", "top", "surpass"}
)


def describe(s: SentenceAnalysis, m: Measure, people: People) -> tuple[str, str | None] | None:
    """(what the figure measures, about whom) when the parse says both; None when either is unclear.

    A figure of the event itself ("a turnout of 72 per cent", "turnout reached 63%", "the death toll
    rose to 1,644") has no subject; a share needs a named subject ("X won 52% of the vote"); a count
    needs a named or nominal subject ("jurors deliberated for nine hours"). Forecasts and denials
    ("could exceed 10,000") are not figures.
    """
    if m.counts == "" or not _stated(s, m.head):
        return None
    noun, who = owner(s, m.head)
    if noun is not None:
        quantity = noun_phrase(s, noun) if m.kind != "count" or m.counts is None else m.counts
        whose = None
        if quantity in GENERIC_QUANTITIES:  # "fell at an annual rate of 2%": the rate of the clause's subject
            whose = _clause_subject(s, noun, people)
            if whose is None:
                return None
        return (f"{quantity} ({m.unit})" if m.kind != "count" else quantity), whose
    if who is None or s.tokens[who].pos == "PRON" or s.tokens[who].tag in ("WDT", "WP"):
        return None
    name = _named(s, who, people)
    verb = s.tokens[who].head
    if m.counts:
        if m.kind == "percent":
            return (f"share of {m.counts}", name) if name else None
        quantity = m.counts if m.kind != "money" else f"{m.unit} {m.counts}"
        role = s.tokens[m.head].dep
        above = s.tokens[s.tokens[m.head].head]
        score = re.match(r"\s+to\s+\d", s.text[s.text.find(m.text) + len(m.text) :])
        if role == "pobj" and above.text.lower() == "by" and not score:
            quantity = f"margin in {quantity}"  # "won by about 10,000 votes" is a difference, not a total
        counted_itself = role in SUBJECT_DEPS or role == "dobj" and above.lemma.lower() not in OBTAINING_VERBS
        if name is not None and not counted_itself:
            return quantity, name  # "Lind won 53,806 votes"
        if s.tokens[m.head].lemma.lower() in TIME_UNITS:
            return quantity, noun_phrase(s, who)  # a duration is the subject's: "jurors deliberated for nine hours"
        if counted_itself:
            return quantity, None  # a count of things: "about 400 homes were flooded", "flooding 400 homes"
        return None
    if name is None and s.tokens[who].pos == "NOUN" and s.tokens[verb].lemma.lower() in MEASURING_VERBS:
        if noun_phrase(s, who) in GENERIC_QUANTITIES:
            return None  # "the rate rose to 3%": a rate of what is not said
        return f"{noun_phrase(s, who)} ({m.unit or 'number'})", None
    if m.kind == "money" and name is not None:
        return f"{m.unit} amount", name
    return None


# Verbs that tell the same thing happened to whom a count counts: a death toll is told with either verb.
_SAME_ACTION = {"kill": "die", "perish": "die", "wound": "injure", "hurt": "injure"}


def action(s: SentenceAnalysis, m: Measure) -> str | None:
    """What the counted things did or had done to them, as the verb's lemma, when the count is its subject
    or object ("940 people were injured" → injure, "killing 112 people" → kill): counts of the same noun
    under different verbs are different quantities and are never compared."""
    if m.kind != "count" or not m.counts:
        return None
    token = s.tokens[m.head]
    if token.dep not in SUBJECT_DEPS and token.dep != "dobj":
        return None
    verb = s.tokens[token.head]
    if token.head == m.head or verb.pos != "VERB":
        return None  # "3,400 workers were at the scene": no action
    lemma = verb.lemma.lower()
    return _SAME_ACTION.get(lemma, lemma)


def _clause_subject(s: SentenceAnalysis, i: int, people: People) -> str | None:
    """Whose a generic quantity is: the named or nominal subject of the verb above token ``i``."""
    verb = next((j for j in ancestors(s, i) if s.tokens[j].pos in ("VERB", "AUX")), None)
    who = subject(s, verb) if verb is not None else None
    if who is None or s.tokens[who].pos not in ("NOUN", "PROPN"):
        return None
    return _named(s, who, people) or noun_phrase(s, who)


def _stated(s: SentenceAnalysis, i: int) -> bool:
    """Not a forecast, a condition or a denial ("could exceed 10,000", "if it tops 5%")."""
    verb = next((j for j in [i, *ancestors(s, i)] if s.tokens[j].pos in ("VERB", "AUX")), None)
    if verb is None:
        return True
    for c in children(s, verb):
        ct = s.tokens[c]
        if ct.dep == "neg" or ct.dep in ("aux", "auxpass") and ct.text.lower() in MODALS:
            return False
        if ct.dep == "mark" and ct.text.lower() in CONDITIONS:
            return False
    return True
