"""Pull percentages and counts out of sentences and reconcile them across outlets."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from summarizer.models import Figure, FigureReport

_NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_QUALIFIER = r"almost|nearly|about|around|roughly|approximately|some|more than|just over|just under|over|under|less than|close to|barely|at least|up to"
PERCENT = re.compile(
    rf"(?:\b(?P<qual>{_QUALIFIER})\s+)?(?P<num>\d{{1,3}}(?:[.,]\d{{1,2}})?(?!\d)|\b[a-z]+(?:-[a-z]+)?)\s*(?P<unit>%|percent\b|per cent\b)",
    re.IGNORECASE,
)
COUNT = re.compile(
    rf"(?:\b(?P<qual>(?i:{_QUALIFIER}))\s+)?(?<![\w.,])(?P<num>\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?\s+(?:million|billion|thousand)|\d{{2,}}|[2-9])"
    r"\s+(?P<noun>(?:[a-z-]+\s+){0,2}?(?:people|dead|killed|injured|missing|children|homes|seats|votes|[a-z-]+s))\b"
)


# Words that say how a number measures but not what it measures: a "rate" or "increase" is only a figure
# together with whose it is (a rate of output and a rate of prices are never compared).
GENERIC_QUANTITIES = frozenset(
    {
        "rate",
        "annual rate",
        "pace",
        "level",
        "percentage",
        "percent",
        "figure",
        "number",
        "amount",
        "total",
        "change",
        "increase",
        "decrease",
        "rise",
        "fall",
        "drop",
        "decline",
        "growth",
        "gain",
        "loss",
        "jump",
        "share",
        "proportion",
        "value",
    }
)


def generic(quantity: str, subject: str | None) -> bool:
    """A quantity that names no counted thing and belongs to no one: never compared across outlets."""
    return subject is None and quantity.split(" (")[0] in GENERIC_QUANTITIES


# A contender's share of the vote: tied to the contender by the parse, so an outlet's two ways of
# putting it ("almost 60 percent", "58 percent") are both kept and compared.
VOTE_SHARE = "vote share"


@dataclass(frozen=True)
class RawFigure:
    """A figure found in one sentence, before reconciliation: only equal keys are ever compared."""

    kind: str  # "percent", "count" or "money"
    quantity: str  # what it counts, e.g. "share of the vote", "seats", "hours"
    subject: str | None  # about whom
    report: FigureReport
    year: str | None = None  # a year the sentence dates the figure to
    action: str | None = None  # what the counted things did or underwent (``measures.action``): part of the key


def parse_number(text: str) -> tuple[float, int] | None:
    """(value, decimals) of "58.30", "58,3", "300,000", "2.5 million" or "eight"; None if not a number."""
    t = text.strip().lower()
    if t in _NUMBER_WORDS:
        return float(_NUMBER_WORDS[t]), 0
    scale = 1.0
    for word, factor in (("million", 1e6), ("billion", 1e9), ("thousand", 1e3)):
        if t.endswith(word):
            t, scale = t[: -len(word)].strip(), factor
    if re.fullmatch(r"\d{1,3}(,\d{3})+", t):
        return float(t.replace(",", "")) * scale, 0
    if re.fullmatch(r"\d+[.,]\d+", t):
        decimals = len(re.split(r"[.,]", t)[1])
        return float(t.replace(",", ".")) * scale, decimals
    if t.isdigit():
        return float(t) * scale, 0
    return None


def percents(sentence: str) -> list[tuple[int, float, int, str | None, str]]:
    """(position, value, decimals, qualifier, text as written) for each percentage."""
    found = []
    for m in PERCENT.finditer(sentence):
        parsed = parse_number(m.group("num"))
        if parsed is None or parsed[0] > 100:
            continue
        qual = m.group("qual").lower() if m.group("qual") else None
        found.append((m.start("num"), parsed[0], parsed[1], qual, m.group(0).strip()))
    return found


def counts(sentence: str) -> list[tuple[float, int, str | None, str, str]]:
    """(value, decimals, qualifier, noun, text as written) for each counted thing ("300,000 immigrants")."""
    found = []
    for m in COUNT.finditer(sentence):
        parsed = parse_number(m.group("num"))
        if parsed is None or 1900 <= parsed[0] <= 2100 and parsed[1] == 0 and "," not in m.group("num"):
            continue
        noun = m.group("noun").lower()
        head = noun.split()[-1]
        qual = m.group("qual").lower() if m.group("qual") else None
        found.append((parsed[0], parsed[1], qual, head, m.group(0).strip()))
    return found


_AT_LEAST = {"more than", "over", "at least", "just over"}
_AT_MOST = {"less than", "under", "up to", "just under"}
_JUST_BELOW = {"almost", "nearly", "barely"}


def interval(report: FigureReport) -> tuple[float, float]:
    """The values a figure as written allows: "58.30%" ±0.005, "about 400" ±5%, "more than 100" ≥ 100,
    "almost 60" within 2% below 60 (so "almost 60 percent" does not cover 58.3%)."""
    v, q = report.value, report.qualifier
    if q in _AT_LEAST:
        return v, float("inf")
    if q in _AT_MOST:
        return float("-inf"), v
    if q in _JUST_BELOW:
        return v * 0.98, v
    if q is not None:
        return v * 0.95, v * 1.05
    half = 0.5 * 10**-report.decimals
    return v - half, v + half


def _consistent(reports: list[FigureReport]) -> bool:
    """True when one value fits every report as written."""
    bounds = [interval(r) for r in reports]
    return max(lo for lo, _ in bounds) <= min(hi for _, hi in bounds) + 1e-9


def _one_value_per_outlet(reports: list[FigureReport]) -> bool:
    """Each outlet gives one value (an outlet's "808" and "1,700" are two different counts, not one)."""
    values: dict[str, set[float]] = {}
    for r in reports:
        values.setdefault(r.outlet, set()).add(r.value)
    return all(len(v) == 1 for v in values.values())


def _rank(report: FigureReport, support: int) -> tuple[int, int, int, int]:
    """Most decimals, then unqualified, then most outlets; among equals the plainest (shortest) sentence."""
    return (report.decimals, 0 if report.qualifier else 1, support, -len(report.quote))


def reconcile(raw: Iterable[RawFigure]) -> list[Figure]:
    """Group figures for the same quantity; prefer the most precise; spell out disagreements."""
    groups: dict[tuple[str, str, str | None, str | None, str | None], list[FigureReport]] = {}
    for fig in raw:
        groups.setdefault((fig.kind, fig.quantity, fig.subject, fig.year, fig.action), []).append(fig.report)
    figures: list[Figure] = []
    for (_kind, quantity, subject, _year, _action), reports in groups.items():
        if generic(quantity, subject):
            continue  # "rate (%)" of no one: two outlets' rates may be of two different things
        unique: list[FigureReport] = []
        for r in reports:
            if not any(u.outlet == r.outlet and u.value == r.value and u.qualifier == r.qualifier for u in unique):
                unique.append(r)
        if quantity != VOTE_SHARE and not _one_value_per_outlet(unique):
            continue  # an outlet gives two values for it: the key does not name one quantity
        support = {r.value: len({u.outlet for u in unique if u.value == r.value}) for r in unique}
        preferred = max(unique, key=lambda r: _rank(r, support[r.value]))
        agree = _consistent(unique)
        figures.append(
            Figure(
                quantity=quantity,
                subject=subject,
                preferred=preferred,
                reports=unique,
                agree=agree,
                note=_note(unique, preferred, agree),
            )
        )
    return figures


def _note(reports: list[FigureReport], preferred: FigureReport, agree: bool) -> str:
    by_outlet: dict[str, list[str]] = {}
    for r in reports:
        by_outlet.setdefault(r.outlet, []).append(f"“{r.text}”")
    spelled = "; ".join(f"{' and '.join(texts)} per {outlet}" for outlet, texts in by_outlet.items())
    if len(reports) == 1:
        return f"{reports[0].text} per {reports[0].outlet} only."
    if agree:
        return f"Outlets agree: {spelled}."
    return f"Outlets differ: {spelled}. Most precise: {preferred.text} ({preferred.outlet})."
