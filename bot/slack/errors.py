"""The one place where a failure inside the Slack adapter becomes a log line and a short user message."""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass

from slack_sdk.errors import SlackApiError

from bot.slack.delivery import DeliveryError
from summarizer.errors import NewsbriefError

log = logging.getLogger("newsbrief.slack")

NOT_IN_CHANNEL = (
    "I can't post in this channel yet: invite me with `/invite @newsbrief` (or add the app to the channel), "
    "then run the command again."
)
CHANNEL_ERRORS = {"not_in_channel", "channel_not_found", "is_archived", "restricted_action"}


@dataclass(frozen=True)
class Failure:
    """What the user is told, and the id of the log line when there is one."""

    user_message: str
    error_id: str | None = None
    can_respond: bool = True  # False when the response_url itself is what failed


def describe_failure(exc: Exception, command: str) -> Failure:
    """Log ``exc`` once and return the short message the user sees (never a traceback or ``str(exc)``)."""
    if isinstance(exc, SlackApiError) and exc.response.get("error") in CHANNEL_ERRORS:
        log.info("/%s: cannot post in channel (%s)", command, exc.response.get("error"))
        return Failure(NOT_IN_CHANNEL)
    error_id = uuid.uuid4().hex[:8]
    if isinstance(exc, DeliveryError):
        log.error(
            "/%s: delivery to %s failed after retries: %s (error id %s)", command, exc.where, exc.reason, error_id
        )
        return Failure(f"{exc.user_message} (error id {error_id})", error_id, exc.where != "response_url")
    if isinstance(exc, SlackApiError):
        log.error(
            "/%s: Slack API refused: %s (HTTP %s, error id %s)",
            command,
            exc.response.get("error"),
            exc.response.status_code,
            error_id,
        )
        return Failure(f"Slack refused the answer (error id {error_id}).", error_id)
    if isinstance(exc, NewsbriefError):
        log.warning("/%s: %s (error id %s)", command, exc.user_message, error_id)
        return Failure(f"{exc.user_message} (error id {error_id})", error_id)
    log.error("/%s failed (error id %s)", command, error_id, exc_info=exc)
    return Failure(f"Something went wrong on our side (error id {error_id}).", error_id)
