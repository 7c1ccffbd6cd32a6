"""An honest synthetic corpus for ``bench core``: invented events, each reported by 3–5 outlets in their
own words, articles of 400–800 words whose sentences do not repeat.

Each event has a fact sheet (people with roles, places, organisations, figures) that all its outlets
report; each outlet writes its article from the event kind's templates (bench/corpus_templates.py),
drawn without replacement, each phrasing choice and opener picked per outlet, so outlets share facts
and names, as real coverage does, but rarely a whole sentence. A little page furniture (bylines,
related links, captions) is mixed in at the rates real pages have. Names are invented and no word of
a name is reused by another event, so the corpus's events are told apart only by what they report.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable

from bench.corpus_templates import BODY, FURNITURE, GENERIC, LEADS

FIRST = "Helena Tomas Ines Marek Odile Rafael Yara Stefan Leila Bruno Nadia Piet Carla Emil Sanna Viktor Ana Jonas Maren Idris Freya Luca Ilse Oren".split()
SURNAME_ENDINGS = ["", "sen", "ley", "ton", "itz", "er", "ova", "ic", "berg", "dal"]
OUTLETS = "Ledger Courier Post Gazette Observer Herald Echo Voice Times Chronicle Mercury Sentinel Tribune Dispatch Standard".split()
_SYLLABLES = "car ro len field dun mere ash brack wa ter hol kil bride mor stan wick thorn bu ry ox ley pen dle tor ham sel by wen vard nis lo quen".split()
DAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
MONTHS = "January February March April May June July August September October November".split()
OPENERS = [
    "Meanwhile, ",
    "On {next_day}, ",
    "In {town}, ",
    "Separately, ",
    "By the evening, ",
    "According to local media, ",
    "As of {next_day}, ",
    "Earlier, ",
    "For now, ",
]
TAILS = [
    ", officials said",
    ", local media reported",
    ", witnesses said",
    ", a spokesperson said",
    ", the council said",
    ", according to people briefed on the matter",
]
# Words each outlet may swap for its own (house style): the same fact, worded differently.
SWAPS = {
    "said": ["said", "stated", "added", "noted"],
    "per cent": ["per cent", "percent"],
    "about": ["about", "around", "roughly", "some"],
    "more than": ["more than", "over"],
    "people": ["people", "residents"],
    "expected": ["expected", "likely", "set"],
    "began": ["began", "started"],
    "rose": ["rose", "increased", "went up"],
    "new": ["new", "fresh"],
    "on Monday": ["on Monday", "this week"],
    "on Tuesday": ["on Tuesday", "this week"],
    "on Wednesday": ["on Wednesday", "this week"],
    "on Thursday": ["on Thursday", "this week"],
    "on Friday": ["on Friday", "late in the week"],
    "on Saturday": ["on Saturday", "at the weekend"],
    "on Sunday": ["on Sunday", "at the weekend"],
    "the council": ["the council", "the town council", "local officials"],
    "the company": ["the company", "the firm", "the group"],
    "the government": ["the government", "ministers"],
    "next week": ["next week", "in the coming days"],
    "would": ["would", "will"],
}
_SWAP = re.compile(r"\b(" + "|".join(sorted(map(re.escape, SWAPS), key=len, reverse=True)) + r")\b")
_OPTION = re.compile(r"\[([^\]]+)\]")
_SLOT = re.compile(r"\{(\w+)\}")
_LOWER_FIRST = frozenset(
    "The A An Both Several Many Some Two Other Its Public Local Pensions Schools Soldiers Staff Costs Revenue Spending Turnout Counting Markets Power Passengers Residents Volunteers Engineers Farmers Officials Talks Members Unions Orders Sales Business Debt Insurers Hospitals Police".split()
)


def _place(rng: random.Random) -> str:
    return "".join(rng.sample(_SYLLABLES, rng.randint(2, 3))).capitalize()


class _Names:
    """Fresh invented names: no word is used by two events."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used: set[str] = set()

    def fresh(self, make: Callable[[], str]) -> str:
        value = make()
        while self.used.intersection(value.split()):
            value = make()
        self.used.update(value.split())
        return value

    def place(self) -> str:
        return self.fresh(lambda: _place(self.rng))

    def person(self) -> tuple[str, str]:
        last = self.fresh(lambda: _place(self.rng) + self.rng.choice(SURNAME_ENDINGS))
        return f"{self.rng.choice(FIRST)} {last}", last

    def named(self, pattern: str) -> str:
        return pattern.format(self.place())


def _facts(kind: str, names: _Names, rng: random.Random) -> dict[str, str]:
    """One event's fact sheet: every slot its outlets' templates may use."""
    n = rng.randint
    day = rng.choice(DAYS)
    facts: dict[str, str] = {
        "town": names.place(),
        "other_town": names.place(),
        "home_town": names.place(),
        "region": names.place(),
        "river": f"{names.place()} river",
        "street": names.place(),
        "abroad": names.place(),
        "day": day,
        "next_day": DAYS[(DAYS.index(day) + 1) % 7],
        "next_week_day": rng.choice(DAYS[:5]),
        "vote_day": f"{n(2, 28)} {rng.choice(MONTHS)}",
        "start_date": f"{n(1, 28)} {rng.choice(MONTHS)}",
        "start_month": rng.choice(MONTHS),
        "hour": str(n(6, 8)),
        "ministry": rng.choice(
            ["interior ministry", "ministry of transport", "health ministry", "ministry of finance"]
        ),
        "minister_role": rng.choice(["interior minister", "prime minister", "transport minister"]),
        "official_role": rng.choice(["mayor", "governor", "council leader"]),
        "expert_org": names.named("University of {}"),
        "observer_org": names.named("{} Election Watch"),
        "pollster": names.named("{} Research"),
        "bank": names.named("{} Bank"),
        "agency": names.named("{} Ratings"),
        "party_w": names.named("{} Alliance"),
        "party_r": names.named("{} League"),
        "party_small": names.named("{} Movement"),
        "union": names.named("{} Transport Union"),
        "employer": names.named("{} Rail"),
        "company": names.named(f"{{}} {rng.choice(['Systems', 'Foods', 'Motors', 'Textiles', 'Energy'])}"),
        "rival": names.named("{} Holdings"),
        "cup": names.named("{} Cup"),
        "court": f"{names.place()} district court",
        "team_a": names.named(f"{{}} {rng.choice(['United', 'Rovers', 'City', 'Athletic'])}"),
        "team_b": names.named(f"{{}} {rng.choice(['Wanderers', 'Town', 'Albion', 'Sporting'])}"),
        "old_club": names.named("{} FC"),
        "market": rng.choice(["Asia", "North America", "the Gulf", "South America"]),
        "sector": rng.choice(["engineering", "food", "textile", "energy"]),
        "quarter": rng.choice(["first quarter", "second quarter", "third quarter"]),
        "charge": rng.choice(["fraud", "embezzlement", "bribery", "tax fraud"]),
        "office": rng.choice(["governorship", "mayoralty", "presidency"]),
        "office_noun": rng.choice(["governor", "mayor", "president"]),
    }
    for role in ("winner", "runner", "official", "expert", "resident", "ceo", "defendant", "judge", "lawyer",
                 "scorer", "b_scorer", "coach", "b_coach", "keeper", "captain", "leader", "worker", "minister",
                 "opp_leader", "reporter", "photographer"):  # fmt: skip
        full, last = names.person()
        facts[role], facts[f"{role}_last"] = full, last
    share_w = n(38, 58)
    score_b = n(0, 2)
    facts |= {
        "share_w": str(share_w), "share_r": str(n(20, share_w - 3)), "turnout": str(n(48, 79)),
        "seats": str(n(31, 60)), "total_seats": str(n(80, 120)), "spoiled": f"{n(2, 19)},{n(100, 999)}",
        "threshold": str(rng.choice([3, 4, 5])), "districts": str(n(9, 20)), "total_districts": str(n(21, 30)),
        "deficit": str(n(2, 6)), "old_deficit": str(n(4, 9)), "homes": f"{n(2, 40)},{n(100, 999)}",
        "deaths": str(n(3, 60)), "displaced": f"{n(1, 20)},{n(100, 999)}", "rise": str(n(2, 6)),
        "rain": str(n(90, 260)), "residence": str(n(10, 50)), "repair_days": str(n(3, 12)),
        "damage": str(n(20, 400)), "rescued": str(n(40, 600)), "soldiers": str(n(200, 2000)),
        "fields": f"{n(1, 12)},{n(100, 999)}", "flood_year": str(n(1950, 2010)), "old_deaths": str(n(2, 90)),
        "change": str(n(4, 40)), "profit": str(n(40, 900)), "share_move": str(n(2, 12)),
        "revenue_change": str(n(2, 20)), "revenue": f"{n(1, 9)},{n(100, 999)}", "forecast": str(n(300, 3000)),
        "jobs": str(n(50, 900)), "expected": str(n(30, 850)), "dividend": str(n(20, 90)),
        "old_dividend": str(n(10, 19)), "cuts": str(n(100, 2000)), "export_change": str(n(3, 25)),
        "capex": str(n(20, 300)), "founded": str(n(1890, 1990)), "staff": f"{n(2, 30)},{n(100, 999)}",
        "debt": str(n(100, 900)), "year_gain": str(n(5, 60)), "buyback": str(n(50, 500)),
        "orders": str(n(500, 4000)), "amount": str(n(2, 90)), "period": str(n(2, 9)), "witnesses": str(n(12, 60)),
        "age": str(n(24, 67)), "repay": str(n(1, 40)), "fine": str(n(20, 500)), "collapse_year": str(n(2012, 2022)),
        "families": str(n(150, 900)), "asked_years": str(n(8, 15)), "audit_year": str(n(2015, 2023)),
        "years": str(n(3, 7)), "weeks": str(n(3, 20)), "score_a": str(score_b + n(1, 2)), "score_b": str(score_b),
        "minute": str(n(60, 89)), "early": str(n(5, 30)), "gap": str(n(4, 40)), "crowd": f"{n(30, 80)},{n(100, 999)}",
        "saves": str(n(3, 9)), "pen_minute": str(n(31, 58)), "lost_finals": str(n(2, 4)), "last_final": str(n(1990, 2022)),
        "league_pos": str(n(4, 9)), "points": str(n(3, 25)), "delay": str(n(5, 25)), "arrests": str(n(3, 40)),
        "viewers": str(n(2, 12)), "prize": str(n(2, 15)), "workers": f"{n(2, 30)},{n(100, 999)}", "offer": str(n(2, 5)),
        "days": str(n(2, 5)), "inflation": str(n(9, 18)), "demand": str(n(8, 15)), "share_working": str(n(20, 60)),
        "cost": str(n(2, 15)), "last_strike": str(n(1998, 2020)), "last_days": str(n(3, 20)), "last_rise": str(n(3, 9)),
        "wage": f"{n(1, 3)},{n(100, 900)}", "years_work": str(n(5, 30)), "sold_year": str(n(1992, 2008)),
        "rally": f"{n(2, 9)},000", "spend": str(n(20, 120)), "tax": str(n(2, 10)), "health": str(n(3, 9)),
        "health_spend": str(n(8, 30)), "growth": f"{n(1, 3)}.{n(1, 9)}", "schools": f"{n(1, 4)}.{n(1, 9)}",
        "pensions": f"{n(2, 5)}.{n(1, 9)}", "defence": str(n(3, 12)), "rate": f"{n(2, 5)}.{n(0, 7)}5",
        "pay": f"{n(2, 4)}.{n(1, 9)}", "councils": str(n(4, 15)), "rail": str(n(20, 90)), "population": f"{n(20, 300)},000",
        "distance": str(n(40, 400)), "old_year": str(n(1960, 2015)), "poll_share": str(n(25, 70)), "start_year": str(n(1995, 2015)),
    }  # fmt: skip
    return facts


def _realise(template: str, facts: dict[str, str], rng: random.Random) -> str:
    text = _OPTION.sub(lambda m: rng.choice(m.group(1).split("|")), template)
    return _SLOT.sub(lambda m: facts[m.group(1)], text)


def _in_house_style(sentence: str, facts: dict[str, str], rng: random.Random) -> str:
    """The outlet's own wording: swapped words, sometimes an opener or a source at the end."""
    sentence = _SWAP.sub(lambda m: rng.choice(SWAPS[m.group(1)]), sentence)
    first, _, rest = sentence.partition(" ")
    if first in _LOWER_FIRST and rng.random() < 0.55:
        sentence = _realise(rng.choice(OPENERS), facts, rng) + first.lower() + " " + rest
    elif sentence.endswith(".") and " said" not in sentence and rng.random() < 0.5:
        sentence = sentence[:-1] + rng.choice(TAILS) + "."
    return sentence


def _article(kind: str, facts: dict[str, str], outlet: str, rng: random.Random) -> tuple[str, str]:
    """(title, text) of one outlet's article: a lead, then distinct body sentences in paragraphs."""
    target = rng.randint(400, 800)
    # Each outlet covers most of the angles, not all: four in five of the templates.
    pool = rng.sample([*BODY[kind], *GENERIC], k=round(0.8 * (len(BODY[kind]) + len(GENERIC))))
    # News puts the kind's own facts first: the kind's sentences lean to the front.
    pool.sort(key=lambda t: (t in GENERIC) + rng.random() * 1.2)
    sentences = [_in_house_style(_realise(rng.choice(LEADS[kind]), facts, rng), facts, rng)]
    words = len(sentences[0].split())
    for template in pool:
        if words >= target:
            break
        sentence = _in_house_style(_realise(template, facts, rng), facts, rng)
        if sentence not in sentences:
            sentences.append(sentence)
            words += len(sentence.split())
    paragraphs: list[str] = []
    while sentences:
        size = rng.randint(1, 3)
        paragraphs.append(" ".join(sentences[:size]))
        sentences = sentences[size:]
    extras = {**facts, "outlet": outlet}
    for line in FURNITURE:
        if rng.random() < 0.15:
            paragraphs.insert(rng.randint(1, len(paragraphs)), _realise(line, extras, rng))
    title = _realise(rng.choice(LEADS[kind]), facts, rng).split(",")[0].rstrip(".")
    return title[:90], "\n\n".join(paragraphs)


def build_corpus(count: int, seed: int = 7) -> list[dict[str, str]]:
    """``count`` JSON records (distinct ids and urls): events of 3–5 outlets, 400–800 words an article."""
    rng = random.Random(seed)
    names = _Names(rng)
    records: list[dict[str, str]] = []
    event = 0
    while len(records) < count:
        kind = rng.choice(sorted(LEADS))
        facts = _facts(kind, names, rng)
        outlets = rng.sample(OUTLETS, rng.randint(3, 5))
        for outlet in outlets[: count - len(records)]:
            title, text = _article(kind, facts, outlet, rng)
            records.append(
                {
                    "outlet": f"{outlet} {event % 7}",
                    "title": title,
                    "url": f"https://{outlet.lower()}.example/{event}/{len(records)}",
                    "published": "2025-03-10",
                    "text": text,
                }
            )
        event += 1
    return records
