"""The core's error tree: every expected failure carries a message a user may read.

NewsbriefError
├── InputError            an input file or record could not be read
├── NoStoriesError        nothing is loaded yet
├── TopicNotFoundError    no story matches the topic (carries close titles)
└── NoElectionResultError the stories hold no election result
"""

from __future__ import annotations


class NewsbriefError(Exception):
    """Base of all expected errors; ``user_message`` is safe to show in chat."""

    def __init__(self, user_message: str) -> None:
        super().__init__(user_message)
        self.user_message = user_message


class InputError(NewsbriefError):
    """One input (file, record, feed) could not be read."""

    def __init__(self, source: str, problem: str) -> None:
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem


class NoStoriesError(NewsbriefError):
    """There are no stories to answer from."""

    def __init__(self) -> None:
        super().__init__("No stories are loaded yet. Add articles or wait for the next ingest.")


class TopicNotFoundError(NewsbriefError):
    """No story matches the topic; ``suggestions`` holds close story titles."""

    def __init__(self, topic: str, suggestions: list[str]) -> None:
        hint = ""
        if suggestions:
            hint = " Closest stories: " + "; ".join(f"“{t}”" for t in suggestions) + "."
        super().__init__(f"No story matches “{topic}”.{hint}")
        self.topic = topic
        self.suggestions = suggestions


class NoElectionResultError(NewsbriefError):
    """The searched stories report no election result."""

    def __init__(self, topic: str | None = None) -> None:
        where = f" in stories about “{topic}”" if topic else " in the loaded stories"
        super().__init__(f"No election result found{where}.")
        self.topic = topic
