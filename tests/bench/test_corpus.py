"""bench core's corpus is honest: articles of news length whose sentences do not repeat, outlets of one
event reporting the same facts in mostly their own sentences."""

from __future__ import annotations

from bench.bench_core import corpus_honesty
from bench.corpus import build_corpus
from summarizer.sentences import split_sentences


def test_the_corpus_does_not_repeat_itself() -> None:
    records = build_corpus(80, seed=3)
    assert len(records) == 80 and len({r["url"] for r in records}) == 80
    for record in records:
        assert 380 <= len(record["text"].split()) <= 850
    events: dict[str, list[str]] = {}
    for record in records:
        events.setdefault(record["url"].split("/")[3], []).append(record["outlet"])
    assert all(3 <= len(outlets) <= 5 for outlets in list(events.values())[:-1])  # the last may be cut short
    sentences, repeated, shared = corpus_honesty(records)
    assert sentences > 80 * 20
    assert repeated == 0
    assert shared < 0.12


def test_outlets_of_one_event_name_the_same_people() -> None:
    first = [r for r in build_corpus(12, seed=5) if r["url"].split("/")[3] == "0"]
    words = [set(w for s in split_sentences(r["text"]) for w in s.split() if w[:1].isupper()) for r in first]
    assert len(set.intersection(*words)) >= 3
