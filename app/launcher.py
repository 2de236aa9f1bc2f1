"""The ``faro`` entry point: no command (or ``gui``) opens the desktop app, ``bench`` the benchmarks, anything else the CLI.

The library options ``--data-dir`` and ``--collection`` may come before the command or without one.
"""
from __future__ import annotations

import sys

GLOBAL_OPTIONS = ("--data-dir", "--collection")


def split_global_options(argv: list[str]) -> tuple[list[str], list[str]]:
    """Leading ``--data-dir DIR`` / ``--collection NAME`` (or ``--option=value``) options, and the arguments after them."""
    options: list[str] = []
    rest = list(argv)
    while rest:
        name = rest[0].split("=", 1)[0]
        if name not in GLOBAL_OPTIONS:
            break
        takes = 1 if "=" in rest[0] else 2
        options += rest[:takes]
        rest = rest[takes:]
    return options, rest


def main(argv: list[str] | None = None) -> int:
    from rag import enforce_offline

    enforce_offline()
    argv = sys.argv[1:] if argv is None else argv
    options, rest = split_global_options(argv)
    if rest and rest[0] == "bench":
        from bench.cli import main as bench_main  # the benchmarks are a tool of the entry point, not of the engine

        return bench_main(rest[1:])
    if not rest or rest[0] == "gui":
        from app.main import run_gui

        return run_gui(options + rest[1:])
    from rag import run_cli

    if rest[0].startswith("-"):
        return run_cli(argv)
    return run_cli([rest[0], *options, *rest[1:]])


if __name__ == "__main__":
    sys.exit(main())
