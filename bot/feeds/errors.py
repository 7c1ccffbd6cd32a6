"""The one error fetching raises: its ``user_message`` says in a few words why a URL could not be read."""

from __future__ import annotations

from summarizer.errors import NewsbriefError


class FetchError(NewsbriefError):
    """A URL could not be fetched; ``user_message`` says why in a few words."""
