"""Scores for `python -m bench quality`: one story folder's truth against its brief and who-won documents.

Everything here reads the documents' JSON shape (`newsbrief/1`, see the README), never the core's
internals, so the scores stay comparable while the engine changes. Where the shape may grow (a
credit as a plain outlet name or as `{outlet, quote}`), both forms are read.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

# A number as printed: digits with decimal or thousand separators and an optional percent sign.
# Not inside a word ("COP29", "Q1"), so ordinal and unit suffixes after it do not matter.
NUMBER = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)*%?")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "\u00a0": " ", "\u202f": " "})
_SEPARATORS = (",", " ", "\u00a0", "\u202f")


@dataclass
class Truth:
    """A story folder's `truth.toml`, and each outlet's article text as the folder holds it."""

    kind: str
    main_fact: list[str]
    winner: str | None = None
    runner_up: str | None = None
    loaded: list[tuple[str, str]] = field(default_factory=list)  # (outlet, text)
    not_loaded: list[tuple[str, str]] = field(default_factory=list)
    labels: list[tuple[str, str]] = field(default_factory=list)
    texts: dict[str, str] = field(default_factory=dict)  # outlet -> article text

    @classmethod
    def from_toml(cls, truth: dict[str, Any], texts: dict[str, str]) -> Truth:
        def pairs(section: str) -> list[tuple[str, str]]:
            return [(str(e["outlet"]), str(e["text"])) for e in truth.get(section, [])]

        return cls(
            kind=str(truth.get("kind", "")),
            main_fact=[str(rx) for rx in truth.get("main_fact", [])],
            winner=truth.get("winner"),
            runner_up=truth.get("runner_up"),
            loaded=pairs("loaded"),
            not_loaded=pairs("not_loaded"),
            labels=pairs("label"),
            texts=texts,
        )


@dataclass
class Score:
    """One folder's row of the quality table; the lists say which items missed or hit, for diagnosis."""

    stories: int = 0
    lead: int = 0
    bad_credits: int = 0
    numbers_checked: int = 0
    credits_checked: int = 0
    loaded_in_brief: int = 0
    loaded_quoted: int = 0
    loaded_total: int = 0
    not_loaded_flagged: int = 0
    not_loaded_total: int = 0
    labels: int = 0
    labels_total: int = 0
    who_won: str = "none"
    lead_sentence: str = ""
    bad_credit_list: list[dict[str, str]] = field(default_factory=list)
    loaded_in_brief_list: list[str] = field(default_factory=list)
    loaded_missed_list: list[str] = field(default_factory=list)
    not_loaded_flagged_list: list[str] = field(default_factory=list)
    labels_missed_list: list[str] = field(default_factory=list)
    who_won_claim: dict[str, str] = field(default_factory=dict)


def normalise(text: str) -> str:
    """Case, curly quotes and spacing do not count when comparing phrases."""
    return " ".join(text.translate(_QUOTES).casefold().split())


def contains(haystack: str, needle: str) -> bool:
    """``needle`` occurs in ``haystack`` as whole words (case-insensitive)."""
    needle = normalise(needle)
    if not needle:
        return False
    return re.search(rf"(?<!\w){re.escape(needle)}(?!\w)", normalise(haystack)) is not None


def overlaps(a: str, b: str) -> bool:
    """One phrase contains the other as whole words."""
    return contains(a, b) or contains(b, a)


def numbers(sentence: str) -> list[str]:
    """The number tokens of a sentence, as printed (``"41,318"``, ``"28.5%"``, ``"2025"``)."""
    return NUMBER.findall(sentence)


def _variants(token: str) -> set[str]:
    core = token.rstrip("%")
    found = {core}
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+", core):
        digits = core.replace(",", "")
        found |= {digits} | {core.replace(",", sep) for sep in _SEPARATORS}
    elif re.fullmatch(r"\d{4,}", core):
        grouped = f"{int(core):,}"
        found |= {grouped.replace(",", sep) for sep in _SEPARATORS}
    return found


def number_in(token: str, text: str) -> bool:
    """The outlet printed this number: same digits and decimal mark, thousand separators may differ.

    "28.5%" is found in "28.5 per cent"; "28.6" is not found in "28,6%" nor "8.7" in "28.7".
    """
    for variant in _variants(token):
        if re.search(rf"(?<!\d)(?<!\d[.,]){re.escape(variant)}(?![.,]?\d)", text):
            return True
    return False


def _outlet(source: Any) -> str:
    if isinstance(source, dict):
        return str(source.get("outlet", ""))
    return str(source)


def _text(item: Any, *keys: str) -> str:
    if isinstance(item, str):
        return item
    if isinstance(item, dict):
        for key in keys:
            if isinstance(item.get(key), str):
                return str(item[key])
    return ""


def brief_sentences(story: dict[str, Any]) -> list[tuple[str, list[str]]]:
    """(text, credited outlets) of each brief sentence; a credit may be a name or ``{outlet, quote}``."""
    brief = story.get("brief") or {}
    found = []
    for sentence in brief.get("sentences", []) if isinstance(brief, dict) else []:
        sources = sentence.get("sources", []) if isinstance(sentence, dict) else []
        found.append((_text(sentence, "text"), [_outlet(s) for s in sources]))
    return found


def main_story(stories: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The story with most articles (the first of equals, as the documents list them best first)."""
    return max(stories, key=lambda s: len(s.get("articles") or s.get("outlets") or []), default=None)


def framing_terms(stories: list[dict[str, Any]]) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """Per outlet, over all stories: the loaded terms its framing note flags, and the labels it lists."""
    loaded: dict[str, list[str]] = defaultdict(list)
    labels: dict[str, list[str]] = defaultdict(list)
    for story in stories:
        framing = story.get("framing") or {}
        for entry in framing.get("outlets", []) if isinstance(framing, dict) else []:
            outlet = str(entry.get("outlet", ""))
            loaded[outlet] += [_text(t, "term") for t in entry.get("loaded_language", [])]
            labels[outlet] += [_text(t, "label", "text") for t in entry.get("labels", [])]
    return loaded, labels


def _election(result: dict[str, Any]) -> tuple[str, str]:
    election = result.get("election") or {}
    winner = _text(election.get("winner"), "name")
    runners = election.get("runners_up") or []
    return winner, _text(runners[0], "name") if runners else ""


def score_who_won(truth: Truth, results: list[dict[str, Any]], main_id: str | None, score: Score) -> None:
    """Elections: winner and first runner-up right. Other kinds: no election result claimed."""
    if truth.kind != "election":
        score.who_won = "FALSE ELECTION" if results else "ok"
        if results:
            winner, runner = _election(results[0])
            score.who_won_claim = {"winner": winner, "runner_up": runner}
        return
    if not results:
        score.who_won = "none"
        return
    result = next((r for r in results if r.get("story_id") == main_id), results[0])
    winner, runner = _election(result)
    score.who_won_claim = {"winner": winner, "runner_up": runner}
    right = (truth.winner or "").casefold() in winner.casefold() and (truth.runner_up or "").casefold() in (
        runner.casefold()
    )
    score.who_won = "ok" if right and winner and runner else "wrong"


def score_story(truth: Truth, brief_doc: dict[str, Any], who_won_doc: dict[str, Any]) -> Score:
    """Score one folder from its `brief` document (stories with brief and framing) and `who-won` document."""
    stories = [s for s in brief_doc.get("stories", []) if isinstance(s, dict)]
    score = Score(stories=len(stories))
    main = main_story(stories)
    lead = brief_sentences(main)[:1] if main else []
    if lead:
        score.lead_sentence = lead[0][0]
        score.lead = int(all(re.search(rx, lead[0][0], re.IGNORECASE) for rx in truth.main_fact))

    sentences = [pair for story in stories for pair in brief_sentences(story)]
    for text, outlets in sentences:
        for token in numbers(text):
            score.numbers_checked += 1
            for outlet in dict.fromkeys(o for o in outlets if o in truth.texts):
                score.credits_checked += 1
                if not number_in(token, truth.texts[outlet]):
                    score.bad_credits += 1
                    score.bad_credit_list.append({"number": token, "outlet": outlet})

    score.loaded_total = len(truth.loaded)
    flagged, labels = framing_terms(stories)
    for outlet, text in truth.loaded:
        if any(contains(sentence, text) for sentence, _ in sentences):
            score.loaded_in_brief += 1
            score.loaded_in_brief_list.append(f"{outlet}: {text}")
        if any(overlaps(term, text) for term in flagged[outlet] + labels[outlet]):
            score.loaded_quoted += 1
        else:
            score.loaded_missed_list.append(f"{outlet}: {text}")

    score.not_loaded_total = len(truth.not_loaded)
    for outlet, text in truth.not_loaded:
        if any(overlaps(term, text) for term in flagged[outlet]):
            score.not_loaded_flagged += 1
            score.not_loaded_flagged_list.append(f"{outlet}: {text}")

    score.labels_total = len(truth.labels)
    for outlet, text in truth.labels:
        if any(overlaps(label, text) for label in labels[outlet]):
            score.labels += 1
        else:
            score.labels_missed_list.append(f"{outlet}: {text}")

    results = [r for r in who_won_doc.get("results") or [] if isinstance(r, dict)]
    score_who_won(truth, results, main.get("id") if main else None, score)
    return score
