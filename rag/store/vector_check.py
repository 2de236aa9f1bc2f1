"""Reads Chroma's index files in a child process first, so damaged files that crash Chroma's native code cannot crash Faro."""
from __future__ import annotations

import json
import logging
import multiprocessing
from pathlib import Path
from typing import Callable

from rag.child_process import prepare_child, start_child

log = logging.getLogger(__name__)

CHECK_TIMEOUT_S = 180.0
STARTED = "started"


def index_files_fingerprint(folder: Path) -> str:
    """Name, size and modification time of every index file Chroma keeps in the segment folders of ``folder``.

    Chroma's own database file is left out: it changes at every opening, and SQLite survives a kill mid-write.
    """
    files = sorted(p for p in Path(folder).glob("*/*") if p.is_file())
    entries = [[str(p.relative_to(folder.parent)), p.stat().st_size, p.stat().st_mtime_ns] for p in files]
    return json.dumps(entries) if entries else ""


def vector_store_survives_reading(folder: Path, timeout_s: float = CHECK_TIMEOUT_S,
                                  read: Callable[[str], None] | None = None) -> bool | None:
    """Whether a child process can open the store in ``folder``, count and query every collection in it (or do
    ``read``, a module-level function tests give to crash or hang on purpose).

    False when the child dies once reading (a segmentation fault in Chroma's index reader on a truncated file),
    reports an error, or does not finish within ``timeout_s`` (it is then killed); None when the child could not
    even start.
    """
    context = multiprocessing.get_context("spawn")
    process, connection = start_child(context, _run_reader, (str(folder), read or read_every_collection),
                                      "faro-vector-check")
    started = False
    try:
        started = connection.poll(timeout_s) and connection.recv() == STARTED
        if started and connection.poll(timeout_s):
            problem = connection.recv()
            if problem:
                log.error("The vector store in %s cannot be read: %s", folder, problem)
            return not problem
        if not started:
            log.error("The process that reads the vector store did not start within %.0f s", timeout_s)
            return None
        log.error("Reading the vector store in %s took more than %.0f s", folder, timeout_s)
        return False
    except EOFError:
        process.join(5)
        if not started:
            log.error("The process that reads the vector store could not start (exit code %s)", process.exitcode)
            return None
        log.error("Reading the vector store in %s crashed its process (exit code %s)", folder, process.exitcode)
        return False
    finally:
        connection.close()
        if process.is_alive():
            process.kill()
        process.join(5)


def _run_reader(connection, folder: str, read: Callable[[str], None], parent_pid: int) -> None:
    prepare_child(parent_pid)
    connection.send(STARTED)
    try:
        read(folder)
        connection.send("")
    except Exception as exc:  # any error means the store cannot be trusted; the parent rebuilds it
        connection.send(f"{type(exc).__name__}: {exc}")


def read_every_collection(folder: str) -> None:
    """Open Chroma's store in ``folder``, count every collection and query one vector of each."""
    from rag.store.vectors import ChromaStore

    store = ChromaStore(Path(folder))
    for name in store.collection_names():
        if store.count(name):
            some_id = next(iter(store.ids(name)))
            store.query(name, store.vectors(name, [some_id])[some_id], 1)
