"""Questions asked of prepared stories: which story a topic means, and who won."""

from __future__ import annotations

import difflib
import functools

from summarizer.errors import NoElectionResultError, NoStoriesError, TopicNotFoundError
from summarizer.models import ElectionResult, Story
from summarizer.similarity import content_stems


@functools.lru_cache(maxsize=50_000)
def _terms_of(text: str, keywords: tuple[str, ...]) -> frozenset[str]:
    # a pure function of its arguments: the cache saves stemming the same story again, it holds no state
    return content_stems(text) | frozenset(k.lower() for k in keywords)


def _story_terms(story: Story) -> frozenset[str]:
    """Stems a topic can match: the title, outlets, keywords and article titles."""
    text = " ".join([story.title, *story.outlets, *story.keywords, *(a.title for a in story.articles)])
    return _terms_of(text, tuple(story.keywords))


def prepare_for_questions(stories: list[Story]) -> None:
    """Work out now what a question about these stories reads (their topic terms), so that the first
    command after an ingest or a start answers as fast as the next: call it where stories are loaded."""
    for story in stories:
        _story_terms(story)


def match_stories(stories: list[Story], topic: str | None) -> list[Story]:
    """Stories matching ``topic`` best first (all stories when there is no topic).

    Raises NoStoriesError when nothing is loaded and TopicNotFoundError with close titles.
    """
    if not stories:
        raise NoStoriesError()
    if not topic or not topic.strip():
        return list(stories)
    wanted = content_stems(topic)
    lowered = topic.lower().strip()
    scored: list[tuple[float, int, Story]] = []
    for i, story in enumerate(stories):
        if lowered in story.title.lower() or story.id == lowered:
            scored.append((2.0, i, story))
            continue
        if not wanted:
            continue
        share = len(wanted & _story_terms(story)) / len(wanted)
        if share >= 0.5:
            scored.append((share, i, story))
    if not scored:
        raise TopicNotFoundError(topic, suggest_titles(stories, topic))
    scored.sort(key=lambda item: (-item[0], item[1]))
    return [story for _, _, story in scored]


def suggest_titles(stories: list[Story], topic: str, limit: int = 3) -> list[str]:
    """Titles closest to ``topic``: shared words first, then spelling."""
    wanted = content_stems(topic)
    by_overlap = sorted(stories, key=lambda s: -len(wanted & _story_terms(s)))
    overlapping = [s.title for s in by_overlap if wanted & _story_terms(s)][:limit]
    if overlapping:
        return overlapping
    titles = [s.title for s in stories]
    close = difflib.get_close_matches(topic, titles, n=limit, cutoff=0.2)
    return close or titles[:limit]


def find_story(stories: list[Story], topic: str | None) -> Story:
    """The story a topic means (the top story when no topic is given)."""
    return match_stories(stories, topic)[0]


def who_won(stories: list[Story], topic: str | None) -> list[tuple[Story, ElectionResult]]:
    """Election results in the stories matching ``topic``; never a guess.

    Raises NoElectionResultError when none of those stories reports a result.
    """
    results = [(s, s.election) for s in match_stories(stories, topic) if s.election is not None]
    if not results:
        raise NoElectionResultError(topic)
    return results
