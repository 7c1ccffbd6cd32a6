"""Who won: winner, runners-up, vote shares, office, place and date, each traced to its outlets."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from summarizer.figures import RawFigure, counts, percents, reconcile
from summarizer.models import Candidate, ElectionResult, Figure, FigureReport, Sentence
from summarizer.names import mentions

WIN = re.compile(
    r"\b(?:wins?|won|has won|defeats?|defeated|beats?|victory|victorious|(?:was |is |been )?elected|becomes)\b", re.I
)
AGAINST = re.compile(
    r"\b(?:defeats?|defeated|defeating|beat|beats|beating|over|against|ahead of|unseating|ousting)\b", re.I
)
CONCEDE = re.compile(r"\bconced(?:ed|es|e)\b", re.I)
ELECTION_WORDS = re.compile(
    r"\b(?:elections?|runoff|run-off|vote[sd]?|ballots?|polls? closed|polling stations|presidential|mayoral|race)\b",
    re.I,
)
VOTE_CONTEXT = re.compile(r"\b(?:votes?|ballots?|support|won|wins|garner\w*|election|count\w*|share)\b", re.I)
NOT_RESULT = re.compile(r"\b(?:opinion polls?|surveys?|first round|primar(?:y|ies)|previous(?:ly)?|last time)\b", re.I)
YEAR = re.compile(r"\b(19\d{2}|20\d{2})\b")
PRONOUN_START = re.compile(r"^(?:He|She)\b")
OFFICE = re.compile(
    r"\b(presidential|parliamentary|mayoral|gubernatorial|general|senate|legislative|congressional)\s+"
    r"(?:runoff|run-off|election|elections|race|vote|ballot)",
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
OFFICE_NAMES = {
    "presidential": "President",
    "parliamentary": "Parliament",
    "mayoral": "Mayor",
    "gubernatorial": "Governor",
    "general": "General election",
    "senate": "Senate",
    "legislative": "Legislature",
    "congressional": "Congress",
}


@dataclass
class _Tally:
    winners: Counter[str]
    runners: Counter[str]
    outlets: set[str]
    evidence: list[str]


def _tally(sentences: list[Sentence], people: dict[str, str]) -> _Tally:
    tally = _Tally(Counter(), Counter(), set(), [])
    previous_winner: str | None = None
    for s in sentences:
        found = mentions(s.text, people)
        win = WIN.search(s.text)
        winner: str | None = None
        if win:
            before = [name for start, _, name in found if start < win.start()]
            if before:
                winner = before[0]
            elif PRONOUN_START.match(s.text) and previous_winner:
                winner = previous_winner
        if winner:
            tally.winners[winner] += 1
            tally.outlets.add(s.outlet)
            tally.evidence.append(f"{s.outlet}: {s.text}")
            against = AGAINST.search(s.text, win.end() if win else 0)
            if against:
                after = [name for start, _, name in found if start > against.start() and name != winner]
                if after:
                    tally.runners[after[0]] += 1
        concede = CONCEDE.search(s.text)
        if concede:
            for start, _, name in found:
                if start < concede.start():
                    tally.runners[name] += 1
                    tally.outlets.add(s.outlet)
                    break
        previous_winner = winner or (previous_winner if s.index > 0 else None)
    return tally


def _current_year(sentences: list[Sentence], published: dict[str, str | None]) -> int | None:
    years = [int(m) for p in published.values() if p for m in YEAR.findall(p)]
    return max(years) if years else None


def vote_share_figures(
    sentences: list[Sentence], candidates: list[str], people: dict[str, str], current_year: int | None
) -> list[RawFigure]:
    """Percentages in result sentences, each given to the nearest candidate named before it."""
    raw: list[RawFigure] = []
    for s in sentences:
        if not VOTE_CONTEXT.search(s.text) or NOT_RESULT.search(s.text):
            continue
        years = [int(y) for y in YEAR.findall(s.text)]
        if years and (current_year is None or min(years) < current_year):
            continue
        named = [(start, end, name) for start, end, name in mentions(s.text, people) if name in candidates]
        found: list[tuple[str, FigureReport]] = []
        for position, value, decimals, qual, text in percents(s.text):
            before = [m for m in named if m[0] < position]
            subject = before[-1][2] if before else (named[0][2] if named else None)
            if subject is None and PRONOUN_START.match(s.text) and candidates:
                subject = candidates[0]
            if subject is not None:
                found.append((subject, FigureReport(s.outlet, text, value, qual, decimals, s.text)))
        raw += [RawFigure("percent", "vote share", subject, report) for subject, report in _by_rank(found, named)]
    return raw


def _by_rank(
    found: list[tuple[str, FigureReport]], named: list[tuple[int, int, str]]
) -> list[tuple[str, FigureReport]]:
    """Fix shares given twice to one candidate ("X beat Y with 52% to his 47%"): the larger share goes
    to whoever is named first as the winner of the sentence, the next to the next candidate named."""
    subjects = [subject for subject, _ in found]
    order = list(dict.fromkeys(name for _, _, name in named))
    if len(set(subjects)) == len(subjects) or len(order) < len(found):
        return found
    ranked = sorted((report for _, report in found), key=lambda r: -r.value)
    return list(zip(order, ranked, strict=False))


def count_figures(sentences: list[Sentence]) -> list[RawFigure]:
    """Counted things ("300,000 illegal immigrants"), grouped by the counted noun."""
    raw: list[RawFigure] = []
    for s in sentences:
        for value, decimals, qual, noun, text in counts(s.text):
            raw.append(RawFigure("count", noun, None, FigureReport(s.outlet, text, value, qual, decimals, s.text)))
    return raw


def _first(pattern: re.Pattern[str], sentences: list[Sentence]) -> tuple[str, str] | None:
    for s in sentences:
        m = pattern.search(s.text)
        if m:
            return next(g for g in m.groups() if g) if m.groups() else m.group(0), s.outlet
    return None


def extract_election(
    sentences: list[Sentence], people: dict[str, str], published: dict[str, str | None]
) -> tuple[ElectionResult | None, list[Figure]]:
    """The election result the sentences report (or None) and the vote-share figures behind it."""
    if not any(ELECTION_WORDS.search(s.text) for s in sentences):
        return None, []
    tally = _tally(sentences, people)
    if not tally.winners:
        return None, []
    winner = tally.winners.most_common(1)[0][0]
    runners = [name for name, _ in tally.runners.most_common() if name != winner]
    year = _current_year(sentences, published)
    shares = reconcile(vote_share_figures(sentences, [winner, *runners], people, year))
    by_subject = {f.subject: f for f in shares}
    result_sentences = [s for s in sentences if WIN.search(s.text) or ELECTION_WORDS.search(s.text)]
    office_match = _first(OFFICE, result_sentences) or _first(OFFICE_NOUN, result_sentences)
    place = _first(PLACE, result_sentences)
    date = _first(DATE, [s for s in sentences if WIN.search(s.text)])
    date_text = None
    if date:
        date_text = date[0]
        if year and not YEAR.search(date_text):
            date_text = f"{date_text}, {year}"
    sources = sorted(tally.outlets | {r.outlet for f in shares for r in f.reports})
    result = ElectionResult(
        winner=Candidate(winner, by_subject.get(winner)),
        runners_up=[Candidate(name, by_subject.get(name)) for name in runners],
        office=_office_name(office_match[0]) if office_match else None,
        place=place[0] if place else None,
        date=date_text,
        sources=sources,
        disagreements=[f"{f.subject}: {f.note}" for f in shares if not f.agree],
        evidence=tally.evidence[:6],
    )
    return result, shares


def _office_name(word: str) -> str:
    return OFFICE_NAMES.get(word.lower(), word.title() if word.islower() else word)
