"""Articles: insert new ones once (by URL, article id and near-identical text), read the recent window."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from datetime import datetime
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from sqlalchemy import Connection, func, select
from sqlalchemy.dialects import postgresql, sqlite

from bot.storage.database import as_utc
from bot.storage.schema import articles
from summarizer.models import Article

_TRACKING = re.compile(r"^(utm_|fbclid$|gclid$|mc_|ref$|ref_src$|cmpid$)", re.I)


def normalize_url(url: str) -> str:
    """The URL an article is known by: lower-case host, no fragment, no tracking parameters."""
    parts = urlsplit(url.strip())
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _TRACKING.match(k)])
    path = parts.path.rstrip("/") or "/"
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, query, ""))


def url_hash(url: str | None) -> str | None:
    return hashlib.blake2b(normalize_url(url).encode(), digest_size=16).hexdigest() if url else None


def text_hash(text: str) -> str:
    words = " ".join(re.findall(r"\w+", text.lower()))
    return hashlib.blake2b(words.encode(), digest_size=16).hexdigest()


def known_urls(conn: Connection, urls: Iterable[str]) -> set[str]:
    """Those of ``urls`` already stored (compared after normalisation)."""
    by_hash = {url_hash(u): u for u in urls if u}
    found: set[str] = set()
    keys = list(by_hash)
    for i in range(0, len(keys), 500):
        rows = conn.execute(select(articles.c.url_hash).where(articles.c.url_hash.in_(keys[i : i + 500])))
        found.update(by_hash[h] for (h,) in rows)
    return found


def insert_articles(conn: Connection, source: str, new: Sequence[Article], now: datetime) -> int:
    """Insert ``new`` articles of one source, skipping any already stored; returns how many were added."""
    if not new:
        return 0
    rows = [
        {
            "article_id": a.id,
            "url_hash": url_hash(a.url),
            "text_hash": text_hash(a.text),
            "source": source,
            "outlet": a.outlet,
            "title": a.title,
            "outlet_known": a.outlet_known,
            "title_guessed": a.title_guessed,
            "url": a.url,
            "published": a.published,
            "bias": a.bias,
            "text": a.text,
            "first_seen": now,
        }
        for a in new
    ]
    exact = {
        h
        for (h,) in conn.execute(
            select(articles.c.text_hash).where(articles.c.text_hash.in_([r["text_hash"] for r in rows]))
        )
    }
    rows = [r for r in rows if r["text_hash"] not in exact]
    added = 0
    insert = postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert
    for row in rows:
        # ON CONFLICT DO NOTHING: another process may have stored the same URL a moment ago.
        stmt = insert(articles).values(**row).on_conflict_do_nothing().returning(articles.c.seq)
        added += len(conn.execute(stmt).all())
    return added


def _to_article(row: object) -> Article:
    r = row._mapping  # type: ignore[attr-defined]
    return Article(
        id=r["article_id"],
        outlet=r["outlet"],
        title=r["title"],
        title_guessed=bool(r["title_guessed"]),
        text=r["text"],
        url=r["url"],
        published=r["published"],
        bias=r["bias"],
        outlet_known=bool(r["outlet_known"]),
        source=r["source"],
    )


def recent_articles(conn: Connection, since: datetime, limit: int = 5000) -> list[Article]:
    """Articles first seen at or after ``since``, oldest first (at most ``limit``, the newest kept)."""
    rows = conn.execute(
        select(articles).where(articles.c.first_seen >= since).order_by(articles.c.seq.desc()).limit(limit)
    ).all()
    return [_to_article(r) for r in reversed(rows)]


def articles_by_id(conn: Connection, ids: Sequence[str]) -> list[Article]:
    """The stored articles with these ids, in the order given (unknown ids are left out)."""
    rows = {
        r._mapping["article_id"]: r for r in conn.execute(select(articles).where(articles.c.article_id.in_(list(ids))))
    }
    return [_to_article(rows[i]) for i in ids if i in rows]


def first_seen(conn: Connection, ids: Sequence[str]) -> dict[str, tuple[int, datetime]]:
    """``article_id`` → (seq, first_seen) for the given ids."""
    out: dict[str, tuple[int, datetime]] = {}
    for i in range(0, len(ids), 500):
        rows = conn.execute(
            select(articles.c.article_id, articles.c.seq, articles.c.first_seen).where(
                articles.c.article_id.in_(ids[i : i + 500])
            )
        )
        for aid, seq, seen in rows:
            out[aid] = (seq, as_utc(seen))  # type: ignore[assignment]
    return out


def newest_seq(conn: Connection) -> int:
    return int(conn.execute(select(func.coalesce(func.max(articles.c.seq), 0))).scalar_one())


def count_articles(conn: Connection) -> int:
    return int(conn.execute(select(func.count()).select_from(articles)).scalar_one())
