"""Speed of the core: 1,000 synthetic articles through the whole pipeline, beside plain sumy LexRank.

`python -m bench.bench_core [--articles N] [--seed S]` builds a corpus from the hand-written fixtures
in tests/fixtures/articles (names, places and numbers substituted so each synthetic event has 3–5
outlets' articles of about 400–700 words), writes it as JSONL to a temporary folder, then times
load → clean → dedupe → analyse (spaCy) → group → brief → framing → election, and stock sumy LexRank
over the same stories' sentences (split as plain text, nothing parsed). Targets on a 2-core machine:
the whole pipeline, analysis included, at most 1.5× plain LexRank in the same run, peak memory under
800 MB; it also reports how the stories match the corpus's events (none split, none mixed).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench.memory import PeakMemory
from summarizer.analysis.analyse import PARALLEL_ARTICLES, analyse_articles, parsed_count
from summarizer.analysis.processes import analysis_processes
from summarizer.models import Story
from summarizer.pipeline import build_stories
from summarizer.ranking import plain_lexrank
from summarizer.readers import load_articles
from summarizer.sentences import split_sentences

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "articles"
TARGET_RATIO = 1.5
TARGET_MB = 800.0

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

# (fixture folder, names in the fixture → slots filled per synthetic event)
KINDS: dict[str, dict[str, str]] = {
    "election": {
        "Helena Marsh": "{winner}",
        "Tomas Reyno": "{runner}",
        "Marsh": "{winner_last}",
        "Reyno": "{runner_last}",
        "Carrowmore": "{town}",
        "Sallow": "{river}",
        "Helena": "{winner_first}",
    },
    "flood": {
        "Lenfield": "{town}",
        "Ossel": "{river}",
        "Mill Lane": "{street} Lane",
        "Weir Street": "{street} Street",
        "Castle Road": "{street} Road",
    },
    "single": {"Brannock Textiles": "{company}", "Dunmere": "{town}", "Porto": "{abroad}"},
}


def _sentence_pool(kind: str) -> list[str]:
    """Every sentence of the fixture articles of one kind, with its names turned into slots."""
    pool: list[str] = []
    replacements = sorted(KINDS[kind].items(), key=lambda kv: -len(kv[0]))
    for path in sorted((FIXTURES / kind).glob("*.md")):
        body = path.read_text("utf-8").split("---", 2)[-1]
        for sentence in split_sentences(body):
            templated = sentence.replace("{", "(").replace("}", ")")
            for name, slot in replacements:
                templated = re.sub(rf"\b{re.escape(name)}\b", slot, templated)
            pool.append(templated)
    return pool


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


def _place(rng: random.Random) -> str:
    return "".join(rng.sample(_SYLLABLES, rng.randint(2, 3))).capitalize()


def _event_slots(rng: random.Random, used: set[str]) -> dict[str, str]:
    """Fresh names for one event: no word of a person, town, river, street or company repeats across events."""

    def fresh(make: Callable[[], str]) -> str:
        # Word by word: a company named after another event's town would share a name with it.
        value = make()
        while used.intersection(value.split()):
            value = make()
        used.update(value.split())
        return value

    winner_first, runner_first = rng.sample(FIRST, 2)
    winner_last = fresh(lambda: rng.choice(LAST) + _place(rng).lower())
    runner_last = fresh(lambda: _place(rng) + rng.choice(["", "a", "sen", "ley", "ton", "itz"]))
    return {
        "winner": f"{winner_first} {winner_last}",
        "runner": f"{runner_first} {runner_last}",
        "winner_first": winner_first,
        "winner_last": winner_last,
        "runner_last": runner_last,
        "town": fresh(lambda: _place(rng)),
        "river": fresh(lambda: _place(rng)),
        "street": fresh(lambda: _place(rng)),
        "company": fresh(lambda: f"{_place(rng)} {_place(rng)}"),
        "abroad": fresh(lambda: _place(rng)),
    }


def _vary_numbers(text: str, rng: random.Random, shift: int) -> str:
    """Shift whole numbers a little per event so figures differ between events (not within one)."""

    def bump(m: re.Match[str]) -> str:
        value = int(m.group(0))
        return str(value + shift) if 20 <= value <= 999 and not 1900 <= value <= 2100 else m.group(0)

    return re.sub(r"(?<![\d.,])\d{2,3}(?![\d.,])", bump, text)


def build_corpus(count: int, seed: int = 7) -> list[dict[str, str]]:
    """``count`` JSON records (distinct ids and urls), 3–5 outlets per event, about 400–700 words each."""
    rng = random.Random(seed)
    pools = {kind: _sentence_pool(kind) for kind in KINDS}
    records: list[dict[str, str]] = []
    event = 0
    used: set[str] = set()
    while len(records) < count:
        kind = rng.choice(list(KINDS))
        slots = _event_slots(rng, used)
        shift = rng.randint(-9, 9)
        outlets = rng.sample(OUTLETS, rng.randint(3, 5))
        for outlet in outlets[: count - len(records)]:
            words = rng.randint(400, 700)
            chosen: list[str] = []
            while sum(len(s.split()) for s in chosen) < words:
                chosen.append(rng.choice(pools[kind]))
            text = " ".join(chosen)
            filled = _vary_numbers(text.format(**slots), rng, shift)
            paragraphs = [" ".join(filled_split) for filled_split in _chunks(split_sentences(filled), rng)]
            records.append(
                {
                    "outlet": f"{outlet} {event % 7}",
                    "title": f"{slots['town']}: {rng.choice(pools[kind]).format(**slots)[:80]}",
                    "url": f"https://{outlet.lower()}.example/{event}/{len(records)}",
                    "published": "2025-03-10",
                    "text": "\n\n".join(paragraphs),
                }
            )
        event += 1
    return records


def _chunks(sentences: list[str], rng: random.Random) -> list[list[str]]:
    chunks: list[list[str]] = []
    while sentences:
        size = rng.randint(1, 3)
        chunks.append(sentences[:size])
        sentences = sentences[size:]
    return chunks


def event_match(stories: list[Story], event_of: dict[str, str]) -> tuple[int, int]:
    """(events split over several stories, stories mixing several events)."""
    stories_of: dict[str, set[str]] = {}
    for story in stories:
        for ref in story.articles:
            stories_of.setdefault(event_of[ref.id], set()).add(story.id)
    mixed = sum(1 for story in stories if len({event_of[ref.id] for ref in story.articles}) > 1)
    return sum(1 for ids in stories_of.values() if len(ids) > 1), mixed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.bench_core", description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv if argv is not None else [])
    records = build_corpus(args.articles, args.seed)
    words = sum(len(r["text"].split()) for r in records)
    with tempfile.TemporaryDirectory() as tmp, PeakMemory() as memory:
        for part in range(0, len(records), 100):
            lines = (json.dumps(r, ensure_ascii=False) for r in records[part : part + 100])
            (Path(tmp) / f"corpus-{part // 100:02d}.jsonl").write_text("\n".join(lines) + "\n", "utf-8")
        start = time.perf_counter()
        loaded = load_articles([tmp])
        loading = time.perf_counter() - start
        before = parsed_count()
        analyses = analyse_articles(loaded.articles)
        distinct = parsed_count() - before
        analysis = time.perf_counter() - start - loading
        stories = build_stories(loaded.articles, analyses=analyses)
        pipeline = time.perf_counter() - start
    by_id = {a.id: a for a in loaded.articles}
    start = time.perf_counter()
    for story in stories:
        texts = [s for ref in story.articles for p in by_id[ref.id].paragraphs for s in split_sentences(p)]
        plain_lexrank(texts, 3)
    baseline = time.perf_counter() - start
    peak = memory.mb
    workers = analysis_processes() - 1 if len(loaded.articles) >= PARALLEL_ARTICLES else 0
    n = len(loaded.articles)
    event_of = {a.id: (a.url or "").split("/")[3] for a in loaded.articles}
    split, mixed = event_match(stories, event_of)
    events = len(set(event_of.values()))
    print(
        f"corpus: {len(records)} articles, {words / len(records):.0f} words each on average, "
        f"{len(loaded.problems)} skipped or noted, {len(stories)} stories for {events} events "
        f"({sum(len(s.outlets) for s in stories) / max(1, len(stories)):.1f} outlets per story; "
        f"{split} events split, {mixed} stories mixing events)"
    )
    print(f"{'':24}{'seconds':>9}{'articles/s':>12}{'ms/story':>10}")
    print(
        f"{'newsbrief pipeline':24}{pipeline:9.2f}{n / pipeline:12.1f}{1000 * pipeline / len(stories):10.1f}"
        f"   (load+clean+dedupe {loading:.2f} s, analysis {analysis:.2f} s, the rest {pipeline - loading - analysis:.2f} s)"
    )
    chosen = sum(1 for a in analyses.values() for s in (a.headline, *a.sentences) if s is not None and s.parsed)
    # Each distinct text is parsed once; this corpus draws its sentences from a small pool, so it repeats
    # far more than real outlets do (wire copy aside): read the ratio with this line.
    print(f"{'':24}parsed {distinct:,} distinct texts for {chosen:,} chosen sentences and headlines")
    print(f"{'plain sumy LexRank':24}{baseline:9.2f}{n / baseline:12.1f}{1000 * baseline / len(stories):10.1f}")
    print(
        f"peak memory: {peak:.0f} MB (resident, this process and its {memory.processes - 1} child processes summed;"
        f" {workers} of them analysis workers)"
    )
    ratio = pipeline / baseline
    checks = [
        (f"{ratio:.2f}× plain LexRank (target ≤ {TARGET_RATIO}×)", ratio <= TARGET_RATIO),
        (f"peak {peak:.0f} MB (target < {TARGET_MB:.0f} MB)", peak < TARGET_MB),
    ]
    for text, ok in checks:
        print(f"{'ok  ' if ok else 'MISS'} {text}")
    return 0 if all(ok for _, ok in checks) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
