"""bot.heap.settle: what the bot serves is set aside from the collector's full passes, and nothing is kept for good."""

from __future__ import annotations

import gc
import weakref

from bot.heap import settle


class Node:
    """An object that refers to itself: only the cycle collector can free it."""

    def __init__(self) -> None:
        self.me = self


def test_settle_frees_garbage_then_sets_the_survivors_aside_until_the_next_settle():
    freed: list[str] = []
    garbage = Node()
    weakref.finalize(garbage, freed.append, "garbage")
    del garbage
    kept = Node()
    try:
        settle()
        assert freed == ["garbage"]  # collected before the rest is set aside
        assert gc.get_freeze_count() > 0
        weakref.finalize(kept, freed.append, "kept")
        del kept  # a cycle that was set aside, now unreachable
        gc.collect()
        assert freed == ["garbage"]  # full passes no longer walk it
        settle()
        assert freed == ["garbage", "kept"]  # the next settle takes the set back first: no leak
    finally:
        gc.unfreeze()
