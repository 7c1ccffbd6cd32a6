"""Sentence roles after the parse: running text the tagger misreads stays body, real fragments do not."""

from __future__ import annotations

from summarizer.models import Article
from summarizer.pipeline import article_sentences

LEAD = "The harbour council of Dunre approved a new ferry timetable on Tuesday after a long debate."


def body_of(*paragraphs: str) -> list[str]:
    article = Article(id="r-1", outlet="Harbour Gazette", title="Ferries", text="\n\n".join([LEAD, *paragraphs]))
    return [s.text for s in article_sentences(article)[1:]]


def test_a_capitalised_opener_whose_past_tense_the_tagger_reads_as_a_participle_is_running_text():
    text = (
        "LONG-RANGE shadows lengthened over the old town with the return of the veteran mayor to the council this week."
    )
    assert body_of(text) == [text]


def test_a_sentence_opening_with_a_contracted_verb_is_running_text():
    text = "That’s nearly three times the council’s own target of 4% and well above the figure of the previous year."
    assert body_of(text) == [text]


def test_verbless_lines_and_short_participle_captions_stay_out_of_the_body():
    assert (
        body_of(
            "Six goals.", "LONG shadows lengthened over the old town.", "Dozens of boats sunk by the storm in the bay."
        )
        == []
    )
