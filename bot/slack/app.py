"""The Slack adapter: a Bolt app whose slash commands call :class:`CommandService` and post Block Kit."""

from __future__ import annotations

import logging
import secrets
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from slack_bolt import Ack, App
from slack_sdk import WebClient

from bot.config.store import ConfigStore
from bot.pictures import Pictures
from bot.service import CommandService, DeliveryUnknown, Reply
from bot.slack.admin import config_reply
from bot.slack.blocks import render_messages, text_message
from bot.slack.delivery import RetryPolicy, SlackDelivery, make_web_client
from bot.slack.errors import describe_failure
from bot.slack.pictures import share_pictures
from bot.threads.slack import post_claimed
from summarizer.documents import DigestDocument, Document, FramingDocument

log = logging.getLogger("newsbrief.slack")

# Slack command name -> CommandService command; the same names as on Discord and the console.
ANSWERS = {
    "/brief": "brief",
    "/framing": "framing",
    "/who-won": "who-won",
    "/sources": "sources",
    "/timeline": "timeline",
}
DIGEST = "/digest"
CONFIG = "/newsbrief-config"
COMMANDS = (*ANSWERS, DIGEST, CONFIG)

# Bolt's default pool has 5 threads, and ack() waits for a free one: with 20 commands at once
# (or deliveries sleeping through a Retry-After) acks would queue. Threads here mostly wait on I/O.
LISTENER_THREADS = 32


def listener_pool() -> ThreadPoolExecutor:
    """The thread pool the answers run in, its threads all started; whoever creates it for
    ``build_slack_app`` shuts it down.

    A pool starts a thread per task until it has ``max_workers``, under a lock the next task waits for, and
    each start waits for the new thread to get the interpreter from busy ones: the first burst of commands
    after a start queued behind twenty such starts (its acks took twice as long as later ones)."""
    pool = ThreadPoolExecutor(max_workers=LISTENER_THREADS, thread_name_prefix="slack-command")
    all_started = threading.Barrier(LISTENER_THREADS + 1)
    for _ in range(LISTENER_THREADS):
        pool.submit(all_started.wait)  # each waits until all are running, so each task gets a new thread
    all_started.wait()
    return pool


def build_slack_app(
    service: CommandService,
    *,
    token: str,
    signing_secret: str | None,
    api_url: str | None,
    config_store: ConfigStore | None = None,
    retry: RetryPolicy | None = None,
    listener_executor: ThreadPoolExecutor | None = None,
) -> App:
    """A Bolt app answering the newsbrief slash commands; serve it with :mod:`bot.slack.runner`.

    ``signing_secret`` is required for HTTP mode; without one (Socket Mode) every HTTP request is
    rejected with 401, because Bolt would otherwise verify signatures against an empty secret.
    ``api_url`` overrides the Web API base (``SLACK_API_URL``). Bolt checks ``token`` with
    ``auth.test`` here, so a wrong token fails at start-up rather than on the first command.
    ``listener_executor`` runs the answers (default: a new :func:`listener_pool`); pass one you keep
    to shut it down when serving ends.
    """
    policy = retry or RetryPolicy()
    app = App(
        client=make_web_client(token, api_url, policy),
        signing_secret=signing_secret or secrets.token_hex(32),
        # ack() runs in the request thread and returns at once; the answers are lazy listeners that
        # run in the executor. (With process_before_response=False Bolt polls for ack in 10 ms sleeps,
        # which under load made acks slow.)
        process_before_response=True,
        listener_executor=listener_executor or listener_pool(),
        name="newsbrief-slack",
    )
    SlackCommands(service, SlackDelivery(policy), config_store).register(app)
    return app


class SlackCommands:
    """The slash-command listeners: acknowledge at once, then run the use case and post the answer."""

    def __init__(self, service: CommandService, delivery: SlackDelivery, config_store: ConfigStore | None) -> None:
        self.service = service
        self.delivery = delivery
        self.config_store = config_store

    def register(self, app: App) -> None:
        for name in ANSWERS:
            app.command(name)(ack=_acknowledge, lazy=[self._guarded(self.answer)])
        app.command(DIGEST)(ack=_acknowledge, lazy=[self._guarded(self.digest)])
        app.command(CONFIG)(ack=_acknowledge, lazy=[self._guarded(self.configure)])
        app.error(self.on_error)

    def _guarded(self, handler: Callable[..., None]) -> Callable[..., None]:
        """Bolt only logs a lazy listener's exception; route it to :meth:`on_error` instead."""

        def run(command: dict[str, Any], client: WebClient, body: dict[str, Any]) -> None:
            try:
                handler(command=command, client=client)
            except Exception as error:  # noqa: BLE001 - on_error logs it with an id and tells the user
                self.on_error(error, body)

        run.__name__ = f"{handler.__name__}_lazy"
        return run

    def answer(self, command: dict[str, Any], client: WebClient) -> None:
        """/brief, /framing, /who-won, /sources, /timeline: the answer is visible to the channel; errors only to the user."""
        reply = self.service.run(
            ANSWERS[command["command"]],
            command.get("text"),
            platform="slack",  # /timeline: the channel's timezone; /brief: a thread root where threads = true
            channel_id=command.get("channel_id"),
            workspace=command.get("team_id"),
        )
        if reply.record_roots is not None and self._brief_in_thread(client, command["channel_id"], reply):
            return
        document = reply.document
        self.delivery.respond(command["response_url"], render_messages(document), ephemeral=reply.is_error)
        picture = self.service.pictures.framing(document)
        if picture is not None and command.get("channel_id") and isinstance(document, FramingDocument):
            # the story's coverage, shared after the note
            share_pictures(client, self.delivery.policy, command["channel_id"], [(document.stories[0].title, picture)])

    def _brief_in_thread(self, client: WebClient, channel: str, reply: Reply) -> bool:
        """/brief in a channel with threads: the story posted as the bot, the root of its thread. False when
        Slack refused it (the bot not in the channel): the claim is released and the answer goes out as usual."""
        pictures = self.service.pictures.digest(reply.document, "slack", channel)
        try:
            post_claimed(client, self.delivery.policy, channel, reply, pictures)
        except DeliveryUnknown:
            raise  # it may have been posted: never posted twice
        except Exception as exc:  # noqa: BLE001 - refused, nothing went out
            log.warning(
                "/brief in %s not posted as a thread root (%s); answering as usual", channel, type(exc).__name__
            )
            return False
        return True

    def digest(self, command: dict[str, Any], client: WebClient) -> None:
        """/digest: post this channel's new stories as the bot, recorded like a scheduled digest."""
        channel = command["channel_id"]
        reply = self.service.run("digest", platform="slack", channel_id=channel, workspace=command.get("team_id"))
        if reply.is_error:  # including "no new stories": told only to the user who asked
            self.delivery.respond(command["response_url"], render_messages(reply.document), ephemeral=True)
            return
        if reply.record_roots is not None:  # threads = true: each story the root of its thread
            post_claimed(
                client,
                self.delivery.policy,
                channel,
                reply,
                self.service.pictures.digest(reply.document, "slack", channel),
            )
            return
        with reply.delivery():  # a failed post releases the stories for the next digest
            self.delivery.post_to_channel(client, channel, render_messages(reply.document))
        digest_pictures(self.service.pictures, client, self.delivery.policy, channel, reply.document)

    def configure(self, command: dict[str, Any], client: WebClient) -> None:
        """/newsbrief-config: admin configuration editing; replies only to the user who ran it."""
        messages = config_reply(self.config_store, client, command, self.service.history)
        self.delivery.respond(command["response_url"], messages, ephemeral=True)

    def on_error(self, error: Exception, body: dict[str, Any]) -> None:
        """Every failure in a listener ends here: logged once, the user told briefly if we still can."""
        command = str(body.get("command", "?")).lstrip("/")
        failure = describe_failure(error, command)
        response_url = body.get("response_url")
        if not failure.can_respond or not response_url:
            return
        try:
            self.delivery.respond(response_url, text_message(None, [failure.user_message]), ephemeral=True)
        except Exception as exc:  # noqa: BLE001 - the failure is already logged with its id
            log.warning("could not tell the user about error %s: %s", failure.error_id, type(exc).__name__)


def digest_pictures(pictures: Pictures, client: WebClient, policy: RetryPolicy, channel: str, doc: Document) -> None:
    """After a digest went out: its stories' coverage pictures, in a channel with ``pictures = true``."""
    if not isinstance(doc, DigestDocument):
        return
    drawn = pictures.digest(doc, "slack", channel)
    shared = [(story.title, p) for story, p in zip(doc.stories, drawn, strict=True) if p is not None]
    share_pictures(client, policy, channel, shared)


def _acknowledge(ack: Ack) -> None:
    ack()
