"""Compression bombs over loopback: the 5 MB cap holds on decoded bytes, and memory stays small."""

from __future__ import annotations

import gzip
import tracemalloc
import zlib
from collections.abc import Iterator
from functools import cache

import pytest

from bot.feeds.fetch import Fetcher, FetchError, FetchPolicy
from tests.feeds.loopback import FeedServer, encoded

ONCE = FetchPolicy(connect_timeout=1, read_timeout=2, deadline=5, attempts=1)
FEED = b"<rss version='2.0'><channel><title>Small</title><item><title>One</title></item></channel></rss>"


@cache
def zeros(megabytes: int, wbits: int) -> bytes:
    """``megabytes`` MB of zero bytes compressed with zlib framing ``wbits`` (31 gzip, 15 zlib, -15 raw)."""
    packer = zlib.compressobj(9, zlib.DEFLATED, wbits)
    mb = bytes(1 << 20)
    return b"".join(packer.compress(mb) for _ in range(megabytes)) + packer.flush()


@pytest.fixture
def server() -> Iterator[FeedServer]:
    with FeedServer() as srv:
        yield srv


async def fetch_peak(server: FeedServer, path: str) -> tuple[FetchError | bytes, int]:
    """What fetching ``path`` gave (the error or the body) and the peak Python memory it took."""
    tracemalloc.start()
    try:
        async with Fetcher(ONCE) as fetcher:
            try:
                result: FetchError | bytes = (await fetcher.get(server.url(path))).body or b""
            except FetchError as exc:
                result = exc
        return result, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


async def test_gzip_inside_gzip_is_refused_before_anything_is_inflated(server: FeedServer) -> None:
    bomb = gzip.compress(zeros(200, 31))  # 200 MB of zeros in under 1 KB on the wire
    assert len(bomb) < 2048
    server.routes["/nested"] = encoded(bomb, "gzip, gzip")
    result, peak = await fetch_peak(server, "/nested")
    assert isinstance(result, FetchError)
    assert result.user_message == "refused: 2 content-encoding layers (gzip, gzip); at most 1 is read"
    assert peak < 50 * 1024 * 1024


@pytest.mark.parametrize(("coding", "wbits"), [("gzip", 31), ("deflate", 15), ("deflate", -15)])
async def test_one_compressed_layer_stops_at_the_cap_once_decompressed(
    server: FeedServer, coding: str, wbits: int
) -> None:
    server.routes["/bomb"] = encoded(zeros(200, wbits), coding)  # ~200 KB → 200 MB
    result, peak = await fetch_peak(server, "/bomb")
    assert isinstance(result, FetchError)
    assert result.user_message == "larger than the 5 MB limit once decompressed"
    assert peak < 50 * 1024 * 1024  # the cap (5 MB) and a chunk, not the 200 MB the body expands to


@pytest.mark.parametrize("coding", ["br", "zstd", "gzip, br"])
async def test_codings_we_did_not_ask_for_are_refused_not_read_as_text(server: FeedServer, coding: str) -> None:
    server.routes["/other"] = encoded(b"\x1b\xff\xff\x07" * 100, coding)
    result, _ = await fetch_peak(server, "/other")
    assert isinstance(result, FetchError) and result.user_message.startswith("refused: ")
    assert ("unsupported content-encoding" in result.user_message) == ("," not in coding)


@pytest.mark.parametrize(
    ("coding", "body"),
    [
        ("gzip", gzip.compress(FEED)),
        ("x-gzip", gzip.compress(FEED)),
        ("deflate", zlib.compress(FEED)),
        ("deflate", zlib.compress(FEED)[2:-4]),  # raw deflate, as some servers send it
        ("identity", FEED),
        ("gzip, identity", gzip.compress(FEED)),
    ],
)
async def test_ordinary_compressed_feeds_are_read(server: FeedServer, coding: str, body: bytes) -> None:
    server.routes["/feed"] = encoded(body, coding)
    result, _ = await fetch_peak(server, "/feed")
    assert result == FEED


async def test_a_corrupt_compressed_body_is_a_clear_error(server: FeedServer) -> None:
    server.routes["/corrupt"] = encoded(b"\x1f\x8b\x08\x00" + b"not gzip at all" * 10, "gzip")
    result, _ = await fetch_peak(server, "/corrupt")
    assert isinstance(result, FetchError) and result.user_message == "the gzip body is corrupt"
