"""A synthetic news corpus for bench core: invented events of eight kinds, each told by 3–5 outlets in their own words.

Each event has a fact sheet (people, places, organisations and figures: bench/corpus_facts.py) that its
outlets share; each outlet writes its own article from a bank of sentence templates with phrasing
alternatives (bench/corpus_templates/), so outlets report the same facts in different words. No
sentence repeats within an article, outlets of one event share only an occasional wire sentence, and
bylines, related links and photo captions appear at low rates as they do on real pages.
"""

from __future__ import annotations

import random
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from pathlib import Path

from bench.corpus_facts import FIRST, KINDS, LAST, FactSheet
from summarizer.sentences import split_sentences

TEMPLATES = Path(__file__).resolve().parent / "corpus_templates"
OUTLETS = [
    "Ledger",
    "Courier",
    "Post",
    "Gazette",
    "Observer",
    "Herald",
    "Echo",
    "Voice",
    "Times",
    "Chronicle",
    "Mercury",
    "Sentinel",
    "Tribune",
    "Dispatch",
    "Standard",
]
WIRE = 0.5  # share of events where two outlets print one agency sentence verbatim
BYLINE, READ_MORE, CAPTION = 0.3, 0.15, 0.2  # share of articles carrying each piece of page furniture
FIRST_DAY = date(2025, 3, 10)
DAYS = 7  # events spread over a week of news
GENERIC = 12  # generic sentences (background, reactions) an article may draw on
JOIN = 0.5  # chance that one of the kind's sentences joins the one before, as news prose chains facts
_CONNECTORS = [", and ", ", while ", "; "]
_LOWER_OPENERS = frozenset("The A An Its Their Some Most More About Both Several Many".split())
_CHOICE = re.compile(r"\[([^\[\]]*)\]")
_SLOT = re.compile(r"\{(\w+)\}")
_SPACE_BEFORE = re.compile(r"\s+([,.;:’”])")


@dataclass(frozen=True)
class Bank:
    """One kind's templates: headlines, lead sentences (the main fact), facts, and the rest of the body."""

    headline: tuple[str, ...] = ()
    lead: tuple[str, ...] = ()
    fact: tuple[str, ...] = ()
    body: tuple[str, ...] = ()


@cache
def banks() -> dict[str, Bank]:
    """The template bank of each kind (``generic`` holds the body sentences any kind may use)."""
    result: dict[str, Bank] = {}
    for path in sorted(TEMPLATES.glob("*.txt")):
        sections: dict[str, list[str]] = {}
        current: list[str] = []
        for line in path.read_text("utf-8").splitlines():
            line = line.strip()
            if line.startswith("== "):
                current = sections.setdefault(line[3:].strip(), [])
            elif line and not line.startswith("#"):
                current.append(line)
        result[path.stem] = Bank(**{name: tuple(lines) for name, lines in sections.items()})
    return result


def realise(template: str, slots: dict[str, str], rng: random.Random) -> str:
    """One sentence from a template: each ``[a|b]`` (innermost first) becomes one option, each ``{slot}`` its value."""
    text = template
    while "[" in text:
        text = _CHOICE.sub(lambda m: rng.choice(m.group(1).split("|")), text)
    text = _SLOT.sub(lambda m: slots[m.group(1)], text)
    text = _SPACE_BEFORE.sub(r"\1", " ".join(text.split()))
    return text[:1].upper() + text[1:]


def _words(sentences: list[str]) -> int:
    return sum(len(s.split()) for s in sentences)


class _Writer:
    """Writes one event's articles; ``printed`` holds every sentence its outlets have printed so far."""

    def __init__(self, kind: str, slots: dict[str, str], rng: random.Random) -> None:
        self.bank, self.generic = banks()[kind], banks()["generic"]
        self.slots, self.rng = slots, rng
        self.wire = realise(rng.choice(self.bank.fact), slots, rng) if rng.random() < WIRE else None
        self.printed: set[str] = {self.wire} if self.wire else set()
        self.wire_left = 2

    def _fresh(self, template: str, own: set[str]) -> str | None:
        for _ in range(6):
            sentence = realise(template, self.slots, self.rng)
            if sentence not in own and sentence not in self.printed:
                return sentence
        return None

    def sentences(self) -> list[str]:
        """The body of one article: the main fact first, then facts, quotes, reactions and background."""
        rng = self.rng
        target = round(rng.triangular(410, 760, 600))
        own: set[str] = set()
        # Most of an article is about its event: a third of the generic background at most.
        facts, rest = list(self.bank.fact), [*self.bank.body, *rng.sample(self.generic.body, GENERIC)]
        rng.shuffle(facts)
        first = rng.randint(5, 9)
        early, late = facts[:first], facts[first:] + rest
        rng.shuffle(late)
        out: list[str] = []
        generic = set(self.generic.body)
        joinable = False  # whether the last sentence may take the next one (the kind's own, not yet joined)
        for template in [rng.choice(self.bank.lead), *early, *late]:
            sentence = self._fresh(template, own)
            if sentence is None:
                continue
            own.add(sentence)
            mine = template not in generic
            both = self._join(out[-1], sentence) if joinable and mine and rng.random() < JOIN else None
            joinable = both is None and mine and len(out) >= 1
            if both is not None:
                out[-1] = both
                own.add(both)
            else:
                out.append(sentence)
            if _words(out) >= target:
                break
        if self.wire and self.wire_left and self.wire not in own and rng.random() < 0.6:
            self.wire_left -= 1
            out.insert(rng.randint(2, min(8, len(out))), self.wire)
        self.printed.update(own)
        return out

    def _join(self, first: str, second: str) -> str | None:
        """The two as one sentence (", and …", ", while …"), when neither quotes anyone and the second opens
        with a name of the event or a word that can go lower case; None otherwise."""
        opener = second.split(" ", 1)[0]
        if "“" in first + second or not first.endswith(".") or len(f"{first} {second}".split()) > 42:
            return None
        if opener in _LOWER_OPENERS:
            second = second[:1].lower() + second[1:]
        elif not any(second.startswith(value) for value in self.slots.values() if value[:1].isupper()):
            return None
        return first[:-1] + self.rng.choice(_CONNECTORS) + second

    def headline(self) -> str:
        return realise(self.rng.choice(self.bank.headline), self.slots, self.rng)


def _paragraphs(sentences: list[str], rng: random.Random) -> list[str]:
    """The lead alone or with one more sentence, then paragraphs of one to three sentences."""
    size = 1 if rng.random() < 0.6 else 2
    paragraphs = [" ".join(sentences[:size])]
    rest = sentences[size:]
    while rest:
        size = rng.choice([1, 2, 2, 3])
        paragraphs.append(" ".join(rest[:size]))
        rest = rest[size:]
    return paragraphs


def _outlets(left: int, rng: random.Random) -> int:
    """3–5 outlets, fewer only when fewer articles are left, never leaving one or two for a last event."""
    n = rng.randint(3, 5)
    return n if left - n >= 3 else left if left <= 5 else left - 3


def build_corpus(count: int, seed: int = 7) -> list[dict[str, str]]:
    """``count`` article records (outlet, title, url ``https://<outlet>.example/<event>/<n>``, published, text).

    Events have 3–5 outlets each, articles 400–800 words in paragraphs separated by blank lines.
    """
    rng = random.Random(seed)
    reporters = {o: [f"{rng.choice(FIRST)} {rng.choice(LAST)}" for _ in range(3)] for o in OUTLETS}
    last_title: dict[str, str] = {}
    records: list[dict[str, str]] = []
    used: set[str] = set()
    event = 0
    while len(records) < count:
        kind = rng.choice(list(KINDS))
        sheet = FactSheet(rng, used)
        KINDS[kind](sheet)
        writer = _Writer(kind, sheet.slots, rng)
        day = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
        for outlet in rng.sample(OUTLETS, _outlets(count - len(records), rng)):
            paragraphs = _paragraphs(writer.sentences(), rng)
            if rng.random() < CAPTION:
                who = rng.choice([sheet.slots["actor"], sheet.slots["resident"], "A street"])
                credit = f"{rng.choice(['Photograph', 'Photo'])}: {rng.choice(reporters[outlet])}/{outlet}"
                paragraphs.insert(
                    rng.randint(1, 3), f"{who} in {sheet.slots['town']} on {sheet.slots['day']}. {credit}"
                )
            if outlet in last_title and rng.random() < READ_MORE:
                paragraphs.insert(rng.randint(3, len(paragraphs)), f"Read more: {last_title[outlet]}")
            if rng.random() < BYLINE:
                paragraphs.insert(0, f"By {rng.choice(reporters[outlet])}")
            title = writer.headline()
            last_title[outlet] = title
            records.append(
                {
                    "outlet": f"The {outlet}",
                    "title": title,
                    "url": f"https://{outlet.lower()}.example/{event}/{len(records)}",
                    "published": (day + timedelta(days=rng.random() < 0.2)).isoformat(),
                    "text": "\n\n".join(paragraphs),
                }
            )
        event += 1
    return records


@dataclass(frozen=True)
class Honesty:
    """How much a corpus repeats itself, counted on the sentences the pipeline splits."""

    words: float  # per article, mean
    fewest_words: int
    most_words: int
    sentences: int
    distinct: int  # distinct sentence texts in the whole corpus
    repeated_within: int  # sentences an article prints twice or more
    shared: int  # sentences also printed by another outlet of the same event
    outlets: tuple[int, int]  # fewest and most outlets per event

    def line(self) -> str:
        return (
            f"corpus honesty: {self.words:.0f} words per article ({self.fewest_words}–{self.most_words}), "
            f"{self.distinct:,} distinct of {self.sentences:,} sentences ({self.distinct / self.sentences:.1%}), "
            f"{self.shared / self.sentences:.1%} shared by outlets of one event, "
            f"{self.repeated_within} repeated within an article, {self.outlets[0]}–{self.outlets[1]} outlets per event"
        )


def event_of(record: dict[str, str]) -> str:
    return record["url"].split("/")[3]


def honesty(records: list[dict[str, str]]) -> Honesty:
    """The corpus's honesty figures (see ``Honesty``)."""
    words = [len(r["text"].split()) for r in records]
    per_article = [[s for p in r["text"].split("\n\n") for s in split_sentences(p)] for r in records]
    by_event: dict[str, list[list[str]]] = {}
    for record, sentences in zip(records, per_article, strict=True):
        by_event.setdefault(event_of(record), []).append(sentences)
    shared = 0
    for articles in by_event.values():
        printers = Counter(s for sentences in articles for s in set(sentences))
        shared += sum(1 for sentences in articles for s in sentences if printers[s] > 1)
    sizes = [len(a) for a in by_event.values()]
    return Honesty(
        words=sum(words) / len(words),
        fewest_words=min(words),
        most_words=max(words),
        sentences=sum(len(s) for s in per_article),
        distinct=len({s for sentences in per_article for s in sentences}),
        repeated_within=sum(len(s) - len(set(s)) for s in per_article),
        shared=shared,
        outlets=(min(sizes), max(sizes)),
    )
