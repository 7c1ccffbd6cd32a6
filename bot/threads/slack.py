"""Story threads on Slack: each story its own message (the thread root, by ``ts``), updates as replies."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from slack_sdk import WebClient

from bot.render.coverage_picture import Picture
from bot.service import Reply
from bot.slack.blocks import render_messages, text_message
from bot.slack.delivery import RetryPolicy, classify_post_error, unsent_retry_client
from bot.slack.limits import SlackMessage
from bot.slack.pictures import share_pictures
from bot.storage.threads import ThreadRoot
from bot.threads.publish import PostedStories, full_note_doc, posted_stories, story_doc
from summarizer.documents import DigestDocument
from summarizer.models import Story

log = logging.getLogger("newsbrief.threads")


class SlackThreads:
    """Posts roots and updates with ``chat.postMessage`` / ``chat.update``, at most once (as digests)."""

    def __init__(self, client: WebClient, policy: RetryPolicy) -> None:
        self.client = client
        self.policy = policy

    def _poster(self) -> WebClient:
        return unsent_retry_client(self.client, self.policy)

    def _post(self, poster: WebClient, channel: str, message: SlackMessage, thread_ts: str | None, sent: int) -> str:
        try:
            result = poster.chat_postMessage(
                channel=channel, text=message.text, blocks=message.blocks, thread_ts=thread_ts, unfurl_links=False
            )
        except Exception as exc:
            mapped = classify_post_error(exc, partial=sent > 0)
            if mapped is exc:
                raise
            raise mapped from exc
        return str(result["ts"])

    def post_roots(
        self, channel: str, doc: PostedStories, pictures: Sequence[Picture | None] | None = None
    ) -> list[ThreadRoot]:
        """One message per story; a story longer than one message continues inside its own thread, then the
        thread gets the story's full framing note and its coverage picture (one per story in ``pictures``)."""
        poster = self._poster()
        roots: list[ThreadRoot] = []
        sent = 0
        for i, story in enumerate(doc.stories):
            first, *rest = render_messages(story_doc(doc, story))
            ts = self._post(poster, channel, first, None, sent)
            sent += 1
            for message in rest:
                self._post(poster, channel, message, ts, sent)
            roots.append(ThreadRoot(ts, ts))
            self._extras(poster, channel, ts, story, pictures[i] if pictures else None)
        return roots

    def _extras(self, poster: WebClient, channel: str, ts: str, story: Story, picture: Picture | None) -> None:
        """The full note and the picture in the story's thread: extras, so a failure is logged, never raised."""
        note = full_note_doc(story)
        try:
            for message in render_messages(note) if note else []:
                poster.chat_postMessage(
                    channel=channel, text=message.text, blocks=message.blocks, thread_ts=ts, unfurl_links=False
                )
        except Exception as exc:  # noqa: BLE001 - the story itself went out
            log.warning("the full framing note of %s in %s was not posted (%s)", ts, channel, type(exc).__name__)
        if picture is not None:
            share_pictures(self.client, self.policy, channel, [(story.title, picture)], thread_ts=ts)

    def post_update(
        self, channel: str, root: ThreadRoot, lines: list[str], story: Story, picture: Picture | None = None
    ) -> None:
        """The update as a reply in the thread, then the root re-rendered (its outlets line) with ``chat.update``;
        a ``picture`` (the story's coverage as it is now) follows the update in the thread."""
        poster = self._poster()
        for i, message in enumerate(text_message(None, lines)):
            self._post(poster, channel, message, root.thread_id, i)
        first = render_messages(DigestDocument(stories=[story]))[0]
        try:
            poster.chat_update(channel=channel, ts=root.root_id, text=first.text, blocks=first.blocks)
        except Exception:  # the update itself went out; a stale outlet count is not worth a failure
            log.warning("could not edit the root message %s in %s", root.root_id, channel, exc_info=True)
        if picture is not None:
            share_pictures(self.client, self.policy, channel, [(story.title, picture)], root.thread_id)


def post_claimed(
    client: WebClient, policy: RetryPolicy, channel: str, reply: Reply, pictures: Sequence[Picture | None]
) -> list[ThreadRoot]:
    """Post a claimed ``/brief`` or ``/digest`` (``reply.record_roots`` set) as thread roots, then record them.

    The outcome is settled as for digests; the roots are recorded after it, so a database hiccup there
    leaves the stories posted (not followed) instead of releasing stories that went out.
    """
    with reply.delivery():
        roots = SlackThreads(client, policy).post_roots(channel, posted_stories(reply.document), pictures)
    if reply.record_roots is not None:
        try:
            reply.record_roots(roots)
        except Exception:  # noqa: BLE001 - posted and settled; only the updates are lost
            log.exception("the threads of %d stories in %s were not recorded", len(roots), channel)
    return roots
