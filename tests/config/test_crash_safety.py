"""A process killed while saving leaves the old or the new file, never half of one."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
import tomllib
from pathlib import Path

from bot.config.validate import load_config

REPO = Path(__file__).resolve().parents[2]

SAVE_FOREVER = """
import sys
from bot.config.store import ConfigStore
store = ConfigStore(sys.argv[1])
store.load()
print("ready", flush=True)
n = 0
while True:
    store.set("defaults.max_stories", "4" if n % 2 else "6", actor="saver")
    n += 1
"""


def test_sigkill_during_save_loop_leaves_a_whole_file(tmp_path: Path) -> None:
    path = tmp_path / "newsbrief.toml"
    # Many sources make the file long enough that a torn write would be visible.
    sources = "".join(
        f'[[sources]]\nname = "outlet-{i}"\noutlet = "Outlet {i}"\nfeed = "https://outlet-{i}.example/feed/"\n\n'
        for i in range(300)
    )
    path.write_text(f"[defaults]\nmax_stories = 5\n\n{sources}", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    rng = random.Random(5)
    for _ in range(4):
        saver = subprocess.Popen(
            [sys.executable, "-c", SAVE_FOREVER, str(path)], stdout=subprocess.PIPE, env=env, cwd=tmp_path
        )
        assert saver.stdout is not None and saver.stdout.readline() == b"ready\n"
        # While it saves, readers (like a running bot) must only ever see whole files. The window starts
        # once the saver has saved (on a loaded machine its first save can take longer than the window).
        started = time.monotonic()
        while b"max_stories = 5" in path.read_bytes() and time.monotonic() - started < 10:
            time.sleep(0.005)
        deadline = time.monotonic() + rng.uniform(0.1, 0.3)
        while time.monotonic() < deadline:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
            assert len(data["sources"]) == 300 and data["defaults"]["max_stories"] in (4, 5, 6)
        saver.send_signal(signal.SIGKILL)
        saver.wait(timeout=10)
        saver.stdout.close()
        assert saver.returncode == -signal.SIGKILL
        config = load_config(path)  # raises if the file is torn
        assert config.defaults.max_stories in (4, 5, 6)
        assert len(config.sources) == 300
    assert load_config(path).defaults.max_stories in (4, 6)  # the saver did get to save
