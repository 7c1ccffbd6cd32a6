"""Find people's names in text without a trained model: capitalised runs minus titles and places."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

_CAP = r"[A-ZÀ-Ý][a-zà-ÿ'’]+(?:-[A-ZÀ-Ý][a-zà-ÿ'’]+)?"
_PARTICLE = r"(?:da|de|del|della|di|dos|du|van|von|der|bin|al|la|le)"
_NAME_RUN = re.compile(rf"\b{_CAP}(?:\s+(?:{_PARTICLE}\s+)?{_CAP}){{0,4}}\b")

TITLE_WORDS = {
    "President",
    "Presidents",
    "Former",
    "Minister",
    "Prime",
    "Secretary",
    "State",
    "Senator",
    "Governor",
    "Mayor",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Labor",
    "Labour",
    "Finance",
    "Foreign",
    "Interior",
    "Vice",
    "General",
    "Chancellor",
    "Premier",
    "King",
    "Queen",
    "Prince",
    "Judge",
    "Justice",
    "Central",
    "Bank",
    "Candidate",
    "Leader",
    "Opposition",
    "Deputy",
    "Representative",
    "Rep",
    "Sen",
    "Gov",
    "Incumbent",
    "Chief",
    "Sheriff",
    "Pope",
    "Bishop",
    "Devotee",
    "Professor",
    "Coach",
    "Captain",
    "Commissioner",
    "Chairman",
    "Chairwoman",
    "Director",
    "Ambassador",
    "Spokesman",
    "Spokeswoman",
    "Spokesperson",
    "Officer",
}
NOT_PEOPLE = {
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Congress",
    "Parliament",
    "Senate",
    "Latin",
    "America",
    "American",
    "South",
    "North",
    "Central",
    "United",
    "States",
    "Kingdom",
    "Nations",
    "Republican",
    "Democratic",
    "Party",
    "University",
    "Chicago",
    "Boys",
    "Boy",
    "Read",
    "Also",
    "Mass",
    "Deportations",
    "Skip",
    "Content",
    "The",
    "This",
    "That",
    "He",
    "She",
    "It",
    "They",
    "We",
    "His",
    "Her",
    "Their",
    "Its",
    "Another",
    "Others",
    "With",
    "When",
    "During",
    "Shortly",
    "In",
    "On",
    "At",
    "After",
    "Before",
    "Unlike",
    "One",
    "Today",
    "While",
    "But",
    "And",
    "Rubio's",
    "El",
    "Salvador",
    "Latin American",
    "German",
    "Nazi",
    "Catholic",
    "Chilean",
    "Brazil",
    "Argentina",
    "Ecuador",
    "Chile",
    "Venezuela",
    "Colombia",
    "Bolivia",
    "Paraguay",
    "Washington",
    "Sweden",
    "Europe",
    "Africa",
    "Asia",
    "City",
    "County",
    "Province",
    "River",
    "Valley",
    "Street",
    "Lane",
    "Road",
    "Avenue",
    "Square",
    "Bridge",
    "Hall",
    "Station",
    "Park",
    "Harbour",
    "Harbor",
    "Market",
    "Mill",
    "Council",
    "Court",
    "Supreme",
    "Ministry",
    "Department",
    "Office",
    "Agency",
    "Police",
    "Army",
    "Navy",
    "Coalition",
    "Front",
    "Movement",
    "Union",
    "News",
    "Times",
    "Post",
    "Reuters",
    "Press",
    "Associated",
    "BRICS",
    "Meanwhile",
    "However",
    "According",
    "Election",
    "Elections",
    "Commission",
    "Institute",
}
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")


def _strip(run: str) -> str:
    words = run.split()
    while words and (words[0] in TITLE_WORDS or words[0] in NOT_PEOPLE):
        words.pop(0)
    while words and (words[-1] in NOT_PEOPLE or words[-1] in TITLE_WORDS):
        words.pop()
    return " ".join(words)


def name_runs(text: str) -> list[tuple[int, int, str]]:
    """(start, end, name) for each capitalised run that looks like a person's name."""
    return list(_name_runs(text))


@lru_cache(maxsize=65536)
def _name_runs(text: str) -> tuple[tuple[int, int, str], ...]:
    # Remembered per text: a story's sentences are read for names by several steps.
    runs: list[tuple[int, int, str]] = []
    for m in _NAME_RUN.finditer(text):
        raw = _POSSESSIVE.sub("", m.group(0))
        name = _strip(raw)
        if not name or all(w in NOT_PEOPLE for w in name.split()):
            continue
        offset = m.group(0).find(name)
        runs.append((m.start() + offset, m.start() + offset + len(name), name))
    return tuple(runs)


def surname(name: str) -> str:
    return name.split()[-1]


def canonical_people(texts: Iterable[str], min_tokens: int = 2) -> dict[str, str]:
    """Map every surname seen to the longest full name with that surname (``Kast`` → ``José Antonio Kast``).

    A full name needs at least ``min_tokens`` words somewhere in the texts; lone capitalised words
    only count as a mention of someone already known.
    """
    full: dict[str, Counter[str]] = {}
    for text in texts:
        for _, _, name in name_runs(text):
            if len(name.split()) >= min_tokens:
                full.setdefault(surname(name), Counter())[name] += 1
    # The most frequent spelling wins; a label capitalised at a sentence start ("Reformer Helena
    # Marsh has won") is rarer than the bare name. Ties go to the fuller name.
    return {last: max(names, key=lambda n: (names[n], len(n.split()))) for last, names in full.items()}


def mentions(text: str, people: dict[str, str]) -> list[tuple[int, int, str]]:
    """(start, end, canonical name) for each mention of a known person (full name or surname)."""
    found: list[tuple[int, int, str]] = []
    for start, end, name in name_runs(text):
        last = surname(name)
        if last in people:
            found.append((start, end, people[last]))
    return found


def same_person(a: str, b: str) -> bool:
    """True when two names share a surname and the shorter given name is a near-spelling of the other's."""
    if surname(a) != surname(b):
        return False
    first_a, first_b = a.split()[0], b.split()[0]
    return first_a == surname(a) or first_b == surname(b) or first_a[:3] == first_b[:3]
