"""One message chunker for every platform: long text into pieces within a limit, cut where a reader
would pause (a paragraph, then a line, then a word) and never inside an escape, a mention-escape or a link.

The platform's rules are parameters (:class:`ChunkRules`): what must stay whole, which breaks it
prefers, and which line prefix (a quote's ``> ``) every piece of a split line keeps.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass

PARAGRAPH, LINE, WORD = r"\n\s*\n", r"\n", r"[ \t]+"


@dataclass(frozen=True)
class ChunkRules:
    """How one platform's text may be cut.

    ``atoms`` matches what must never be cut (an escape sequence, a mention-escape, a link);
    ``breaks`` are the places a cut may go, best first (the break itself is dropped);
    ``carry`` matches a line prefix that each piece of a split line repeats.
    """

    atoms: re.Pattern[str] | None = None
    breaks: tuple[re.Pattern[str], ...] = (re.compile(PARAGRAPH), re.compile(LINE), re.compile(WORD))
    carry: re.Pattern[str] | None = None


PLAIN = ChunkRules()


def split_text(text: str, limit: int, rules: ChunkRules = PLAIN) -> list[str]:
    """``text`` in pieces of at most ``limit`` characters, in order, nothing dropped but the breaks.

    Each piece ends at the last break of the best kind it can hold: a paragraph that fits in a piece
    is never split, nor a line that fits, nor a word. Only a run without any break (a long URL) is
    cut hard, and then between atoms; an atom longer than ``limit`` is the one thing ever cut through.
    """
    if limit < 1:
        raise ValueError("limit must be positive")
    text = text.rstrip().lstrip("\n")  # a first line's indentation is kept, as every other line's is
    spans = [m.span() for m in rules.atoms.finditer(text)] if rules.atoms else []
    starts = [s for s, _ in spans]

    def inside_atom(pos: int) -> bool:
        i = bisect_left(starts, pos) - 1
        return i >= 0 and spans[i][1] > pos

    pieces: list[str] = []
    start, prefix = 0, ""
    while start < len(text):
        room = limit - len(prefix)
        if len(text) - start <= room:
            pieces.append(prefix + text[start:])
            break
        cut, resume = _cut(text, start, start + room, rules, inside_atom)
        pieces.append(prefix + text[start:cut].rstrip())
        prefix = _carried(text, cut, resume, rules, limit)
        start = resume
    return [p for p in pieces if p.strip()]


def _cut(text: str, start: int, end: int, rules: ChunkRules, inside_atom: Callable[[int], bool]) -> tuple[int, int]:
    """Where to end the piece that starts at ``start`` and may run to ``end``, and where the next one starts."""
    for pattern in rules.breaks:
        last: tuple[int, int] | None = None
        for m in pattern.finditer(text, start + 1, min(len(text), end + 1)):
            if m.start() <= end and not inside_atom(m.start()):
                last = m.span()
        if last is not None:
            return last
    cut = end
    while cut > start and inside_atom(cut):
        cut -= 1
    return (cut, cut) if cut > start else (end, end)  # an atom longer than the limit: nothing else to do


def _carried(text: str, cut: int, resume: int, rules: ChunkRules, limit: int) -> str:
    """The prefix the next piece repeats: its line's quote marker, when the cut fell inside that line."""
    if rules.carry is None or "\n" in text[cut:resume]:
        return ""
    line_start = text.rfind("\n", 0, cut) + 1
    match = rules.carry.match(text, line_start)
    return match.group() if match and len(match.group()) < limit // 2 else ""
