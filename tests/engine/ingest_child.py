"""Run as a subprocess by tests: open a library with the fake models, optionally ingest, optionally hold it open.

Usage: python -m tests.engine.ingest_child DATA_DIR [PATH ...] [--hold]
Prints "OPEN <pid>" once the library is open, then "REPORT <json>" after ingesting PATHs; with --hold it keeps the
library open until its standard input closes. A Faro error is printed as "ERROR <kind> <message>" (exit code 2).
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("data_dir")
    parser.add_argument("paths", nargs="*")
    parser.add_argument("--hold", action="store_true")
    args = parser.parse_args(argv)

    from rag.config import Config
    from rag.engine import Engine
    from rag.errors import FaroError
    from tests.fakes import FakeEmbedder, FakeGenerator

    try:
        engine = Engine(Config(data_dir=Path(args.data_dir)), embedder=FakeEmbedder(), generator=FakeGenerator())
    except FaroError as exc:
        print(f"ERROR {exc.kind} {exc}", flush=True)
        return 2
    print(f"OPEN {os.getpid()}", flush=True)
    try:
        if args.paths:
            print("REPORT " + json.dumps(engine.ingest(args.paths).to_json(), ensure_ascii=False), flush=True)
        if args.hold:
            sys.stdin.read()
    except FaroError as exc:
        print(f"ERROR {exc.kind} {exc}", flush=True)
        return 2
    finally:
        engine.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
