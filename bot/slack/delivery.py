"""Deliver messages to Slack (a command's ``response_url`` or a channel), retrying 429s and network errors."""

from __future__ import annotations

import random
from dataclasses import dataclass

from slack_sdk import WebClient
from slack_sdk.http_retry import (
    BackoffRetryIntervalCalculator,
    ConnectionErrorRetryHandler,
    RateLimitErrorRetryHandler,
    RetryHandler,
)
from slack_sdk.http_retry.builtin_handlers import ServerErrorRetryHandler
from slack_sdk.http_retry.jitter import Jitter
from slack_sdk.webhook import WebhookClient

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
    timeout_seconds: int = 10

    def handlers(self) -> list[RetryHandler]:
        backoff = BackoffRetryIntervalCalculator(backoff_factor=self.backoff_seconds, jitter=ProportionalJitter())
        return [
            ConnectionErrorRetryHandler(max_retry_count=self.network_retries, interval_calculator=backoff),
            RateLimitErrorRetryHandler(max_retry_count=self.rate_limit_retries),
            ServerErrorRetryHandler(max_retry_count=2, interval_calculator=backoff),
        ]


class DeliveryError(NewsbriefError):
    """Slack refused or never received a message after every retry."""

    def __init__(self, where: str, reason: str) -> None:
        super().__init__("Slack did not accept the answer; please try again in a minute.")
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
        """Post ``messages`` to ``channel`` with ``chat.postMessage`` (SlackApiError for Slack's refusals)."""
        for message in messages:
            try:
                client.chat_postMessage(channel=channel, text=message.text, blocks=message.blocks, unfurl_links=False)
            except OSError as exc:
                raise DeliveryError("chat.postMessage", type(exc).__name__) from exc
