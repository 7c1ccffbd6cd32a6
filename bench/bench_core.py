"""Speed of the core: 1,000 synthetic articles through the whole pipeline, beside plain sumy LexRank.

`python -m bench.bench_core [--articles N] [--seed S]` builds a corpus of invented events (bench/corpus.py:
eight kinds, 3–5 outlets an event, each writing its own article of 400–800 words from templates written
for this project, no sentence repeated within an article, few shared between outlets), writes it as
JSONL to a temporary folder, then times
load → clean → dedupe → analyse (spaCy) → group → brief → framing → election, and stock sumy LexRank
over the same stories' sentences (split as plain text, nothing parsed). Targets on a 2-core machine:
the whole pipeline, analysis included, at most 1.5× plain LexRank in the same run, peak memory under
800 MB; it also reports how the stories match the corpus's events (none split, none mixed).
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

from bench.corpus import build_corpus, honesty
from bench.memory import PeakMemory
from summarizer.analysis.analyse import PARALLEL_ARTICLES, analyse_articles, parsed_count
from summarizer.models import Story
from summarizer.pipeline import build_stories
from summarizer.ranking import plain_lexrank
from summarizer.readers import load_articles
from summarizer.sentences import split_sentences
from summarizer.workers import worker_processes

TARGET_RATIO = 1.5
TARGET_MB = 800.0


def _cpu_seconds() -> float:
    """User and system CPU of this process and its finished children (the analysis workers)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


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
        cpu = _cpu_seconds()
        start = time.perf_counter()
        loaded = load_articles([tmp])
        loading = time.perf_counter() - start
        before = parsed_count()
        analyses = analyse_articles(loaded.articles)
        distinct = parsed_count() - before
        analysis = time.perf_counter() - start - loading
        stories = build_stories(loaded.articles, analyses=analyses)
        pipeline = time.perf_counter() - start
        pipeline_cpu = _cpu_seconds() - cpu
    by_id = {a.id: a for a in loaded.articles}
    cpu = _cpu_seconds()
    start = time.perf_counter()
    for story in stories:
        texts = [s for ref in story.articles for p in by_id[ref.id].paragraphs for s in split_sentences(p)]
        plain_lexrank(texts, 3)
    baseline = time.perf_counter() - start
    baseline_cpu = _cpu_seconds() - cpu
    peak = memory.mb
    workers = worker_processes() - 1 if len(loaded.articles) >= PARALLEL_ARTICLES else 0
    n = len(loaded.articles)
    event_of = {a.id: (a.url or "").split("/")[3] for a in loaded.articles}
    split, mixed = event_match(stories, event_of)
    events = len(set(event_of.values()))
    print(honesty(records).line())
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
    # Each distinct text is parsed once: wire copy and repeated page furniture are parsed once per corpus.
    print(f"{'':24}parsed {distinct:,} distinct texts for {chosen:,} chosen sentences and headlines")
    print(f"{'plain sumy LexRank':24}{baseline:9.2f}{n / baseline:12.1f}{1000 * baseline / len(stories):10.1f}")
    # Wall time depends on free cores (the pipeline uses two); CPU time shows the work done on a shared machine.
    print(
        f"CPU seconds: pipeline {pipeline_cpu:.1f} (all its processes), LexRank {baseline_cpu:.1f}; "
        f"wall seconds per CPU second: pipeline {pipeline / max(pipeline_cpu, 1e-9):.2f}, LexRank "
        f"{baseline / max(baseline_cpu, 1e-9):.2f} (near 1.0 for LexRank on a quiet machine)"
    )
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
