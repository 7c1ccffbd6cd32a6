"""Who won: winner, runners-up, vote shares, office, place and date, each traced to its outlets."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from summarizer.analysis.records import SentenceAnalysis
from summarizer.contenders import Contender, People, contender_at, leaders
from summarizer.figure_text import disagreement
from summarizer.figures import VOTE_SHARE, RawFigure, reconcile
from summarizer.measures import Measure, action, describe, measures, owner, year_of
from summarizer.models import Candidate, ElectionResult, Figure, FigureReport, Sentence
from summarizer.victories import about_election, not_final, read_sentence

WIN = re.compile(
    r"\b(?:wins?|won|has won|defeats?|defeated|beats?|victory|victorious|(?:was |is |been )?elected|becomes)\b", re.I
)
ELECTION_WORDS = re.compile(
    r"\b(?:elections?|runoff|run-off|vote[sd]?|ballots?|polls? closed|polling stations|presidential|mayoral|race)\b",
    re.I,
)
YEAR = re.compile(r"\b(19\d{2}|20\d{2})\b")
OFFICE = re.compile(
    r"\b(presidential|parliamentary|mayoral|gubernatorial|general|senate|legislative|congressional|leadership)\s+"
    r"(?:runoff|run-off|election|elections|race|vote|ballot|contest)",
    re.I,
)
OFFICE_NOUN = re.compile(
    r"\b(?:becomes|become|as|new|next|\d+(?:st|nd|rd|th))\s+(president|prime minister|mayor|governor|chancellor)\b",
    re.I,
)
PLACE = re.compile(
    r"\b(?:election|elections|runoff|vote)\s+in\s+([A-Z][a-zà-ÿ]+(?:\s[A-Z][a-zà-ÿ]+)?)"
    r"|\b([A-Z][a-zà-ÿ]+(?:\s[A-Z][a-zà-ÿ]+)?)[’']s\s+(?:\d+(?:st|nd|rd|th)\s+|new\s+|next\s+)?(?:president|prime minister|mayor|governor)"
    r"|\b(?!(?:Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Weekend|Last|This|Next|The)\b)"
    r"([A-Z][a-zà-ÿ]+(?:\s[A-Z][a-zà-ÿ]+)?)\s+(?:mayoral|presidential|gubernatorial|parliamentary|general)\s+"
    r"(?:election|elections|race|runoff|run-off|vote)"
)
DATE = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s\d{1,2}(?:,\s\d{4})?\b")
NOT_PLACES = frozenset({"DATE", "TIME", "NORP", "ORDINAL"})
OFFICE_NAMES = {
    "presidential": "President",
    "parliamentary": "Parliament",
    "mayoral": "Mayor",
    "gubernatorial": "Governor",
    "general": "General election",
    "senate": "Senate",
    "legislative": "Legislature",
    "congressional": "Congress",
    "leadership": "Party leader",
}


def _current_year(published: dict[str, str | None]) -> int | None:
    years = [int(m) for p in published.values() if p for m in YEAR.findall(p)]
    return max(years) if years else None


def _dated_before(s: Sentence, year: int | None) -> bool:
    """The sentence dates itself to an earlier year (a past election) or gives years with no story year."""
    years = [int(y) for y in YEAR.findall(s.text)]
    return bool(years) and (year is None or min(years) < year)


def _parsed(sentences: list[Sentence]) -> list[tuple[Sentence, SentenceAnalysis]]:
    return [(s, s.analysis) for s in sentences if s.analysis is not None and s.analysis.parsed]


@dataclass
class _Tally:
    """Per contender key: the outlets that name it winner, the outlets that name it beaten."""

    won: dict[str, set[str]] = field(default_factory=dict)
    lost: dict[str, set[str]] = field(default_factory=dict)
    mentions: Counter[str] = field(default_factory=Counter)
    names: dict[str, Contender] = field(default_factory=dict)
    anchored: bool = False
    outlets: set[str] = field(default_factory=set)
    evidence: list[str] = field(default_factory=list)
    stated_in: list[Sentence] = field(default_factory=list)  # the sentences that state the result

    def add(self, side: dict[str, set[str]], c: Contender, outlet: str) -> None:
        side.setdefault(c.key, set()).add(outlet)
        self.mentions[c.key] += 1
        self.names.setdefault(c.key, c)
        self.outlets.add(outlet)


class _Leaders:
    """Party key → its leader as the outlets state it; a party with a leader counts as its leader."""

    def __init__(self, by_article: dict[str, list[SentenceAnalysis]], people: People) -> None:
        found: dict[str, Counter[str]] = {}
        for sentences in by_article.values():
            for party, person in leaders(sentences, people):
                found.setdefault(party, Counter())[person] += 1
        self.of: dict[str, str] = {party: names.most_common(1)[0][0] for party, names in found.items()}

    def resolve(self, c: Contender | None) -> Contender | None:
        if c is None or not c.is_party or c.key not in self.of:
            return c
        leader = self.of[c.key]
        return Contender(leader, leader, party=c.name)


def _tally(sentences: list[Sentence], people: People, leader_of: _Leaders, year: int | None) -> _Tally:
    tally = _Tally()
    previous: Contender | None = None
    article: str | None = None
    for s, a in _parsed(sentences):
        if s.article_id != article or a.index < 0:
            previous, article = None, s.article_id
        if _dated_before(s, year):
            continue
        found = read_sentence(a, people, previous)
        winners = [c for c in (leader_of.resolve(w) for w in found.winners) if c is not None]
        losers = [c for c in (leader_of.resolve(w) for w in found.losers) if c is not None and c not in winners]
        if found.about_election and winners:
            tally.anchored = True
        for c in winners:
            tally.add(tally.won, c, s.outlet)
        for c in losers:
            tally.add(tally.lost, c, s.outlet)
        if winners or losers:
            tally.evidence.append(f"{s.outlet}: {s.text}")
            if a.is_body:
                tally.stated_in.append(s)
        previous = winners[0] if winners else (previous if a.index > 0 else None)
    return tally


def _standing(tally: _Tally) -> tuple[Contender, list[Contender]] | None:
    """The contender most outlets name winner (and fewer name beaten), then the most-named runner-up."""

    def score(key: str, side: dict[str, set[str]]) -> tuple[int, int]:
        return len(side.get(key, ())), tally.mentions[key]

    winners = sorted(tally.won, key=lambda k: score(k, tally.won), reverse=True)
    if not winners:
        return None
    top = winners[0]
    if len(tally.lost.get(top, ())) >= len(tally.won[top]):
        return None
    if len(winners) > 1 and score(winners[1], tally.won) == score(top, tally.won):
        return None  # two contenders named winner equally often: no safe answer
    winner = tally.names[top]
    ranked = sorted((k for k in tally.lost if k != top), key=lambda k: score(k, tally.lost), reverse=True)
    runners = [tally.names[k] for k in ranked]
    if not (winner.is_party or winner.party):  # a person's race: the runners-up are people too
        runners = [c for c in runners if not (c.is_party or c.party)]
    return winner, runners


VOTE_NOUNS = ("vote", "ballot", "support")
_RANGE = re.compile(r"\b(?:between|from)\s+[\d.,]+\s*(?:%|per ?cent)?\s+(?:and|to)\s+$", re.I)


def _in_range(text: str, figure: str) -> bool:
    """ "between 32.5 and 38.7%": a range over places or times, not one contender's share."""
    at = text.find(figure)
    return at > 0 and bool(_RANGE.search(text[:at]))


def _pronoun_owned(a: SentenceAnalysis, m: Measure) -> bool:
    _, who = owner(a, m.head)
    return who is not None and a.tokens[who].text.lower() in ("his", "her")


def _share_owner(a: SentenceAnalysis, m: Measure, people: People, leader_of: _Leaders) -> Contender | None:
    quantity, who = owner(a, m.head)
    if quantity is not None or who is None:
        return None
    return leader_of.resolve(contender_at(a, who, people))


def vote_share_figures(
    sentences: list[Sentence], people: People, leader_of: _Leaders, year: int | None
) -> dict[str, list[FigureReport]]:
    """Each contender's shares "of the vote" (or of no other thing) in result sentences, by contender key.

    A share is the contender's when the parse ties it to them: their possessive, "for X", "X with N%",
    or the subject of the clause ("X won 52%"); a seat share, turnout or first-round figure is not.
    """
    shares: dict[str, list[FigureReport]] = {}
    for s, a in _parsed(sentences):
        if _dated_before(s, year) or not_final(a) or not a.is_body:
            continue
        found: list[tuple[Contender, FigureReport]] = []
        pronoun_owned: list[FigureReport] = []
        said = read_sentence(a, people, None)
        named = [c for c in (leader_of.resolve(x) for x in [*said.winners, *said.losers]) if c is not None]
        for i, t in enumerate(a.tokens):  # then everyone else named, in order
            if t.pos == "PROPN" and t.dep not in ("compound", "flat"):
                c = leader_of.resolve(contender_at(a, i, people))
                if c is not None and c not in named:
                    named.append(c)
        for m in measures(a):
            if m.kind != "percent" or m.counts not in (None, *VOTE_NOUNS) or _in_range(s.text, m.text):
                continue
            report = FigureReport(s.outlet, m.text, m.value, m.qualifier, m.decimals, s.text)
            c = _share_owner(a, m, people, leader_of)
            if c is not None:
                found.append((c, report))
            elif _pronoun_owned(a, m):
                pronoun_owned.append(report)
        # "X beat Y with 52% to his 47%": "his" is the one contender named without a share.
        unshared = [c for c in named if c not in {owner for owner, _ in found}]
        if len(pronoun_owned) == 1 and len(unshared) == 1:
            found.append((unshared[0], pronoun_owned[0]))
        for c, report in _by_rank(found, named):
            shares.setdefault(c.key, []).append(report)
    return shares


def _by_rank(
    found: list[tuple[Contender, FigureReport]], named: list[Contender]
) -> list[tuple[Contender, FigureReport]]:
    """Shares given twice to one contender ("X beat Y with 52% to his 47%", a misattached "with"): the
    larger goes to whoever is named first, the next to the next contender named."""
    owners = [c for c, _ in found]
    if len(set(owners)) == len(owners) or len(named) < len(found):
        return found
    ranked = sorted((report for _, report in found), key=lambda r: -r.value)
    return list(zip(named, ranked, strict=False))


def count_figures(sentences: list[Sentence], people: dict[str, str] | None = None) -> list[RawFigure]:
    """Figures that know what they measure and about whom; unclear ones are left out, never compared."""
    roster = People((a for _, a in _parsed(sentences)), people)
    raw: list[RawFigure] = []
    for s, a in _parsed(sentences):
        if not a.is_body:
            continue
        for m in measures(a):
            if m.kind == "percent" and m.counts in VOTE_NOUNS:
                continue  # vote shares are the election's, tied to its candidates
            figure = describe(a, m, roster)
            if figure is not None:
                quantity, subject = figure
                report = FigureReport(s.outlet, m.text, m.value, m.qualifier, m.decimals, s.text)
                # a count of things is told apart by what happened to them; a named subject's count by whose it is
                happened = action(a, m) if subject is None else None
                raw.append(RawFigure(m.kind, quantity, subject, report, year_of(a), happened))
    return raw


def _first(pattern: re.Pattern[str], sentences: list[Sentence]) -> tuple[str, str] | None:
    for s in sentences:
        m = pattern.search(s.text)
        if m:
            return next(g for g in m.groups() if g) if m.groups() else m.group(0), s.outlet
    return None


def extract_election(
    sentences: list[Sentence],
    people: dict[str, str],
    published: dict[str, str | None],
    headlines: list[Sentence] | None = None,
) -> tuple[ElectionResult | None, list[Figure]]:
    """The election result the sentences and headlines report (or None) and the vote shares behind it."""
    everything = [*(headlines or []), *sentences]
    if not any(about_election(a) for _, a in _parsed(everything)):
        return None, []  # a result needs a sentence about an election (``_tally``'s anchor): none here
    roster = People((a for _, a in _parsed(everything)), people)
    by_article: dict[str, list[SentenceAnalysis]] = {}
    for s, a in _parsed(sentences):
        by_article.setdefault(s.article_id, []).append(a)
    leader_of = _Leaders(by_article, roster)
    year = _current_year(published)
    tally = _tally(everything, roster, leader_of, year)
    standing = _standing(tally) if tally.anchored else None
    if standing is None:
        return None, []
    winner, runners = standing
    shares_by_key = vote_share_figures(sentences, roster, leader_of, year)
    raw = [
        RawFigure("percent", VOTE_SHARE, c.name, r) for c in [winner, *runners] for r in shares_by_key.get(c.key, [])
    ]
    shares = reconcile(raw)
    by_subject = {f.subject: f for f in shares}
    # Office and place from the sentences stating the result first ("the general election in July" in
    # a background sentence is another race), then from any sentence about an election.
    about = [s for s in sentences if WIN.search(s.text) or ELECTION_WORDS.search(s.text)]
    office_match = next(
        filter(None, (_first(p, group) for group in (tally.stated_in, about) for p in (OFFICE, OFFICE_NOUN))), None
    )
    place = _place(tally.stated_in) or _place(about)
    date = _first(DATE, [s for s in sentences if WIN.search(s.text)])
    date_text = None
    if date:
        date_text = date[0]
        if year and not YEAR.search(date_text):
            date_text = f"{date_text}, {year}"
    sources = sorted(tally.outlets | {r.outlet for f in shares for r in f.reports})
    result = ElectionResult(
        winner=Candidate(winner.name, by_subject.get(winner.name), winner.party),
        runners_up=[Candidate(c.name, by_subject.get(c.name), c.party) for c in runners],
        office=_office_name(office_match[0]) if office_match else None,
        place=place,
        date=date_text,
        sources=sources,
        disagreements=[disagreement(f) for f in shares if not f.agree],  # the brief's and the note's wording
        evidence=tally.evidence[:6],
    )
    return result, shares


def _place(sentences: list[Sentence]) -> str | None:
    """Where the election was, unless the NER says the words are a date or a nationality ("July", "German")."""
    for s in sentences:
        others = {e.text for e in s.analysis.entities if e.label in NOT_PLACES} if s.analysis else set()
        for m in PLACE.finditer(s.text):
            found = next(g for g in m.groups() if g)
            if not any(found in other for other in others):
                return found
    return None


def _office_name(word: str) -> str:
    return OFFICE_NAMES.get(word.lower(), word.title() if word.islower() else word)
