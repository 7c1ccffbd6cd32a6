"""Deliver messages to Slack (a command's ``response_url`` or a channel), retrying 429s and network errors."""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any
from urllib.error import URLError

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry import (
    BackoffRetryIntervalCalculator,
    ConnectionErrorRetryHandler,
    RateLimitErrorRetryHandler,
    RetryHandler,
)
from slack_sdk.http_retry.builtin_handlers import ServerErrorRetryHandler
from slack_sdk.http_retry.jitter import Jitter
from slack_sdk.http_retry.request import HttpRequest
from slack_sdk.http_retry.response import HttpResponse
from slack_sdk.http_retry.state import RetryState
from slack_sdk.webhook import WebhookClient

from bot.service import DeliveryUnknown
from bot.slack.limits import SlackMessage
from summarizer.errors import NewsbriefError

DEFAULT_API_URL = "https://slack.com/api/"


class ProportionalJitter(Jitter):
    """Up to +50% of the interval (slack_sdk's default adds up to a whole second to every wait)."""

    def recalculate(self, duration: float) -> float:
        return duration * (1 + random.random() / 2)


@dataclass(frozen=True)
class RetryPolicy:
    """How hard to try: Slack's ``Retry-After`` is always honoured; network errors back off exponentially."""

    rate_limit_retries: int = 5
    network_retries: int = 4
    backoff_seconds: float = 0.5
    timeout_seconds: float = 10

    def _backoff(self) -> BackoffRetryIntervalCalculator:
        return BackoffRetryIntervalCalculator(backoff_factor=self.backoff_seconds, jitter=ProportionalJitter())

    def handlers(self) -> list[RetryHandler]:
        """For answers through a ``response_url``: retry network errors, 429s and 5xx."""
        backoff = self._backoff()
        return [
            ConnectionErrorRetryHandler(max_retry_count=self.network_retries, interval_calculator=backoff),
            RateLimitErrorRetryHandler(max_retry_count=self.rate_limit_retries),
            ServerErrorRetryHandler(max_retry_count=2, interval_calculator=backoff),
        ]

    def unsent_handlers(self) -> list[RetryHandler]:
        """For channel posts (at most once): retry only what Slack cannot have acted on — a request that
        was never sent whole (urllib raises those as ``URLError``), a 429 and a 503."""
        backoff = self._backoff()
        return [
            ConnectionErrorRetryHandler(self.network_retries, backoff, error_types=[URLError]),
            RateLimitErrorRetryHandler(max_retry_count=self.rate_limit_retries),
            _UnavailableRetryHandler(max_retry_count=2, interval_calculator=backoff),
        ]


class _UnavailableRetryHandler(RetryHandler):
    """Retries 503 Service Unavailable only: unlike a 500 or 504, it says the request was not processed."""

    def _can_retry(
        self,
        *,
        state: RetryState,
        request: HttpRequest,
        response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> bool:
        return response is not None and response.status_code == 503


class DeliveryError(NewsbriefError):
    """Slack refused or never received a message after every retry."""

    def __init__(self, where: str, reason: str) -> None:
        super().__init__("Slack did not accept the answer; please try again in a minute.")
        self.where = where
        self.reason = reason


UNCONFIRMED = (
    "Slack did not confirm the digest, so it may or may not have been posted in this channel. "
    "Its stories count as posted and will not be repeated."
)


class DeliveryUnconfirmed(DeliveryUnknown, DeliveryError):
    """A channel post Slack may have taken without confirming it (timeout, connection lost after sending)."""

    def __init__(self, where: str, reason: str) -> None:
        NewsbriefError.__init__(self, UNCONFIRMED)
        self.where = where
        self.reason = reason


def api_base_url(api_url: str | None) -> str:
    """The Web API base with the trailing slash slack_sdk expects (``SLACK_API_URL`` or slack.com)."""
    url = (api_url or DEFAULT_API_URL).strip()
    return url if url.endswith("/") else url + "/"


def make_web_client(token: str, api_url: str | None, policy: RetryPolicy) -> WebClient:
    """A Web API client with our retry policy; the token stays inside the client, never in logs."""
    return WebClient(
        token=token, base_url=api_base_url(api_url), timeout=policy.timeout_seconds, retry_handlers=policy.handlers()
    )


class SlackDelivery:
    """Posts rendered messages; raises :class:`DeliveryError` once every retry has failed."""

    def __init__(self, policy: RetryPolicy) -> None:
        self.policy = policy

    def respond(self, response_url: str, messages: list[SlackMessage], *, ephemeral: bool) -> None:
        """Answer a slash command through its ``response_url`` (visible to the channel unless ephemeral)."""
        webhook = WebhookClient(
            response_url, timeout=self.policy.timeout_seconds, retry_handlers=self.policy.handlers()
        )
        response_type = "ephemeral" if ephemeral else "in_channel"
        for message in messages:
            try:
                result = webhook.send_dict(
                    {**message.payload(), "response_type": response_type, "replace_original": False}
                )
            except OSError as exc:  # connection refused/reset after every retry
                raise DeliveryError("response_url", type(exc).__name__) from exc
            if result.status_code != 200:
                raise DeliveryError("response_url", f"HTTP {result.status_code}: {result.body[:200]}")

    def post_to_channel(self, client: WebClient, channel: str, messages: list[SlackMessage]) -> None:
        """Post ``messages`` to ``channel`` with ``chat.postMessage``, at most once.

        Slack's refusals raise ``SlackApiError`` and a request never sent raises :class:`DeliveryError`
        (nothing went out). A timeout, a connection lost after sending, an ambiguous 5xx, or any failure
        after the first message went out raises :class:`DeliveryUnconfirmed`: it may have been posted, so
        it is never retried.
        """
        poster = unsent_retry_client(client, self.policy)
        for sent, message in enumerate(messages):
            try:
                poster.chat_postMessage(channel=channel, text=message.text, blocks=message.blocks, unfurl_links=False)
            except Exception as exc:
                mapped = classify_post_error(exc, partial=sent > 0)
                if mapped is exc:
                    raise
                raise mapped from exc


def unsent_retry_client(client: WebClient, policy: RetryPolicy) -> WebClient:
    """``client`` (same token, URL, timeout) with retries limited to requests Slack cannot have acted on."""
    return WebClient(
        token=client.token,
        base_url=client.base_url,
        timeout=client.timeout,
        ssl=client.ssl,
        proxy=client.proxy,
        headers=client.headers,
        retry_handlers=policy.unsent_handlers(),
    )


def classify_post_error(exc: Exception, *, partial: bool) -> Exception:
    """The error to raise for a failed ``chat.postMessage``: a refusal, or an unconfirmed post."""
    where = "chat.postMessage"
    if isinstance(exc, SlackApiError):
        status: Any = getattr(exc.response, "status_code", 200)
        if partial or (isinstance(status, int) and status >= 500 and status != 503):
            return DeliveryUnconfirmed(where, f"HTTP {status} {exc.response.get('error')}")
        return exc  # Slack said no (not_in_channel, invalid_auth, …): nothing went out
    if isinstance(exc, URLError) and not partial:
        return DeliveryError(where, type(exc.reason).__name__ if isinstance(exc.reason, BaseException) else "URLError")
    if isinstance(exc, OSError):  # TimeoutError, RemoteDisconnected, ConnectionResetError: after sending
        return DeliveryUnconfirmed(where, f"{type(exc).__name__}; it may have been posted")
    return DeliveryUnconfirmed(where, type(exc).__name__) if partial else exc
