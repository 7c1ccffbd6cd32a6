"""Offline sentence and word splitting, as sumy's tokenizer."""

from __future__ import annotations

import pytest

from summarizer.sentences import OfflineTokenizer, split_sentences, split_words


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kast won the Dec. 14 runoff. He faces Congress next.",
            ["Kast won the Dec. 14 runoff.", "He faces Congress next."],
        ),
        (
            "The U.S. seeks closer ties. Rubio said so on Monday.",
            ["The U.S. seeks closer ties.", "Rubio said so on Monday."],
        ),
        (
            "Kast took 58.30% of the vote. Jara took 41.70%.",
            ["Kast took 58.30% of the vote.", "Jara took 41.70%."],
        ),
        (
            "“This is not a personal achievement. Chile won here,” he said. Jara conceded.",
            ["“This is not a personal achievement. Chile won here,” he said.", "Jara conceded."],
        ),
        (
            'She said: "We start now. We will not wait." The council agreed.',
            ['She said: "We start now. We will not wait."', "The council agreed."],
        ),
        ("Dr. Reyno left at 5 p.m. on Friday. It rained.", ["Dr. Reyno left at 5 p.m. on Friday.", "It rained."]),
    ],
)
def test_split_sentences(text: str, expected: list[str]):
    assert split_sentences(text) == expected


def test_paragraphs_split_separately_and_keep_order():
    assert split_sentences("First one here.\n\nSecond one here. Third.") == [
        "First one here.",
        "Second one here.",
        "Third.",
    ]


def test_split_words_keeps_abbreviations_decimals_and_contractions():
    assert split_words("The U.S. gave 58.30% to Kast’s well-known ally, e.g. in 2021.") == [
        "The",
        "U.S.",
        "gave",
        "58.30%",
        "to",
        "Kast’s",
        "well-known",
        "ally",
        "e.g.",
        "in",
        "2021",
    ]


def test_tokenizer_has_the_interface_sumy_expects():
    tokenizer = OfflineTokenizer()
    assert tokenizer.language == "english"
    assert tokenizer.to_sentences("One sentence here. Another one.") == ("One sentence here.", "Another one.")
    assert tokenizer.to_words("Another one.") == ("Another", "one")
