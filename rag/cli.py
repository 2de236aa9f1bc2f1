"""The ``faro`` command line: ingest, search, ask, list, remove, collections, models, doctor, reindex."""
from __future__ import annotations

import argparse
import json
import os
import sys
from functools import partial
from importlib.metadata import PackageNotFoundError, version

from rag.config import LANGUAGE_SETTINGS
from rag.errors import FaroError
from rag.logs import log_file, setup_logging
from rag.messages import interface_language, localize
from rag.offline import enforce_offline
from rag.answer.language import guess_language, message
from rag.progress import Progress
from rag.status import Status


def _version() -> str:
    try:
        return version("faro")
    except PackageNotFoundError:
        return "0+unknown"


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--data-dir", help="library folder (default: $FARO_HOME, else the platform's data folder)")
    common.add_argument("--collection", help="which library inside the data folder (default: 'default')")
    common.add_argument("--json", action="store_true", help="print machine-readable JSON")
    common.add_argument("--embedding-backend", choices=("torch", "onnx-int8"), help="how passages are embedded")
    common.add_argument("--language", choices=LANGUAGE_SETTINGS, help="language of Faro's messages (default: the system's)")

    model = argparse.ArgumentParser(add_help=False)
    model.add_argument("--model", dest="llm_path", help="GGUF model file (default: the bundled SmolLM2-135M)")
    model.add_argument("--gpu-layers", dest="n_gpu_layers", type=int, help="layers to offload to the GPU (-1 = all)")
    model.add_argument("--threads", dest="n_threads", type=int, help="CPU threads")
    model.add_argument("--ctx", dest="n_ctx", type=int, help="context size in tokens")
    model.add_argument("--temperature", type=float)
    model.add_argument("--max-tokens", type=int, help="maximum answer length in tokens")
    model.add_argument("--top-k", type=int, help="number of sources given to the model")
    model.add_argument("--server", dest="server_url", help="answer with an OpenAI-compatible server, e.g. http://localhost:8080/v1")
    model.add_argument("--server-model", help="the server's model name (see: faro models --server URL)")

    parser = argparse.ArgumentParser(prog="faro", description="Faro: ask questions about your documents, offline.")
    parser.add_argument("--version", action="version", version=f"faro {_version()}")
    commands = parser.add_subparsers(dest="command", required=True)

    ingest = commands.add_parser("ingest", parents=[common], help="add files or folders to the library")
    ingest.add_argument("paths", nargs="+")
    ingest.add_argument("--password", help="password for protected PDFs")
    ingest.add_argument("--chunk-tokens", type=int, help="passage size in embedding tokens")
    ingest.add_argument("--chunk-overlap", type=int, help="overlap between passages in tokens")

    search = commands.add_parser("search", parents=[common], help="find passages")
    search.add_argument("query")
    search.add_argument("--k", type=int, default=10)
    search.add_argument("--mode", choices=("fused", "dense", "keyword"), default="fused")

    ask = commands.add_parser("ask", parents=[common, model], help="answer a question with cited sources")
    ask.add_argument("question")

    commands.add_parser("list", parents=[common], help="list documents and their status")
    remove = commands.add_parser("remove", parents=[common], help="remove a document and its passages")
    remove.add_argument("paths", nargs="+")
    commands.add_parser("collections", parents=[common], help="list collections")
    models = commands.add_parser("models", parents=[common], help="list the GGUF models on this computer (or a server's models)")
    models.add_argument("--folder", action="append", default=[], help="also look in this folder (repeatable)")
    models.add_argument("--server", dest="server_url", help="list the models of this OpenAI-compatible server instead")
    doctor = commands.add_parser(
        "doctor", parents=[common, model], help="check (and --repair) the library, and check the answer model loads"
    )
    doctor.add_argument("--repair", action="store_true")
    commands.add_parser("reindex", parents=[common], help="rebuild passages and vectors with the current settings")

    commands.add_parser("gui", parents=[common], help="open the desktop app (the default with no command)")
    return parser


def _open_engine(args):
    from rag.engine import Engine

    overrides = {k: getattr(args, k, None) for k in (
        "collection", "llm_path", "n_gpu_layers", "n_threads", "n_ctx", "temperature", "max_tokens", "top_k",
        "chunk_tokens", "chunk_overlap", "embedding_backend", "server_url", "server_model", "language",
    )}
    if overrides["server_url"]:
        overrides["answer_backend"] = "server"
    elif overrides["llm_path"]:
        overrides["answer_backend"] = "local"
    return Engine.open(args.data_dir, **overrides)


def _progress_printer():
    interactive = sys.stderr.isatty()
    last = {"file": None}

    def show(p: Progress) -> None:
        if interactive:
            width = 30
            filled = int(width * p.done / p.total) if p.total else width
            line = f"\r[{'#' * filled}{'.' * (width - filled)}] {p.done}/{p.total} {p.current[:40]} {p.stage[:30]}"
            sys.stderr.write(line.ljust(100))
            if p.stage == "done":
                sys.stderr.write("\n")
            sys.stderr.flush()
        elif p.current and p.current != last["file"] and p.stage == "reading":
            last["file"] = p.current
            sys.stderr.write(f"[{p.done + 1}/{p.total}] {p.current}\n")

    return show


def counted(count: int, word: str, words: str | None = None) -> str:
    """``1 page``, ``3 pages``: the count with the word in the right number."""
    return f"{count:,} {word if count == 1 else (words or word + 's')}"


def _print_report(report, language: str) -> None:
    marks = {Status.INDEXED: "✓", Status.REREAD: "↻", Status.UNCHANGED: "=", Status.DUPLICATE: "≡", Status.FAILED: "✗", Status.SKIPPED: "-"}
    for o in report.outcomes:
        passages = counted(o.chunks, "passage")
        detail = localize(o.reason, language) or (f"{counted(o.pages, 'page')}, {passages}" if o.pages else passages)
        print(f"{marks.get(o.status, '?')} {o.status:<9} {o.path}  {detail}")
        for warning in o.warnings:
            print(f"    note: {localize(warning, language)}")
    summary = ", ".join(f"{report.count(s)} {s}" for s in (Status.INDEXED, Status.REREAD, Status.UNCHANGED, Status.DUPLICATE, Status.FAILED)
                        if report.count(s))
    print(("Cancelled. " if report.cancelled else "") + (summary or "No files found."))
    if report.count(Status.FAILED):
        print(f"Details of failures are in the log: {log_file()}")


def _print_hit(number: int, hit) -> None:
    where = f", {hit.location}" if hit.location else ""
    scan = ", read from a scan" if hit.scanned else ""
    print(f"[{number}] {hit.source}{where}{scan}  (score {hit.score:.3f})")
    print("    " + " ".join(hit.text.split())[:300])


def _print_status(text: str) -> None:
    """What Faro is doing while the model writes (its words are printed once checked)."""
    print(text, flush=True)


def _print_evidence(evidence, language: str) -> None:
    """The quotes that answer the question, before the model writes (labelled in the question's language)."""
    if evidence:
        print(message("from_documents", language))
    for item in evidence:
        where = f", {item.location}" if item.location else ""
        print(f"  “{item.text}” ({os.path.basename(item.source)}{where})")
        if item.answer:
            print(f"    → {item.answer}")
    print(flush=True)


def run(args) -> int:
    if args.command == "models":
        from rag.models.listing import print_models

        return print_models(args.data_dir, args.folder, args.server_url, args.json)
    engine = _open_engine(args)
    try:
        return _dispatch(engine, args)
    finally:
        engine.close()


def _dispatch(engine, args) -> int:
    if args.command == "ingest":
        report = engine.ingest(args.paths, password=args.password, progress=_progress_printer())
        print(json.dumps(report.to_json(), indent=2, ensure_ascii=False)) if args.json else _print_report(report, engine.interface_language)
        return 0 if not report.count(Status.FAILED) else 3
    if args.command == "search":
        hits = engine.search(args.query, k=args.k, mode=args.mode)
        if args.json:
            print(json.dumps([h.to_json() for h in hits], indent=2, ensure_ascii=False))
        else:
            for number, hit in enumerate(hits, start=1):
                _print_hit(number, hit)
        return 0
    if args.command == "ask":
        language = guess_language(args.question)
        show_evidence = None if args.json else partial(_print_evidence, language=language)
        answer = engine.ask(args.question, on_evidence=show_evidence, on_status=None if args.json else _print_status)
        if args.json:
            print(json.dumps(answer.to_json(), indent=2, ensure_ascii=False))
            return 0
        if answer.abstained:
            print(answer.text)
            for number, hit in enumerate(answer.closest, start=1):
                _print_hit(number, hit)
            return 0
        if answer.note:
            print("\n" + answer.note)
        if not answer.text:
            return 0
        print(f"\n{message('answer_heading', language)}\n{answer.text}\n\n{message('sources', language)}")
        for c in answer.citations:
            where = f", p. {c.page}" if c.page else (f", {c.section}" if c.section else "")
            scan = message("from_scan", language) if c.scanned else ""
            print(f"[{c.n}] {c.source}{where}{scan}\n    “{c.quote}”")
        return 0
    if args.command == "list":
        records = engine.documents()
        if args.json:
            print(json.dumps([r.__dict__ for r in records], indent=2, ensure_ascii=False))
        for r in [] if args.json else records:
            pages = counted(r.pages, "page") if r.pages else "- pages"
            detail = localize(r.error, engine.interface_language) or f"{pages}, {counted(r.chunks, 'passage')}"
            print(f"{r.status:<9} {r.language or '-':<5} {r.path}  {detail}")
        return 0
    if args.command == "remove":
        missing = [p for p in args.paths if not engine.remove(p)]
        for p in missing:
            print(f"Not in the library: {p}", file=sys.stderr)
        return 1 if missing else 0
    if args.command == "collections":
        print("\n".join(engine.collections()))
        return 0
    if args.command == "doctor":
        from rag.models.check import check_answer_model

        report = engine.repair() if args.repair else engine.check()
        model = check_answer_model(engine.generator)
        older = engine.read_by_older_readers().get(engine.collection, [])
        if args.json:
            print(json.dumps({**report.to_json(), "answer_model": model.to_json(), "read_by_older_readers": older}, indent=2))
        else:
            print(report.describe() + "\n\n" + model.describe())
            if older:
                print(f"\n{counted(len(older), 'document')} read by an earlier Faro: add them again (faro ingest) to read "
                      "them as this version does (tables as rows).")
        return 0 if (report.healthy or args.repair) and model.healthy else 4
    if args.command == "reindex":
        count = engine.reindex(progress=_progress_printer())
        print(f"Re-indexed {counted(count, 'document')}.")
        return 0
    raise AssertionError(args.command)


def main(argv: list[str] | None = None) -> int:
    enforce_offline()
    argv = sys.argv[1:] if argv is None else argv
    args = build_parser().parse_args(argv)
    setup_logging()
    try:
        return run(args)
    except FaroError as exc:
        language = interface_language(getattr(args, "language", None) or "auto")
        print(f"faro: {localize(str(exc), language)}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("faro: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
