"""The console adapter: slash commands typed on standard input, answers printed as plain text."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TextIO

from bot.render.text import render
from bot.service import COMMANDS, CommandService

HELP = (
    "Commands: /brief [topic], /framing [topic], /who-won [topic], /sources, /digest, /help, /quit\n"
    "Example: /who-won chile"
)

AdminHandler = Callable[[str], str]


def parse_slash(line: str) -> tuple[str, str | None] | None:
    """('who-won', 'chile') from '/who-won chile'; None for a line that is not a command."""
    line = line.strip()
    if not line.startswith("/"):
        return None
    name, _, rest = line[1:].partition(" ")
    return name.lower(), (rest.strip() or None)


class ConsoleBot:
    """Same code path as the Discord and Slack adapters below the adapter layer, for a terminal."""

    def __init__(self, service: CommandService, admin: AdminHandler | None = None) -> None:
        self.service = service
        self.admin = admin

    def exec(self, line: str) -> str:
        """The text the bot would post in answer to one line."""
        parsed = parse_slash(line)
        if parsed is None:
            return "Commands start with “/”. " + HELP
        name, arg = parsed
        if name == "help":
            return HELP
        if name == "newsbrief-config":
            if self.admin is None:
                return "Configuration editing is not available in this session."
            return self.admin(arg or "show")
        if name not in COMMANDS:
            return f"Unknown command “/{name}”. " + HELP
        return render(self.service.run(name, arg).doc).rstrip("\n")

    def loop(self, stdin: TextIO = sys.stdin, stdout: TextIO = sys.stdout) -> int:
        interactive = stdin.isatty()
        if interactive:
            print(HELP, file=stdout)
        while True:
            if interactive:
                print("> ", end="", file=stdout, flush=True)
            line = stdin.readline()
            if not line:
                return 0
            if line.strip() in ("/quit", "/exit"):
                return 0
            if not line.strip():
                continue
            print(self.exec(line), file=stdout, flush=True)
            print(file=stdout)
