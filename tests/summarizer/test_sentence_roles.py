"""Sentence roles after the parse: running text the tagger misreads stays body, real fragments do not."""

from __future__ import annotations

from summarizer.brief import BriefSettings
from summarizer.models import Article
from summarizer.pipeline import article_sentences, build_stories

LEAD = "The harbour council of Dunre approved a new ferry timetable on Tuesday after a long debate."


def body_of(*paragraphs: str) -> list[str]:
    article = Article(id="r-1", outlet="Harbour Gazette", title="Ferries", text="\n\n".join([LEAD, *paragraphs]))
    return [s.text for s in article_sentences(article)[1:]]


def test_a_capitalised_opener_whose_past_tense_the_tagger_reads_as_a_participle_is_running_text():
    text = "BRIGHT lanterns glowed along the harbour wall for the opening of the winter market on the island this week."
    assert body_of(text) == [text]


def test_a_sentence_opening_with_a_contracted_verb_is_running_text():
    text = "That’s more money than the ferry company earned in its first decade on the island route."
    assert body_of(text) == [text]


def test_verbless_lines_and_short_participle_captions_stay_out_of_the_body():
    assert (
        body_of(
            "Four new ferries.",
            "BRIGHT lanterns glowed along the wall.",
            "Dozens of boats sunk by the storm in the bay.",
        )
        == []
    )


def test_the_line_before_a_photo_credit_is_its_caption():
    caption = "Ferry passengers wave from the upper deck as the first evening crossing leaves Dunre harbour."
    assert body_of(caption, "(Jon Ekberg / Harbour Pictures)", "The crossings cost 1.2 million crowns a year.") == [
        "The crossings cost 1.2 million crowns a year."
    ]


def test_a_section_breadcrumb_glued_to_the_headline_is_navigation():
    assert body_of("Islands / Dunre Gets Its Evening Ferries Back After Two Years of Waiting.") == []


def test_a_blurb_the_page_repeats_between_paragraphs_is_never_body():
    blurb = "Get the latest island news delivered to you every morning with the Harbour Gazette."
    facts = ["The first crossing left at seven in the evening.", "The last ferry came back just before midnight."]
    assert body_of(blurb, facts[0], blurb, facts[1]) == facts


def test_a_last_line_cut_off_mid_sentence_is_running_text_but_never_a_brief_sentence():
    cut = "The harbour master said the timetable would be reviewed after the first"
    link = "Dunre ferry fares rise for summer season"
    assert body_of("The evening crossing returns in May.", cut) == ["The evening crossing returns in May.", cut]
    assert body_of("The evening crossing returns in May.", link) == ["The evening crossing returns in May."]
    other = Article(id="r-2", outlet="Island Post", title="Ferries back", text=LEAD + "\n\n" + cut)
    mine = Article(id="r-1", outlet="Harbour Gazette", title="Ferries", text=LEAD + "\n\n" + cut)
    [story] = build_stories([mine, other], BriefSettings(sentences=8, words=400))
    assert story.brief.sentences and all(cut not in s.text for s in story.brief.sentences)
