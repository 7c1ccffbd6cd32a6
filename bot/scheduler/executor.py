"""The scheduler's executor: runs each job's coroutine with the runtime the scheduler owns as ``runtime=``.

Jobs in the persistent job store name an importable function and plain arguments (platform, channel id);
what cannot be pickled (database, publishers, config) is held here, by the scheduler instance, and not in
a module-level registry. ``_do_submit_job`` is APScheduler 3's documented hook for custom executors (the
abstract method of ``BaseExecutor``); ``run_coroutine_job`` keeps its misfire handling and job events.
"""

from __future__ import annotations

import asyncio
import functools
import sys
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from apscheduler.executors.asyncio import AsyncIOExecutor
from apscheduler.executors.base import run_coroutine_job
from apscheduler.job import Job
from apscheduler.util import iscoroutinefunction_partial


class _BoundJob:
    """What ``run_coroutine_job`` reads of a job, with the runtime bound to its function."""

    def __init__(self, job: Job, runtime: object) -> None:
        self.job = job
        self.id = job.id
        self.misfire_grace_time = job.misfire_grace_time
        self.func: Callable[..., Any] = functools.partial(job.func, runtime=runtime)
        self.args = job.args
        self.kwargs = job.kwargs

    def __str__(self) -> str:
        return str(self.job)


class RuntimeExecutor(AsyncIOExecutor):  # type: ignore[misc]
    """Runs coroutine jobs in the event loop as ``func(*args, runtime=runtime)``; ``running`` holds the tasks in flight."""

    def __init__(self, runtime: object) -> None:
        super().__init__()
        self.runtime = runtime
        self.running: set[asyncio.Task[Any]] = set()

    def _do_submit_job(self, job: Job, run_times: Sequence[datetime]) -> None:
        if not iscoroutinefunction_partial(job.func):
            raise TypeError(f"job {job.id} must be a coroutine function taking runtime=")
        alias = getattr(job, "_jobstore_alias", None)
        coro = run_coroutine_job(_BoundJob(job, self.runtime), alias, list(run_times), self._logger.name)
        task = asyncio.get_running_loop().create_task(coro)
        self.running.add(task)

        def finished(done: asyncio.Task[Any]) -> None:
            self.running.discard(done)
            try:
                events = done.result()
            except BaseException:
                self._run_job_error(job.id, *sys.exc_info()[1:])
            else:
                self._run_job_success(job.id, events)

        task.add_done_callback(finished)
