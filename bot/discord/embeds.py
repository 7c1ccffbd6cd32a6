"""The core's documents as Discord embeds, split across fields, embeds and messages within Discord's limits."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import discord

from bot.discord.cards import Card, document_cards
from bot.render import chunks
from summarizer.documents import Document, as_document

# https://discord.com/developers/docs/resources/message#embed-object-embed-limits
TITLE_LIMIT = 256
DESCRIPTION_LIMIT = 4096
FIELD_NAME_LIMIT = 256
FIELD_VALUE_LIMIT = 1024
FIELD_COUNT_LIMIT = 25
FOOTER_LIMIT = 2048
EMBED_TOTAL_LIMIT = 6000  # per embed, and also summed over all embeds of one message
EMBEDS_PER_MESSAGE = 10

CONTINUED = " (continued)"

# What discord_text and masked links write, never to be cut: a backslash escape, a defused
# @everyone/@here, a [label](url) link. A line break before a bullet beats one before its quote.
DISCORD_CHUNKS = chunks.ChunkRules(
    atoms=re.compile(r"\[(?:\\.|[^\]\\\n])*\]\([^)\s]*\)|\\.|@\u200b(?:everyone|here)", re.IGNORECASE),
    breaks=tuple(re.compile(b) for b in (chunks.PARAGRAPH, r"\n(?!> )", chunks.LINE, chunks.WORD)),
    carry=re.compile(r"> "),
)


def split_text(text: str, limit: int) -> list[str]:
    """Pieces of at most ``limit`` characters, cut at paragraphs, lines, then words; never inside an escape,
    a defused ``@everyone`` or a masked link (see :mod:`bot.render.chunks`)."""
    return chunks.split_text(text, limit, DISCORD_CHUNKS)


def shorten(text: str, limit: int) -> str:
    """``text`` cut at a word boundary with an ellipsis when longer than ``limit``."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return split_text(text, limit - 1)[0].rstrip(" ,;:") + "…"


def pack_lines(lines: Iterable[str], limit: int) -> list[str]:
    """Join lines into chunks of at most ``limit`` characters, keeping a bullet with its quotes where they fit."""
    return split_text("\n".join(lines), limit)


def _fields(card: Card, description_overflow: list[str]) -> list[tuple[str, str]]:
    fields: list[tuple[str, str]] = []
    if description_overflow:
        fields += [("\u200b", chunk) for chunk in pack_lines(description_overflow, FIELD_VALUE_LIMIT)]
    for name, lines in card.sections:
        short = shorten(name, FIELD_NAME_LIMIT - len(CONTINUED)) or "\u200b"
        for i, chunk in enumerate(pack_lines(lines, FIELD_VALUE_LIMIT) or ["\u200b"]):
            fields.append((short if i == 0 else short + CONTINUED, chunk))
    return fields


def card_embeds(card: Card, footer: str | None = None) -> list[discord.Embed]:
    """One card as one or more embeds, each within every per-embed limit."""
    title = shorten(card.title, TITLE_LIMIT) if card.title else None
    description_lines = list(card.description)
    if card.title and title != card.title:
        description_lines.insert(0, f"**{card.title}**")  # the full title, since the title had to be shortened
    chunks = pack_lines(description_lines, DESCRIPTION_LIMIT)
    description = chunks[0] if chunks else None
    overflow = [line for chunk in chunks[1:] for line in chunk.split("\n")]
    fields = _fields(card, overflow)
    footer = shorten(footer, FOOTER_LIMIT) if footer else None

    def new_embed(first: bool) -> discord.Embed:
        name = title if first else (shorten(card.title, TITLE_LIMIT - len(CONTINUED)) + CONTINUED if title else None)
        embed = discord.Embed(title=name, description=description if first else None, colour=card.colour)
        if footer:
            embed.set_footer(text=footer)
        return embed

    embeds = [new_embed(True)]
    for name, value in fields:
        embed = embeds[-1]
        if len(embed.fields) >= FIELD_COUNT_LIMIT or len(embed) + len(name) + len(value) > EMBED_TOTAL_LIMIT:
            embed = new_embed(False)
            embeds.append(embed)
        embed.add_field(name=name, value=value, inline=False)
    return embeds


def document_embeds(doc: Document | Mapping[str, Any], footer: str | None = None) -> list[discord.Embed]:
    """Every embed for a document (typed, or its JSON), in reading order."""
    return [embed for card in document_cards(as_document(doc)) for embed in card_embeds(card, footer)]


def pack_messages(embeds: Sequence[discord.Embed]) -> list[list[discord.Embed]]:
    """Group embeds into messages: at most 10 each, and at most 6,000 characters summed over a message."""
    messages: list[list[discord.Embed]] = []
    total = 0
    for embed in embeds:
        size = len(embed)
        if not messages or len(messages[-1]) >= EMBEDS_PER_MESSAGE or total + size > EMBED_TOTAL_LIMIT:
            messages.append([])
            total = 0
        messages[-1].append(embed)
        total += size
    return messages


def limit_violations(embeds: Sequence[discord.Embed]) -> list[str]:
    """What breaks Discord's per-embed limits (empty when all is well); used by tests and as a guard."""
    problems: list[str] = []
    for i, embed in enumerate(embeds):
        if embed.title and len(embed.title) > TITLE_LIMIT:
            problems.append(f"embed {i}: title {len(embed.title)}")
        if embed.description and len(embed.description) > DESCRIPTION_LIMIT:
            problems.append(f"embed {i}: description {len(embed.description)}")
        if len(embed.fields) > FIELD_COUNT_LIMIT:
            problems.append(f"embed {i}: {len(embed.fields)} fields")
        for f in embed.fields:
            if len(f.name or "") > FIELD_NAME_LIMIT or len(f.value or "") > FIELD_VALUE_LIMIT:
                problems.append(f"embed {i}: field {f.name!r} {len(f.name or '')}/{len(f.value or '')}")
        if len(embed) > EMBED_TOTAL_LIMIT:
            problems.append(f"embed {i}: total {len(embed)}")
    return problems
