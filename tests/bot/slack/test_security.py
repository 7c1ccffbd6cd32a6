"""Requests Slack did not sign (or signed long ago) are refused with 401 and run nothing."""

from __future__ import annotations

import hashlib
import hmac
import time

from bot.slack.app import build_slack_app
from tests.bot.slack.conftest import TOKEN, ServedApp, SlackUser


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
    served = ServedApp(build_slack_app(seed_service, token=TOKEN, signing_secret=None, api_url=fake.api_url))
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
