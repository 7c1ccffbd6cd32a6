"""Stories as last built from the recent articles; each keyed by its earliest article.

A row's ``doc`` is the story's ``newsbrief/1`` JSON (:func:`summarizer.documents.story_to_json`), read back
through the same model (validated), so rows written by earlier versions (without ``credits``, ``party``
or ``keywords``) still read: fields are only ever added, with defaults.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, func, select

from bot.storage.articles import first_seen
from bot.storage.database import as_utc
from bot.storage.schema import meta, stories
from summarizer.documents import story_from_json, story_to_json
from summarizer.models import Story

BUILT_THROUGH = "stories_built_through_seq"


@dataclass(frozen=True)
class StoredStory:
    """A story row: its stable key, the story and when its newest article arrived."""

    key: str
    story: Story
    article_ids: list[str]
    outlets: int
    articles: int
    newest_seen: datetime


def replace_stories(conn: Connection, built: list[Story], *, now: datetime, through_seq: int) -> list[str]:
    """Swap in the newly built stories (one transaction); returns the keys that were not there before."""
    old_keys = {k for (k,) in conn.execute(select(stories.c.story_key))}
    seen = first_seen(conn, [a.id for s in built for a in s.articles])
    rows: dict[str, dict[str, Any]] = {}
    for story in built:
        members = [a.id for a in story.articles if a.id in seen]
        if not members:
            continue
        earliest = min(members, key=lambda aid: seen[aid][0])
        rows[earliest] = {
            "story_key": earliest,
            "story_id": story.id,
            "title": story.title,
            "outlets": len(story.outlets),
            "articles": len(story.articles),
            "article_ids": json.dumps(members),
            "doc": json.dumps(story_to_json(story), ensure_ascii=False),
            "newest_seen": max(seen[aid][1] for aid in members),
            "built_at": now,
        }
    conn.execute(stories.delete())
    if rows:
        conn.execute(stories.insert(), list(rows.values()))
    set_meta(conn, BUILT_THROUGH, str(through_seq))
    return [k for k in rows if k not in old_keys]


def current_stories(conn: Connection) -> list[StoredStory]:
    """The stories of the last build, most outlets first."""
    rows = conn.execute(
        select(stories).order_by(stories.c.outlets.desc(), stories.c.articles.desc(), stories.c.story_key)
    )
    return [
        StoredStory(
            key=r.story_key,
            story=story_from_json(r.doc),
            article_ids=json.loads(r.article_ids),
            outlets=r.outlets,
            articles=r.articles,
            newest_seen=as_utc(r.newest_seen),  # type: ignore[arg-type]
        )
        for r in rows
    ]


def story_by_id(conn: Connection, story_id: str) -> StoredStory | None:
    """The story of the last build whose document has this ``id`` (what chat commands show), if any."""
    row = conn.execute(select(stories).where(stories.c.story_id == story_id)).first()
    if row is None:
        return None
    return StoredStory(
        key=row.story_key,
        story=story_from_json(row.doc),
        article_ids=json.loads(row.article_ids),
        outlets=row.outlets,
        articles=row.articles,
        newest_seen=as_utc(row.newest_seen),  # type: ignore[arg-type]
    )


def get_meta(conn: Connection, key: str) -> str | None:
    return conn.execute(select(meta.c.value).where(meta.c.key == key)).scalar()


def set_meta(conn: Connection, key: str, value: str) -> None:
    if get_meta(conn, key) is None:
        conn.execute(meta.insert().values(key=key, value=value))
    else:
        conn.execute(meta.update().where(meta.c.key == key).values(value=value))


def count_stories(conn: Connection) -> int:
    return int(conn.execute(select(func.count()).select_from(stories)).scalar_one())
