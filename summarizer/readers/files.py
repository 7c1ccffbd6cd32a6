"""The file reader: files and folders into articles, each kind through its reader, every problem one line.

A feed's summary-only items take their text from an article page in the inputs whose URL (from
``sources.toml`` or the page's canonical link) is the item's link, as ingest does with the page it
fetches; such a page is not read again as an article of its own.
"""

from __future__ import annotations

import os
import stat
import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from summarizer.cleaning import drop_duplicates
from summarizer.errors import InputError
from summarizer.models import Article, LoadResult, Problem
from summarizer.readers.feed import Entry, ParsedFeed, feed_articles, parse_feed, with_page_text
from summarizer.readers.page import CUT_OFF_NOTE, Page, page_article, read_page
from summarizer.readers.records import read_json, read_text

MAX_FILE_BYTES = 2 * 1024 * 1024
TEXT_SUFFIXES = {".txt", ".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm"}
JSON_SUFFIXES = {".json", ".jsonl", ".ndjson"}
FEED_SUFFIXES = {".xml", ".rss", ".atom"}
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | FEED_SUFFIXES


def _decode(path: Path, data: bytes, problems: list[Problem]) -> str:
    if b"\x00" in data[:8192]:
        raise InputError(str(path), "looks like a binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        problems.append(Problem(str(path), "not UTF-8; read as Windows-1252 (Latin-1)"))
        return data.decode("cp1252", errors="replace")


def _read_bytes(path: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """The file's bytes: a regular file (a FIFO or device would block or never end) of at most ``limit``."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise InputError(str(path), "not a regular file" if not stat.S_ISDIR(mode) else "is a folder")
        size = os.fstat(fd).st_size
        if size > limit:
            raise InputError(str(path), f"file is {size / 1_048_576:.1f} MB, over the {limit // 1_048_576} MB limit")
        with os.fdopen(os.dup(fd), "rb") as file:
            data = file.read(limit + 1)  # the file may grow after the check: never read past the limit
    finally:
        os.close(fd)
    if not data:
        raise InputError(str(path), "file is empty")
    if len(data) > limit:
        raise InputError(str(path), f"file is over the {limit // 1_048_576} MB limit")
    return data


def _os_problem(exc: OSError) -> str:
    """``could not be read (permission denied)``: the OS's reason in words, never a traceback."""
    reason = (exc.strerror or type(exc).__name__).lower()
    return f"could not be read ({reason})"


def _sources_toml(folder: Path) -> dict[str, dict[str, Any]]:
    """``file`` name → metadata from ``folder/sources.toml``; ``{}`` without one; InputError when unusable."""
    meta_file = folder / "sources.toml"
    try:
        if not meta_file.is_file():
            return {}
        data = tomllib.loads(_read_bytes(meta_file).decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise InputError(str(meta_file), f"invalid TOML ({exc})") from exc
    except RecursionError:
        raise InputError(str(meta_file), "invalid TOML (values nested too deeply)") from None
    except OSError as exc:
        raise InputError(str(meta_file), _os_problem(exc)) from exc
    return {str(e.get("file")): e for e in data.get("article", []) if isinstance(e, dict) and e.get("file")}


@dataclass(frozen=True)
class _FeedFile:
    path: Path
    meta: dict[str, Any]
    feed: ParsedFeed


@dataclass(frozen=True)
class _PageFile:
    path: Path
    meta: dict[str, Any]
    page: Page

    @property
    def url(self) -> str | None:
        declared = self.meta.get("url")
        return str(declared).strip() if isinstance(declared, str) and declared.strip() else self.page.url


_Read = list[Article] | _FeedFile | _PageFile


def _read(path: Path, meta: dict[str, Any], problems: list[Problem]) -> _Read:
    """What one file holds; raises InputError when the file cannot be used at all."""
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        raise InputError(
            str(path), f"unsupported file type '{suffix or '(none)'}' (use {', '.join(sorted(SUPPORTED))})"
        )
    data = _read_bytes(path)
    if suffix in FEED_SUFFIXES:
        return _FeedFile(path, meta, parse_feed(data, str(path)))
    text = _decode(path, data, problems)
    if not text.strip():
        raise InputError(str(path), "file holds only white space")
    if suffix in HTML_SUFFIXES:
        declared = meta.get("url")
        return _PageFile(path, meta, read_page(text, declared if isinstance(declared, str) else None))
    if suffix in JSON_SUFFIXES:
        return read_json(path, text, problems)
    return read_text(path, text, meta)


def _page_articles(item: _PageFile, problems: list[Problem]) -> list[Article]:
    meta = item.meta
    article = page_article(
        item.page,
        where=str(item.path),
        outlet=meta.get("outlet"),
        title=meta.get("title"),
        url=item.url,
        published=meta.get("published") or meta.get("date"),
        bias=meta.get("bias"),
    )
    if item.page.cut_off:
        problems.append(Problem(str(item.path), CUT_OFF_NOTE))
    return [article]


def _with_pages(item: _FeedFile, pages: dict[str, _PageFile], used: set[Path], problems: list[Problem]) -> list[Entry]:
    """The feed's entries, each summary-only one with the text of its page among the inputs."""
    entries = []
    for entry in item.feed.entries:
        page = pages.get(entry.url.strip()) if entry.summary_only and entry.url else None
        if page is not None:
            used.add(page.path)
            entry = with_page_text(entry, page.page.text)
            if page.page.cut_off:
                problems.append(Problem(str(page.path), CUT_OFF_NOTE))
        entries.append(entry)
    return entries


def _articles(read: list[_Read]) -> Iterator[tuple[list[Article], list[Problem]]]:
    """Each file's articles and the problems found building them, in file order."""
    pages = {item.url: item for item in read if isinstance(item, _PageFile) and item.url}
    used: set[Path] = set()
    joined: dict[Path, tuple[list[Entry], list[Problem]]] = {}
    for item in read:
        if isinstance(item, _FeedFile):
            notes: list[Problem] = []
            joined[item.path] = _with_pages(item, pages, used, notes), notes
    for item in read:
        problems: list[Problem] = []
        if isinstance(item, list):
            yield item, problems
        elif isinstance(item, _FeedFile):
            entries, problems = joined[item.path]
            outlet = item.meta.get("outlet") or item.feed.title
            where, bias = str(item.path), item.meta.get("bias")
            yield feed_articles(entries, outlet=outlet, bias=bias, where=where, problems=problems), problems
        elif item.path in used:
            yield [], problems  # read as its feed item's text
        else:
            try:
                yield _page_articles(item, problems), problems
            except InputError as exc:
                yield [], [*problems, Problem(exc.source, exc.problem)]


class _FolderMeta:
    """``sources.toml`` metadata per folder, each file parsed once (a problem with it reported once)."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        self._by_folder: dict[Path, dict[str, dict[str, Any]]] = {}

    def for_file(self, path: Path) -> dict[str, Any]:
        folder = path.parent
        if folder not in self._by_folder:
            try:
                self._by_folder[folder] = _sources_toml(folder)
            except InputError as exc:
                self.problems.append(Problem(exc.source, exc.problem))
                self._by_folder[folder] = {}
        return self._by_folder[folder].get(path.name, {})


def _folder_files(folder: Path, problems: list[Problem]) -> list[Path]:
    """The article files under ``folder``, sorted; hidden entries and ``.toml`` files left out.

    Unreadable sub-folders and entries that are not regular files (FIFOs, broken links) become problems.
    """
    found: list[Path] = []

    def unreadable(exc: OSError) -> None:
        problems.append(Problem(str(exc.filename or folder), _os_problem(exc)))

    for root, dirs, names in os.walk(folder, onerror=unreadable):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in names:
            child = Path(root, name)
            if name.startswith(".") or child.suffix == ".toml":
                continue
            if child.is_file():
                found.append(child)
            else:
                what = "a broken link" if child.is_symlink() and not child.exists() else "not a regular file"
                problems.append(Problem(str(child), f"{what}; skipped"))
    return sorted(found)


def _files(paths: Iterable[Path], problems: list[Problem]) -> Iterator[tuple[Path, dict[str, Any]]]:
    meta = _FolderMeta(problems)
    for path in paths:
        try:
            if path.is_dir():
                yield from ((child, meta.for_file(child)) for child in _folder_files(path, problems))
            elif path.is_file():
                yield path, meta.for_file(path)
            elif path.is_symlink() and not path.exists():
                problems.append(Problem(str(path), "a broken link"))
            elif path.exists():
                problems.append(Problem(str(path), "not a regular file or folder"))
            else:
                problems.append(Problem(str(path), "no such file or folder"))
        except OSError as exc:  # e.g. a folder on the way that this user may not enter
            problems.append(Problem(str(path), _os_problem(exc)))


def load_articles(paths: Iterable[str | Path]) -> LoadResult:
    """Read every article under ``paths``; unreadable inputs become problems, never exceptions.

    Problems are listed in file order, whether found reading a file or building its articles.
    """
    problems: list[Problem] = []
    read: list[_Read] = []
    marks: list[int] = []  # how many problems were known when each file had been read
    for path, meta in _files([Path(p) for p in paths], problems):
        try:
            read.append(_read(path, meta, problems))
            marks.append(len(problems))
        except InputError as exc:
            problems.append(Problem(exc.source, exc.problem))
        except OSError as exc:
            problems.append(Problem(str(path), _os_problem(exc)))
        except (ValueError, RecursionError) as exc:
            problems.append(Problem(str(path), f"could not be read ({type(exc).__name__})"))
    articles: list[Article] = []
    ordered: list[Problem] = []
    start = 0
    for mark, (found, built) in zip(marks, _articles(read), strict=True):
        articles += found
        ordered += problems[start:mark] + built
        start = mark
    unique, duplicates = drop_duplicates(articles)
    return LoadResult(articles=unique, problems=ordered + problems[start:] + duplicates)
