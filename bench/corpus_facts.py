"""Fact sheets for the synthetic corpus: one per event, with invented people, places, organisations and figures.

Every surname, place and organisation word is fresh per event (no word repeats across events), so two
events of one kind differ in their names and numbers while their outlets share them all.
"""

from __future__ import annotations

import random
from collections.abc import Callable

FIRST = [
    "Helena",
    "Tomas",
    "Ines",
    "Marek",
    "Odile",
    "Rafael",
    "Yara",
    "Stefan",
    "Leila",
    "Bruno",
    "Nadia",
    "Piet",
    "Carla",
    "Emil",
    "Sanna",
    "Viktor",
    "Ana",
    "Jonas",
    "Maren",
    "Idris",
    "Freya",
    "Luca",
    "Ilse",
    "Oren",
]
LAST = [
    "Marsh",
    "Reyno",
    "Alcott",
    "Brandt",
    "Castell",
    "Dunmore",
    "Eskola",
    "Ferro",
    "Garrow",
    "Holm",
    "Ivers",
    "Jansky",
    "Kell",
    "Lindqvist",
    "Moreau",
    "Novak",
    "Okafor",
    "Pereira",
    "Quist",
    "Rourke",
    "Sato",
    "Tamm",
    "Ulric",
    "Varga",
    "Weiss",
    "Yilmaz",
    "Zeller",
    "Achterberg",
    "Bellamy",
    "Corvin",
]
_SYLLABLES = [
    "car",
    "ro",
    "len",
    "field",
    "dun",
    "mere",
    "ash",
    "brack",
    "wa",
    "ter",
    "hol",
    "kil",
    "bride",
    "mor",
    "stan",
    "wick",
    "thorn",
    "bu",
    "ry",
    "ox",
    "ley",
    "pen",
    "dle",
    "tor",
    "ham",
    "sel",
    "by",
    "wen",
]
_SURNAME_ENDINGS = ["", "", "son", "er", "ley", "ton", "well", "berg", "ard", "ini", "ova", "sen"]
PARTIES = [
    "Civic Alliance",
    "Green Union",
    "Labour Forum",
    "Liberal Front",
    "People's Party",
    "Reform League",
    "Social Democrats",
    "Heartland Party",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
JOBS = [
    "a retired teacher",
    "a nurse",
    "a shop owner",
    "a bus driver",
    "a student",
    "a pensioner",
    "a café owner",
    "an electrician",
    "a farmer",
    "a software developer",
    "a plumber",
    "a pharmacist",
]


def place(rng: random.Random, syllables: int = 0) -> str:
    """An invented place name of ``syllables`` syllables (two or three when not given)."""
    return "".join(rng.sample(_SYLLABLES, syllables or rng.randint(2, 3))).capitalize()


def ordinal(n: int) -> str:
    """'21st', '52nd', '13th'."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


class FactSheet:
    """The slots of one event: ``slots[name]`` is the text a template's ``{name}`` becomes."""

    def __init__(self, rng: random.Random, used: set[str]) -> None:
        self.rng = rng
        self.used = used
        self.slots: dict[str, str] = {}

    def fresh(self, make: Callable[[], str]) -> str:
        """A value none of whose words any earlier event used (word by word, so no town names a company)."""
        value = make()
        while self.used.intersection(value.split()):
            value = make()
        self.used.update(value.split())
        return value

    def place(self, key: str, pattern: str = "{}") -> str:
        """A fresh place name set into ``pattern`` ("the {} Stadium"); returns the name alone."""
        name = self.fresh(lambda: place(self.rng))
        self.slots[key] = pattern.format(name)
        return name

    def person(self, key: str) -> str:
        """A person: ``key`` (full name), ``key_last`` (surname)."""
        first = self.rng.choice(FIRST)
        last = self.fresh(
            lambda: place(self.rng, 2 if self.rng.random() < 0.7 else 3) + self.rng.choice(_SURNAME_ENDINGS)
        )
        self.slots[key] = f"{first} {last}"
        self.slots[f"{key}_last"] = last
        return last

    def number(self, key: str, low: int, high: int) -> int:
        value = self.rng.randint(low, high)
        self.slots[key] = f"{value:,}"
        return value

    def year(self, key: str, low: int, high: int) -> int:
        """A year, printed without a thousands separator."""
        value = self.rng.randint(low, high)
        self.slots[key] = str(value)
        return value

    def decimal(self, key: str, low: float, high: float) -> float:
        value = round(self.rng.uniform(low, high), 1)
        self.slots[key] = f"{value:.1f}"
        return value

    def pick(self, key: str, options: list[str]) -> str:
        self.slots[key] = self.rng.choice(options)
        return self.slots[key]

    def set(self, **values: object) -> None:
        self.slots.update({k: f"{v:,}" if isinstance(v, int) else str(v) for k, v in values.items()})


def _common(s: FactSheet, *, topic: str, actor: str, org: str) -> None:
    """The slots every kind's templates and the generic ones may use."""
    if "town" not in s.slots:
        s.place("town")
    if "region" not in s.slots:
        s.place("region")
    s.person("resident")
    s.person("resident2")
    s.person("analyst")
    s.pick("analyst_org", [f"{s.place('uni')} University", f"the {s.place('inst')} Institute"])
    s.pick("resident_job", JOBS)
    s.number("resident_years", 6, 60)
    s.number("analyst_years", 5, 30)
    s.number("population", 18_000, 240_000)
    s.number("petition", 1_200, 40_000)
    s.year("past_year", 1978, 2019)
    day = s.rng.randrange(7)
    s.set(day=WEEKDAYS[day], next_day=WEEKDAYS[(day + 1) % 7], topic=topic)
    s.set(actor=s.slots[actor], actor_last=s.slots[f"{actor}_last"], org=s.slots[org])


def election(s: FactSheet) -> None:
    for key in ("winner", "runner", "third", "former", "official"):
        s.person(key)
    party_w, party_r, party_t = s.rng.sample(PARTIES, 3)
    s.set(party_w=party_w, party_r=party_r, party_t=party_t)
    s.place("town")
    s.place("count_hall", "the {} Leisure Centre")
    s.place("ward_name", "{} ward")
    s.pick("facility", ["old swimming baths", "central library", "tram depot", "covered market"])
    votes_w = s.rng.randint(14_000, 60_000)
    votes_r = int(votes_w * s.rng.uniform(0.72, 0.97))
    votes_t = int(votes_w * s.rng.uniform(0.08, 0.3))
    total = votes_w + votes_r + votes_t
    s.set(votes_w=votes_w, votes_r=votes_r, votes_t=votes_t, margin=votes_w - votes_r)
    s.set(pct_w=f"{100 * votes_w / total:.1f}", pct_r=f"{100 * votes_r / total:.1f}")
    s.number("turnout", 34, 71)
    s.number("turnout_prev", 30, 66)
    s.number("wards", 12, 32)
    s.pick("count_time", ["2.10am", "3.40am", "1.55am", "4.20am", "midnight"])
    s.number("former_years", 5, 16)
    s.pick("start_day", ["Monday", "Tuesday", "1 May", "the first of the month"])
    s.pick("term", ["four", "five"])
    s.number("votes_spoilt", 120, 900)
    s.set(last_win_year=s.rng.randint(1990, 2012))
    s.number("homes_pledge", 2_000, 12_000)
    s.number("postal", 14, 38)
    s.number("winner_age", 36, 64)
    s.number("runner_age", 31, 69)
    s.year("council_year", 2008, 2020)
    s.pick("winner_job", ["solicitor", "head teacher", "paramedic", "small-business owner", "union organiser"])
    s.pick("runner_job", ["an accountant", "an engineer", "a farmer", "a charity director", "a GP"])
    s.number("poll_lead", 2, 9)
    s.pick("debates", ["two", "three", "four"])
    s.number("budget", 180, 950)
    s.number("spending", 90_000, 640_000)
    s.pick("mayors_held", ["three", "four", "five", "six"])
    s.set(party=f"the {party_w}")
    _common(s, topic="the election", actor="winner", org="party")


def flood(s: FactSheet) -> None:
    for key in ("chief", "leader", "official", "forecaster"):
        s.person(key)
    s.place("storm", "Storm {}")
    s.place("town")
    s.place("river")
    s.place("village")
    s.place("street1", "{} Road")
    s.place("street2", "{} Lane")
    s.place("shelter", "the {} School sports hall")
    s.number("rain_mm", 60, 190)
    s.number("hours", 12, 36)
    s.number("homes", 80, 1_400)
    s.number("evacuated", 200, 5_000)
    level = s.decimal("level", 3.1, 6.8)
    s.set(record=f"{level - s.rng.uniform(0.1, 0.6):.1f}")
    s.year("record_year", 1968, 2016)
    s.number("damage", 5, 90)
    s.number("no_power", 1_000, 30_000)
    s.number("roads", 5, 40)
    s.number("wind", 70, 140)
    s.number("crews", 12, 60)
    s.number("rescued", 20, 260)
    s.number("sandbags", 4_000, 60_000)
    s.number("schools", 4, 40)
    s.place("region")
    s.set(
        agency=f"{s.slots['region']} Fire and Rescue Service",
        service=f"the {s.slots['region']} Fire and Rescue Service",
    )
    _common(s, topic="the flooding", actor="chief", org="service")


def company(s: FactSheet) -> None:
    for key in ("ceo", "cfo", "broker", "official", "worker"):
        s.person(key)
    sector = s.rng.choice(["Foods", "Motors", "Energy", "Textiles", "Pharma", "Logistics", "Telecom"])
    s.place("company", f"{{}} {sector}")
    s.set(sector=sector.lower())
    s.place("town")
    s.place("plant_town")
    s.place("brand")
    s.place("rival", "{} Group")
    s.pick("period", ["first-half", "full-year", "third-quarter", "second-quarter"])
    s.decimal("revenue", 1.2, 14.8)
    s.number("revenue_change", 3, 19)
    profit = s.number("profit", 40, 900)
    s.set(profit_prev=int(profit * s.rng.uniform(1.1, 1.6)))
    s.number("jobs", 150, 2_400)
    s.decimal("shares", 2.0, 14.0)
    s.decimal("dividend", 1.5, 9.5)
    s.number("staff", 3_000, 40_000)
    s.number("stores", 12, 300)
    s.number("debt", 200, 3_000)
    s.decimal("margin", 2.0, 11.0)
    s.number("savings", 30, 250)
    s.number("countries", 4, 30)
    _common(s, topic="the results", actor="ceo", org="company")


def court(s: FactSheet) -> None:
    for key in ("judge", "claimant", "lawyer_c", "lawyer_d", "official", "regulator_head"):
        s.person(key)
    s.place("town")
    s.place("court", "the {} High Court")
    industry = s.rng.choice(["Water", "Chemicals", "Construction", "Waste", "Quarries"])
    s.place("defendant", f"{{}} {industry}")
    s.place("group", "the {} Residents' Association")
    s.place("site")
    s.number("damages", 2, 80)
    s.number("trial_days", 9, 40)
    s.number("households", 120, 4_000)
    s.number("appeal_days", 14, 28)
    s.number("dispute_years", 3, 12)
    s.number("fine", 100, 900)
    s.number("pages", 60, 240)
    s.number("witnesses", 12, 70)
    s.number("costs", 1, 9)
    s.year("permit_year", 2004, 2018)
    _common(s, topic="the ruling", actor="judge", org="defendant")


def final(s: FactSheet) -> None:
    for key in ("scorer", "scorer2", "coach_w", "coach_r", "captain", "keeper", "official"):
        s.person(key)
    nick_w, nick_r = s.rng.sample(["Rovers", "United", "Athletic", "City", "Wanderers", "Albion"], 2)
    s.place("team_w", f"{{}} {nick_w}")
    s.place("team_r", f"{{}} {nick_r}")
    s.place("town")
    s.place("stadium", "the {} Stadium")
    s.place("cup", "{} Cup")
    goals_r = s.rng.randint(0, 2)
    s.set(goals_w=goals_r + s.rng.randint(1, 2), goals_r=goals_r)
    s.number("minute", 51, 89)
    s.number("minute2", 6, 44)
    s.number("crowd", 18_000, 72_000)
    s.number("since", 6, 40)
    s.number("shots", 9, 24)
    s.number("possession", 52, 68)
    s.number("season_goals", 9, 31)
    s.number("prize", 2, 12)
    s.number("fans", 3_000, 20_000)
    for key in ("minute", "minute2", "season_goals"):
        s.set(**{f"{key}_th": ordinal(int(s.slots[key]))})
    _common(s, topic="the final", actor="coach_w", org="team_w")


def strike(s: FactSheet) -> None:
    for key in ("leader", "spokes", "minister", "official", "driver"):
        s.person(key)
    s.place("union", "the {} Transport Workers' Union")
    s.place("employer", "{} Rail")
    s.place("town")
    s.place("square", "{} Square")
    s.place("line", "the {} line")
    s.number("workers", 800, 9_000)
    s.number("days", 2, 5)
    s.decimal("offer", 2.0, 4.5)
    s.number("demand", 6, 12)
    s.number("cancelled", 60, 95)
    s.number("commuters", 40_000, 400_000)
    s.number("rally", 500, 6_000)
    s.number("months", 4, 14)
    s.number("ballot", 71, 94)
    s.number("loss", 2, 30)
    s.number("talks", 3, 11)
    s.number("years_since", 8, 30)
    s.number("years_driving", 5, 30)
    s.set(cancelled_left=100 - int(s.slots["cancelled"]), demand_low=s.rng.randint(4, 5))
    _common(s, topic="the strike", actor="leader", org="employer")
    s.set(end_day=WEEKDAYS[(WEEKDAYS.index(s.slots["day"]) + int(s.slots["days"])) % 7])


def budget(s: FactSheet) -> None:
    for key in ("treasurer", "opponent", "official", "economist", "head"):
        s.person(key)
    party_g, party_o = s.rng.sample(PARTIES, 2)
    s.set(party_g=party_g, party_o=party_o)
    s.place("town")
    s.place("fund", "the {} Homes Fund")
    s.place("hospital", "{} General Hospital")
    s.place("link", "the {} bypass")
    s.decimal("total", 2.1, 18.9)
    s.number("fund_m", 120, 900)
    s.number("homes", 2_000, 15_000)
    s.decimal("tax", 0.5, 2.5)
    s.number("schools", 8, 60)
    s.number("deficit", 40, 600)
    s.number("nurses", 150, 1_200)
    s.number("link_m", 80, 450)
    s.number("years", 3, 10)
    s.number("cuts", 20, 200)
    s.number("growth", 1, 4)
    s.number("tax_cost", 40, 220)
    s.decimal("pay", 2.0, 4.0)
    s.set(party=f"the {party_g}")
    _common(s, topic="the budget", actor="treasurer", org="party")
    s.set(vote_day=WEEKDAYS[(WEEKDAYS.index(s.slots["day"]) + 2) % 7])


def derailment(s: FactSheet) -> None:
    for key in ("inspector", "driver_union", "official", "passenger", "surgeon"):
        s.person(key)
    s.place("operator", "{} Railways")
    s.place("town")
    s.place("town2")
    s.place("village")
    s.place("hospital", "{} General Hospital")
    s.number("injured", 8, 60)
    s.number("serious", 1, 7)
    s.number("passengers", 120, 450)
    limit = s.number("limit", 30, 90)
    s.set(speed=limit + s.rng.randint(15, 40))
    s.number("carriages", 3, 9)
    s.number("hour", 6, 21)
    s.set(time=f"{s.slots['hour']}.{s.rng.choice(['05', '12', '25', '38', '47', '52'])}")
    s.number("closed_days", 2, 10)
    s.number("trains_day", 40, 160)
    s.number("track_age", 12, 60)
    s.number("buses", 10, 45)
    _common(s, topic="the derailment", actor="inspector", org="operator")


KINDS: dict[str, Callable[[FactSheet], None]] = {
    "election": election,
    "flood": flood,
    "company": company,
    "court": court,
    "final": final,
    "strike": strike,
    "budget": budget,
    "derailment": derailment,
}
