"""What a reader would care about between two versions of a story: a compact snapshot and its diff."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from typing import Any

from summarizer.models import Story


@dataclass(frozen=True)
class Snapshot:
    """What a channel was last told about a story: its outlets, each outlet's figures, shared facts."""

    outlets: list[str]
    # figure key ("subject|quantity") -> outlet -> [display text, value]
    figures: dict[str, dict[str, list[Any]]] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)  # figure key -> "Kast's vote share"
    facts: list[str] = field(default_factory=list)  # figures several outlets report alike ("Kast's vote share: 58.3%")

    @classmethod
    def of(cls, story: Story) -> Snapshot:
        """The snapshot of a story as it is now."""
        figures: dict[str, dict[str, list[Any]]] = {}
        labels: dict[str, str] = {}
        for figure in story.figures:
            key = f"{figure.subject or ''}|{figure.quantity}"
            labels[key] = f"{figure.subject}'s {figure.quantity}" if figure.subject else figure.quantity
            per_outlet = figures.setdefault(key, {})
            for report in figure.reports:
                # an outlet's most precise report stands for it
                held = per_outlet.get(report.outlet)
                if held is None or report.decimals > held[2]:
                    per_outlet[report.outlet] = [report.text, float(report.value), report.decimals]
        return cls(sorted(story.outlets), figures, labels, _shared_facts(figures, labels))

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> Snapshot:
        data = json.loads(text)
        return cls(data["outlets"], data.get("figures", {}), data.get("labels", {}), data.get("facts", []))


@dataclass(frozen=True)
class Change:
    """One thing readers would care about. ``kind``: joined, revised, disagree or fact."""

    kind: str
    outlet: str | None = None
    figure: str | None = None  # the figure's label, e.g. "Kast's vote share"
    value: str | None = None  # what this outlet (or the new fact) says
    before: str | None = None  # the outlet's earlier figure (revised)
    others: str | None = None  # what the other outlets say


def _values(per_outlet: dict[str, list[Any]]) -> set[float]:
    return {round(float(v[1]), 6) for v in per_outlet.values()}


def _others(per_outlet: dict[str, list[Any]], outlet: str) -> str:
    """What the other outlets say, one text per value: "58.3%" or "58.3% / 58%"."""
    by_value: dict[float, str] = {}
    for o, (text, value, _decimals) in sorted(per_outlet.items()):
        if o != outlet:
            by_value.setdefault(round(float(value), 6), text)
    return " / ".join(by_value.values())


def _shared_facts(figures: dict[str, dict[str, list[Any]]], labels: dict[str, str]) -> list[str]:
    """Facts several outlets report: a figure at least two outlets give with the same value.

    Figures, not brief sentences: a brief re-ranked after a new article rewords the same fact, which is
    not news; a figure a second outlet now confirms is.
    """
    facts = []
    for key, per in sorted(figures.items()):
        by_value: dict[float, list[str]] = {}
        for outlet, (_text, value, _decimals) in per.items():
            by_value.setdefault(round(float(value), 6), []).append(outlet)
        for _value, outlets in sorted(by_value.items()):
            if len(outlets) >= 2:
                text = per[sorted(outlets)[0]][0]
                facts.append(f"{labels.get(key, key)}: {text}")
    return facts


def changes_between(old: Snapshot, new: Snapshot) -> list[Change]:
    """The changes a reader would care about, in reading order; empty for noise (a re-crawl, a re-rank)."""
    out: list[Change] = []
    joined = [o for o in new.outlets if o not in old.outlets]
    said: set[str] = set()  # figure keys already mentioned
    for outlet in joined:
        differing = [
            (key, per)
            for key, per in sorted(new.figures.items())
            if outlet in per
            and len(per) > 1
            and round(per[outlet][1], 6) not in _values({o: v for o, v in per.items() if o != outlet})
        ]
        if differing:
            key, per = differing[0]
            said.add(key)
            out.append(Change("joined", outlet, new.labels.get(key), per[outlet][0], others=_others(per, outlet)))
        else:
            out.append(Change("joined", outlet))
    for key, per in sorted(new.figures.items()):
        before = old.figures.get(key, {})
        for outlet, (text, value, _decimals) in sorted(per.items()):
            if outlet in before and round(before[outlet][1], 6) != round(value, 6):
                said.add(key)
                out.append(Change("revised", outlet, new.labels.get(key), text, before=before[outlet][0]))
        if key not in said and len(_values(per)) > 1 and len(_values(before)) <= 1:
            texts = "; ".join(f"{v[0]} ({o})" for o, v in sorted(per.items()))
            out.append(Change("disagree", figure=new.labels.get(key), value=texts))
    for fact in new.facts:
        if fact not in old.facts and fact.split(":", 1)[0] not in {c.figure for c in out}:
            out.append(Change("fact", value=fact))
    return out


def fingerprint(changes: list[Change]) -> str:
    """The same changes give the same fingerprint, so the same update is never posted twice."""
    canonical = json.dumps([asdict(c) for c in changes], sort_keys=True, ensure_ascii=False)
    return hashlib.sha1(canonical.encode("utf-8")).hexdigest()


def update_lines(changes: list[Change]) -> list[str]:
    """The update as short plain-text lines (renderers escape them for their platform)."""
    lines = []
    for c in changes:
        if c.kind == "joined" and c.value:
            lines.append(f"+ {c.outlet} now reports it; it gives {c.value}, the others {c.others} ({c.figure}).")
        elif c.kind == "joined":
            lines.append(f"+ {c.outlet} now reports it.")
        elif c.kind == "revised":
            lines.append(f"~ {c.outlet} revised {c.figure}: {c.before} → {c.value}.")
        elif c.kind == "disagree":
            lines.append(f"≠ The outlets now disagree on {c.figure}: {c.value}.")
        elif c.kind == "fact":
            lines.append(f"= Several outlets now report {c.value}.")
    return lines


def changes_to_json(changes: list[Change]) -> str:
    return json.dumps([asdict(c) for c in changes], ensure_ascii=False)


def changes_from_json(text: str) -> list[Change]:
    return [Change(**c) for c in json.loads(text)]
