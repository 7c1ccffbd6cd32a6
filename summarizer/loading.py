"""Read articles from files and folders: text, Markdown, HTML, JSON(L) and RSS/Atom."""

from __future__ import annotations

import hashlib
import html
import json
import os
import re
import stat
import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from summarizer.cleaning import clean_article, drop_duplicates
from summarizer.errors import InputError
from summarizer.links import safe_url
from summarizer.models import Article, LoadResult, Problem

MAX_FILE_BYTES = 2 * 1024 * 1024
MIN_WORDS = 20
TEXT_SUFFIXES = {".txt", ".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm"}
JSON_SUFFIXES = {".json", ".jsonl", ".ndjson"}
FEED_SUFFIXES = {".xml", ".rss", ".atom"}
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | FEED_SUFFIXES
TOO_DEEP = "invalid JSON (nested too deeply)"
_FRONT_MATTER = re.compile(r"\A(?:---|\+\+\+)\s*\n(.*?)\n(?:---|\+\+\+)\s*\n", re.S)


def article_id(outlet: str, url: str | None, text: str) -> str:
    """A stable id from the outlet and the url (or the text when there is no url)."""
    key = f"{outlet}\n{url or text[:2000]}"
    return "a-" + hashlib.blake2b(key.encode("utf-8"), digest_size=6).hexdigest()


def make_article(
    *,
    outlet: str | None,
    text: str,
    source: str,
    title: str | None = None,
    url: str | None = None,
    published: str | None = None,
    bias: str | None = None,
) -> Article:
    """Build a cleaned article, or raise InputError when too little text is left.

    ``url`` is kept only when it is an absolute http(s) URL (see :func:`summarizer.links.safe_url`):
    every article the bot stores or shows is built here, so a feed link such as ``!here`` or
    ``javascript:…`` never reaches a chat message.
    """
    url = safe_url(url)
    known = bool(outlet and outlet.strip())
    name = outlet.strip() if outlet and known else Path(source).stem
    raw = Article(
        id=article_id(name, url, text),
        outlet=name,
        title=(title or "").strip(),
        text=text,
        url=url or None,
        published=str(published) if published else None,
        bias=bias or None,
        outlet_known=known,
        source=source,
    )
    article = clean_article(raw)
    if not article.title and url:
        article = replace(article, title=title_from_url(url))
    words = len(re.findall(r"[^\W\d_]{2,}", article.text))
    if words < MIN_WORDS:
        raise InputError(source, f"too little article text ({words} words after cleaning; at least {MIN_WORDS} needed)")
    return article


def title_from_url(url: str) -> str:
    """A readable title from a URL's last path segment ("kast-wins-runoff" → "Kast wins runoff")."""
    slug = url.rstrip("/").rsplit("/", 1)[-1]
    slug = re.sub(r"\.[a-z]{2,5}$", "", slug)
    words = [w for w in re.split(r"[-_]+", slug) if w and not w.isdigit()]
    return " ".join(words).capitalize() if len(words) >= 3 else ""


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


def _read_text(path: Path, text: str, meta: dict[str, Any]) -> list[Article]:
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


def _looks_truncated(markup: str) -> bool:
    tail = markup[-2048:].lower()
    return "</html>" not in tail and "</body>" not in tail


def _read_html(path: Path, text: str, meta: dict[str, Any], problems: list[Problem]) -> list[Article]:
    import trafilatura

    truncated = _looks_truncated(text)
    extracted = trafilatura.extract(text, output_format="json", with_metadata=True, include_comments=False)
    data: dict[str, Any] = json.loads(extracted) if extracted else {}
    body = str(data.get("text") or data.get("raw_text") or "")
    title = meta.get("title") or data.get("title")
    if title and body.startswith(str(title)):
        body = body[len(str(title)) :]  # trafilatura repeats the headline as the first line
    body = body.replace("\n", "\n\n")
    if truncated and len(re.findall(r"[^\W\d_]{2,}", body)) < MIN_WORDS:
        raise InputError(str(path), "the HTML is cut off (no closing </html>) and holds too little article text")
    if not body.strip():
        raise InputError(str(path), "no article text found in the HTML (not an article page?)")
    article = make_article(
        outlet=meta.get("outlet") or data.get("source-hostname") or data.get("sitename") or data.get("hostname"),
        text=body,
        source=str(path),
        title=title,
        url=meta.get("url") or data.get("source") or data.get("url"),
        published=meta.get("published") or data.get("date"),
        bias=meta.get("bias"),
    )
    if truncated:
        problems.append(Problem(str(path), "the HTML is cut off (no closing </html>); read the text that was there"))
    return [article]


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


def _read_json(path: Path, text: str, problems: list[Problem]) -> list[Article]:
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


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment, block elements becoming paragraph breaks."""
    fragment = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", fragment)
    fragment = re.sub(r"(?i)</?(p|div|br|h[1-6]|li|blockquote|section|article)\b[^>]*>", "\n\n", fragment)
    return html.unescape(re.sub(r"<[^>]+>", " ", fragment))


def feed_entries_to_articles(parsed: Any, source: str, problems: list[Problem]) -> list[Article]:
    """Articles from a parsed feedparser result (full text when the feed carries it)."""
    outlet = parsed.feed.get("title") or None
    articles: list[Article] = []
    for i, entry in enumerate(parsed.entries, 1):
        body = entry.get("content", [{}])[0].get("value") if entry.get("content") else entry.get("summary", "")
        try:
            articles.append(
                make_article(
                    outlet=outlet,
                    text=html_to_text(body or ""),
                    source=f"{source} item {i}",
                    title=entry.get("title"),
                    url=entry.get("link"),
                    published=entry.get("published") or entry.get("updated"),
                )
            )
        except InputError as exc:
            problems.append(Problem(exc.source, exc.problem))
    return articles


def _read_feed(path: Path, data: bytes, problems: list[Problem]) -> list[Article]:
    import feedparser

    parsed = feedparser.parse(data)
    if not parsed.entries:
        reason = str(parsed.get("bozo_exception", "")) or "no entries"
        raise InputError(str(path), f"not a readable RSS/Atom feed ({reason})")
    return feed_entries_to_articles(parsed, str(path), problems)


def read_file(path: Path, meta: dict[str, Any], problems: list[Problem]) -> list[Article]:
    """Articles in one file; raises InputError when the file cannot be used at all."""
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        raise InputError(
            str(path), f"unsupported file type '{suffix or '(none)'}' (use {', '.join(sorted(SUPPORTED))})"
        )
    data = _read_bytes(path)
    if suffix in FEED_SUFFIXES:
        return _read_feed(path, data, problems)
    text = _decode(path, data, problems)
    if not text.strip():
        raise InputError(str(path), "file holds only white space")
    if suffix in HTML_SUFFIXES:
        return _read_html(path, text, meta, problems)
    if suffix in JSON_SUFFIXES:
        return _read_json(path, text, problems)
    return _read_text(path, text, meta)


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
    """Read every article under ``paths``; unreadable inputs become problems, never exceptions."""
    problems: list[Problem] = []
    articles: list[Article] = []
    for path, meta in _files([Path(p) for p in paths], problems):
        try:
            articles.extend(read_file(path, meta, problems))
        except InputError as exc:
            problems.append(Problem(exc.source, exc.problem))
        except OSError as exc:
            problems.append(Problem(str(path), _os_problem(exc)))
        except (ValueError, RecursionError) as exc:
            problems.append(Problem(str(path), f"could not be read ({type(exc).__name__})"))
    unique, duplicates = drop_duplicates(articles)
    return LoadResult(articles=unique, problems=problems + duplicates)
