"""The process the thread crash test kills: ``python -m tests.threads.crash_child DB_URL CONFIG_JSON OUT HANG``.

Runs one pass of story updates with a publisher that writes each update to OUT and then hangs HANG seconds.
"""

from __future__ import annotations

import asyncio
import json
import sys
from pathlib import Path

from bot.config.model import NewsbriefConfig
from bot.storage import open_database
from bot.threads.follow import follow_stories
from tests.threads.file_publisher import FileThreadPublisher


async def main(argv: list[str]) -> None:
    url, config_json, out, hang = argv[0], argv[1], Path(argv[2]), float(argv[3])
    db = open_database(url)
    try:
        report = await follow_stories(
            db, NewsbriefConfig.model_validate(json.loads(config_json)), {"slack": FileThreadPublisher(out, hang)}
        )
        print(report.followed, report.posted)
    finally:
        db.dispose()


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1:]))
