"""llama.cpp gets one thread per core that other programs leave free, and at least one."""
from __future__ import annotations

from rag.models.cpu_load import LoadWatch, threads_for


def test_threads_follow_the_cores_other_programs_leave_free():
    assert threads_for(2, 2, busy_cores=0.0) == 2
    assert threads_for(2, 2, busy_cores=0.3) == 2
    assert threads_for(2, 2, busy_cores=0.9) == 1
    assert threads_for(2, 2, busy_cores=2.0) == 1
    assert threads_for(8, 16, busy_cores=4.0) == 8
    assert threads_for(8, 8, busy_cores=3.0) == 5


class Ticks:
    """Clock ticks as /proc/stat and os.times would count them, advanced by hand."""

    def __init__(self) -> None:
        self.busy, self.total, self.own = 0, 0, 0

    def advance(self, cores: int, others: float, own: float, ticks: int = 100) -> None:
        self.total += cores * ticks
        self.busy += int((others + own) * ticks)
        self.own += int(own * ticks)


def test_the_watch_counts_other_programs_but_not_this_process():
    ticks = Ticks()
    watch = LoadWatch(interval_s=0, machine_times=lambda: (ticks.busy, ticks.total), own_ticks=lambda: ticks.own)
    watch.cores = 2
    ticks.advance(2, others=0.0, own=1.9)
    watch.sample()
    assert watch.busy_cores < 0.05 and watch.threads(2) == 2
    ticks.advance(2, others=1.0, own=0.5)
    watch.sample()
    assert abs(watch.busy_cores - 1.0) < 0.05 and watch.threads(2) == 1
    ticks.advance(2, others=0.1, own=0.0)
    watch.sample()
    assert watch.threads(2) == 2


def test_the_watch_reads_this_machine():
    watch = LoadWatch(interval_s=0)
    watch.sample()
    assert 0.0 <= watch.busy_cores <= watch.cores
    assert 1 <= watch.threads(watch.cores) <= watch.cores
