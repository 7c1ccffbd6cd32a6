"""The page reader: an HTML article page into its main text and metadata (trafilatura, one set of options).

A page read from a file and the same page fetched over HTTP give the same text: the headline
trafilatura repeats as the first line is dropped, and each line it returns is a paragraph.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from summarizer.errors import InputError
from summarizer.models import Article
from summarizer.readers.articles import MIN_WORDS, make_article, word_count

# One set of extraction options for every page; comments and tables are not article prose.
EXTRACT_OPTIONS: dict[str, Any] = {
    "output_format": "json",
    "with_metadata": True,
    "include_comments": False,
    "include_tables": False,
    "favor_precision": True,
}
CUT_OFF_NOTE = "the HTML is cut off (no closing </html>); read the text that was there"


@dataclass(frozen=True)
class Page:
    """What trafilatura found on a page: its text (paragraphs apart by blank lines) and metadata."""

    text: str
    title: str | None
    url: str | None  # the page's own canonical URL
    published: str | None
    site: str | None  # the site's name, or its host name
    cut_off: bool  # no closing </html> or </body>: the file or body ended early


def read_page(markup: bytes | str, url: str | None = None) -> Page:
    """The main text and metadata of an article page (``url``: where it came from, when known)."""
    import trafilatura

    head = markup[-2048:]
    tail = (head.decode("utf-8", "replace") if isinstance(head, bytes) else head).lower()
    cut_off = "</html>" not in tail and "</body>" not in tail
    extracted = trafilatura.extract(markup, url=url, **EXTRACT_OPTIONS)
    data: dict[str, Any] = json.loads(extracted) if extracted else {}
    text = str(data.get("text") or data.get("raw_text") or "")
    title = str(data["title"]) if data.get("title") else None
    if title and text.startswith(title):
        text = text[len(title) :]  # trafilatura repeats the headline as the first line
    site = data.get("source-hostname") or data.get("sitename") or data.get("hostname")
    return Page(
        text=text.strip().replace("\n", "\n\n"),
        title=title,
        url=data.get("source") or data.get("url") or None,
        published=data.get("date") or None,
        site=str(site) if site else None,
        cut_off=cut_off,
    )


def page_article(
    page: Page,
    *,
    where: str,
    outlet: str | None = None,
    title: str | None = None,
    url: str | None = None,
    published: str | None = None,
    bias: str | None = None,
) -> Article:
    """The page as an article; what the caller knows (a config, ``sources.toml``) comes before the page's own metadata.

    Raises InputError when the page holds no article text (or is cut off with too little).
    """
    if page.cut_off and word_count(page.text) < MIN_WORDS:
        raise InputError(where, "the HTML is cut off (no closing </html>) and holds too little article text")
    if not page.text.strip():
        raise InputError(where, "no article text found in the HTML (not an article page?)")
    return make_article(
        outlet=outlet or page.site,
        text=page.text,
        source=where,
        title=title or page.title,
        url=url or page.url,
        published=published or page.published,
        bias=bias,
    )
