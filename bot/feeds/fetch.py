"""Polite HTTP fetching: timeouts, size cap, redirects, conditional GET, per-host limits, retries.

FetchError                 the resource could not be fetched (the message is safe to show)
├── (HTTP status)          4xx other than 429, or 5xx/429 after the last attempt
├── (too large)            the body passed the size cap, on the wire or once decompressed
├── (refused)              a private address, or more than one / an unknown content-encoding
└── (network)              connection refused, timeout, truncated body
"""

from __future__ import annotations

import asyncio
import random
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

import httpx

from bot.config.hosts import private_host_reason
from bot.feeds.decoding import ACCEPT_ENCODING, CappedBody, too_large
from bot.feeds.errors import FetchError

USER_AGENT = "newsbrief/0.1 (+https://github.com/newsbrief)"
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})


__all__ = ["FetchError", "FetchPolicy", "Fetched", "Fetcher", "retry_after_seconds"]


@dataclass(frozen=True)
class FetchPolicy:
    """How hard to try: per-request timeouts, the size cap, attempts and backoff, per-host concurrency."""

    connect_timeout: float = 5.0
    read_timeout: float = 15.0
    deadline: float = 30.0  # a whole attempt, so a server trickling bytes cannot hold us forever
    max_bytes: int = 5 * 1024 * 1024
    attempts: int = 3
    backoff: float = 1.0  # first retry waits about this long, doubling after
    max_retry_after: float = 60.0  # a longer Retry-After gives up for this pass instead of waiting
    per_host: int = 4
    max_redirects: int = 5
    # False: refuse hosts that are, or resolve to, loopback/private/link-local addresses — on every
    # hop, redirects included (ingest sets it from [bot] allow_private_sources).
    allow_private: bool = True


@dataclass(frozen=True)
class Fetched:
    """A response body (``None`` for 304 Not Modified) and the validators for the next conditional GET."""

    url: str
    body: bytes | None
    etag: str | None
    last_modified: str | None
    content_type: str = ""

    @property
    def not_modified(self) -> bool:
        return self.body is None


def retry_after_seconds(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (delta-seconds or HTTP-date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


class _Retryable(Exception):
    def __init__(self, reason: str, wait: float | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.wait = wait


class Fetcher:
    """One shared ``httpx.AsyncClient`` with per-host semaphores; use as an async context manager."""

    def __init__(self, policy: FetchPolicy | None = None, *, transport: httpx.AsyncBaseTransport | None = None) -> None:
        self.policy = policy or FetchPolicy()
        p = self.policy
        self._client = httpx.AsyncClient(
            headers={"User-Agent": USER_AGENT, "Accept-Encoding": ACCEPT_ENCODING},
            timeout=httpx.Timeout(p.read_timeout, connect=p.connect_timeout),
            follow_redirects=True,
            max_redirects=p.max_redirects,
            limits=httpx.Limits(max_connections=64, max_keepalive_connections=32),
            transport=transport,
            event_hooks={"request": [] if p.allow_private else [_refuse_private_hosts]},
        )
        self._hosts: dict[str, asyncio.Semaphore] = {}

    async def __aenter__(self) -> Fetcher:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        await self._client.aclose()

    def _host_slot(self, url: str) -> asyncio.Semaphore:
        host = urlsplit(url).netloc.lower()
        return self._hosts.setdefault(host, asyncio.Semaphore(self.policy.per_host))

    async def get(
        self, url: str, *, etag: str | None = None, last_modified: str | None = None, accept: str = "*/*"
    ) -> Fetched:
        """GET ``url`` (conditionally when validators are given); raises :class:`FetchError`."""
        headers = {"Accept": accept}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        p = self.policy
        last = "failed"
        for attempt in range(1, p.attempts + 1):
            try:
                async with self._host_slot(url):
                    return await asyncio.wait_for(self._once(url, headers), p.deadline)
            except _Retryable as exc:
                last = exc.reason
                wait = exc.wait
            except TimeoutError:
                last, wait = f"no complete answer within {p.deadline:g} s", None
            except httpx.TimeoutException:
                last, wait = "timed out", None
            except httpx.TooManyRedirects:
                raise FetchError(f"more than {p.max_redirects} redirects") from None
            except httpx.TransportError as exc:
                last, wait = _network_reason(exc), None
            if attempt == p.attempts:
                break
            if wait is not None and wait > p.max_retry_after:
                raise FetchError(f"{last}; server asks to retry after {wait:.0f} s", transient=True) from None
            delay = wait if wait is not None else p.backoff * 2 ** (attempt - 1) * (0.5 + random.random())
            await asyncio.sleep(delay)
        raise FetchError(f"{last} (after {p.attempts} attempts)", transient=True)

    async def _once(self, url: str, headers: dict[str, str]) -> Fetched:
        cap = self.policy.max_bytes
        async with self._client.stream("GET", url, headers=headers) as response:
            status = response.status_code
            if status in RETRY_STATUSES:
                wait = retry_after_seconds(response.headers.get("Retry-After"))
                raise _Retryable(f"HTTP {status} {response.reason_phrase}".strip(), wait)
            validators = response.headers.get("ETag"), response.headers.get("Last-Modified")
            if status == 304:
                return Fetched(str(response.url), None, *validators)
            if status >= 400:
                raise FetchError(f"HTTP {status} {response.reason_phrase}".strip())
            declared = response.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > cap:
                raise too_large(cap, f" ({int(declared) / 1_048_576:.0f} MB)")
            # Raw bytes, decoded here: the cap holds on what is decompressed, chunk by chunk.
            body = CappedBody(response.headers.get("Content-Encoding"), cap)
            async for chunk in response.aiter_raw():
                body.feed(chunk)
            return Fetched(str(response.url), body.finish(), *validators, response.headers.get("Content-Type", ""))


async def _refuse_private_hosts(request: httpx.Request) -> None:
    """Stop a request (or a redirect) to the bot's own machine or network before it is sent."""
    host = request.url.host
    reason = private_host_reason(str(request.url))
    if reason is None and host:
        try:
            infos = await asyncio.get_running_loop().getaddrinfo(host, request.url.port or 443)
        except OSError:
            return  # unresolvable: the request itself will fail with a clear network error
        for info in infos:
            address = str(info[4][0])
            reason = private_host_reason(f"http://[{address}]/" if ":" in address else f"http://{address}/")
            if reason:
                reason = f"{host} resolves to a {reason}"
                break
    if reason:
        raise FetchError(f"refused: {reason} (set [bot] allow_private_sources = true to allow it)")


def _network_reason(exc: httpx.TransportError) -> str:
    if isinstance(exc, httpx.ConnectError):
        return "could not connect"
    if isinstance(exc, httpx.RemoteProtocolError):
        return "connection closed mid-answer (truncated)"
    return "network error"
