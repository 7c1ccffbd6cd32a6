"""The answers' thread pool is ready before the first command: a burst does not wait for threads to start."""

from __future__ import annotations

import threading

from bot.slack.app import LISTENER_THREADS, listener_pool


def _pool_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name.startswith("slack-command")]


def test_every_listener_thread_is_running_before_the_first_command() -> None:
    before = len(_pool_threads())
    pool = listener_pool()
    try:
        assert len(_pool_threads()) - before == LISTENER_THREADS
        # and they take work at once
        assert [f.result(timeout=5) for f in [pool.submit(lambda n=n: n * 2) for n in range(40)]] == [
            n * 2 for n in range(40)
        ]
        assert len(_pool_threads()) - before == LISTENER_THREADS
    finally:
        pool.shutdown(wait=True)
