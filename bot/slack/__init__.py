"""The Slack adapter: slash commands over Socket Mode or signed HTTP, answers in Block Kit."""

from bot.slack.app import build_slack_app
from bot.slack.runner import serve_http, start_socket_mode

__all__ = ["build_slack_app", "serve_http", "start_socket_mode"]
