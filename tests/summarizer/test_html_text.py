"""HTML to text through lxml: what a browser would show of a feed item, whatever the markup does."""

from __future__ import annotations

from pathlib import Path

import pytest

from summarizer.readers import load_articles
from summarizer.readers.html_text import html_to_text


@pytest.mark.parametrize(
    ("markup", "text"),
    [
        ("<p>Ferry <b>back</b> on <i>Monday</i></p><p>Second</p>", "Ferry back on Monday\n\nSecond"),
        ("Wa<b>r</b>saw and <a href='x'>Kra<em>ków</em></a>", "Warsaw and Kraków"),  # inline tags add no space
        ("<div><div><p>deep <span><b>in</b></span></p></div>tail</div>", "deep in\n\ntail"),
        ("one<br>two<br/>three", "one\n\ntwo\n\nthree"),
        ("<ul><li>first<li>second</ul>after", "first\n\nsecond\n\nafter"),  # unclosed <li>
        ("<p>unclosed <b>bold <p>next", "unclosed bold\n\nnext"),
    ],
)
def test_tags_become_words_and_paragraphs(markup: str, text: str) -> None:
    assert html_to_text(markup) == text


@pytest.mark.parametrize(
    ("markup", "text"),
    [
        ("<p>A</p><script>document.write('<p>B</p>')</script><p>C</p>", "A\n\nC"),
        ("<style>p { color: red } </style>Shown", "Shown"),
        ("<noscript><p>Enable JS</p></noscript><template><p>T</p></template>kept", "kept"),
        ("<script>if (a < b && c > d) {}</script>after", "after"),  # '<' inside a script ends nothing
        ("before<!-- <p>hidden</p> -->after", "beforeafter"),
        ("x<!-- a -- b -->y", "xy"),
        ("<?php echo 'hi'; ?>text", "text"),
    ],
)
def test_what_a_browser_hides_is_left_out(markup: str, text: str) -> None:
    assert html_to_text(markup) == text


@pytest.mark.parametrize(
    ("markup", "text"),
    [
        ("Caf&eacute; &amp; bar &#8212; &#x2019;s &nbsp;open", "Café & bar — ’s open"),
        ("&lt;script&gt;alert(1)&lt;/script&gt;", "<script>alert(1)</script>"),  # written text, shown as written
        ("&amp;lt;b&amp;gt; once", "&lt;b&gt; once"),  # entities are decoded once, not twice
        ("AT&T and R&D; 5 < 6 > 4", "AT&T and R&D; 5 < 6 > 4"),  # bare ampersands and angle brackets
        ("&bogus; &#xZZ; &#99999999;", "&bogus; &#xZZ; \ufffd"),
    ],
)
def test_entities_are_decoded_once(markup: str, text: str) -> None:
    assert html_to_text(markup) == text


def test_cdata_keeps_its_text() -> None:
    assert html_to_text("<p>Vote <![CDATA[a < b & c]]> counted</p>") == "Vote a < b & c counted"


def test_hostile_fragments_neither_fail_nor_hang() -> None:
    assert html_to_text("") == html_to_text("   ") == ""
    assert html_to_text("a\x00b") == "a\ufffdb"
    assert html_to_text("<?xml version='1.0' encoding='utf-8'?><p>declared</p>") == "declared"
    assert html_to_text("<p>" * 1500 + "nested" + "</p>" * 1500) == "nested"
    # Past libxml2's depth limit the rest of the fragment is not read; what came before still is.
    assert html_to_text("<p>before</p>" + "<div>" * 5000 + "deep" + "</div>" * 5000) == "before"
    assert html_to_text("<b>" * 200 + "x" + "</i>" * 200 + "</b></b>") == "x"


def test_a_feed_item_full_of_nasty_markup_reads_as_its_words(tmp_path: Path) -> None:
    body = (
        "<p>The <b>Saltby</b> ferry &amp; its crew return on Monday after a <i>six-week</i> refit at the "
        "yard.<!-- editor: check date --></p><script>track('<p>x</p>')</script>"
        "<style>.ad{}</style><div><div><p>Tickets cost &euro;4 &#8211; children travel free, the "
        "operator said in a statement on its website this morning.</p></div></div>"
        "<p>Fares &lt;b&gt;rise&lt;/b&gt; in May for adults &amp; cars.</p>"
    )
    feed = (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Saltby Post</title>'
        "<item><title>Ferry returns</title><link>https://saltby.example/ferry</link>"
        f"<content:encoded xmlns:content='http://purl.org/rss/1.0/modules/content/'><![CDATA[{body}]]>"
        "</content:encoded></item></channel></rss>"
    )
    (tmp_path / "post.rss").write_text(feed, "utf-8")
    [article] = load_articles([tmp_path]).articles
    assert article.paragraphs == [
        "The Saltby ferry & its crew return on Monday after a six-week refit at the yard.",
        "Tickets cost €4 – children travel free, the operator said in a statement on its website this morning.",
        "Fares <b>rise</b> in May for adults & cars.",
    ]
