"""Requests Slack did not sign (or signed long ago) are refused with 401 and run nothing."""

from __future__ import annotations

import hashlib
import hmac
import time
from collections.abc import Iterator

import pytest

from bot.slack.app import build_slack_app, listener_pool
from tests.bot.slack.conftest import SECRET, TOKEN, ServedApp, SlackUser
from tests.bot.slack.fake_slack import FakeSlack


def assert_only_the_control_is_answered(user: SlackUser, fake) -> None:
    """A correctly signed /sources after the refused request: its answer must be the only post."""
    assert user.command("/sources").status == 200
    posts = fake.wait_for_posts(1, settle=0.3)
    assert [p.path for p in posts] == ["/response/sources"]


def test_bad_signature_is_rejected_and_nothing_is_posted(user, fake):
    body = user.form("/who-won", "chile")
    result = user.post(body, signature="v0=" + "0" * 64)
    assert result.status == 401
    assert_only_the_control_is_answered(user, fake)


def test_signature_over_another_body_is_rejected(user, fake):
    signed_for = user.form("/brief", "kast")
    ts = str(int(time.time()))
    signature = user.signer.generate_signature(timestamp=ts, body=signed_for)
    result = user.post(user.form("/digest"), timestamp=int(ts), signature=signature)
    assert result.status == 401
    assert_only_the_control_is_answered(user, fake)


def test_replayed_request_with_an_old_timestamp_is_rejected(user, fake):
    result = user.post(user.form("/who-won", "chile"), timestamp=int(time.time()) - 600)  # correctly signed
    assert result.status == 401
    assert_only_the_control_is_answered(user, fake)


def test_without_a_signing_secret_http_requests_are_all_refused(seed_service, fake):
    # Socket Mode apps have no signing secret; their HTTP endpoint must not accept an empty-key signature.
    pool = listener_pool()
    app = build_slack_app(seed_service, token=TOKEN, signing_secret=None, api_url=fake.api_url, listener_executor=pool)
    served = ServedApp(app, pool, secret=None)
    user = SlackUser(served.url, fake)
    body, ts = user.form("/who-won"), str(int(time.time()))
    empty_key = hmac.new(b"", f"v0:{ts}:{body}".encode(), hashlib.sha256).hexdigest()
    try:
        result = user.post(body, timestamp=int(ts), signature=f"v0={empty_key}")
    finally:
        served.stop()
    assert result.status == 401
    assert fake.posts() == []


def test_other_paths_are_not_found(user):
    result = SlackUser(user.url.replace("/slack/events", "/admin"), user.fake).command("/who-won")
    assert result.status == 404


@pytest.fixture
def elsewhere() -> Iterator[FakeSlack]:
    """Any address a forged request names as its response_url: it must never be called."""
    server = FakeSlack().start()
    yield server
    server.stop()


def signed_for(user: SlackUser, body: str, timestamp: str) -> str:
    """A signature computed with the real secret, so only the timestamp's form is wrong."""
    digest = hmac.new(SECRET.encode(), f"v0:{timestamp}:{body}".encode(), hashlib.sha256).hexdigest()
    return f"v0={digest}"


@pytest.mark.parametrize("timestamp", ["abc", "", "1.5", " 1", "1e9", "-1", "0x1f", "9" * 40])
def test_a_malformed_timestamp_is_refused_and_nothing_is_called(user, fake, elsewhere, timestamp):
    body = user.form("/digest", response_url=elsewhere.response_url("victim"))
    calls_before = len(fake.calls)  # auth.test at start-up
    result = user.send(
        body, {"X-Slack-Request-Timestamp": timestamp, "X-Slack-Signature": signed_for(user, body, timestamp)}
    )
    assert result.status == 401
    assert_only_the_control_is_answered(user, fake)
    assert [c.path for c in fake.calls[calls_before:]] == ["/response/sources"]
    assert elsewhere.calls == []


@pytest.mark.parametrize(
    "headers",
    [
        {},  # neither header
        {"X-Slack-Request-Timestamp": "NOW"},  # no signature
        {"X-Slack-Signature": "v0=" + "0" * 64},  # no timestamp
        {"X-Slack-Request-Timestamp": "NOW", "X-Slack-Signature": "v1=abc"},
        {"X-Slack-Request-Timestamp": "NOW", "X-Slack-Signature": ""},
    ],
    ids=["no-headers", "no-signature", "no-timestamp", "bad-signature-form", "empty-signature"],
)
def test_an_unsigned_request_is_refused_and_nothing_is_called(user, fake, elsewhere, headers):
    body = user.form("/newsbrief-config", "show", response_url=elsewhere.response_url("victim"))
    now = str(int(time.time()))
    calls_before = len(fake.calls)
    result = user.send(body, {k: v.replace("NOW", now) for k, v in headers.items()})
    assert result.status == 401
    assert_only_the_control_is_answered(user, fake)
    assert [c.path for c in fake.calls[calls_before:]] == ["/response/sources"]
    assert elsewhere.calls == []
