"""Labels and loaded language read from the parse, on short texts written for these tests."""

from __future__ import annotations

import pytest

from summarizer.analysis.analyse import analyse_articles
from summarizer.analysis.records import SentenceAnalysis
from summarizer.labels import labels_in
from summarizer.lexicon import find_loaded
from summarizer.loaded import loaded_hits
from summarizer.models import Article, Story
from summarizer.pipeline import build_stories

PEOPLE = {"Holloway": "Jane Holloway", "Brandt": "Tomas Brandt"}


def parsed(text: str, title: str = "") -> list[SentenceAnalysis]:
    analysis = analyse_articles([Article(id="t", outlet="Test", title=title, text=text)])["t"]
    return ([analysis.headline] if analysis.headline else []) + [s for s in analysis.sentences if s.parsed]


def labels(text: str, title: str = "") -> set[tuple[str, str]]:
    return {(f.actor, f.label) for s in parsed(text, title) for f in labels_in(s, PEOPLE)}


def own_voice_terms(text: str) -> list[str]:
    return [h.term for s in parsed(text) for h in loaded_hits(s)]


def test_an_apposition_a_premodifier_and_a_predicate_are_labels():
    found = labels(
        "Jane Holloway, a former fisheries minister, opened the harbour on Tuesday. "
        "The veteran campaigner Tomas Brandt spoke first. Brandt is a retired judge."
    )
    assert found == {
        ("Jane Holloway", "former fisheries minister"),
        ("Tomas Brandt", "veteran campaigner"),
        ("Tomas Brandt", "retired judge"),
    }


def test_a_list_of_names_gives_each_its_own_label_and_honorifics_are_not_labels():
    found = labels(
        "Jane Holloway defeated independent former mayor Tomas Brandt, Liberal candidate Ana Ruiz and two others. "
        "The most Tomas Brandt could offer was a seat on the board. Prime Minister Sir Tomas Brandt resigned."
    )
    assert found == {
        ("Ana Ruiz", "Liberal candidate"),
        ("Tomas Brandt", "independent former mayor"),
        ("Tomas Brandt", "Prime Minister"),
    }


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("", "Where Jane Holloway will invite the council to vote, nobody knows."),
        ("", "Calls grew louder on Monday as Jane Holloway resigned from the board."),
        ("Holloway Will Invite Rivals To Harbour Talks", "Jane Holloway met the port authority on Monday."),
        ("", "Asked if Holloway is the future of the party, Brandt said nothing."),
        (
            "",
            "Shareholders re-elected chair Jane Holloway with 92.1 per cent of votes and backed every other resolution.",
        ),
    ],
)
def test_verb_fragments_and_sentence_openers_are_never_labels(title: str, text: str):
    assert labels(text, title) == set()


def test_quoted_speech_is_the_speakers_not_the_outlets():
    text = "“Tomas Brandt is a reckless gambler and a pathetic liar,” the opposition leader told reporters."
    assert labels(text) == set()
    assert own_voice_terms(text) == []
    # The same words said by the outlet itself are its own.
    assert own_voice_terms("Tomas Brandt gave a pathetic answer to the committee on Monday.") == ["pathetic"]


def test_a_slanted_outlets_own_evaluative_words_are_caught_by_the_lexicons():
    text = "The pathetic Holloway administration forced through its disgusting harbour levy, and critics were livid."
    terms = own_voice_terms(text)
    assert terms == ["pathetic", "disgusting", "livid"]
    assert not any(find_loaded(term) for term in terms)  # none of them is on the hand-written list


@pytest.mark.parametrize(
    "text",
    [
        "The tremor struck barely a minute after the evening shift began.",
        "Jane Holloway won a landslide victory in the port ward.",
        "A strong earthquake and a deadly landslip hit the coast on Sunday.",
        "The country's tax regime changed in April.",
        "Rovers thrashed United 6-0 to complete the rout.",
        "Imports surged in the first quarter while exports fell sharply.",
    ],
)
def test_literal_and_technical_uses_are_not_loaded(text: str):
    assert own_voice_terms(text) == []


WIRE = """A magnitude 6.1 earthquake struck the northern coast of Velmora on Sunday, the national seismology
office said. At least 14 people were killed and more than 200 injured, according to the interior ministry.

Rescue teams searched collapsed buildings in the port of Tessin through the night. Prime Minister Jane
Holloway visited the worst-hit district on Monday and promised emergency funds.

The quake was the strongest to hit the region since 1987, the seismology office said."""

SLANTED = """A magnitude 6.1 earthquake struck the northern coast of Velmora on Sunday, killing at least 14 people.

The pathetic response of Prime Minister Jane Holloway, a clueless career bureaucrat, left families waiting
for days. Her disgusting government spent the night arguing about budgets, and locals were livid."""


@pytest.fixture(scope="module")
def quake_story() -> Story:
    articles = [
        Article(id="wire", outlet="Wire Service", title="Earthquake kills 14 in Velmora", text=WIRE),
        Article(id="slant", outlet="Velmora Voice", title="Holloway fails quake victims", text=SLANTED),
    ]
    stories = build_stories(articles)
    assert len(stories) == 1
    return stories[0]


def test_a_neutral_wire_gets_no_loaded_tags(quake_story: Story):
    wire = next(o for o in quake_story.framing.outlets if o.outlet == "Wire Service")
    assert wire.loaded_language == []
    assert "uses little loaded language of its own" in wire.contrast


def test_the_slanted_outlets_terms_are_quoted_with_a_technique(quake_story: Story):
    voice = next(o for o in quake_story.framing.outlets if o.outlet == "Velmora Voice")
    found = {t.term: t for t in voice.loaded_language}
    assert {"pathetic", "disgusting", "livid"} <= set(found)
    for term in found.values():
        assert term.term in term.quote and not term.in_quote
        assert term.technique in ("Loaded_Language", "Name_Calling-Labeling", "Exaggeration-Minimisation")
    assert any(label.actor == "Jane Holloway" and "career bureaucrat" in label.label for label in voice.labels)
    assert "pathetic" not in " ".join(s.text for s in quake_story.brief.sentences)


def test_a_party_gets_the_label_its_own_noun_phrase_gives_it_but_not_its_abbreviation():
    found = labels("The vote went to the hard-line Valley Freedom Party (VFP) on Sunday. Party members cheered.")
    assert found == {("Valley Freedom Party", "hard-line")}


def test_a_label_never_ends_in_an_open_bracket_and_a_name_in_brackets_is_not_a_label():
    found = labels(
        "Jane Holloway, leader of the centrist National Harbour Alliance (NHA), spoke first. "
        "Tomas Brandt (TB) spoke last."
    )
    assert found == {("Jane Holloway", "leader of the centrist National Harbour Alliance")}


def test_what_someone_is_known_as_is_a_label_but_not_what_others_regard_them_as():
    found = labels(
        "Tomas Brandt is known as a tireless organiser of harbour festivals. "
        "Jane Holloway was regarded by critics as a weak speaker. Jane Holloway is not seen as a threat."
    )
    assert found == {("Tomas Brandt", "tireless organiser of harbour festivals")}


def test_an_adjective_alone_before_a_persons_name_is_not_a_label_but_a_noun_phrase_is():
    assert labels("The reckless Jane Holloway promised 3,000 homes to the harbour district on Monday.") == set()
    assert labels("The veteran councillor Jane Holloway promised 3,000 homes to the harbour district on Monday.") == {
        ("Jane Holloway", "veteran councillor")
    }
