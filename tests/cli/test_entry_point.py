"""The `newsbrief` entry point as a user meets it: --version, a fast --help, a quiet Ctrl-C."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from importlib.metadata import version

import pytest

from bot.arguments import ALGORITHMS
from bot.cli import main
from tests.conftest import FIXTURES, ROOT, SEEDS

HEAVY = ("discord", "slack_bolt", "slack_sdk", "sqlalchemy", "alembic", "sumy", "spacy")


def test_version_prints_the_installed_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out.strip() == f"newsbrief {version('newsbrief')}"


def test_help_imports_no_platform_database_or_language_library() -> None:
    probe = (
        "import sys\n"
        "from bot.cli import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        f"print('LOADED', sorted({{m.split('.')[0] for m in sys.modules}} & set({HEAVY!r})))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "who-won" in done.stdout and "deliveries" in done.stdout
    assert done.stdout.strip().endswith("LOADED []")


def test_ctrl_c_in_chat_exits_130_without_a_traceback() -> None:
    chat = subprocess.Popen(
        [sys.executable, "-m", "bot", "chat", "--from", str(FIXTURES / "articles" / "single")],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        assert chat.stdin is not None and chat.stdout is not None
        chat.stdin.write("/help\n")
        chat.stdin.flush()
        while "/quit" not in (line := chat.stdout.readline()):  # the answer is out: it now waits on stdin
            assert line, "chat ended before answering /help"
        chat.send_signal(signal.SIGINT)
        _, err = chat.communicate(timeout=30)
    finally:
        if chat.poll() is None:
            chat.kill()
    assert chat.returncode == 130
    assert "Traceback" not in err and "KeyboardInterrupt" not in err


def test_framing_reads_a_folder_given_as_a_positional(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["framing", f"{SEEDS}/"]) == 0  # was read as the topic "seeds/": "No story matches"
    out = capsys.readouterr().out
    assert out.startswith("How each outlet framed it: José Antonio Kast")
    assert "Samnytt:" in out and "EIR News:" in out


@pytest.mark.parametrize(
    ("command", "argv"),
    [
        ("brief", ["{election}", "{flood}", "--topic", "flood"]),
        ("framing", ["flood", "--from", "{election}", "{flood}"]),
        ("who-won", ["{election}", "flood", "{flood}"]),
    ],
)
def test_the_three_summary_commands_take_paths_topic_words_and_topic_alike(
    command: str, argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    articles = FIXTURES / "articles"
    argv = [a.format(election=articles / "election", flood=articles / "flood") for a in argv]
    assert main([command, *argv, "--format", "json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["topic"] == "flood"
    if command == "who-won":
        assert doc["results"] == [] and "No election result" in doc["message"]  # the flood is no election
    else:
        assert [sorted(s["outlets"]) for s in doc["stories"]] == [["Lenfield Gazette", "Riverside Observer"]]


def test_a_missing_path_is_reported_not_searched_for_as_a_topic(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["framing", "no/such/folder"]) == 1
    assert "! no/such/folder: no such file or folder" in capsys.readouterr().err


def test_help_says_how_positionals_are_read(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["framing", "--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert "names an existing file or folder" in out and "any other words pick the story" in out
    assert "--from PATH" in out and "--topic TOPIC" in out


def test_algorithm_choices_are_the_summarisers_the_core_has() -> None:
    from summarizer.ranking import SUMMARIZERS

    assert ALGORITHMS == sorted(SUMMARIZERS)
