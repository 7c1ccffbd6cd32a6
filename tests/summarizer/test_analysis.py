"""The linguistic layer: the pinned model, sentence roles by structure, and records that round-trip."""

from __future__ import annotations

import json
import pickle
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from summarizer.analysis.analyse import analyse_articles, parsed_count
from summarizer.analysis.model import ModelError, check_model, model_path
from summarizer.analysis.records import ArticleAnalysis, Token
from summarizer.models import Article
from summarizer.pipeline import article_sentences
from tests.conftest import ROOT

PAGE = """VALMORA (Wire Service) — The harbour authority of Valmora approved a new ferry timetable on Tuesday, \
adding four evening crossings to the island of Dunre.

(Also: Valmora council debates parking fees for the old town)

By Petra Lindqvist

Passengers queue at the Valmora ferry terminal (Photo: Jon Ekberg/Archive)

READ MORE: Island schools reopen after storm repairs

The new crossings start on 3 March and cost the authority 1.2 million crowns a year, its director said.

Six sacks of mail.

Home | News | Islands
"""


def _article(text: str = PAGE, title: str = "Norway adds evening ferries to Bergen") -> Article:
    return Article(id="a-1", outlet="Harbour Gazette", title=title, text=text)


def test_only_running_text_is_body_and_the_dateline_is_stripped():
    body = [s.text for s in article_sentences(_article())]
    assert body == [
        "The harbour authority of Valmora approved a new ferry timetable on Tuesday, adding four evening "
        "crossings to the island of Dunre.",
        "The new crossings start on 3 March and cost the authority 1.2 million crowns a year, its director said.",
    ]


def test_headline_is_kept_apart_and_parsed():
    analysis = analyse_articles([_article()])["a-1"]
    assert analysis.headline is not None and analysis.headline.role == "headline"
    assert analysis.headline.parsed
    assert any(e.label == "GPE" for e in analysis.headline.entities)


def test_tokens_inside_quotation_marks_are_marked():
    text = 'The minister called the plan "a reckless gamble" in parliament on Monday, according to the record.'
    sentence = analyse_articles([_article(text + "\n\n" + PAGE)])["a-1"].sentences[0]
    quoted = {t.text for t in sentence.tokens if t.in_quote}
    assert {"reckless", "gamble"} <= quoted
    assert "minister" not in quoted


def test_records_round_trip_through_json_and_are_reused():
    first = analyse_articles([_article()])
    stored = {k: ArticleAnalysis.from_dict(json.loads(json.dumps(v.to_dict()))) for k, v in first.items()}
    assert stored == first
    again = analyse_articles([_article()], known=stored)
    assert again["a-1"] is stored["a-1"]
    changed = analyse_articles([_article(PAGE.replace("four", "five"))], known=stored)
    assert changed["a-1"].key != stored["a-1"].key


def test_records_sent_to_another_process_come_back_whole_without_what_was_remembered():
    first = analyse_articles([_article()])["a-1"]
    sentence = next(s for s in first.sentences if s.parsed)
    sentence.remember("probe", lambda: "computed here")
    back = pickle.loads(pickle.dumps(first))
    assert back == first
    again = next(s for s in back.sentences if s.parsed)
    assert [type(t) for t in again.tokens] == [Token] * len(sentence.tokens)
    assert again.tokens[0].text == sentence.tokens[0].text and again.tokens[0]._fields == Token._fields
    assert again.remember("probe", lambda: "computed there") == "computed there"


def test_a_sentence_several_outlets_carry_word_for_word_is_parsed_once():
    wire = "The harbour authority approved four evening crossings to the island of Dunre on Tuesday."
    articles = [
        Article(id="a", outlet="Harbour Gazette", title="", text=wire + " Passengers welcomed the news."),
        Article(id="b", outlet="Island Post", title="", text=wire + " Fares stay the same."),
    ]
    before = parsed_count()
    found = analyse_articles(articles)
    assert parsed_count() - before == 3
    assert found["a"].sentences[0] == found["b"].sentences[0]
    assert found["a"].sentences[0].parsed and list(found["a"].sentences[0].children(2))


def test_a_model_whose_meta_differs_from_the_official_release_is_refused(tmp_path: Path):
    meta = json.loads((model_path() / "meta.json").read_text("utf-8"))
    check_model(model_path())  # the installed one is the official release
    meta["labels"]["ner"].append("WEAPON")
    (tmp_path / "meta.json").write_text(json.dumps(meta), "utf-8")
    with pytest.raises(ModelError, match="not the official en_core_web_sm 3.8.0"):
        check_model(tmp_path)
    shutil.rmtree(tmp_path)
    with pytest.raises(ModelError, match="cannot be read"):
        check_model(tmp_path)


def test_help_does_not_load_the_language_model():
    code = "import sys, runpy; sys.argv=['newsbrief','--help']\ntry:\n runpy.run_module('bot', run_name='__main__')\nexcept SystemExit: pass\nprint('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60, check=True)
    assert out.stdout.strip().endswith("False")
