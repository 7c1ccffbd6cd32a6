"""Edits from several processes (the bot and `newsbrief config set`) never lose each other's changes."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import tomllib
from pathlib import Path

from bot.config.audit import read_audit
from bot.config.model import NewsbriefConfig
from bot.config.store import ConfigStore

ROOT = Path(__file__).resolve().parents[2]
EDITS = 20
# Each child waits for the "go" file so both really edit at the same time, then adds EDITS sources.
CHILD = """
import sys, time
from pathlib import Path
from bot.config.store import ConfigStore

path, tag, go = sys.argv[1:4]
store = ConfigStore(path)
while not Path(go).exists():
    time.sleep(0.002)
for i in range(int(sys.argv[4])):
    store.add_source({"name": f"{tag}-{i}", "outlet": tag, "feed": f"https://{tag}.example/{i}"}, actor=f"cli:{tag}")
"""


def test_two_processes_editing_at_once_keep_every_change(config_path: Path, tmp_path: Path) -> None:
    go = tmp_path / "go"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    children = [
        subprocess.Popen(
            [sys.executable, "-c", CHILD, str(config_path), tag, str(go), str(EDITS)],
            cwd=ROOT,
            env=env,
            stderr=subprocess.PIPE,
            text=True,
        )
        for tag in ("one", "two")
    ]
    go.touch()
    for child in children:
        _, err = child.communicate(timeout=60)
        assert child.returncode == 0, err
    names = {s.name for s in ConfigStore(config_path).load().sources}
    expected = {f"{tag}-{i}" for tag in ("one", "two") for i in range(EDITS)}
    assert expected <= names and len(names) == 2 * EDITS + 1  # + the fixture's samnytt
    assert len(read_audit(config_path.parent / "audit.log.jsonl")) == 2 * EDITS
    assert (config_path.parent / ".newsbrief.toml.lock").exists()


def test_a_listener_that_saves_again_does_not_deadlock(store: ConfigStore) -> None:
    def bump_once(config: NewsbriefConfig) -> None:
        if config.defaults.max_stories == 2:
            store.set("defaults.brief_words", "50", actor="listener")  # re-enters the store's locks

    store.subscribe(bump_once)
    worker = threading.Thread(target=store.set, args=("defaults.max_stories", "2"), kwargs={"actor": "t"})
    worker.start()
    worker.join(timeout=10)
    assert not worker.is_alive(), "a nested save waited for its own lock"
    saved = ConfigStore(store.path).load()
    assert (saved.defaults.max_stories, saved.defaults.brief_words) == (2, 50)


def test_another_process_holding_the_lock_makes_a_save_wait(store: ConfigStore, config_path: Path) -> None:
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import fcntl, sys, time\n"
            "f = open(sys.argv[1], 'a')\n"
            "fcntl.flock(f, fcntl.LOCK_EX)\n"
            "print('locked', flush=True)\n"
            "sys.stdin.readline()\n",
            str(store.lock_path),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        worker = threading.Thread(target=store.set, args=("defaults.max_stories", "4"), kwargs={"actor": "t"})
        worker.start()
        worker.join(timeout=0.3)
        assert worker.is_alive()  # waiting for the other process
        assert tomllib.loads(config_path.read_text("utf-8"))["defaults"]["max_stories"] == 5
    finally:
        holder.communicate("\n", timeout=10)
    worker.join(timeout=10)
    assert not worker.is_alive()
    assert ConfigStore(config_path).load().defaults.max_stories == 4
