"""Share a large batch between this process and spawned worker processes: the analysis of a backlog of
articles, and the building of its stories.

The work is cut into chunks; worker processes (spawned, so they never inherit the bot's threads or locks;
each loads what it needs, the analysis workers their own model) take chunks from one end while this
process works from the other, so both cores work and neither waits for the other's start-up. A worker
that dies is not fatal: its chunks are done here. Results come back in the work's order.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import TypeVar

PROCESSES_ENV = "NEWSBRIEF_PROCESSES"
CHUNK = 16
Work = TypeVar("Work")
Result = TypeVar("Result")


def worker_processes() -> int:
    """How many processes share a large batch: ``$NEWSBRIEF_PROCESSES``, else up to 2 (one per core; an
    analysis worker holds its own model, about 250 MB)."""
    configured = os.environ.get(PROCESSES_ENV, "").strip()
    if configured.isdigit() and int(configured) > 0:
        return int(configured)
    return max(1, min(2, os.cpu_count() or 1))


def share_work(
    work: Sequence[Work], analyse: Callable[[list[Work]], Result], processes: int, chunk: int = CHUNK
) -> list[Result]:
    """``analyse`` (a module-level function, so workers can import it) applied to consecutive chunks of
    ``chunk`` items of ``work`` by this process and ``processes - 1`` workers: the chunks' results in order."""
    chunks = [list(work[i : i + chunk]) for i in range(0, len(work), chunk)]
    results: dict[int, Result] = {}
    pending = deque(range(len(chunks)))
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=processes - 1, mp_context=context) as pool:
        in_flight: dict[Future[Result], int] = {}
        broken = False
        while pending or in_flight:
            # Keep each worker one chunk ahead; the workers take from the end, this process from the front.
            while not broken and pending and len(in_flight) < 2 * (processes - 1):
                n = pending.pop()
                try:
                    in_flight[pool.submit(analyse, chunks[n])] = n
                except BrokenProcessPool:
                    broken = True
                    pending.append(n)
            for future in [f for f in in_flight if f.done()]:
                n = in_flight.pop(future)
                try:
                    results[n] = future.result()
                except BrokenProcessPool:
                    broken = True
                    pending.append(n)
            if pending:
                n = pending.popleft()
                results[n] = analyse(chunks[n])
            elif in_flight:
                wait(in_flight, return_when=FIRST_COMPLETED)
    return [results[n] for n in range(len(chunks))]
