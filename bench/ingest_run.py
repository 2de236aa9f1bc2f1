"""One timed ingestion (or embed-only) run in a fresh process, so every run starts cold and has its own peak RSS.

Usage: python -m bench.ingest_run ingest PIPELINE TARGET THREADS MODELS_DIR SOURCE...
       python -m bench.ingest_run embed-only BACKEND DATA_DIR THREADS MODELS_DIR
The result is printed as one JSON line.
"""
from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path


def peak_rss_mb() -> dict:
    """Peak resident memory of this process and of its largest finished child (the parse worker), in MiB."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"process": round(own, 1), "largest_child": round(children, 1)}


def embed_only(backend: str, data_dir: Path, threads: int, models_dir: Path) -> dict:
    """Embed Faro's own index texts of ``data_dir`` with the same model and batches, nothing else."""
    from bench.faro_pipeline import chunk_batches, make_embedder

    batches = chunk_batches(data_dir)
    started = time.perf_counter()
    embedder = make_embedder(backend, threads, models_dir)
    embedder.embed(["load the model"])
    loaded = time.perf_counter()
    for batch in batches:
        embedder.embed(batch)
    done = time.perf_counter()
    return {"texts": sum(len(b) for b in batches), "load_s": loaded - started, "embed_s": done - loaded}


def main(argv: list[str]) -> int:
    mode = argv[0]
    if mode == "ingest":
        from bench.workspace import ingest_with

        pipeline, target, threads, models_dir, *sources = argv[1:]
        result = ingest_with(pipeline, [Path(s) for s in sources], Path(target), int(threads), Path(models_dir))
    elif mode == "embed-only":
        backend, data_dir, threads, models_dir = argv[1:]
        result = embed_only(backend, Path(data_dir), int(threads), Path(models_dir))
    else:
        raise SystemExit(__doc__)
    result["peak_rss_mb"] = peak_rss_mb()
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
