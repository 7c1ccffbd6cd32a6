"""Socket Mode runs the very app (and handlers) that HTTP mode serves."""

from __future__ import annotations

import socket
import threading
import time
from urllib.parse import parse_qsl

import httpx
from slack_bolt.adapter.socket_mode.internals import run_bolt_app
from slack_sdk.socket_mode.request import SocketModeRequest

from bot.slack.app import build_slack_app, listener_pool
from bot.slack.runner import EVENTS_PATH, MAX_BODY, serve_http, socket_mode_handler
from tests.bot.slack.conftest import TOKEN, SlackUser


def test_socket_mode_handler_wraps_the_same_app_and_web_client(seed_service, fake):
    pool = listener_pool()
    app = build_slack_app(seed_service, token=TOKEN, signing_secret=None, api_url=fake.api_url, listener_executor=pool)
    handler = socket_mode_handler(app, "xapp-1-test")
    try:
        assert handler.app is app
        assert handler.client.app_token == "xapp-1-test"
        assert handler.client.web_client.base_url == fake.api_url  # apps.connections.open goes to SLACK_API_URL
        assert not handler.client.is_connected()
        # What the handler does with an envelope from the WebSocket (minus the socket): same listeners, same answer.
        payload = dict(parse_qsl(SlackUser("unused", fake).form("/who-won", "chile")))
        ack = run_bolt_app(handler.app, SocketModeRequest(type="slash_commands", envelope_id="e1", payload=payload))
        assert ack.status == 200
        [post] = fake.wait_for_posts(1)
        assert "58.30%" in post.visible_text and post.path == "/response/who-won"
    finally:
        handler.close()
        pool.shutdown(wait=True)


def test_serve_http_serves_until_stopped(seed_service, fake):
    pool = listener_pool()
    app = build_slack_app(seed_service, token=TOKEN, signing_secret="s", api_url=fake.api_url, listener_executor=pool)
    with socket.socket() as probe:  # a free port: serve_http binds it itself
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    stop = threading.Event()
    thread = threading.Thread(target=serve_http, args=(app, "127.0.0.1", port, stop), kwargs={"signing_secret": "s"})
    thread.start()
    try:
        url = f"http://127.0.0.1:{port}{EVENTS_PATH}"
        for _ in range(50):  # wait until it listens
            try:
                status = httpx.post(url, content=b"command=%2Fbrief").status_code
                break
            except httpx.ConnectError:
                time.sleep(0.05)
        assert status == 401  # served by Bolt: an unsigned request is refused
        too_big = httpx.post(url, content=b"x" * (MAX_BODY + 1))
        assert too_big.status_code == 413 and fake.posts() == []
        assert httpx.post(f"http://127.0.0.1:{port}/other").status_code == 404
    finally:
        stop.set()
        thread.join(5)
        pool.shutdown(wait=True)
    assert not thread.is_alive()
