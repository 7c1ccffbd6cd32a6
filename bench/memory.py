"""Peak memory of a benchmark: this process and its worker processes, summed at the same instant.

Analysis workers are separate processes with their own model, so a single process's max RSS
understates the job; summing each process's own peak overstates it. A thread samples the resident set
of this process and of its children (Linux ``/proc``) every ``INTERVAL`` seconds and keeps the largest
sum; where ``/proc`` is missing it falls back to this process's max RSS.
"""

from __future__ import annotations

import os
import resource
import sys
import threading
from pathlib import Path
from types import TracebackType

INTERVAL = 0.05


def _rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _children(pid: int) -> list[int]:
    found: list[int] = []
    try:
        for task in Path(f"/proc/{pid}/task").iterdir():
            text = (task / "children").read_text()
            found += [int(c) for c in text.split()]
    except OSError:
        pass
    return found


def _tree(pid: int) -> list[int]:
    pids = [pid]
    for child in _children(pid):
        pids += _tree(child)
    return pids


def max_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 / 1024 if sys.platform == "darwin" else peak / 1024


class PeakMemory:
    """``with PeakMemory() as peak: ...``; then ``peak.mb`` (the largest summed RSS) and ``peak.processes``."""

    def __init__(self) -> None:
        self.mb = 0.0
        self.processes = 1
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, name="peak-memory", daemon=True)

    def _sample(self) -> None:
        me = os.getpid()
        while not self._stop.is_set():
            pids = _tree(me)
            total = sum(_rss_mb(p) for p in pids)
            if total > self.mb:
                self.mb = total
            self.processes = max(self.processes, len(pids))
            self._stop.wait(INTERVAL)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self._stop.set()
        self._thread.join()
        if not Path("/proc/self/status").exists():
            self.mb = max_rss_mb()
