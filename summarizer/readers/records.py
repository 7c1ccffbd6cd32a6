"""Readers for articles already in text: plain text or Markdown (with front matter), JSON and JSON Lines records."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from summarizer.errors import InputError
from summarizer.models import Article, Problem
from summarizer.readers.articles import make_article

TOO_DEEP = "invalid JSON (nested too deeply)"
_FRONT_MATTER = re.compile(r"\A(?:---|\+\+\+)\s*\n(.*?)\n(?:---|\+\+\+)\s*\n", re.S)


def _front_matter(text: str) -> tuple[dict[str, str], str]:
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    meta: dict[str, str] = {}
    for line in match.group(1).splitlines():
        key, sep, value = line.partition(":") if ":" in line else line.partition("=")
        if sep:
            meta[key.strip().lower()] = value.strip().strip("'\"")
    return meta, text[match.end() :]


def read_text(path: Path, text: str, meta: dict[str, Any]) -> list[Article]:
    """One article from a text or Markdown file; ``sources.toml`` metadata wins over front matter."""
    front, body = _front_matter(text)
    info = {**front, **meta}
    return [
        make_article(
            outlet=info.get("outlet"),
            text=body,
            source=str(path),
            title=info.get("title"),
            url=info.get("url"),
            published=info.get("published") or info.get("date"),
            bias=info.get("bias"),
        )
    ]


def _records(path: Path, text: str) -> Iterator[tuple[str, Any]]:
    if path.suffix.lower() == ".json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InputError(str(path), f"invalid JSON at line {exc.lineno}, column {exc.colno}") from exc
        except RecursionError:  # e.g. "[" × 200,000: json parses nesting recursively
            raise InputError(str(path), TOO_DEEP) from None
        if isinstance(data, dict):
            data = data.get("articles", [data])
        if not isinstance(data, list):
            raise InputError(str(path), 'expected a JSON object, a list of objects, or {"articles": [...]}')
        for i, record in enumerate(data, 1):
            yield f"{path} record {i}", record
        return
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            yield f"{path} line {lineno}", json.loads(line)
        except json.JSONDecodeError:
            yield f"{path} line {lineno}", None
        except RecursionError:  # reported for this line; the next lines are still read
            yield f"{path} line {lineno}", InputError(f"{path} line {lineno}", TOO_DEEP)


def read_json(path: Path, text: str, problems: list[Problem]) -> list[Article]:
    """Articles from JSON records (an object, a list, ``{"articles": [...]}``) or JSON Lines; bad records become problems."""
    articles: list[Article] = []
    for where, record in _records(path, text):
        try:
            if isinstance(record, InputError):
                raise record
            if not isinstance(record, dict):
                raise InputError(where, "not a JSON object")
            if not isinstance(record.get("text"), str) or not record["text"].strip():
                raise InputError(where, "has no 'text' (each record needs outlet, title and text)")
            articles.append(
                make_article(
                    outlet=record.get("outlet"),
                    text=record["text"],
                    source=where,
                    title=record.get("title"),
                    url=record.get("url"),
                    published=record.get("published"),
                    bias=record.get("bias"),
                )
            )
        except InputError as exc:
            problems.append(Problem(exc.source, exc.problem))
    return articles
