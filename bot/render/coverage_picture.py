"""A story's coverage as a PNG for chat (~800×450): per outlet its frame emphasis as stacked bars, its loaded
terms in its own voice, and the configured outlets that did not cover the story; with alt text saying the same.

matplotlib is imported only inside :func:`draw` (Agg, no display), so starting the bot or ``--help`` never loads it.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from bot.render.markup import plain_text
from summarizer.coverage import Coverage
from summarizer.frame_words import emphasis_order

WIDTH, HEIGHT, DPI = 800, 450, 100
FILENAME = "coverage.png"
# Okabe & Ito (2008), distinguishable with every common colour-vision deficiency; grey for "other".
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00")
OTHER_COLOUR = "#999999"
DARK = frozenset({"#0072B2", "#009E73", "#D55E00"})  # white numbers on these, black on the lighter ones
MIN_LABELLED = 15.0  # per cent: narrower slices carry no number
MAX_OUTLETS = 6  # bars that stay readable at chat size; the alt text names every outlet
LABEL_CHARS = 18
TITLE_CHARS = 60


@dataclass(frozen=True)
class Picture:
    """A rendered picture: PNG bytes, a file name and the alt text that says the same in words."""

    png: bytes
    filename: str
    alt_text: str


def short(text: str, limit: int) -> str:
    """Third-party ``text`` on one line, without control characters, cut between words to ``limit``."""
    text = " ".join(plain_text(text).split())
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit - 1)
    return text[: cut if cut > limit // 2 else limit - 1].rstrip(" ,;:") + "…"


def _literal(text: str) -> str:
    # matplotlib reads text between two "$" as mathematics; an outlet name is never a formula.
    return text.replace("$", r"\$")


def _percent(share: float) -> str:
    return f"{round(share * 100)}%"


def alt_text(data: Coverage) -> str:
    """The picture in words: each outlet's main frames and loaded terms, and who did not cover it."""
    parts = [f"How {len(data.outlets)} outlets covered “{short(data.title, 120)}”."]
    for outlet in data.outlets:
        top = sorted((s for s in outlet.slices if s.share > 0), key=lambda s: emphasis_order(s.share, s.frame))[:3]
        stress = ", ".join(f"{s.frame} {_percent(s.share)}" for s in top) or "no clear frame"
        terms = f"{outlet.loaded_own} loaded term{'' if outlet.loaded_own == 1 else 's'} in its own voice"
        parts.append(f"{short(outlet.outlet, 60)}: {stress} of its sentences; {terms}.")
    if data.missing:
        parts.append("Did not cover it: " + ", ".join(short(m, 60) for m in data.missing) + ".")
    return " ".join(parts)


def draw(data: Coverage) -> Picture:
    """Render ``data`` as an 800×450 PNG (offline, Agg)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    outlets = data.outlets[:MAX_OUTLETS]
    fig = Figure(figsize=(WIDTH / DPI, HEIGHT / DPI), dpi=DPI, facecolor="white")
    FigureCanvasAgg(fig)
    fig.suptitle(_literal(short(data.title, TITLE_CHARS)), x=0.02, ha="left", fontsize=16, fontweight="bold")
    bottom = 0.36 if data.missing else 0.28
    ax = fig.add_axes((0.24, bottom, 0.56, 0.86 - bottom - 0.04))
    rows = list(range(len(outlets)))[::-1]  # first outlet on top
    colours = [OTHER_COLOUR if f == "other" else PALETTE[i % len(PALETTE)] for i, f in enumerate(data.frames)]
    left = [0.0] * len(outlets)
    for i, frame in enumerate(data.frames):
        widths = [o.slices[i].share * 100 for o in outlets]
        ax.barh(rows, widths, left=left, height=0.62, color=colours[i], label=_literal(frame), edgecolor="white")
        ink = "white" if colours[i] in DARK else "black"
        for row, start, width in zip(rows, left, widths, strict=True):
            if width >= MIN_LABELLED:  # a share big enough to carry its number
                ax.text(start + width / 2, row, f"{round(width)}%", ha="center", va="center", fontsize=12, color=ink)
        left = [a + b for a, b in zip(left, widths, strict=True)]
    ax.set_xlim(0, 100)
    ax.set_ylim(-0.6, len(outlets) - 0.4)
    ax.set_yticks(rows, labels=[_literal(short(o.outlet, LABEL_CHARS)) for o in outlets], fontsize=14)
    ax.set_xticks([0, 25, 50, 75, 100], labels=["0", "25", "50", "75", "100%"], fontsize=11)
    ax.set_xlabel("share of its sentences, by frame", fontsize=12, labelpad=2)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.text(
        1.03,
        1.0,
        "loaded terms\n(own voice)",
        transform=ax.transAxes,
        fontsize=11,
        va="bottom",
        ha="left",
        color="#333333",
    )
    for row, outlet in zip(rows, outlets, strict=True):
        ax.text(101.5 * 1.03, row, str(outlet.loaded_own), fontsize=18, fontweight="bold", va="center", ha="left")
    fig.legend(
        loc="lower left",
        bbox_to_anchor=(0.02, 0.0 if not data.missing else 0.075),
        ncol=3,
        fontsize=11,
        frameon=False,
        handlelength=1.2,
        columnspacing=1.2,
    )
    if data.missing:
        missing = ", ".join(short(m, 24) for m in data.missing[:4]) + (" …" if len(data.missing) > 4 else "")
        fig.text(0.02, 0.025, _literal(f"Did not cover it: {missing}"), fontsize=12, color="#333333")
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=DPI)
    return Picture(buffer.getvalue(), FILENAME, alt_text(data))
