"""Remember the signatures of accepted Slack requests so a replayed request runs nothing a second time."""

from __future__ import annotations

import heapq
import logging
import threading
import time
from collections.abc import Callable

log = logging.getLogger("newsbrief.slack")

# Slack's signature covers the timestamp, and a timestamp is accepted for five minutes either side of
# now, so a signature can be replayed until its timestamp is five minutes old.
WINDOW_SECONDS = 5 * 60
MAX_ENTRIES = 100_000  # ~10 MB; only correctly signed requests get in, so this is ~160 commands/s for 10 min


class ReplayCache:
    """Signatures seen in the last window, bounded and expiring; one per process (not shared).

    Only requests whose signature was verified are recorded, so a client without the signing secret
    cannot fill it. When it is full of live entries, the one closest to expiry is forgotten (and
    logged): a replay of that one request would then run again.
    """

    def __init__(
        self, *, window: float = WINDOW_SECONDS, max_entries: int = MAX_ENTRIES, clock: Callable[[], float] = time.time
    ) -> None:
        self.window = window
        self.max_entries = max_entries
        self.clock = clock
        self._expiry: dict[str, float] = {}
        self._heap: list[tuple[float, str]] = []
        self._lock = threading.Lock()

    def first_time(self, signature: str, timestamp: int) -> bool:
        """True the first time ``signature`` is seen (and remember it until ``timestamp`` leaves the window)."""
        with self._lock:
            self._forget_expired()
            if signature in self._expiry:
                return False
            if len(self._expiry) >= self.max_entries:
                _, oldest = heapq.heappop(self._heap)
                del self._expiry[oldest]
                log.warning("slack http: replay cache full (%d entries); forgot the oldest", self.max_entries)
            expires = timestamp + self.window
            self._expiry[signature] = expires
            heapq.heappush(self._heap, (expires, signature))
            return True

    def __len__(self) -> int:
        with self._lock:
            self._forget_expired()
            return len(self._expiry)

    def _forget_expired(self) -> None:
        now = self.clock()
        while self._heap and self._heap[0][0] < now:
            _, signature = heapq.heappop(self._heap)
            del self._expiry[signature]
