"""Run as a subprocess by tests: hand a file to an isolated parser whose loader never returns, then wait to be killed.

Usage: python -m tests.engine.parser_child FILE
Prints "WORKER <pid>" once the parse worker is busy with FILE.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path


def main(argv: list[str]) -> int:
    from rag.ingest.parse_worker import IsolatedParser
    from tests.engine.hostile_loaders import spin_forever

    parser = IsolatedParser(3600, 512, loader=spin_forever)
    parser.submit(Path(argv[0]))
    print(f"WORKER {parser.worker_pid}", flush=True)
    time.sleep(3600)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
