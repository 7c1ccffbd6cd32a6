"""One way in for articles: only the readers parse feeds and pages; the rest of the core is handed articles."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
READERS = ROOT / "summarizer" / "readers"
PARSERS = ("feedparser", "trafilatura", "lxml")


def _imports(path: Path) -> list[str]:
    names: list[str] = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            names += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.append(node.module)
    return names


def _modules(*packages: str) -> list[Path]:
    return [p for package in packages for p in (ROOT / package).rglob("*.py")]


def test_only_the_readers_parse_feeds_and_pages():
    offenders = [
        f"{path.relative_to(ROOT)}: {name}"
        for path in _modules("summarizer", "bot")
        if READERS not in path.parents
        for name in _imports(path)
        if name.split(".")[0] in PARSERS
    ]
    assert offenders == []
    assert any("feedparser" in _imports(p) for p in READERS.glob("*.py"))


def test_the_rest_of_the_core_takes_articles_not_files():
    offenders = [
        f"{path.relative_to(ROOT)}: {name}"
        for path in _modules("summarizer")
        if READERS not in path.parents
        for name in _imports(path)
        if name.startswith("summarizer.readers")
    ]
    assert offenders == []
