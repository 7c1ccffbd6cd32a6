"""The bot process the crash tests kill: ``python -m tests.scheduler.crash_child MODE DB_URL CONFIG_JSON [...]``.

``ingest``: one ingest pass.  ``post OUT SLOT HANG``: one digest for discord:100 whose publisher appends
the story titles to OUT (flushed to disk) and then hangs HANG seconds before returning.
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
from datetime import datetime
from pathlib import Path

from bot.config.model import NewsbriefConfig, effective_settings
from bot.digest import run_digest
from bot.feeds.fetch import FetchPolicy
from bot.feeds.ingest import ingest_once
from bot.storage import open_database
from summarizer.documents import DigestDocument


class HangingFilePublisher:
    def __init__(self, out: Path, hang: float) -> None:
        self.out, self.hang = out, hang

    async def post(self, target: str, doc: DigestDocument) -> None:
        with self.out.open("a", encoding="utf-8") as f:
            for story in doc.stories:
                f.write(f"{target}\t{story.title}\n")
            f.flush()
            os.fsync(f.fileno())
        await asyncio.sleep(self.hang)


async def main(argv: list[str]) -> None:
    mode, url, config_json = argv[:3]
    config = NewsbriefConfig.model_validate(json.loads(config_json))
    db = open_database(url)
    try:
        if mode == "ingest":
            await ingest_once(config, db, policy=FetchPolicy(attempts=1))
        else:
            out, slot, hang = Path(argv[3]), datetime.fromisoformat(argv[4]), float(argv[5])
            settings = effective_settings(config, "discord", "100")
            outcome = await run_digest(db, HangingFilePublisher(out, hang), "discord", "100", settings, slot)
            print(outcome.status, outcome.stories)
    finally:
        db.dispose()


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1:]))
