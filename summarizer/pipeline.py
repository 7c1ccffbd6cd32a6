"""Articles in, stories out: split, group, rank, brief, frame and extract results, all at ingest."""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Mapping
from contextlib import ExitStack

from summarizer.analysis.analyse import analyse_articles
from summarizer.analysis.records import ArticleAnalysis
from summarizer.brief import BriefSettings, build_brief
from summarizer.election import count_figures, extract_election
from summarizer.figures import reconcile
from summarizer.framing import build_framing, main_actors
from summarizer.grouping import group_articles
from summarizer.models import Article, ArticleRef, Brief, ElectionResult, Sentence, Story
from summarizer.names import canonical_people
from summarizer.neutrality import is_loaded, prune
from summarizer.similarity import content_stems
from summarizer.workers import batch_work, share_work, worker_pool, worker_processes

MAX_TITLE = 100
# A batch of this many stories is built by several processes (summarizer.workers); a worker starts in about a second.
PARALLEL_STORIES = 60


def article_sentences(article: Article, analysis: ArticleAnalysis | None = None) -> list[Sentence]:
    """The article's body sentences in reading order (headline, teasers, captions, datelines left out)."""
    analysis = analysis or analyse_articles([article])[article.id]
    return [
        Sentence(text=s.text, outlet=article.outlet, article_id=article.id, index=s.index, analysis=s)
        for s in analysis.body
    ]


def _repeated_lines(articles: list[Article], analyses: Mapping[str, ArticleAnalysis]) -> set[tuple[str, str]]:
    """(article id, text) of the lines an article prints more than once: captions, pull quotes, teasers."""
    found: set[tuple[str, str]] = set()
    for article in articles:
        counts = Counter(s.text for s in analyses[article.id].sentences)
        found.update((article.id, text) for text, n in counts.items() if n > 1)
    return found


def _story_id(articles: list[Article]) -> str:
    return "s-" + hashlib.blake2b(articles[0].id.encode(), digest_size=5).hexdigest()


_RACE_ADJECTIVES = {
    "President": "presidential",
    "Mayor": "mayoral",
    "Governor": "gubernatorial",
    "Parliament": "parliamentary",
    "General election": "general",
}


def _recased(title: str, articles: list[Article]) -> str:
    """A slug title with each word written as the articles write it ("gdp" → "GDP", "trump" → "Trump")."""
    text = " ".join(a.text for a in articles)
    words = []
    for i, word in enumerate(title.split()):
        forms = Counter(re.findall(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text, flags=re.IGNORECASE))
        lower = forms.pop(word.lower(), 0)
        cased = forms.most_common(1)[0] if forms else None
        if cased and cased[1] > lower:
            word = cased[0]
        words.append(word[0].upper() + word[1:] if i == 0 else word)
    return " ".join(words)


def _central_title(articles: list[Article]) -> str | None:
    """The neutral article headline that shares most words with the other articles of the story.

    Titles made from URL slugs count only when no article has a real headline.
    """
    real = [a for a in articles if a.title.strip() and not a.title_guessed]
    best: tuple[float, str] | None = None
    for article in real or articles:
        title = article.title.strip() if real else _recased(article.title.strip(), articles)
        if len(title.split()) < 3 or is_loaded(title) or not article.outlet_known:
            continue
        words = content_stems(title)
        if len(words) < 3:
            continue
        others = [content_stems(a.text) for a in articles if a is not article] or [content_stems(article.text)]
        score = sum(len(words & o) / max(1, len(words)) for o in others) / len(others)
        if best is None or score > best[0]:
            best = (score, title)
    if best is None or best[0] < 0.5:
        return None
    return best[1] if len(best[1]) <= MAX_TITLE else best[1][: MAX_TITLE - 1].rsplit(" ", 1)[0] + "…"


def _title(brief: Brief, election: ElectionResult | None, sentences: list[Sentence], articles: list[Article]) -> str:
    if election:
        office = election.office or ""
        kind = "runoff" if any("runoff" in s.text.lower() for s in sentences) else "election"
        race = f"{_RACE_ADJECTIVES.get(office, office.lower())} {kind}".strip()
        place = f"{election.place}’s " if election.place else ""
        return f"{election.winner.name} wins {place}{race}"[:MAX_TITLE]
    central = _central_title(articles)
    if central:
        return central
    for candidate in [b.text for b in brief.sentences] + [s.text for s in sentences]:
        neutral = prune(candidate)
        if not neutral:
            continue
        clause = re.split(r",\s|;\s|\s[—–]\s", neutral.rstrip("."))[0]
        words = clause.split()
        if len(words) >= 4:
            return " ".join(words[:14]) + ("…" if len(words) > 14 else "")
    return "Untitled story"


def _keywords(sentences: list[Sentence], actors: list[str], limit: int = 12) -> list[str]:
    stems: Counter[str] = Counter()
    for s in sentences:
        stems.update(content_stems(s.text))
    # Ties by the stem itself: a set's order changes with each process's hash seed.
    return actors + sorted(stems, key=lambda w: (-stems[w], w))[:limit]


def build_story(
    articles: list[Article],
    settings: BriefSettings | None = None,
    analyses: Mapping[str, ArticleAnalysis] | None = None,
) -> Story:
    """Everything a chat command needs about one group of articles (analysed now unless ``analyses`` has them)."""
    settings = settings or BriefSettings()
    analyses = analyse_articles(articles, known=analyses)
    sentences = [s for a in articles for s in article_sentences(a, analyses[a.id])]
    # Headlines capitalise labels ("Reformer Helena Marsh wins"): names in sentences take precedence.
    people = {**canonical_people(a.title for a in articles), **canonical_people(s.text for s in sentences)}
    published = {a.id: a.published for a in articles}
    headlines = [
        Sentence(a.title, a.outlet, a.id, -1, analyses[a.id].headline) for a in articles if analyses[a.id].headline
    ]
    election, shares = extract_election(sentences, people, published, headlines)
    figures = shares + reconcile(count_figures(sentences, people))
    brief = build_brief(
        sentences,
        figures=figures,
        election=election,
        settings=settings,
        headlines=[h for h in (analyses[a.id].headline for a in articles) if h is not None],
        repeated=_repeated_lines(articles, analyses),
    )
    framing = build_framing(articles, sentences, people, figures, analyses)
    outlets = list(dict.fromkeys(a.outlet for a in articles))
    return Story(
        id=_story_id(articles),
        title=_title(brief, election, sentences, articles),
        outlets=outlets,
        articles=[ArticleRef(a.id, a.outlet, a.title, a.url, a.published, a.outlet_known) for a in articles],
        brief=brief,
        framing=framing,
        figures=figures,
        election=election,
        keywords=_keywords(sentences, main_actors(sentences, people)),
    )


def build_stories(
    articles: list[Article],
    settings: BriefSettings | None = None,
    analyses: Mapping[str, ArticleAnalysis] | None = None,
) -> list[Story]:
    """Group articles into stories, most outlets first, and prepare each one.

    ``analyses`` holds stored analyses by article id; articles without a current one are parsed here,
    all in one batch. ``PARALLEL_STORIES`` stories or more are shared between processes.
    """
    analyses = analyse_articles(articles, known=analyses)
    processes = worker_processes()
    with batch_work(), ExitStack() as stack:
        # Enough articles for PARALLEL_STORIES stories (news gives a few outlets a story): the workers start
        # while the articles are grouped.
        pool = None
        if processes > 1 and len(articles) >= 2 * PARALLEL_STORIES:
            pool = stack.enter_context(worker_pool(processes, warm_up=ready))
        groups = group_articles(articles, analyses)
        if len(groups) < PARALLEL_STORIES or processes < 2:
            return [build_story(group, settings, analyses) for group in groups]
        work = [(group, settings, {a.id: analyses[a.id] for a in group}) for group in groups]
        return [story for chunk in share_work(work, build_chunk, processes, chunk=4, pool=pool) for story in chunk]


def ready() -> None:
    """Nothing: a worker that runs it has imported this module, and so all that story building needs."""


def build_chunk(work: list[tuple[list[Article], BriefSettings | None, dict[str, ArticleAnalysis]]]) -> list[Story]:
    """Stories of some groups of articles, with their analyses (a worker process's share)."""
    return [build_story(articles, settings, analyses) for articles, settings, analyses in work]
