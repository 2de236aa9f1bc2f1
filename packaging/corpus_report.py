"""Proof numbers for crash safety and hostile inputs: corpus outcome table, slowest file, peak memory, kill campaign.

Usage: .venv/bin/python packaging/corpus_report.py [--fake-embedder] [--kills N] [--seed S] [--json FILE]

Ingests every file of ../shared/corpus (one at a time, as a user would drop them) into a fresh library with the
bundled embedding model (or the fast fake one), compares each outcome with tests/engine/corpus_outcomes.json,
samples the resident memory of Faro and of its parse worker, then SIGKILLs N ingests at random moments and at every
step of the commit protocol (tests/engine/crash_harness.py) and counts invariant violations. Prints Markdown.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus"
TABLE = REPO / "tests" / "engine" / "corpus_outcomes.json"


class MemorySampler:
    """Peak resident memory of this process, of the parse worker and of both together, sampled every 20 ms."""

    def __init__(self, parser) -> None:
        self.parser = parser
        self.peak_app = self.peak_worker = self.peak_total = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> "MemorySampler":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()
        self.peak_app = max(self.peak_app, _status_kb("self", "VmHWM"))

    def _run(self) -> None:
        while not self._stop.wait(0.02):
            app = _status_kb("self", "VmRSS")
            pid = self.parser.worker_pid
            worker = max(_status_kb(str(pid), "VmHWM"), _status_kb(str(pid), "VmRSS")) if pid else 0
            self.peak_app = max(self.peak_app, app)
            self.peak_worker = max(self.peak_worker, worker)
            self.peak_total = max(self.peak_total, app + worker)


def _status_kb(pid: str, field: str) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def corpus_run(fake_embedder: bool) -> dict:
    from rag.config import Config
    from rag.engine import Engine
    from tests.fakes import FakeEmbedder, FakeGenerator

    expected = json.loads(TABLE.read_text(encoding="utf-8"))["files"]
    files = sorted(p for p in CORPUS.rglob("*") if p.is_file())
    with tempfile.TemporaryDirectory() as data:
        parts = {"embedder": FakeEmbedder(), "generator": FakeGenerator()} if fake_embedder else {}
        engine = Engine(Config(data_dir=Path(data)), **parts)
        embedder_name = engine.embedder.model_id
        started = time.monotonic()
        rows = []
        with MemorySampler(engine.parser) as memory:
            for path in files:
                report = engine.ingest([path])
                outcome = report.outcomes[0]
                label = outcome.error_kind if outcome.status == "failed" else outcome.status
                name = str(path.relative_to(CORPUS))
                rows.append({
                    "file": name, "outcome": label, "expected": expected.get(name, {}).get("outcome"),
                    "pages": outcome.pages, "passages": outcome.chunks, "seconds": outcome.seconds,
                    "reason": outcome.reason, "warnings": list(outcome.warnings),
                })
        seconds = time.monotonic() - started
        engine.close()
    slowest = max(rows, key=lambda r: r["seconds"])
    return {
        "embedder": embedder_name, "files": len(rows), "seconds": round(seconds, 1), "rows": rows,
        "mismatches": [r for r in rows if r["outcome"] != r["expected"]],
        "slowest": {"file": slowest["file"], "seconds": slowest["seconds"], "pages": slowest["pages"], "passages": slowest["passages"]},
        "peak_rss_mb": {"app": round(memory.peak_app / 1024), "parse_worker": round(memory.peak_worker / 1024),
                        "together": round(memory.peak_total / 1024)},
    }


def kill_campaign(kills: int, seed: int | None) -> dict:
    from tests.engine.crash_harness import run_campaign

    with tempfile.TemporaryDirectory() as work:
        result = run_campaign(Path(work), random_kills=kills, seed=seed, log=lambda line: print(line, file=sys.stderr))
    return {
        "seed": result.seed, "kills": len(result.kills), "violations": result.violation_count,
        "violating_kills": [k.__dict__ for k in result.kills if k.violations or k.stray_workers],
        "final_problems": result.final_problems + result.final_violations, "phases": result.phases(),
        "seconds": round(result.seconds, 1),
    }


def markdown(corpus: dict, campaign: dict | None) -> str:
    lines = [f"## Corpus run ({corpus['files']} files, embedder {corpus['embedder']}, {corpus['seconds']} s)", "",
             "| file | outcome | expected | pages | passages | seconds |", "|---|---|---|---|---|---|"]
    for r in corpus["rows"]:
        mark = "" if r["outcome"] == r["expected"] else " **≠**"
        lines.append(f"| {r['file']} | {r['outcome']}{mark} | {r['expected']} | {r['pages'] or ''} | {r['passages']} | {r['seconds']:.2f} |")
    counts: dict[str, int] = {}
    for r in corpus["rows"]:
        counts[r["outcome"]] = counts.get(r["outcome"], 0) + 1
    slowest, peak = corpus["slowest"], corpus["peak_rss_mb"]
    lines += ["", "Outcomes: " + ", ".join(f"{n} {k}" for k, n in sorted(counts.items())),
              f"Mismatches with tests/engine/corpus_outcomes.json: {len(corpus['mismatches'])}",
              f"Slowest file: {slowest['file']} — {slowest['seconds']:.2f} s ({slowest['pages']} pages, {slowest['passages']} passages)",
              f"Peak RSS: app {peak['app']} MB, parse worker {peak['parse_worker']} MB, both together {peak['together']} MB"]
    if campaign:
        lines += ["", f"## Kill campaign (seed {campaign['seed']}, {campaign['seconds']} s)", "",
                  f"Kill points tried: {campaign['kills']}; invariant violations found: {campaign['violations']}",
                  "Kills by the last step reported before the kill: "
                  + ", ".join(f"{phase} {n}" for phase, n in campaign["phases"].items())]
        for problem in campaign["final_problems"] + campaign["violating_kills"]:
            lines.append(f"- {problem}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fake-embedder", action="store_true", help="hashing embedder instead of the bundled model")
    parser.add_argument("--kills", type=int, default=20, help="random kills in the crash campaign (0: no campaign)")
    parser.add_argument("--seed", type=int, help="seed of the crash campaign")
    parser.add_argument("--json", type=Path, help="also write the numbers as JSON here")
    args = parser.parse_args(argv)
    if not CORPUS.is_dir():
        print(f"No corpus at {CORPUS}", file=sys.stderr)
        return 1
    sys.path.insert(0, str(REPO))
    corpus = corpus_run(args.fake_embedder)
    campaign = kill_campaign(args.kills, args.seed) if args.kills > 0 else None
    print(markdown(corpus, campaign))
    if args.json:
        args.json.write_text(json.dumps({"corpus": corpus, "campaign": campaign}, indent=1, ensure_ascii=False), encoding="utf-8")
    failed = corpus["mismatches"] or (campaign and campaign["violations"])
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
