"""Socket Mode runs the very app (and handlers) that HTTP mode serves; settings come from the environment."""

from __future__ import annotations

import threading
from urllib.parse import parse_qsl

import pytest
from slack_bolt.adapter.socket_mode.internals import run_bolt_app
from slack_sdk.socket_mode.request import SocketModeRequest

from bot.slack.app import build_slack_app
from bot.slack.runner import SlackSetupError, serve_http, slack_settings_from_env, socket_mode_handler
from tests.bot.slack.conftest import TOKEN, SlackUser


def test_socket_mode_handler_wraps_the_same_app_and_web_client(seed_service, fake):
    app = build_slack_app(seed_service, token=TOKEN, signing_secret=None, api_url=fake.api_url)
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
        app.listener_runner.listener_executor.shutdown(wait=True)


def test_settings_pick_socket_mode_when_an_app_token_is_set():
    settings = slack_settings_from_env(
        {"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_APP_TOKEN": "xapp-1", "SLACK_API_URL": "http://x/api"}
    )
    assert settings.mode == "socket" and settings.api_url == "http://x/api"
    assert "xoxb" not in repr(settings) and "xapp" not in repr(settings)


def test_settings_pick_http_mode_with_a_signing_secret():
    assert slack_settings_from_env({"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_SIGNING_SECRET": "s"}).mode == "http"


@pytest.mark.parametrize(
    ("env", "hint"),
    [
        ({}, "SLACK_BOT_TOKEN is missing"),
        ({"SLACK_BOT_TOKEN": "xoxb-1"}, "Set SLACK_APP_TOKEN (Socket Mode"),
        ({"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_APP_TOKEN": "xoxb-2"}, "must be an app-level token (xapp-…)"),
    ],
)
def test_settings_errors_say_how_to_fix_them(env, hint):
    with pytest.raises(SlackSetupError) as caught:
        slack_settings_from_env(env)
    assert hint in caught.value.user_message


def test_serve_http_returns_when_stopped(seed_service, fake):
    app = build_slack_app(seed_service, token=TOKEN, signing_secret="s", api_url=fake.api_url)
    stop = threading.Event()
    thread = threading.Thread(target=serve_http, args=(app, "127.0.0.1", 0, stop))
    thread.start()
    stop.set()
    thread.join(5)
    app.listener_runner.listener_executor.shutdown(wait=True)
    assert not thread.is_alive()
