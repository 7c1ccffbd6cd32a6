"""One way in for articles: a feed (and its item pages) read from files gives what the same feed fetched over HTTP gives."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.config.model import Source
from bot.feeds.fetch import Fetcher, FetchPolicy
from bot.feeds.read import SourceLimits, SourceOutcome, read_source
from bot.storage import Database
from summarizer.models import Article
from summarizer.readers import load_articles
from tests.feeds.loopback import FIXTURES, FeedServer

FAST = FetchPolicy(connect_timeout=1, read_timeout=1, deadline=3, attempts=2, backoff=0.01)
PAGES = sorted((FIXTURES / "pages").glob("*.html"))


@pytest.fixture
def server() -> Iterator[FeedServer]:
    with FeedServer() as srv:
        srv.serve_fixtures()
        yield srv


def seen(article: Article) -> tuple[object, ...]:
    """Everything a reader of a brief sees of an article, and the id it is stored under."""
    return (article.title, article.text, article.outlet, article.url, article.published, article.bias, article.id)


def source(server: FeedServer, name: str, outlet: str, **where: str) -> Source:
    where = {key: server.url(path) for key, path in where.items()}
    return Source(name=name, outlet=outlet, bias="centre", bias_source="a test", **where)  # type: ignore[arg-type]


async def fetched(db: Database, src: Source) -> SourceOutcome:
    async with Fetcher(FAST) as fetcher:
        outcome = await read_source(fetcher, db, src, None, SourceLimits())
    assert outcome.error is None
    return outcome


def sources_toml(folder: Path, *entries: dict[str, str]) -> None:
    lines = []
    for entry in entries:
        lines += ["[[article]]", *(f'{key} = "{value}"' for key, value in entry.items())]
    (folder / "sources.toml").write_text("\n".join(lines) + "\n", "utf-8")


@pytest.mark.parametrize(
    ("name", "fixture", "path", "outlet"),
    [
        ("harbor", "harbor-gazette.rss", "/harbor/feed.rss", "Harbor Gazette"),  # RSS with full text
        ("valley", "valley-ledger.atom", "/valley/feed.atom", "Valley Ledger"),  # Atom with full text
        ("coast", "coastline-wire.rss", "/coast/feed.rss", "Coastline Wire"),  # teasers: text from the pages
    ],
)
async def test_a_feed_gives_the_same_articles_from_files_as_over_http(
    server: FeedServer, db: Database, tmp_path: Path, name: str, fixture: str, path: str, outlet: str
) -> None:
    tmp_path = tmp_path / "saved"
    tmp_path.mkdir()
    (tmp_path / fixture).write_bytes(server.localize((FIXTURES / fixture).read_text("utf-8")))
    pages = []
    for page in PAGES:  # the article pages saved beside the feed, each under the URL it was saved from
        (tmp_path / page.name).write_bytes(page.read_bytes())
        pages.append({"file": page.name, "url": server.url(f"/coast/stories/{page.stem}")})
    sources_toml(tmp_path, {"file": fixture, "outlet": outlet, "bias": "centre"}, *pages)

    from_files = load_articles([tmp_path])
    over_http = await fetched(db, source(server, name, outlet, feed=path))

    assert over_http.problems == [] and from_files.problems == []
    articles = over_http.articles
    from_feed = [a for a in from_files.articles if str(a.source).startswith(f"{tmp_path / fixture} item ")]
    assert len(articles) == 3 and [seen(a) for a in articles] == [seen(a) for a in from_feed]
    if name == "coast":  # the pages gave the teasers their text, and were not read again as articles
        assert "Tomas Okafor called it a model for other ports." in articles[2].text
        assert "Copyright" not in articles[0].text and not articles[0].text.startswith("Council says yes")
        assert from_files.articles == from_feed
    assert all(a.published for a in articles) == (name != "coast")  # the teasers carry no date


async def test_a_page_gives_the_same_article_from_a_file_as_over_http(
    server: FeedServer, db: Database, tmp_path: Path
) -> None:
    tmp_path = tmp_path / "saved"
    tmp_path.mkdir()
    page = FIXTURES / "pages" / "port-deal.html"
    (tmp_path / page.name).write_bytes(page.read_bytes())
    url = server.url("/coast/stories/port-deal")
    sources_toml(tmp_path, {"file": page.name, "outlet": "Coastline Wire", "bias": "centre", "url": url})

    [from_file] = load_articles([tmp_path]).articles
    over_http = await fetched(db, source(server, "port", "Coastline Wire", page="/coast/stories/port-deal"))

    assert [seen(a) for a in over_http.articles] == [seen(from_file)]
    assert from_file.title == "Port strike over as dock workers back deal" and from_file.url == url
    assert from_file.paragraphs[0].startswith("Dock workers voted on Monday")


def test_a_broken_feed_file_is_refused_with_the_reason_ingest_gives() -> None:
    broken = FIXTURES / "broken.xml"
    assert [(p.source, p.problem) for p in load_articles([broken]).problems] == [
        (str(broken), "not valid RSS/Atom XML (line 3)")  # what `newsbrief sources` shows for it over HTTP
    ]
