"""A thread publisher that writes what it posts to a file (flushed to disk), then optionally hangs."""

from __future__ import annotations

import asyncio
import itertools
import os
from pathlib import Path

from bot.storage.threads import ThreadRoot
from summarizer.documents import DigestDocument
from summarizer.models import Story


class FileThreadPublisher:
    def __init__(self, out: Path, hang: float = 0.0) -> None:
        self.out, self.hang = out, hang
        self._ids = itertools.count(1)

    def _write(self, line: str) -> None:
        with self.out.open("a", encoding="utf-8") as f:
            f.write(line + "\n")
            f.flush()
            os.fsync(f.fileno())

    async def post(self, target: str, doc: DigestDocument) -> None:
        for story in doc.stories:
            self._write(f"{target}\tpost\t{story.title}")

    async def post_roots(self, target: str, doc: DigestDocument) -> list[ThreadRoot]:
        roots = []
        for story in doc.stories:
            root = f"{os.getpid()}-{next(self._ids)}"
            self._write(f"{target}\troot {root}\t{story.title}")
            roots.append(ThreadRoot(root, root))
        return roots

    async def post_update(self, target: str, root: ThreadRoot, lines: list[str], story: Story) -> None:
        self._write(f"{target}\tupdate {root.thread_id}\t{' '.join(lines)}")
        await asyncio.sleep(self.hang)
