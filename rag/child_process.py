"""What every helper process Faro starts does first: stay offline, ignore Ctrl+C, and die when Faro dies."""
from __future__ import annotations

import os
import signal
import threading
import time
from typing import Any, Callable

from rag.offline import enforce_offline

PARENT_CHECK_INTERVAL_S = 0.2


def prepare_child(expected_parent: int | None = None) -> None:
    """Call first in a child process: offline environment, no SIGINT, exit within 0.2 s of the parent's death.

    The parent is watched by polling its process id (a dead parent's children are re-parented), which works
    whichever thread started the child and on every platform; SIGKILL of Faro included.
    """
    enforce_offline()
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    parent = expected_parent or os.getppid()
    if os.getppid() != parent:
        os._exit(0)

    def watch() -> None:
        while True:
            time.sleep(PARENT_CHECK_INTERVAL_S)
            if os.getppid() != parent:
                os._exit(0)

    threading.Thread(target=watch, name="faro-parent-watch", daemon=True).start()


def start_child(context: Any, target: Callable[..., None], args: tuple, name: str) -> tuple[Any, Any]:
    """A daemon child running ``target(child_end, *args, this_pid)`` (which calls ``prepare_child`` first), and the
    parent's end of its pipe."""
    parent_end, child_end = context.Pipe()
    process = context.Process(target=target, args=(child_end, *args, os.getpid()), daemon=True, name=name)
    process.start()
    child_end.close()
    return process, parent_end
