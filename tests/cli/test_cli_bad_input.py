"""Bad input on the command line: one clear line on stderr each, bounded time and memory, no traceback."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bot.cli import main
from tests.config.conftest import BASE_TOML


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[str]]:
    """Exit code and stderr lines of ``newsbrief ARGV`` run through the entry point's ``main``."""
    code = main(list(argv))
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return code, err.splitlines()


@pytest.mark.parametrize("command", [["config", "validate"], ["sources"], ["ingest"]])
def test_config_that_is_not_a_regular_file_is_refused_in_one_line(
    capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    code, err = run(capsys, "--config", "/dev/zero", *command)  # read whole, this would grow without end
    assert code == 1
    assert err == [
        "/dev/zero: The configuration has 1 problem: /dev/zero: is not a regular file. "
        "Fix: point --config at a .toml file"
    ]


def test_config_fifo_folder_huge_or_deeply_nested_each_get_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    fifo = tmp_path / "fifo.toml"
    os.mkfifo(fifo)  # opening it for reading would wait for a writer forever
    folder = tmp_path / "folder.toml"
    folder.mkdir()
    huge = tmp_path / "huge.toml"
    huge.write_text("# " + "x" * 2_000_000)
    deep = tmp_path / "deep.toml"
    deep.write_text("a = " + "[" * 200_000)
    expected = {
        fifo: "is not a regular file",
        folder: "is a folder",
        huge: "is larger than 1,000,000 bytes",
        deep: "values nested too deeply",
    }
    for path, problem in expected.items():
        code, err = run(capsys, "--config", str(path), "config", "validate")
        assert code == 1 and len(err) == 1 and f"{path}: {problem}. Fix: " in err[0]


def test_a_valid_config_still_validates(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "newsbrief.toml"
    path.write_text(BASE_TOML)
    assert main(["--config", str(path), "config", "validate"]) == 0
    assert "valid (1 sources, 1 channels)" in capsys.readouterr().out
