"""Ingest 50 feeds × 40 items from a loopback server, build the digest, then a conditional-GET pass.

Run: ``python -m bench.bench_ingest`` (prints wall time, articles per second, peak memory, and where
the time of the first pass went).
"""

from __future__ import annotations

import asyncio
import cProfile
import pstats
import resource
import sys
import tempfile
import time
from pathlib import Path

from bot.config.model import NewsbriefConfig, effective_settings
from bot.digest import preview_digest
from bot.feeds.ingest import ingest_once
from bot.storage import open_database
from tests.feeds.loopback import FeedServer, static
from tests.feeds.synthetic import feed_xml

FEEDS, ITEMS, EVENTS = 50, 40, 100


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


def main(argv: list[str] | None = None) -> int:
    profile = "--profile" in (argv or [])
    with FeedServer() as server, tempfile.TemporaryDirectory() as tmp:
        for n in range(FEEDS):
            server.routes[f"/outlet{n}/feed"] = static(feed_xml(n, ITEMS, EVENTS, server.base))
        config = NewsbriefConfig.model_validate(
            {
                "sources": [
                    {"name": f"outlet{n}", "outlet": f"Outlet {n}", "feed": server.url(f"/outlet{n}/feed")}
                    for n in range(FEEDS)
                ],
                "channels": [{"platform": "console", "channel_id": "bench", "schedule": "0 8 * * *"}],
                # The feeds are served on loopback, which a real config refuses unless the file allows it.
                "bot": {"allow_private_sources": True},
            }
        )
        db = open_database(f"sqlite:///{Path(tmp) / 'bench.db'}")
        settings = effective_settings(config, "console", "bench")
        try:
            profiler = cProfile.Profile() if profile else None
            start = time.perf_counter()
            if profiler:
                profiler.enable()
            first = asyncio.run(ingest_once(config, db))
            doc = preview_digest(db, "console", "bench", settings)
            if profiler:
                profiler.disable()
            first_s = time.perf_counter() - start
            start = time.perf_counter()
            second = asyncio.run(ingest_once(config, db))
            second_s = time.perf_counter() - start
        finally:
            db.dispose()
    print(
        f"first pass:  {first_s:6.2f} s  {first.new_articles} articles ({first.new_articles / first_s:,.0f}/s), "
        f"{first.stories} stories, digest of {len(doc.stories)}; feeds ok {first.feeds_ok}, failed {first.feeds_failed}"
    )
    print(
        f"second pass: {second_s:6.2f} s  {second.not_modified} feeds not modified, {second.new_articles} new articles"
    )
    print(f"peak memory: {peak_mb():6.0f} MB (max RSS, includes the loopback server)")
    print(
        f"targets: first < 15 s {'ok' if first_s < 15 else 'MISSED'}; second < 2 s {'ok' if second_s < 2 else 'MISSED'}; "
        f"memory < 400 MB {'ok' if peak_mb() < 400 else 'MISSED'}"
    )
    if profiler:
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
    return 0


if __name__ == "__main__":
    sys.exit(main())
