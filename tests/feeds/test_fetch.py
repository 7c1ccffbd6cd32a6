"""The fetcher against a misbehaving loopback server: what a failing source reports, and what it costs."""

from __future__ import annotations

import asyncio
import dataclasses
import ipaddress
import socket
import threading
import time
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler

import pytest

from bot.feeds.fetch import USER_AGENT, Fetcher, FetchError, FetchPolicy, retry_after_seconds
from tests.feeds.loopback import FeedServer, first_then, huge, send, slow, static, status, truncated

FEED = b"<rss version='2.0'><channel><title>T</title></channel></rss>"
FAST = FetchPolicy(connect_timeout=1, read_timeout=0.5, deadline=3, attempts=3, backoff=0.01, max_retry_after=5)


@pytest.fixture
def server():
    with FeedServer() as srv:
        yield srv


async def test_conditional_get_answers_not_modified_the_second_time(server: FeedServer) -> None:
    server.routes["/feed"] = static(FEED)
    async with Fetcher(FAST) as fetcher:
        first = await fetcher.get(server.url("/feed"))
        second = await fetcher.get(server.url("/feed"), etag=first.etag, last_modified=first.last_modified)
    assert first.body == FEED and first.etag
    assert second.not_modified
    assert server.agents == {USER_AGENT}


async def test_server_errors_are_retried_then_reported(server: FeedServer) -> None:
    server.routes["/down"] = status(500)
    server.routes["/flaky"] = first_then(status(503), static(FEED), times=2)
    async with Fetcher(FAST) as fetcher:
        with pytest.raises(FetchError) as caught:
            await fetcher.get(server.url("/down"))
        recovered = await fetcher.get(server.url("/flaky"))
    assert caught.value.user_message == "HTTP 500 Internal Server Error (after 3 attempts)"
    assert server.hits["/down"] == 3
    assert recovered.body == FEED and server.hits["/flaky"] == 3


async def test_429_waits_as_long_as_retry_after_says(server: FeedServer) -> None:
    server.routes["/limited"] = first_then(status(429, Retry_After="1"), static(FEED))
    server.routes["/banned"] = status(429, Retry_After="3600")
    async with Fetcher(FAST) as fetcher:
        start = time.monotonic()
        fetched = await fetcher.get(server.url("/limited"))
        waited = time.monotonic() - start
        with pytest.raises(FetchError) as caught:
            await fetcher.get(server.url("/banned"))
    assert fetched.body == FEED and 0.9 <= waited < 3
    assert "retry after 3600 s" in caught.value.user_message
    assert server.hits["/banned"] == 1  # it does not hammer a server that asked for an hour


async def test_a_server_that_never_answers_times_out(server: FeedServer) -> None:
    server.routes["/stuck"] = slow(1.5, static(FEED))
    async with Fetcher(FetchPolicy(read_timeout=0.3, attempts=1)) as fetcher:
        start = time.monotonic()
        with pytest.raises(FetchError) as caught:
            await fetcher.get(server.url("/stuck"))
    assert caught.value.user_message == "timed out (after 1 attempts)"
    assert time.monotonic() - start < 1.2


async def test_a_truncated_body_is_an_error_not_half_a_feed(server: FeedServer) -> None:
    server.routes["/cut"] = truncated(FEED * 20)
    async with Fetcher(FAST) as fetcher:
        with pytest.raises(FetchError) as caught:
            await fetcher.get(server.url("/cut"))
    assert "truncated" in caught.value.user_message


@pytest.mark.parametrize("declare", [True, False], ids=["content-length", "chunked"])
async def test_a_20_mb_body_stops_at_the_5_mb_cap(server: FeedServer, declare: bool) -> None:
    server.routes["/huge"] = huge(20, declare=declare)
    async with Fetcher(FetchPolicy(attempts=1)) as fetcher:
        start = time.monotonic()
        with pytest.raises(FetchError) as caught:
            await fetcher.get(server.url("/huge"))
    assert "larger than the 5 MB limit" in caught.value.user_message
    assert time.monotonic() - start < 3


async def test_redirects_are_followed(server: FeedServer) -> None:
    server.routes["/old"] = lambda h, _n: send(h, 301, b"", "text/plain", Location=server.url("/new"))
    server.routes["/new"] = static(FEED)
    async with Fetcher(FAST) as fetcher:
        fetched = await fetcher.get(server.url("/old"))
    assert fetched.body == FEED and fetched.url == server.url("/new")


async def test_requests_to_one_host_are_limited(server: FeedServer) -> None:
    in_flight, peak, lock = 0, 0, threading.Lock()

    def counting(h: BaseHTTPRequestHandler, n: int) -> None:
        nonlocal in_flight, peak
        with lock:
            in_flight += 1
            peak = max(peak, in_flight)
        time.sleep(0.1)
        with lock:
            in_flight -= 1
        send(h, 200, FEED)

    server.routes["/count"] = counting
    async with Fetcher(FetchPolicy(per_host=2)) as fetcher:
        await asyncio.gather(*(fetcher.get(server.url("/count")) for _ in range(6)))
    assert peak == 2


def test_retry_after_reads_seconds_and_http_dates() -> None:
    now = datetime(2026, 11, 2, 15, 0, tzinfo=UTC)
    assert retry_after_seconds("120") == 120
    assert retry_after_seconds("Mon, 02 Nov 2026 15:00:30 GMT", now) == 30
    assert retry_after_seconds("soon") is None


async def test_private_addresses_are_refused_unless_allowed(server: FeedServer) -> None:
    server.routes["/feed"] = static(FEED)
    guarded = dataclasses.replace(FAST, allow_private=False)
    port = server.url("/feed").split(":")[2].split("/")[0]
    async with Fetcher(guarded) as fetcher:
        with pytest.raises(FetchError, match=r"refused: loopback address 127\.0\.0\.1") as literal:
            await fetcher.get(server.url("/feed"))
        with pytest.raises(FetchError, match=r"refused: local host name 'localhost'"):
            await fetcher.get(f"http://localhost:{port}/feed")
    assert "allow_private_sources = true" in literal.value.user_message
    assert server.hits.get("/feed", 0) == 0  # refused before anything was sent
    async with Fetcher(FAST) as fetcher:  # the default for direct use, and allow_private_sources = true
        assert (await fetcher.get(server.url("/feed"))).body == FEED


async def test_a_dns_name_resolving_to_a_private_address_is_refused(server: FeedServer) -> None:
    name = socket.gethostname()  # on these machines it resolves to 127.0.0.1 through /etc/hosts
    try:
        address = socket.getaddrinfo(name, 80)[0][4][0]
    except OSError:
        pytest.skip("this machine's host name does not resolve")
    if ipaddress.ip_address(address).is_global:
        pytest.skip(f"{name} resolves to a public address here")
    server.routes["/feed"] = static(FEED)
    port = server.url("/feed").split(":")[2].split("/")[0]
    async with Fetcher(dataclasses.replace(FAST, allow_private=False)) as fetcher:
        with pytest.raises(FetchError, match=rf"refused: {name} resolves to a"):
            await fetcher.get(f"http://{name}:{port}/feed")
    assert server.hits.get("/feed", 0) == 0
