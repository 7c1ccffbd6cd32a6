"""Questions asked of prepared stories: which story a topic means, and who won."""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeAlias

from summarizer.errors import NoElectionResultError, NoStoriesError, TopicNotFoundError
from summarizer.models import ElectionResult, Story
from summarizer.similarity import content_stems


def story_terms(story: Story) -> frozenset[str]:
    """Stems a topic can match: the title, outlets, keywords and article titles."""
    text = " ".join([story.title, *story.outlets, *story.keywords, *(a.title for a in story.articles)])
    return content_stems(text) | frozenset(k.lower() for k in story.keywords)


@dataclass(frozen=True)
class StoryIndex:
    """Stories with what a question reads of each worked out once: build it where stories are loaded,
    so that a command reads no story's text again (heavy work at load, never at question time)."""

    stories: tuple[Story, ...]
    titles: tuple[str, ...]  # lower case
    terms: tuple[frozenset[str], ...]

    @classmethod
    def of(cls, stories: Sequence[Story]) -> StoryIndex:
        return cls(
            stories=tuple(stories),
            titles=tuple(s.title.lower() for s in stories),
            terms=tuple(story_terms(s) for s in stories),
        )

    def match(self, topic: str | None) -> list[Story]:
        """Stories matching ``topic`` best first (all stories when there is no topic).

        Raises NoStoriesError when nothing is loaded and TopicNotFoundError with close titles.
        """
        if not self.stories:
            raise NoStoriesError()
        if not topic or not topic.strip():
            return list(self.stories)
        wanted = content_stems(topic)
        lowered = topic.lower().strip()
        scored: list[tuple[float, int, Story]] = []
        for i, (story, title, terms) in enumerate(zip(self.stories, self.titles, self.terms, strict=True)):
            if lowered in title or story.id == lowered:
                scored.append((2.0, i, story))
                continue
            if not wanted:
                continue
            share = len(wanted & terms) / len(wanted)
            if share >= 0.5:
                scored.append((share, i, story))
        if not scored:
            raise TopicNotFoundError(topic, self.suggest_titles(topic))
        scored.sort(key=lambda item: (-item[0], item[1]))
        return [story for _, _, story in scored]

    def suggest_titles(self, topic: str, limit: int = 3) -> list[str]:
        """Titles closest to ``topic``: shared words first, then spelling."""
        wanted = content_stems(topic)
        shared = sorted(
            ((len(wanted & terms), i) for i, terms in enumerate(self.terms) if wanted & terms),
            key=lambda item: -item[0],
        )
        if shared:
            return [self.stories[i].title for _, i in shared[:limit]]
        titles = [s.title for s in self.stories]
        close = difflib.get_close_matches(topic, titles, n=limit, cutoff=0.2)
        return close or titles[:limit]


Stories: TypeAlias = Sequence[Story] | StoryIndex  # a question may be asked of a prepared index or of a plain list


def _index(stories: Stories) -> StoryIndex:
    return stories if isinstance(stories, StoryIndex) else StoryIndex.of(stories)


def match_stories(stories: Stories, topic: str | None) -> list[Story]:
    """Stories matching ``topic`` best first (all stories when there is no topic); see StoryIndex.match."""
    return _index(stories).match(topic)


def suggest_titles(stories: Stories, topic: str, limit: int = 3) -> list[str]:
    """Titles closest to ``topic``: shared words first, then spelling."""
    return _index(stories).suggest_titles(topic, limit)


def find_story(stories: Stories, topic: str | None) -> Story:
    """The story a topic means (the top story when no topic is given)."""
    return match_stories(stories, topic)[0]


def who_won(stories: Stories, topic: str | None) -> list[tuple[Story, ElectionResult]]:
    """Election results in the stories matching ``topic``; never a guess.

    Raises NoElectionResultError when none of those stories reports a result.
    """
    results = [(s, s.election) for s in match_stories(stories, topic) if s.election is not None]
    if not results:
        raise NoElectionResultError(topic)
    return results
