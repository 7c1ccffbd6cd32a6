"""Connections that send nothing, or trickle, are closed on time, and open connections (threads) are bounded."""

from __future__ import annotations

import threading
import time

import pytest

from bot.slack.runner import HttpLimits
from tests.bot.slack.raw_http import connect, head, read_until_closed, status

LIMITS = HttpLimits(header_timeout=0.4, body_timeout=0.4, max_connections=8)


@pytest.fixture
def limited_user(make_user, seed_service):
    return make_user(seed_service, limits=LIMITS)


def test_idle_connections_are_closed_and_threads_stay_bounded(limited_user, fake, caplog):
    threads_before = threading.active_count()
    sockets = [connect(limited_user.url) for _ in range(40)]
    try:
        sockets[-1].sendall(b"POST /slack/ev")  # one sends half a request line, the rest nothing
        # 32 are turned away at once (from the accepting thread, no thread each) ...
        refused = [read_until_closed(s, timeout=0.3) for s in sockets[LIMITS.max_connections :]]
        assert [status(r) for r, _ in refused] == [503] * 32
        assert threading.active_count() - threads_before <= LIMITS.max_connections
        # ... and the 8 that were let in are closed when their time to send the headers is up.
        held = [read_until_closed(s, timeout=2) for s in sockets[: LIMITS.max_connections]]
    finally:
        for s in sockets:
            s.close()
    assert all(response == b"" and seconds < 1.0 for response, seconds in held)
    assert len([r for r in caplog.records if "connections busy" in r.getMessage()]) == 1  # not one per refusal
    assert limited_user.command("/sources").status == 200  # the slots are free again
    assert [p.path for p in fake.wait_for_posts(1)] == ["/response/sources"]


def test_headers_trickled_a_byte_at_a_time_do_not_extend_the_deadline(limited_user):
    request = head(limited_user.url, {"X-Slack-Request-Timestamp": "1" * 200})
    start = time.monotonic()
    with connect(limited_user.url) as sock:
        try:
            for byte in request:
                sock.sendall(bytes([byte]))
                time.sleep(0.02)  # the pace is the attack: each byte well inside any per-read timeout
        except (BrokenPipeError, ConnectionResetError):
            pass  # the server hung up mid-headers, as it should
        response, _ = read_until_closed(sock, timeout=2)
    assert response == b"" and time.monotonic() - start < LIMITS.header_timeout + 0.5


def test_a_body_that_never_arrives_gets_408_and_runs_nothing(limited_user, fake):
    body = limited_user.form("/who-won", "chile")
    ts = str(int(time.time()))
    headers = {
        "Content-Type": "application/x-www-form-urlencoded",
        "Content-Length": str(len(body)),
        "X-Slack-Request-Timestamp": ts,
        "X-Slack-Signature": limited_user.signer.generate_signature(timestamp=ts, body=body),
    }
    with connect(limited_user.url) as sock:
        sock.sendall(head(limited_user.url, headers) + body[:20].encode())  # the rest never comes
        response, seconds = read_until_closed(sock, timeout=2)
    assert status(response) == 408 and LIMITS.body_timeout - 0.05 < seconds < 1.0
    assert fake.wait_for_posts(0, settle=0.2) == []


def test_headers_beyond_the_limit_are_refused_unread(limited_user):
    """Within the standard library's own limits (100 headers of 64 KB) a client could make us hold 6 MB."""
    headers = {f"X-Filler-{i}": "f" * 8000 for i in range(90)}  # 720 KB
    with connect(limited_user.url) as sock:
        try:
            for line in head(limited_user.url, headers).split(b"\r\n"):
                sock.sendall(line + b"\r\n")
        except (BrokenPipeError, ConnectionResetError):
            pass  # the server hung up part way, as it should
        response, seconds = read_until_closed(sock, timeout=2)
    assert status(response) == 431 and seconds < 1  # not the 411 that reading all the headers would give
