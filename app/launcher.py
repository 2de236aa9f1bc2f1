"""The ``faro`` entry point: no arguments (or ``gui``) opens the desktop app, anything else is the CLI."""
from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    from rag.offline import enforce_offline

    enforce_offline()
    argv = sys.argv[1:] if argv is None else argv
    if not argv or argv[0] == "gui":
        from app.main import run_gui

        return run_gui(argv[1:])
    from rag.cli import main as cli_main

    return cli_main(argv)


if __name__ == "__main__":
    sys.exit(main())
