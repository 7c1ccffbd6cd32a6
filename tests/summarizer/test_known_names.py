"""Later sentences are parsed without the entity recogniser only when they name nobody new, and then carry
the names the lead gave."""

from __future__ import annotations

from summarizer.analysis.analyse import analyse_articles
from summarizer.models import Article

TEXT = """The port authority of Kesselby chose Mara Lindqvist as its new director on Tuesday, ending a \
search that lasted eight months.

Lindqvist ran the freight terminal for a decade before the vote.

Board members praised her plans for the northern quay.

She told the board on Tuesday that the harbour would stay open through the winter.

Critics on the council said the search had been slow.

Lindqvist will start in the new job next week.

The previous director left for a post in Geneva in the spring.
"""


def _later(text: str) -> dict[str, tuple[tuple[str, str], ...]]:
    analysis = analyse_articles([Article(id="k", outlet="Harbour Post", title="", text=text)])["k"]
    return {s.text: tuple((e.text, e.label) for e in s.entities) for s in analysis.sentences[5:] if s.parsed}


def test_a_surname_the_lead_named_is_the_same_person_later() -> None:
    later = _later(TEXT)
    assert later["Lindqvist will start in the new job next week."] == (("Lindqvist", "PERSON"),)


def test_a_sentence_naming_someone_new_is_read_by_the_recogniser() -> None:
    later = _later(TEXT)
    found = dict(later["The previous director left for a post in Geneva in the spring."])
    assert found.get("Geneva") == "GPE"
