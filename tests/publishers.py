"""Publishers for tests: keep every post in memory instead of sending it anywhere."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from summarizer.documents import DigestDocument


@dataclass
class RecordingPublisher:
    """Keeps every post in memory (the document's JSON); ``fail`` makes the next posts raise."""

    posts: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    fail: bool = False

    async def post(self, target: str, doc: DigestDocument) -> None:
        if self.fail:
            raise ConnectionError("publisher is down")
        self.posts.append((target, doc.to_json()))

    def story_titles(self, target: str | None = None) -> list[str]:
        return [s["title"] for t, d in self.posts if target in (None, t) for s in d["stories"]]
