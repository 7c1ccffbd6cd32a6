"""A figure as a reader reads it: what it measures, each outlet's value, and whether the others agree.

The one wording of a figure the outlets disagree on, shared by the brief ("Figures the outlets disagree on")
and the framing note ("Figures differ on …"), in the document and on every platform.
"""

from __future__ import annotations

from collections.abc import Callable

from summarizer.models import Figure

Escape = Callable[[str], str]


def _same(text: str) -> str:
    return text


def figure_subject(figure: Figure) -> str:
    """What a figure measures: "Kast's vote share", or the quantity alone."""
    return f"{figure.subject}'s {figure.quantity}" if figure.subject else figure.quantity


def figure_line(figure: Figure, esc: Escape = _same) -> str:
    """'58.30% (EIR News); also “almost 60 percent” and “58 percent” (Samnytt)', each value through ``esc``."""
    preferred = figure.preferred
    head = f"{esc(preferred.text)} ({esc(preferred.outlet)})"
    others = [r for r in figure.reports if r != preferred]
    if not others:
        return head
    by_outlet: dict[str, list[str]] = {}
    for r in others:
        by_outlet.setdefault(r.outlet, []).append(f"“{esc(r.text)}”")
    rest = "; ".join(f"{' and '.join(t)} ({esc(o)})" for o, t in by_outlet.items())
    return f"{head}; {'also' if figure.agree else 'differs from'} {rest}"


def disagreement(figure: Figure, esc: Escape = _same) -> str:
    """ "Kast's vote share: 58.30% (EIR News); differs from “58 percent” (Samnytt)", each value through ``esc``."""
    return f"{esc(figure_subject(figure))}: {figure_line(figure, esc)}"
