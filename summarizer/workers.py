"""Share a large batch between this process and spawned worker processes: the analysis of a backlog of
articles, and the building of its stories.

The work is cut into chunks; worker processes (spawned, so they never inherit the bot's threads or locks;
each loads what it needs, the analysis workers their own model) take chunks from one end while this
process works from the other, so both cores work and neither waits for the other's start-up. A worker
that dies is not fatal: its chunks are done here. Results come back in the work's order. While work is
shared, every process's BLAS (numpy's, which the model's matrix products use) runs on one thread: the
processes already fill the cores, and two threads each on two cores made the analysis slower, not faster.
The core's own batch work runs on one BLAS thread even in one process (``one_blas_thread``): its matrices
are small, and OpenBLAS's second thread spun a core for nothing (story building took 35 CPU seconds for 20).
Batch work also holds back the garbage collector's full passes (``few_full_collections``), and a worker
ends at once when its pool closes, without freeing its model object by object.
"""

from __future__ import annotations

import atexit
import gc
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from contextlib import ExitStack, contextmanager
from typing import TypeVar

from threadpoolctl import threadpool_limits

PROCESSES_ENV = "NEWSBRIEF_PROCESSES"
CHUNK = 16
AHEAD = 3
FULL_PASS_AFTER = 1000
Work = TypeVar("Work")
Result = TypeVar("Result")


def worker_processes() -> int:
    """How many processes share a large batch: ``$NEWSBRIEF_PROCESSES``, else up to 2 (one per core; an
    analysis worker holds its own model, about 250 MB)."""
    configured = os.environ.get(PROCESSES_ENV, "").strip()
    if configured.isdigit() and int(configured) > 0:
        return int(configured)
    return max(1, min(2, os.cpu_count() or 1))


@contextmanager
def worker_pool(processes: int, warm_up: Callable[[], None] | None = None) -> Iterator[ProcessPoolExecutor]:
    """``processes - 1`` spawned workers for ``share_work``; ``warm_up`` (module-level) starts them at once,
    so they load what they need while this process does serial work before sharing."""
    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(max_workers=processes - 1, mp_context=context, initializer=_worker_start)
    try:
        if warm_up is not None:
            for _ in range(processes - 1):
                pool.submit(warm_up)
        yield pool
    finally:
        # Quick: a worker ends as soon as it is told to (``_worker_start``).
        pool.shutdown(wait=True, cancel_futures=True)


def share_work(
    work: Sequence[Work],
    analyse: Callable[[list[Work]], Result],
    processes: int,
    chunk: int = CHUNK,
    pool: ProcessPoolExecutor | None = None,
) -> list[Result]:
    """``analyse`` (a module-level function, so workers can import it) applied to consecutive chunks of
    ``chunk`` items of ``work`` by this process and ``processes - 1`` workers (of ``pool`` when given, else
    started here): the chunks' results in order."""
    with batch_work(), ExitStack() as stack:
        if pool is None:
            pool = stack.enter_context(worker_pool(processes))
        return _share(work, analyse, processes, chunk, pool)


def _share(
    work: Sequence[Work], analyse: Callable[[list[Work]], Result], processes: int, chunk: int, pool: ProcessPoolExecutor
) -> list[Result]:
    chunks = _cut(work, chunk, 4 * AHEAD * (processes - 1))
    results: dict[int, Result] = {}
    pending = deque(range(len(chunks)))
    in_flight: dict[Future[Result], int] = {}
    broken = False
    while pending or in_flight:
        # Keep each worker ``AHEAD`` chunks ahead (a worker never waits for this process to hand it work).
        # The workers take from the front (the largest stories come first), this process from the end: its
        # chunks are small, so it is back often to hand the workers more.
        while not broken and pending and len(in_flight) < AHEAD * (processes - 1):
            n = pending.popleft()
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
            n = pending.pop()
            results[n] = analyse(chunks[n])
        elif in_flight:
            wait(in_flight, return_when=FIRST_COMPLETED)
    return [results[n] for n in range(len(chunks))]


def _cut(work: Sequence[Work], chunk: int, middle: int) -> list[list[Work]]:
    """Consecutive chunks of ``chunk`` items, but quarter chunks over the ``middle`` chunks' worth at the
    centre: the processes work in from both ends and meet there, so whichever finishes first waits for a
    small one."""
    if not work:
        return []
    span = min(len(work), middle * chunk)
    low = (len(work) - span) // 2
    high = low + span
    starts = [*range(0, low, chunk), *range(low, high, max(1, chunk // 4)), *range(high, len(work), chunk)]
    return [list(work[a:b]) for a, b in zip(starts, [*starts[1:], len(work)], strict=True)]


@contextmanager
def batch_work() -> Iterator[None]:
    """How the core's batch work runs in this process: numpy's BLAS on one thread (``one_blas_thread``) and
    the garbage collector's full passes held back (``few_full_collections``)."""
    with one_blas_thread(), few_full_collections():
        yield


def one_blas_thread() -> threadpool_limits:
    """Within this block numpy's BLAS (loaded first, so the limit reaches it) runs on one thread."""
    import numpy  # noqa: F401

    return threadpool_limits(limits=1, user_api="blas")


@contextmanager
def few_full_collections() -> Iterator[None]:
    """Within this block the garbage collector makes a full pass only after ``FULL_PASS_AFTER`` passes over
    the middle generation (instead of Python's 10).

    Batch work makes millions of small records that live until it ends (tokens, memos, stories), and each
    full pass walked them all: about 5% of this process's time in analysis and in story building. On
    leaving, the thresholds are put back unless something changed them meanwhile (another thread's block
    that began later and ended first leaves them to the one that began first)."""
    before = gc.get_threshold()
    held = _held(before)
    gc.set_threshold(*held)
    try:
        yield
    finally:
        if gc.get_threshold() == held:
            gc.set_threshold(*before)


def _held(threshold: tuple[int, int, int]) -> tuple[int, int, int]:
    return threshold[0], threshold[1], max(threshold[2], FULL_PASS_AFTER)


def _worker_start() -> None:
    # For the worker's life: it only ever does batch work.
    one_blas_thread()
    gc.set_threshold(*_held(gc.get_threshold()))
    # When the pool closes, the worker has sent its results and has nothing to save: it ends at once instead
    # of tearing down its modules and model one object at a time (about 0.3 s, which the pool waited for).
    atexit.register(os._exit, 0)
