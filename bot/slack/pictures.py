"""Coverage pictures on Slack: shared in the channel with the file-upload API (``files_upload_v2``).

A picture is an extra: it is uploaded after the text went out, and a failure (the bot not in the channel,
no ``files:write`` scope, Slack unreachable) is logged and never turns the answer or digest into an error.
"""

from __future__ import annotations

import logging

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.render.coverage_picture import Picture, short
from bot.slack.delivery import RetryPolicy, unsent_retry_client

log = logging.getLogger("newsbrief.slack")

MAX_ALT_CHARS = 1000  # Slack's alt text for an image file


def share_pictures(
    client: WebClient,
    policy: RetryPolicy,
    channel: str,
    pictures: list[tuple[str, Picture]],
    thread_ts: str | None = None,
) -> bool:
    """Share ``(title, picture)`` pairs in ``channel`` (in the thread of ``thread_ts`` when given) as one
    message; True when Slack took them.

    Retries only what cannot have been taken (as channel posts do), so a picture is never shared twice.
    """
    if not pictures:
        return False
    uploads = [
        {
            "content": picture.png,
            "filename": f"coverage-{i}.png" if len(pictures) > 1 else picture.filename,
            "title": short(f"Coverage: {title}", 250),
            "alt_txt": short(picture.alt_text, MAX_ALT_CHARS),
        }
        for i, (title, picture) in enumerate(pictures, 1)
    ]
    try:
        where = {"thread_ts": thread_ts} if thread_ts else {}
        unsent_retry_client(client, policy).files_upload_v2(file_uploads=uploads, channel=channel, **where)
    except Exception as exc:  # noqa: BLE001 - logged; the text post already went out
        reason = exc.response.get("error") if isinstance(exc, SlackApiError) else None
        reason = reason or type(exc).__name__
        log.warning("could not share %d coverage picture(s) in %s (%s)", len(uploads), channel, reason)
        return False
    return True
