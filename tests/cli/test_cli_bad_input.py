"""Bad input on the command line: one clear line on stderr each, bounded time and memory, no traceback."""

from __future__ import annotations

import ctypes
import os
import random
import shutil
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pytest

from bot.cli import main
from bot.storage import open_database
from bot.storage.articles import insert_articles
from bot.storage.database import utcnow
from summarizer.readers import load_articles
from tests.config.conftest import BASE_TOML
from tests.conftest import FIXTURES, SEEDS

T = TypeVar("T")
HERALD = FIXTURES / "articles" / "single" / "herald.md"


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


def test_deeply_nested_json_is_one_line_and_the_other_inputs_are_read(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / "deep.json").write_text("[" * 200_000)
    (tmp_path / "deep.jsonl").write_text("[" * 200_000 + '\n{"outlet": "x"}\n')
    shutil.copy(HERALD, tmp_path / "herald.md")
    code = main(["brief", str(tmp_path)])
    captured = capsys.readouterr()
    assert code == 0 and "Brannock Textiles" in captured.out
    assert "Traceback" not in captured.err
    assert sorted(captured.err.splitlines()) == [
        f"! {tmp_path / 'deep.json'}: invalid JSON (nested too deeply)",
        f"! {tmp_path / 'deep.jsonl'} line 1: invalid JSON (nested too deeply)",
        f"! {tmp_path / 'deep.jsonl'} line 2: has no 'text' (each record needs outlet, title and text)",
    ]


def _without_permission_override(action: Callable[[], T]) -> T:
    """Run ``action`` in a thread that lacks root's right to read anything (CAP_DAC_OVERRIDE and
    CAP_DAC_READ_SEARCH dropped for that thread only), so a ``chmod 000`` file is unreadable as it is for
    any other user. Without root the permission bits apply anyway."""
    result: list[T] = []
    failure: list[BaseException] = []

    def run() -> None:
        try:
            if os.geteuid() == 0:
                _drop_read_override_for_this_thread()
            result.append(action())
        except BaseException as exc:  # noqa: BLE001 - re-raised in the test's thread
            failure.append(exc)

    worker = threading.Thread(target=run)
    worker.start()
    worker.join()
    if failure:
        raise failure[0]
    return result[0]


class _CapHeader(ctypes.Structure):
    _fields_ = [("version", ctypes.c_uint32), ("pid", ctypes.c_int)]


class _CapData(ctypes.Structure):
    _fields_ = [("effective", ctypes.c_uint32), ("permitted", ctypes.c_uint32), ("inheritable", ctypes.c_uint32)]


def _drop_read_override_for_this_thread() -> None:
    libc = ctypes.CDLL(None, use_errno=True)
    header, data = _CapHeader(0x20080522, 0), (_CapData * 2)()  # _LINUX_CAPABILITY_VERSION_3
    if libc.capget(ctypes.byref(header), data) != 0:
        pytest.skip("capabilities cannot be read here")
    data[0].effective &= ~((1 << 1) | (1 << 2))  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH
    if libc.capset(ctypes.byref(header), data) != 0:
        pytest.skip("capabilities cannot be changed here")


def test_unreadable_folder_and_file_are_one_line_each_and_the_others_are_read(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    shutil.copy(HERALD, locked / "inside.md")
    secret = tmp_path / "secret.md"
    shutil.copy(HERALD, secret)
    shutil.copy(HERALD, tmp_path / "herald.md")
    (tmp_path / "gone.md").symlink_to(tmp_path / "nowhere.md")
    locked.chmod(0)
    secret.chmod(0)
    try:
        code = _without_permission_override(lambda: main(["brief", str(tmp_path)]))
    finally:
        locked.chmod(0o755)
        secret.chmod(0o644)
    captured = capsys.readouterr()
    assert code == 0 and "Brannock Textiles" in captured.out
    assert "Traceback" not in captured.err
    assert sorted(captured.err.splitlines()) == [
        f"! {tmp_path / 'gone.md'}: a broken link; skipped",
        f"! {locked}: could not be read (permission denied)",
        f"! {secret}: could not be read (permission denied)",
    ]


def test_five_thousand_files_with_a_sources_toml_are_read_in_linear_time(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = tmp_path / "batch" / "many"  # a sub-folder: its sources.toml used to be parsed once per file
    folder.mkdir(parents=True)
    entries = []
    for i in range(5000):
        (folder / f"n{i}.txt").write_text(f"Short note {i}.")
        entries.append(f'[[article]]\nfile = "n{i}.txt"\noutlet = "Outlet {i % 9}"\n')
    (folder / "sources.toml").write_text("\n".join(entries))
    shutil.copy(HERALD, tmp_path / "batch" / "herald.md")
    started = time.perf_counter()
    code = main(["brief", str(tmp_path / "batch")])
    elapsed = time.perf_counter() - started
    captured = capsys.readouterr()
    assert code == 0 and "Brannock Textiles" in captured.out
    lines = captured.err.splitlines()
    assert len(lines) == 5000 and all("too little article text" in line for line in lines)
    assert elapsed < 20  # about 2 s; 5,000 parses of the 5,000-entry sources.toml took minutes


def test_a_damaged_sqlite_file_is_one_line_naming_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db_file = tmp_path / "newsbrief.db"
    db = open_database(f"sqlite:///{db_file}")
    db.dispose()
    schema_end = db_file.stat().st_size  # the pages the migrations wrote: schema, version, empty tables
    db = open_database(f"sqlite:///{db_file}")
    with db.transaction() as conn:
        insert_articles(conn, "files", load_articles([SEEDS, FIXTURES / "articles" / "election"]).articles, utcnow())
    db.dispose()
    data = bytearray(db_file.read_bytes())
    noise = random.Random(9)
    for page in range(max(8192, schema_end), len(data), 4096):  # scribble over every page after the schema
        data[page + 100 : page + 400] = noise.randbytes(300)
    db_file.write_bytes(bytes(data))
    config = tmp_path / "newsbrief.toml"
    config.write_text(
        '[bot]\nallow_private_sources = true\n\n[[sources]]\nname = "local"\noutlet = "Local"\n'
        'feed = "http://127.0.0.1:9/feed.xml"\n'
    )
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{db_file}")
    code, err = run(capsys, "--config", str(config), "ingest", "--quiet")
    assert code == 1
    # Found while opening (a "Fix:" line follows) or while reading the articles (one line): either way
    # the file is named and the reason given, and there is no traceback.
    assert len(err) in (1, 2) and "database disk image is malformed" in err[0] and str(db_file) in err[-1]
