"""Fit Block Kit content into Slack's limits by splitting on line and word boundaries, never truncating."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from bot.render.chunks import ChunkRules, split_text

Block = dict[str, Any]

MAX_SECTION_CHARS = 3000  # text of a section block
MAX_HEADER_CHARS = 150  # plain text of a header block
MAX_BLOCKS = 50  # blocks in one message
MAX_FALLBACK_CHARS = 3000  # the top-level `text`; Slack advises under 4,000 and cuts at 40,000
QUOTE = "> "
MAX_MESSAGE_CHARS = 40000  # the top-level `text` is cut here by Slack

# What mrkdwn escaping and links write, never to be cut: &amp; &lt; &gt; and <url|label>.
SLACK_CHUNKS = ChunkRules(atoms=re.compile(r"&(?:amp|lt|gt);|<[^<>\n]*>"), carry=re.compile(QUOTE))


@dataclass(frozen=True)
class SlackMessage:
    """One message: Block Kit ``blocks`` plus the plain-text ``text`` fallback for notifications."""

    text: str
    blocks: list[Block]

    def payload(self) -> dict[str, Any]:
        return {"text": self.text, "blocks": self.blocks}


def split_line(line: str, limit: int = MAX_SECTION_CHARS) -> list[str]:
    """``line`` in pieces of at most ``limit`` characters, cut between words; quote pieces keep ``> ``."""
    return split_text(line, limit, SLACK_CHUNKS)


def pack_lines(lines: list[str], limit: int = MAX_SECTION_CHARS) -> list[str]:
    """Join ``lines`` into as few texts of at most ``limit`` characters as possible, in order."""
    return split_text("\n".join(lines), limit, SLACK_CHUNKS)


def section_blocks(lines: list[str]) -> list[Block]:
    """Mrkdwn section blocks holding ``lines`` (already escaped), each text within the section limit.

    ``verbatim`` stops Slack from turning bare URLs, channel names and ``@channel``-like words into
    links or mentions; only the ``<url|label>`` links we write ourselves are live.
    """
    return [
        {"type": "section", "text": {"type": "mrkdwn", "text": t, "verbatim": True}}
        for t in pack_lines(lines)
        if t.strip()
    ]


def title_block(title: str) -> Block:
    """A header block, or a bold section when the title is longer than a header allows."""
    if len(title) <= MAX_HEADER_CHARS:
        return {"type": "header", "text": {"type": "plain_text", "text": title, "emoji": False}}
    return section_blocks([f"*{escape(title)}*"])[0]


def escape(text: str) -> str:
    """Escape the three characters Slack mrkdwn treats as control characters."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _as_mrkdwn(obj: dict[str, Any]) -> str:
    # The fallback is read as mrkdwn: a plain_text header (an article's title) must be escaped there.
    text = str(obj.get("text", ""))
    return escape(text) if obj.get("type") == "plain_text" else text


def block_text(block: Block) -> str:
    """The readable text of one block, as mrkdwn (for the fallback)."""
    if "text" in block:
        return _as_mrkdwn(block["text"])
    return " ".join(_as_mrkdwn(e) for e in block.get("elements", []))


def fallback_text(blocks: list[Block]) -> str:
    """Plain text for notifications and clients without Block Kit, cut between words if very long."""
    text = "\n".join(t for t in (block_text(b) for b in blocks) if t)
    if len(text) <= MAX_FALLBACK_CHARS:
        return text
    return split_text(text, MAX_FALLBACK_CHARS - 1, SLACK_CHUNKS)[0] + "…"


def into_messages(blocks: list[Block], max_blocks: int = MAX_BLOCKS) -> list[SlackMessage]:
    """Split ``blocks`` into messages of at most ``max_blocks``; a title never ends a message."""
    messages: list[list[Block]] = [[]]
    for block in blocks:
        current = messages[-1]
        is_title = block["type"] == "header"
        if len(current) >= max_blocks or (is_title and len(current) >= max_blocks - 1):
            if current and current[-1]["type"] == "divider":
                current.pop()
            current = []
            messages.append(current)
        if block["type"] == "divider" and not current:
            continue  # a message never starts with a divider
        current.append(block)
    return [SlackMessage(fallback_text(m), m) for m in messages if m]
