"""How many cores other programs leave free, so llama.cpp never runs more threads than can actually run."""
from __future__ import annotations

import os
import threading
import time
from pathlib import Path

SAMPLE_INTERVAL_S = 0.5
# A thread that must share its core makes every other llama.cpp thread wait at each of the graph's barriers
# (hundreds per token): on a busy 2-core machine 2 threads decoded at 3 tokens/s where 1 thread gave 20.
BUSY_SHARE = 0.35


def threads_for(configured: int, cores: int, busy_cores: float) -> int:
    """Threads to use when ``busy_cores`` of ``cores`` are taken by other programs: one per free core, at least 1."""
    free = cores - busy_cores
    usable = int(free + (1 - BUSY_SHARE))
    return max(1, min(configured, usable))


def _machine_times() -> tuple[int, int] | None:
    """(busy, total) clock ticks of all cores since boot, from /proc/stat (Linux); None elsewhere."""
    try:
        fields = Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]
    except OSError:
        return None
    ticks = [int(v) for v in fields[:8]]
    idle = ticks[3] + ticks[4]
    return sum(ticks) - idle, sum(ticks)


def _own_ticks() -> int:
    times = os.times()
    return int((times.user + times.system) * os.sysconf("SC_CLK_TCK"))


class LoadWatch:
    """Samples, in a background thread, how many cores programs other than this process keep busy."""

    def __init__(self, interval_s: float = SAMPLE_INTERVAL_S, machine_times=_machine_times, own_ticks=_own_ticks) -> None:
        self.cores = os.cpu_count() or 1
        self.busy_cores = 0.0
        self._machine_times = machine_times
        self._own_ticks = own_ticks
        self._previous = machine_times()
        self._own_previous = own_ticks()
        if self._previous is not None and interval_s > 0:
            threading.Thread(target=self._run, args=(interval_s,), name="faro-load-watch", daemon=True).start()

    def threads(self, configured: int) -> int:
        """Threads for the next piece of work: ``configured`` on an idle machine, fewer while others run."""
        if self._previous is None:
            return configured
        return threads_for(configured, self.cores, self.busy_cores)

    def sample(self) -> None:
        """Update ``busy_cores`` from the ticks since the last sample, leaving out this process's own."""
        current, own = self._machine_times(), self._own_ticks()
        busy = current[0] - self._previous[0] - (own - self._own_previous)
        total = current[1] - self._previous[1]
        if total > 0:
            self.busy_cores = min(float(self.cores), max(0.0, busy / total * self.cores))
        self._previous, self._own_previous = current, own

    def _run(self, interval_s: float) -> None:
        while True:
            time.sleep(interval_s)
            self.sample()
