"""Make a sentence neutral or reject it: cut clauses that carry loaded terms, keep the facts."""

from __future__ import annotations

import re

from summarizer.lexicon import find_loaded

_CLAUSE_SPLIT = re.compile(r",\s+")
_DETERMINER_BEFORE = re.compile(r"(?:^|\b(the|an?|another)\s+)$", re.I)
_NOUN_THEN_NAME = re.compile(r"(?:\s+[a-z][\w-]*)?\s+(?=[A-ZÀ-Ý])")
_ENDS_WITH_NAME = re.compile(r"\b[A-ZÀ-Ý][\w'’-]+$")
MIN_WORDS = 6


def is_loaded(text: str) -> bool:
    return bool(find_loaded(text))


def _inside_quote(text: str, position: int) -> bool:
    before = text[:position]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def loaded_outside_quotes(text: str) -> list[tuple[int, int, str, str]]:
    """Loaded terms in the outlet's own voice (quoted speech is the speaker's, not the outlet's)."""
    return [hit for hit in find_loaded(text) if not _inside_quote(text, hit[0])]


def drop_loaded_premodifiers(text: str) -> str:
    """Cut a loaded label standing before a name: "the ultra-Catholic Kast" → "Kast",
    "Radical activist Helena Marsh won" → "Helena Marsh won", "another ultra-right President" →
    "another President"."""
    for start, end, _, _ in reversed(find_loaded(text)):
        det = _DETERMINER_BEFORE.search(text[:start])
        after = _NOUN_THEN_NAME.match(text, end)
        if det is None or after is None or _inside_quote(text, start):
            continue
        keep_det = (det.group(1) or "").lower() == "another"
        cut_from = start if keep_det else det.start()
        text = text[:cut_from] + text[after.end() :]
    return text[:1].upper() + text[1:]


def prune(sentence: str) -> str | None:
    """The sentence with loaded appositives and clauses cut, or None when no neutral sentence remains.

    "Kast, right-wing extremist and follower of X, won the runoff, garnering 58%." becomes
    "Kast won the runoff, garnering 58%."
    """
    if not is_loaded(sentence):
        return sentence
    text = drop_loaded_premodifiers(sentence)
    clauses = _CLAUSE_SPLIT.split(text.rstrip(" ."))
    kept: list[str] = []
    joiner_after_cut = False
    for i, clause in enumerate(clauses):
        if is_loaded(clause) and i > 0:
            appositive = bool(_ENDS_WITH_NAME.search(kept[-1])) if kept else False
            if not (appositive or i == len(clauses) - 1):
                return None
            joiner_after_cut = True
            continue
        if is_loaded(clause):
            return None
        if kept and joiner_after_cut:
            kept[-1] = f"{kept[-1]} {clause}"
        else:
            kept.append(clause)
        joiner_after_cut = False
    result = ", ".join(kept).strip()
    if not result or is_loaded(result) or len(result.split()) < MIN_WORDS:
        return None
    if result.count("“") != result.count("”") or result.count('"') % 2:
        return None
    return result + "."
