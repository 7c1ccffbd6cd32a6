"""Every document type has its own renderer on every platform, and a document renders the same typed or as JSON."""

from __future__ import annotations

import typing

import pytest

from bot.discord.cards import document_cards
from bot.discord.embeds import document_embeds
from bot.render.text import Style, document_blocks, render
from bot.service import CommandService, InMemoryStories
from bot.slack.blocks import document_blocks as slack_blocks
from bot.slack.blocks import render_messages
from summarizer.documents import AnyDocument, Document
from summarizer.models import Story

DOCUMENT_TYPES = typing.get_args(AnyDocument)


@pytest.mark.parametrize("kind", DOCUMENT_TYPES, ids=lambda kind: kind.__name__)
def test_each_document_type_has_a_renderer_of_its_own_on_each_platform(kind: type[Document]) -> None:
    for renderer in (document_blocks, slack_blocks, document_cards):
        assert renderer.dispatch(kind) is not renderer.dispatch(Document), f"{renderer.__module__}: {kind.__name__}"


def test_a_document_that_is_no_known_type_is_refused_not_guessed() -> None:
    class Unknown(Document):
        command: str = "unknown"

    with pytest.raises(TypeError, match="Unknown"):
        document_blocks(Unknown(), Style(markdown=False))


@pytest.mark.parametrize("command", ["brief", "framing", "who-won", "digest", "sources", "timeline", "nonsense"])
def test_typed_and_json_render_alike(seed_stories: list[Story], command: str) -> None:
    reply = CommandService(InMemoryStories(seed_stories)).run(command)
    typed, data = reply.document, reply.doc
    assert render(typed) == render(data) and render(typed, markdown=True) == render(data, markdown=True)
    assert [m.payload() for m in render_messages(typed)] == [m.payload() for m in render_messages(data)]
    assert [e.to_dict() for e in document_embeds(typed)] == [e.to_dict() for e in document_embeds(data)]
