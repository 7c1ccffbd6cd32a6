"""The story title a reader sees: a real headline before any title guessed from a URL."""

from __future__ import annotations

from summarizer.models import Article
from summarizer.pipeline import build_story
from summarizer.readers import make_article

BODY_A = (
    "The NLB port authority in Dorrow reported on Tuesday that cargo volumes fell 4 percent in the spring. "
    "Harbour director Ilse Varga said fewer ships called at Dorrow because fuel costs rose. "
    "Dock workers in Dorrow expect the NLB figures to recover by the autumn, the port authority said. "
    "The NLB publishes its cargo count every quarter."
)
BODY_B = (
    "Cargo volumes at the port of Dorrow fell 4 percent in the spring, the NLB port authority said on Tuesday. "
    "Harbour director Ilse Varga blamed rising fuel costs for fewer ship calls at Dorrow. "
    "Shipping firms said they would return to Dorrow when fuel prices settle. "
    "The NLB figures cover the months from March to May."
)


def _article(outlet: str, body: str, title: str, url: str) -> Article:
    return make_article(text=body, source=f"{outlet}.txt", outlet=outlet, title=title, url=url)


def test_a_real_headline_beats_a_url_slug():
    slugged = _article("Harbour Times", BODY_A, "", "https://example.org/news/nlb-cargo-slump-shows-dorrow-decline")
    titled = _article(
        "Coast Daily", BODY_B, "Cargo volumes at the port of Dorrow fall 4 percent", "https://example.net/a/1"
    )
    story = build_story([slugged, titled])
    assert story.title == "Cargo volumes at the port of Dorrow fall 4 percent"


def test_a_slug_title_keeps_the_articles_own_capitals():
    one = _article("Harbour Times", BODY_A, "", "https://example.org/news/nlb-cargo-volumes-fall-at-dorrow")
    two = _article("Coast Daily", BODY_B, "", "https://example.net/news/dorrow-port-cargo-volumes-fall")
    title = build_story([one, two]).title
    assert "Gdp" not in title and "Nlb" not in title
    assert "nlb" not in title.split() and "dorrow" not in title.split()


def test_a_headline_gives_no_label_and_no_name():
    one = _article(
        "Harbour Times", BODY_A, "Director Ilse Varga Blames Fuel For Dorrow Cargo Slump", "https://example.org/a/2"
    )
    two = _article(
        "Coast Daily", BODY_B, "Cargo volumes at the port of Dorrow fall 4 percent", "https://example.net/a/1"
    )
    story = build_story([one, two])
    shown = [(label.actor, label.label) for note in story.framing.outlets for label in note.labels]
    assert all("Blames" not in actor and "Blames" not in label for actor, label in shown)
    assert all("Director Ilse Varga Blames" not in label.quote for n in story.framing.outlets for label in n.labels)
