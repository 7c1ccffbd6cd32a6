"""A correctly signed request sent again within its five minutes runs nothing the second time."""

from __future__ import annotations

import time

from bot.service import CommandService, InMemoryStories
from bot.slack.replay import ReplayCache
from tests.conftest import SEEDS


def test_a_replayed_digest_is_posted_once(make_user, fake):
    user = make_user(CommandService(InMemoryStories.from_paths([SEEDS])))
    body, ts = user.form("/digest", channel_id="CREPLAY"), int(time.time())
    signature = user.signer.generate_signature(timestamp=str(ts), body=body)
    first = user.post(body, timestamp=ts, signature=signature)
    [post] = fake.wait_for_posts(1)
    replayed = [user.post(body, timestamp=ts, signature=signature) for _ in range(3)]
    assert first.status == 200 and [r.status for r in replayed] == [200, 200, 200]  # acked, and ignored
    assert post.path == "/api/chat.postMessage" and post.body["channel"] == "CREPLAY"
    assert user.command("/sources").status == 200  # a new request (new signature) still runs
    assert [p.path for p in fake.wait_for_posts(2, settle=0.3)] == ["/api/chat.postMessage", "/response/sources"]


def test_the_cache_forgets_a_signature_when_its_timestamp_leaves_the_window():
    now = [1_000_000.0]
    cache = ReplayCache(window=300, clock=lambda: now[0])
    assert cache.first_time("v0=a", 1_000_000) and not cache.first_time("v0=a", 1_000_000)
    now[0] += 300
    assert not cache.first_time("v0=a", 1_000_000)  # still acceptable to Slack's check, still refused here
    now[0] += 1
    assert len(cache) == 0  # Slack's check refuses it from now on, so it need not be kept


def test_a_full_cache_forgets_the_entry_closest_to_expiry():
    cache = ReplayCache(window=300, max_entries=2, clock=lambda: 1_000_000.0)
    for signature, timestamp in [("v0=b", 1_000_010), ("v0=a", 1_000_000), ("v0=c", 1_000_020)]:
        assert cache.first_time(signature, timestamp)
    assert len(cache) == 2
    assert not cache.first_time("v0=b", 1_000_010) and not cache.first_time("v0=c", 1_000_020)
    assert cache.first_time("v0=a", 1_000_000)  # the one forgotten
