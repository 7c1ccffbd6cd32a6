"""The body cap holds on the bytes read, whatever Content-Length says, and request bodies are never logged."""

from __future__ import annotations

import logging
import socket
import time

import pytest

from bot.slack.runner import MAX_BODY
from tests.bot.slack.raw_http import connect, head, read_until_closed, status


def signed_head(user, body: str, length: str | None) -> bytes:
    """Headers of a correctly signed POST of ``body``, with ``length`` as its Content-Length (or none)."""
    ts = str(int(time.time()))
    headers = {
        "Content-Type": "application/x-www-form-urlencoded",
        "X-Slack-Request-Timestamp": ts,
        "X-Slack-Signature": user.signer.generate_signature(timestamp=ts, body=body),
    }
    if length is not None:
        headers["Content-Length"] = length
    return head(user.url, headers)


@pytest.mark.parametrize(
    ("length", "expected"),
    [("-1", 400), ("abc", 400), ("+5", 400), (str(MAX_BODY + 1), 413), ("9" * 30, 413), (None, 411)],
)
def test_the_answer_comes_before_the_body_is_sent(user, fake, length, expected):
    """The server answers from the headers alone: it never waits for (or reads) the 1 MB that would follow."""
    big = user.form("/who-won", "chile" + "x" * 1_000_000)
    with connect(user.url) as sock:
        sock.sendall(signed_head(user, big, length))
        response, seconds = read_until_closed(sock, timeout=3)
    assert status(response) == expected and seconds < 1
    assert fake.wait_for_posts(0, settle=0.2) == []


def test_a_body_longer_than_its_content_length_is_cut_there(user, fake):
    """Only the declared bytes are read: the signature is over the whole body, so the cut one fails it."""
    body = user.form("/who-won", "chile") + "&pad=" + "x" * (4 * MAX_BODY)
    with connect(user.url) as sock:
        sock.sendall(signed_head(user, body, str(MAX_BODY)) + body[:MAX_BODY].encode())
        response, seconds = read_until_closed(sock, timeout=3)  # the other 3 x MAX_BODY bytes are never sent
    assert status(response) == 401 and seconds < 1
    assert fake.wait_for_posts(0, settle=0.2) == []


def test_at_the_cap_a_signed_command_still_runs(user, fake):
    body = user.form("/who-won", "chile")
    body += "&pad=" + "x" * (MAX_BODY - len(body) - 5)
    assert len(body.encode()) == MAX_BODY
    assert user.post(body).status == 200
    [post] = fake.wait_for_posts(1)
    assert "58.30%" in post.visible_text


def test_request_bodies_are_never_logged(user, fake, caplog):
    caplog.set_level(logging.DEBUG)
    marker = "secret-marker-in-the-body"
    body = user.form("/who-won", marker)
    user.post(body, signature="v0=" + "0" * 64)  # bad signature
    user.post(body, timestamp=int(time.time()) - 600)  # stale
    user.send(body, {"X-Slack-Request-Timestamp": "abc", "X-Slack-Signature": "v0=" + "0" * 64})
    with connect(user.url) as sock:  # Content-Length: -1 and the body after it
        sock.sendall(signed_head(user, body, "-1") + body.encode())
        read_until_closed(sock)
    with connect(user.url) as sock:
        sock.sendall(signed_head(user, body, str(len(body) + 10)) + body.encode())  # the rest never comes
        sock.shutdown(socket.SHUT_WR)
        read_until_closed(sock)
    assert user.command("/who-won", "chile").status == 200  # and a good one, to the end of its answer
    fake.wait_for_posts(1)
    assert caplog.records  # the requests above were logged, without their bodies
    assert [r.getMessage() for r in caplog.records if marker in r.getMessage()] == []
