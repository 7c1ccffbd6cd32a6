"""`newsbrief chat` on a terminal: /help lists every command, and arrow keys edit the line."""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys
import time
from pathlib import Path

from bot.console import HELP, ConsoleBot
from bot.service import COMMANDS, CommandService, InMemoryStories
from tests.conftest import FIXTURES, ROOT


def test_help_lists_every_command_including_config() -> None:
    answer = ConsoleBot(CommandService(InMemoryStories())).exec("/help")
    assert answer == HELP
    for command in (*COMMANDS, "newsbrief-config", "help", "quit"):
        assert f"/{command} " in answer or answer.count(f"/{command}\n"), command


def _read_until(fd: int, wanted: bytes, seen: bytearray, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while wanted not in seen:
        left = deadline - time.monotonic()
        assert left > 0, f"no {wanted!r} in {bytes(seen)!r}"
        ready, _, _ = select.select([fd], [], [], left)
        if ready:
            try:
                chunk = os.read(fd, 4096)
            except OSError:  # the child closed the terminal
                chunk = b""
            assert chunk, f"chat ended without {wanted!r}: {bytes(seen)!r}"
            seen += chunk


def test_arrow_keys_edit_the_line_instead_of_typing_escape_codes(tmp_path: Path) -> None:
    main, child = pty.openpty()
    env = {**os.environ, "TERM": "xterm", "XDG_DATA_HOME": str(tmp_path), "HOME": str(tmp_path)}
    chat = subprocess.Popen(
        [sys.executable, "-m", "bot", "chat", "--from", str(FIXTURES / "articles" / "single")],
        cwd=ROOT,
        stdin=child,
        stdout=child,
        stderr=child,
        env=env,
    )
    os.close(child)
    seen = bytearray()
    try:
        _read_until(main, b"> ", seen)  # the stories are loaded and the prompt is up
        seen.clear()
        os.write(main, b"/hlp\x1b[D\x1b[De\r")  # "/hlp", left, left, "e": the line now reads "/help"
        _read_until(main, b"Example: /who-won chile", seen)
        os.write(main, b"/quit\r")
        assert chat.wait(timeout=30) == 0
    finally:
        if chat.poll() is None:
            chat.kill()
        os.close(main)
    assert b"Unknown command" not in seen
    assert (tmp_path / "newsbrief" / "chat_history").read_text().splitlines()[-2:] == ["/help", "/quit"]
