"""Make third-party text (titles, outlet names, quotes, brief sentences) inert for each kind of output.

Articles are hostile: their text must never ping anyone, become a live link or change the layout.
Slack's own escaping lives in :mod:`bot.slack.limits`; these cover terminals, Markdown and Discord.
"""

from __future__ import annotations

import re

# C0 (but tab and newline), DEL, C1, and the bidi controls that make text read differently than it is.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# Characters Markdown (and Discord's flavour of it) gives a meaning anywhere in a line: emphasis, code,
# spoilers, quotes, masked links and mentions (<@123>, <@&role>, <#channel>, <t:…>, <https://…>).
_MARKDOWN = re.compile(r"([\\`*_~|<>\[\]#])")
# List and subtext markers only mean something at the start of a line: "- ", "+ ", "-# ", "1. ".
_LINE_START = re.compile(r"^(\s*)([-+]|\d+[.)])(?=\s)", re.MULTILINE)
# @everyone and @here ping without any other syntax; a zero-width space after the @ keeps them text.
_BROADCAST = re.compile(r"@(everyone|here)", re.IGNORECASE)


def plain_text(text: str) -> str:
    """``text`` for a terminal or a plain-text fallback: control and bidi characters removed."""
    return _CONTROL.sub("", text)


def markdown_text(text: str) -> str:
    """``text`` as literal Markdown: every formatting, quote, link and list character escaped, and a bare
    ``scheme://`` broken with a backslash so it is shown, not auto-linked."""
    text = _MARKDOWN.sub(r"\\\1", plain_text(text))
    text = _LINE_START.sub(lambda m: m.group(1) + m.group(2)[:-1] + "\\" + m.group(2)[-1], text)
    return text.replace("://", "\\://")


def discord_text(text: str) -> str:
    """``text`` for a Discord message or embed: literal Markdown, and no ``@everyone``/``@here`` mention."""
    return _BROADCAST.sub("@\u200b\\1", markdown_text(text))


def link_label(text: str) -> str:
    """A link's visible text for any markup: on one line, without the brackets and bars that end a label."""
    return " ".join(plain_text(text).translate(str.maketrans("[]|<>", "()/  ")).split())
