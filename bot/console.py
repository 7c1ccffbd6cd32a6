"""The console adapter: slash commands typed on standard input, answers printed as plain text."""

from __future__ import annotations

import atexit
import contextlib
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

from bot.render.text import render
from bot.service import COMMANDS, CommandService

HELP = "\n".join(
    [
        "Commands:",
        "  /brief [topic]              the neutral brief of the matching story (or the top story)",
        "  /framing [topic] [full]     how each outlet framed it: a short note, or with full the whole of it",
        "  /who-won [topic]            the election result, with each outlet's figures",
        "  /timeline [topic]           the story's life: first report, outlets joining, figures revised",
        "  /sources                    the outlets and feeds in use",
        "  /digest                     the top stories, as a scheduled digest would post them",
        "  /newsbrief-config [args]    show or change the settings: show, set KEY VALUE, unset KEY, add-source …,",
        "                              remove-source NAME, schedule …, deliveries [PLATFORM:ID], help",
        "  /help                       this list",
        "  /quit                       leave (or Ctrl-D)",
        "Example: /who-won chile",
    ]
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
        return render(self.service.run(name, arg).document).rstrip("\n")

    def loop(self, stdin: TextIO = sys.stdin, stdout: TextIO = sys.stdout) -> int:
        interactive = stdin.isatty()
        if interactive:
            print(HELP, file=stdout)
        read = _line_editor() if interactive and stdin is sys.stdin else None
        while True:
            if read is not None:
                line = read("> ")
            else:
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


def _line_editor() -> Callable[[str], str]:
    """``input`` with line editing and history (GNU readline or libedit), kept across sessions.

    Returns a function that reads one line ("" at end of input, like ``readline``).
    """
    try:
        import readline  # noqa: F401  (importing it is what gives input() editing and history)
    except ImportError:  # e.g. Windows without pyreadline: plain input still works
        readline = None  # type: ignore[assignment]
    history = _history_file()
    if readline is not None and history is not None:
        with contextlib.suppress(OSError):
            readline.read_history_file(history)
        readline.set_history_length(1000)
        atexit.register(_save_history, readline, history)

    def read(prompt: str) -> str:
        try:
            return input(prompt) + "\n"
        except EOFError:
            return ""

    return read


def _history_file() -> Path | None:
    """``$XDG_DATA_HOME/newsbrief/chat_history`` (default ``~/.local/share``); ``None`` if it cannot be made."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    folder = Path(base) / "newsbrief"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return folder / "chat_history"


def _save_history(readline: Any, path: Path) -> None:
    with contextlib.suppress(OSError):
        readline.write_history_file(path)
