"""Readers: one per source kind (file, feed, page), each producing ``Article``s by the same rules.

The command line reads files through :func:`load_articles`; ingest fetches over HTTP and hands the
bytes to the same feed and page readers. The summariser itself takes articles, never files.
"""

from summarizer.readers.articles import make_article
from summarizer.readers.files import SUPPORTED, load_articles

__all__ = ["SUPPORTED", "load_articles", "make_article"]
