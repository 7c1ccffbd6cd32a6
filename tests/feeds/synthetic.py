"""Generated feeds for load and crash tests: many outlets covering the same invented events."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from xml.sax.saxutils import escape

PLACES = [
    "Northport",
    "Eastvale",
    "Kirkwood",
    "Lowmoor",
    "Ashby",
    "Brenton",
    "Calder",
    "Dunmore",
    "Elmsford",
    "Fairhaven",
]
THINGS = [
    "tram line",
    "water plant",
    "school",
    "stadium",
    "hospital wing",
    "ferry terminal",
    "library",
    "bus depot",
    "solar farm",
    "flood barrier",
    "market hall",
    "bridge",
    "rail tunnel",
    "cycle path",
    "harbour wall",
]
ACTIONS = ["approved", "delayed", "cancelled", "opened", "expanded", "closed", "funded", "redesigned"]
PEOPLE = [
    "Maria Holt",
    "Jonas Petrov",
    "Aisha Karim",
    "Leo Brandt",
    "Nina Sato",
    "Omar Dahl",
    "Ruth Ekwueme",
    "Pavel Novak",
    "Ines Moreau",
    "Tariq Lund",
]
ROLES = ["mayor", "council leader", "transport chief", "planning director", "union spokesperson", "finance officer"]
VERBS = ["said", "told reporters", "explained", "added", "argued", "noted"]
FILLER = [
    "Residents at a public meeting asked detailed questions about noise, parking and the timetable for the work.",
    "Local business owners said they hoped the decision would bring more visitors to the area.",
    "Opposition members said the costs had not been explained clearly enough before the vote.",
    "Engineers are expected to publish a detailed report on the ground conditions later in the year.",
    "The regional auditor has asked for quarterly updates on spending until the project is complete.",
    "Several neighbouring towns are watching the outcome closely before making similar plans of their own.",
    "A petition signed by several thousand people was handed to the council earlier this month.",
    "Officials promised that the existing services would continue to run normally in the meantime.",
]


SYLLABLES = ["ka", "lo", "ven", "tir", "mar", "sel", "dun", "ra", "bel", "or", "quin", "as", "tov", "ith", "gar", "neu"]


def _name(rng: random.Random, parts: int = 3) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()


def event(i: int) -> dict[str, object]:
    """An invented event; its own made-up names keep it apart from the others when stories are grouped."""
    rng = random.Random(i)
    return {
        "place": f"{rng.choice(PLACES)} {_name(rng)}",
        "thing": f"{_name(rng)} {rng.choice(THINGS)} and the {_name(rng)} {rng.choice(THINGS)}",
        "action": rng.choice(ACTIONS),
        "person": f"{rng.choice(PEOPLE).split()[0]} {_name(rng)}",
        "role": rng.choice(ROLES),
        "cost": rng.randint(2, 400),
        "votes": (rng.randint(5, 12), rng.randint(0, 4)),
        "year": rng.randint(2027, 2031),
    }


def article_text(e: dict[str, object], outlet: int) -> str:
    """One outlet's account of an event, worded differently from every other outlet's."""
    rng = random.Random(outlet * 7919 + hash(e["thing"]) % 10007)
    p, t, a, who, role = e["place"], e["thing"], e["action"], e["person"], e["role"]
    cost, (yes, no), year = e["cost"], e["votes"], e["year"]
    lines = [
        f"The {p} council {a} plans for the {t} on Monday, by {yes} votes to {no}.",
        f"The project is expected to cost {cost} million, {role} {who} {rng.choice(VERBS)}.",
        f"Work on the {t} in {p} should be finished by {year}, according to {who}.",
        f"{who} {rng.choice(VERBS)} that the {t} had been discussed in {p} for several years.",
        f"Critics of the {t} plan in {p} pointed to the {cost} million price and the {year} deadline.",
    ]
    rng.shuffle(lines)
    house = random.Random(outlet)  # each outlet's own stock phrases, as real outlets have
    lines += [f"{line[:-1]}, the {_name(house, 2)} {_name(house, 2)} reported." for line in rng.sample(FILLER, 2)]
    lines.append(f"This report was filed by the {p} desk of outlet number {outlet} after the meeting about the {t}.")
    return "\n\n".join(lines)


def feed_xml(outlet: int, items: int, events: int, base: str, now: datetime | None = None) -> bytes:
    """An RSS feed of ``items`` full-text items by ``outlet`` about events chosen from ``events``."""
    rng = random.Random(outlet)
    chosen = rng.sample(range(events), k=min(items, events))
    now = now or datetime(2026, 11, 2, 15, 0, tzinfo=UTC)
    parts = [f'<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel><title>Outlet {outlet}</title>']
    for n, ev in enumerate(chosen):
        e = event(ev)
        text = "".join(f"<p>{escape(line)}</p>" for line in article_text(e, outlet).split("\n\n"))
        parts.append(
            f"<item><title>{escape(str(e['place']))} council {e['action']} {escape(str(e['thing']))}</title>"
            f"<link>{base}/outlet{outlet}/{ev}</link><guid>o{outlet}-{ev}</guid>"
            f"<pubDate>{format_datetime(now - timedelta(minutes=n))}</pubDate>"
            f"<description>{escape(text)}</description></item>"
        )
    parts.append("</channel></rss>")
    return "".join(parts).encode("utf-8")
