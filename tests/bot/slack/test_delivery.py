"""Slack's rate limits and network failures: answers wait and retry; nothing is dropped silently."""

from __future__ import annotations

import logging
import re

from bot.slack.delivery import UNCONFIRMED


def test_429_on_the_response_url_waits_retry_after_then_delivers(user, fake):
    fake.fail_next("/response/", "429", retry_after=1)
    result = user.command("/who-won", "chile")
    assert result.status == 200 and result.seconds < 1.0  # the ack does not wait for delivery
    first, second = fake.wait_for_posts(2)
    assert second.at - first.at >= 1.0
    assert second.body == first.body and "58.30%" in second.visible_text


def test_429_on_chat_post_message_waits_retry_after_then_delivers(user, fake):
    fake.fail_next("/api/chat.postMessage", "429", retry_after=1)
    user.command("/digest", channel_id="C7")
    first, second = fake.wait_for_posts(2)
    assert [first.path, second.path] == ["/api/chat.postMessage"] * 2
    assert second.at - first.at >= 1.0
    assert second.body["channel"] == "C7" and "58.30%" in second.visible_text


def test_dropped_connections_are_retried_with_backoff(user, fake):
    fake.fail_next("/response/", "drop", times=2)
    user.command("/brief", "kast")
    posts = fake.wait_for_posts(3)
    assert len(posts) == 3
    assert "58.30%" in posts[2].visible_text


def test_response_url_unreachable_after_retries_is_logged_with_an_error_id(user, fake, caplog):
    caplog.set_level(logging.ERROR, logger="newsbrief.slack")
    fake.fail_next("/response/", "drop", times=10)
    user.command("/brief", "kast")
    posts = fake.wait_for_posts(4, settle=0.5)
    assert len(posts) == 4  # one try and three retries, then give up
    [record] = [r for r in caplog.records if r.name == "newsbrief.slack"]
    assert re.search(
        r"/brief: delivery to response_url failed after retries: RemoteDisconnected \(error id [0-9a-f]{8}\)",
        record.getMessage(),
    )


def test_channel_post_lost_after_sending_is_not_retried_and_the_user_is_told_it_may_have_gone_out(user, fake, caplog):
    caplog.set_level(logging.ERROR, logger="newsbrief.slack")
    fake.fail_next("/api/chat.postMessage", "drop", times=10)
    user.command("/digest")
    posts = fake.wait_for_posts(2, settle=0.3)
    assert [p.path for p in posts] == ["/api/chat.postMessage", "/response/digest"]  # a retry could post twice
    error_id = re.search(r"error id ([0-9a-f]{8})", posts[-1].body["text"]).group(1)
    assert posts[-1].body == {
        "text": f"{UNCONFIRMED} (error id {error_id})",
        "blocks": posts[-1].body["blocks"],
        "response_type": "ephemeral",
        "replace_original": False,
    }
    assert "Traceback" not in posts[-1].visible_text
    assert any(error_id in r.getMessage() for r in caplog.records)


def test_chat_post_message_503_is_retried_but_a_500_is_not(user, fake):
    fake.fail_next("/api/chat.postMessage", "503", retry_after=0)
    user.command("/digest", channel_id="C5")
    first, second = fake.wait_for_posts(2)
    assert [first.path, second.path] == ["/api/chat.postMessage"] * 2 and "58.30%" in second.visible_text

    fake.fail_next("/api/chat.postMessage", "500", retry_after=0)
    user.command("/digest", channel_id="C6")
    *_, tried, notice = fake.wait_for_posts(4, settle=0.3)
    assert tried.path == "/api/chat.postMessage" and notice.path == "/response/digest"
    assert notice.body["text"].startswith(UNCONFIRMED)
