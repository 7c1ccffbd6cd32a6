"""Coverage data for a picture: what each outlet stresses, its own loaded terms, who did not cover the story."""

from __future__ import annotations

from summarizer.coverage import coverage
from summarizer.frame_words import frame_words
from summarizer.lexicon import FRAMES
from summarizer.pipeline import build_stories
from summarizer.readers import load_articles
from tests.conftest import FIXTURES


def test_each_outlet_its_frames_in_words_and_its_own_loaded_terms(seed_stories):
    story = seed_stories[0]
    data = coverage(story, ["Samnytt", "EIR News", "Harbor Gazette"])
    assert data is not None
    assert [o.outlet for o in data.outlets] == ["Samnytt", "EIR News"]
    assert data.missing == ["Harbor Gazette"]
    assert "politics" in data.frames and all("_" not in f for f in data.frames)
    for outlet, note in zip(data.outlets, story.framing.outlets, strict=True):
        assert [s.frame for s in outlet.slices] == data.frames
        assert outlet.loaded_own == len([t for t in note.loaded_language if not t.in_quote])
        assert 0.9 <= outlet.framed <= 1.0  # every seed sentence carries a frame; "other" sums the rest
    samnytt = data.outlets[0]
    assert next(s.share for s in samnytt.slices if s.frame == "politics") == 0.562


def test_nothing_to_compare_in_a_single_outlet_story():
    [story] = build_stories(load_articles([FIXTURES / "articles" / "single"]).articles)
    assert coverage(story, ["Harbor Gazette"]) is None


def test_configured_outlets_that_covered_it_are_not_missing_whatever_their_case(seed_stories):
    data = coverage(seed_stories[0], ["samnytt", "EIR NEWS"])
    assert data is not None and data.missing == []


def test_every_frame_the_core_can_name_reads_as_words():
    assert all("_" not in frame_words(frame) for frame in FRAMES)
    assert frame_words("Crime_and_punishment") == "crime and punishment"
    assert frame_words("Some_New_frame") == "some new frame"
