"""The bench's synthetic corpus is honest: outlets of one event write the same facts in their own words."""

from __future__ import annotations

import random

from bench.corpus import banks, build_corpus, event_of, honesty, realise
from bench.corpus_facts import KINDS, FactSheet
from summarizer.sentences import split_sentences

FURNITURE = ("By ", "Photo", "Read more: ")


def sentences(record: dict[str, str]) -> list[str]:
    return [s for p in record["text"].split("\n\n") for s in split_sentences(p)]


def test_sixty_articles_repeat_nothing_within_an_article_and_little_across_outlets() -> None:
    records = build_corpus(60)
    figures = honesty(records)
    assert len(records) == 60
    assert figures.repeated_within == 0
    assert figures.shared <= 0.05 * figures.sentences
    assert 3 <= figures.outlets[0] <= figures.outlets[1] <= 5
    assert all(400 <= len(r["text"].split()) <= 800 for r in records)
    assert 550 <= figures.words <= 650
    assert len({r["url"] for r in records}) == 60
    body = [len(s.split()) for r in records for s in sentences(r) if not s.startswith(FURNITURE)]
    # News lengths: 5 to 45 words, about 20 on average (the splitter keeps a rare "at 2.10am. The" whole).
    assert min(body) >= 5 and sum(n > 45 for n in body) <= 0.01 * len(body)
    assert 17 <= sum(body) / len(body) <= 23


def test_events_share_no_sentence_but_page_furniture() -> None:
    records = build_corpus(60)
    events_of: dict[str, set[str]] = {}
    for record in records:
        for sentence in sentences(record):
            events_of.setdefault(sentence, set()).add(event_of(record))
    across = [s for s, events in events_of.items() if len(events) > 1]
    assert across and all(s.startswith(FURNITURE) for s in across)


def test_the_outlets_of_an_event_lead_with_names_no_other_event_uses() -> None:
    records = build_corpus(60)
    leads: dict[str, list[set[str]]] = {}
    for record in records:
        lead = next(p for p in record["text"].split("\n\n") if not p.startswith(FURNITURE))
        names = {w.strip(".,:;’'s") for w in lead.split() if w[:1].isupper()}
        leads.setdefault(event_of(record), []).append(names)
    for event, names in leads.items():
        others = set().union(*(n for e, ns in leads.items() if e != event for n in ns))
        assert set.intersection(*names) - others, event


def test_the_same_seed_gives_the_same_corpus() -> None:
    assert build_corpus(20, seed=3) == build_corpus(20, seed=3)
    assert build_corpus(20, seed=3) != build_corpus(20, seed=4)


def test_every_template_of_every_kind_fills_from_its_fact_sheet() -> None:
    rng = random.Random(1)
    for kind, make in KINDS.items():
        sheet = FactSheet(rng, set())
        make(sheet)
        bank, generic = banks()[kind], banks()["generic"]
        templates = [*bank.headline, *bank.lead, *bank.fact, *bank.body, *generic.body]
        assert len(templates) - len(bank.headline) >= 70
        for template in templates:
            text = realise(template, sheet.slots, rng)
            assert "{" not in text and "[" not in text and "  " not in text, text


def test_outlets_of_one_event_name_the_same_people() -> None:
    first = [r for r in build_corpus(12, seed=5) if event_of(r) == "0"]
    words = [{w for s in sentences(r) for w in s.split() if w[:1].isupper()} for r in first]
    assert len(first) >= 3 and len(set.intersection(*words)) >= 3
