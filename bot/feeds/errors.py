"""The one error fetching raises: its ``user_message`` says in a few words why a URL could not be read."""

from __future__ import annotations

from summarizer.errors import NewsbriefError


class FetchError(NewsbriefError):
    """A URL could not be fetched; ``user_message`` says why in a few words.

    ``transient``: the server was down, slow or busy (5xx, 429, timeouts, network errors), so a later
    pass may well succeed; otherwise the answer was final (404, too large, refused).
    """

    def __init__(self, user_message: str, *, transient: bool = False) -> None:
        super().__init__(user_message)
        self.transient = transient
