"""prune / is_loaded on the parse: the outlet's loaded words go, the facts and quoted speech stay."""

from __future__ import annotations

import pytest

from summarizer.analysis.analyse import analyse_articles
from summarizer.analysis.records import SentenceAnalysis
from summarizer.models import Article, Sentence
from summarizer.neutrality import is_loaded, prune


def sentence(text: str) -> Sentence:
    analysis = analyse_articles([Article(id="n", outlet="Test", title="", text=text)])["n"]
    [only] = analysis.body
    return Sentence(text=only.text, outlet="Test", article_id="n", index=only.index, analysis=only)


@pytest.mark.parametrize(
    ("text", "neutral"),
    [
        (
            "The pathetic Holloway government forced through its harbour levy on Monday night.",
            "The Holloway government forced through its harbour levy on Monday night.",
        ),
        (
            "The disgusting career bureaucrat Jane Holloway opened the new harbour on Tuesday.",
            "Jane Holloway opened the new harbour on Tuesday.",
        ),
        (
            "Jane Holloway, who is a disgusting liar, opened the new harbour on Tuesday.",
            "Jane Holloway opened the new harbour on Tuesday.",
        ),
        (
            "The utterly hopeless council approved the new harbour levy on Monday night.",
            "The council approved the new harbour levy on Monday night.",
        ),
        (
            "Voters in the harbour town elected a lunatic Marxist as their mayor on Sunday.",
            "Voters in the harbour town elected a Marxist as their mayor on Sunday.",
        ),
    ],
)
def test_loaded_modifiers_labels_and_asides_are_cut(text: str, neutral: str):
    assert is_loaded(sentence(text))
    assert prune(sentence(text)) == neutral


def test_a_loaded_predicate_carries_the_clause_and_the_sentence_goes():
    assert prune(sentence("Harbour workers were livid about the levy passed on Monday night.")) is None
    # What someone is called or said to be: without its modifier the claim would turn over.
    assert prune(sentence("Critics branded Jane Holloway a fake Liberal during the campaign on Monday.")) is None
    assert prune(sentence("Critics cast Jane Holloway as a fake reformer throughout the long campaign.")) is None
    assert prune(sentence("Rivals branded Holloway a fake Texan and a fake Catholic and mocked her accent.")) is None


def test_quoted_speech_and_plain_facts_stay_as_written():
    quoted = "“The levy is a disgusting swindle,” the opposition leader told reporters on Monday."
    assert not is_loaded(sentence(quoted))
    assert prune(sentence(quoted)) == quoted
    plain = "The tremor struck barely a minute after the evening shift began in the port."
    assert prune(sentence(plain)) == plain


def test_an_unparsed_sentence_is_unverified_and_plain_text_uses_the_hand_list():
    text = "The council approved the new harbour levy on Monday night."
    unparsed = Sentence(text, "Test", "n", 20, analysis=SentenceAnalysis(text, 20))
    assert prune(unparsed) is None
    assert prune(text) == text
    assert prune("Kast, right-wing extremist and follower of X, won the runoff, garnering 58%.") == (
        "Kast won the runoff, garnering 58%."
    )
