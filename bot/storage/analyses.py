"""Each article's analysis (``ArticleAnalysis`` records as JSON), stored once so rebuilds never parse again."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import datetime

from sqlalchemy import Connection, delete, select

from bot.storage.schema import article_analyses
from summarizer.analysis.records import ArticleAnalysis

_CHUNK = 500


def stored_analyses(conn: Connection, ids: Sequence[str]) -> dict[str, ArticleAnalysis]:
    """The stored analyses of these articles by id (articles without one are left out)."""
    found: dict[str, ArticleAnalysis] = {}
    for i in range(0, len(ids), _CHUNK):
        rows = conn.execute(
            select(article_analyses.c.doc).where(article_analyses.c.article_id.in_(list(ids[i : i + _CHUNK])))
        )
        for (doc,) in rows:
            analysis = ArticleAnalysis.from_dict(json.loads(doc))
            found[analysis.article_id] = analysis
    return found


def store_analyses(conn: Connection, analyses: Mapping[str, ArticleAnalysis], now: datetime) -> int:
    """Store (or replace) these analyses; returns how many rows were written."""
    if not analyses:
        return 0
    ids = list(analyses)
    for i in range(0, len(ids), _CHUNK):
        conn.execute(delete(article_analyses).where(article_analyses.c.article_id.in_(ids[i : i + _CHUNK])))
    conn.execute(
        article_analyses.insert(),
        [
            {
                "article_id": a.article_id,
                "analysis_key": a.key,
                "doc": json.dumps(a.to_dict(), ensure_ascii=False, separators=(",", ":")),
                "analysed_at": now,
            }
            for a in analyses.values()
        ],
    )
    return len(analyses)
