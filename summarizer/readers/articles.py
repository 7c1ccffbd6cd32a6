"""Every article is built here: cleaned, its link sanitised, refused when too little text is left."""

from __future__ import annotations

import hashlib
import re
from dataclasses import replace
from pathlib import Path

from summarizer.cleaning import clean_article
from summarizer.errors import InputError
from summarizer.links import safe_url
from summarizer.models import Article

MIN_WORDS = 20
_WORD = re.compile(r"[^\W\d_]{2,}")


def article_id(outlet: str, url: str | None, text: str) -> str:
    """A stable id from the outlet and the url (or the text when there is no url)."""
    key = f"{outlet}\n{url or text[:2000]}"
    return "a-" + hashlib.blake2b(key.encode("utf-8"), digest_size=6).hexdigest()


def word_count(text: str) -> int:
    """Words of two or more letters: what counts towards an article's minimum length."""
    return len(_WORD.findall(text))


def make_article(
    *,
    outlet: str | None,
    text: str,
    source: str,
    title: str | None = None,
    url: str | None = None,
    published: str | None = None,
    bias: str | None = None,
) -> Article:
    """Build a cleaned article, or raise InputError when too little text is left.

    ``url`` is kept only when it is an absolute http(s) URL (see :func:`summarizer.links.safe_url`):
    every article the bot stores or shows is built here, so a feed link such as ``!here`` or
    ``javascript:…`` never reaches a chat message.
    """
    url = safe_url(url)
    known = bool(outlet and outlet.strip())
    name = outlet.strip() if outlet and known else Path(source).stem
    raw = Article(
        id=article_id(name, url, text),
        outlet=name,
        title=(title or "").strip(),
        text=text,
        url=url or None,
        published=str(published) if published else None,
        bias=bias or None,
        outlet_known=known,
        source=source,
    )
    article = clean_article(raw)
    if not article.title and url:
        guessed = title_from_url(url)
        article = replace(article, title=guessed, title_guessed=bool(guessed))
    words = word_count(article.text)
    if words < MIN_WORDS:
        raise InputError(source, f"too little article text ({words} words after cleaning; at least {MIN_WORDS} needed)")
    return article


def title_from_url(url: str) -> str:
    """A stand-in title from a URL's last path segment ("kast-wins-runoff" → "Kast wins runoff").

    Only the first letter is raised; no letter is lowered (a slug cannot tell an acronym from a word).
    """
    slug = url.rstrip("/").rsplit("/", 1)[-1]
    slug = re.sub(r"\.[a-z]{2,5}$", "", slug)
    words = [w for w in re.split(r"[-_]+", slug) if w and not w.isdigit()]
    if len(words) < 3:
        return ""
    text = " ".join(words)
    return text[0].upper() + text[1:]
