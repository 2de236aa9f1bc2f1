"""Human-readable results: summary lines for the terminal and docs/benchmarks/README.md (with its charts)."""
from __future__ import annotations

from pathlib import Path


def _f(value, digits: int = 3) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def summary_lines(section: str, data: dict) -> list[str]:
    lines = [f"== {section}"]
    if section == "retrieval":
        lines.append(f"SciFact: {data['queries']} queries over {data['documents']} abstracts")
        for backend, modes in data["faro"].items():
            for mode, scores in modes.items():
                lat = data["latency"][f"faro-{backend}"][mode]
                lines.append(
                    f"  faro-{backend:<5} {mode:<8} nDCG@10 {_f(scores['ndcg@10'])}  Recall@100 {_f(scores['recall@100'])}"
                    f"  p50 {_f(lat['p50_ms'], 1)} ms  p95 {_f(lat['p95_ms'], 1)} ms"
                )
        if "peer" in data:
            lat = data["latency"]["peer"]["similarity"]
            lines.append(
                f"  peer       similar  nDCG@10 {_f(data['peer']['ndcg@10'])}  Recall@100 {_f(data['peer']['recall@100'])}"
                f"  p50 {_f(lat['p50_ms'], 1)} ms  p95 {_f(lat['p95_ms'], 1)} ms"
            )
    elif section == "spanish" and "xquad" in data:
        lines.append(f"XQuAD: {data['questions']} questions over {data['articles']} articles per language, answer in the top {data['top_k']}")
        for embedder, pairs in data["xquad"].items():
            lines += [f"  {embedder:<7} {pair}  " + "  ".join(f"{m} {_f(s['hit@4'])}" for m, s in modes.items())
                      for pair, modes in pairs.items()]
        for embedder, modes in data["scifact"].items():
            lines.append(f"  SciFact {embedder:<7} " + "  ".join(f"{m} nDCG@10 {_f(s['ndcg@10'])}" for m, s in modes.items()))
    elif section == "sec10q":
        lines.append(f"sec10q: {data['questions']} single-filing questions over {data['filings']} filings")
        for backend, modes in data["faro"].items():
            for mode, scores in modes.items():
                lines.append(f"  faro-{backend:<5} {mode:<8} hit@1 {_f(scores['hit@1'])}  hit@5 {_f(scores['hit@5'])}")
        if "peer" in data:
            lines.append(f"  peer       similar  hit@1 {_f(data['peer']['hit@1'])}  hit@5 {_f(data['peer']['hit@5'])}")
    elif section == "evidence":
        lines.append(f"sec10q evidence: {data['questions']} single-chunk questions, answer-bearing passage/page in the top {data['top_k']}")
        for backend, groups in data["faro"].items():
            for group in ("all", "table", "text"):
                g = groups[group]
                lines.append(f"  faro-{backend:<5} {group:<6} passage@5 {_f(g['passage@5'])} of {g.get('passage_judged', g['judged'])}"
                             f" ({_f(g.get('passage@5 (all judged)', g['passage@5']))} of all)  page@5 {_f(g['page@5'])}"
                             f"  ({g['judged']} judged, {g['unjudged']} without evidence in the filing)")
    elif section == "tables":
        lines.append(f"sec10q table rows: {data['pages']} pages holding the figures of {data['questions']} table questions")
        for reader, r in data["readers"].items():
            lines.append(f"  {reader:<10} row with label and header {_f(r['found'])}  {_f(r['seconds_per_page'])} s/page")
    elif section == "ocr":
        cer = "  ".join(f"{k} {v:.2%}" for k, v in data["cer"].items())
        lines.append(f"  {data['engine']}: CER {cer}; {data['seconds_per_page']:.2f} s per A4 page on {data['threads']} threads;"
                     f" {data['install_mb']:.0f} MB installed")
    elif section == "ingest":
        for name, p in data["pipelines"].items():
            line = (f"  {name:<11} {p['wall_s']:.1f} s  {p['pages_per_s']:.2f} pages/s  {p['chunks_per_s']:.2f} chunks/s"
                    f"  peak RSS {p['peak_rss_mb']:.0f} MiB")
            if "pages_per_s_ratio" in p:
                line += f"  {p['pages_per_s_ratio']:.2f}× peer pages/s"
            if "overhead_share" in p:
                line += f"  embed-only {p['embed_only_s']:.1f} s, overhead {p['overhead_share']:.1%}"
            lines.append(line)
    elif section == "answer":
        for name, p in data["pipelines"].items():
            lines.append(
                f"  {name:<28} first token {p['ttft_ms']:.0f} ms  prompt {p['prompt_tokens_per_s']:.0f} tokens/s  "
                f"decode {p['decode_tokens_per_s']:.1f} tokens/s"
            )
        boundary = data["process_boundary"]
        lines.append(
            f"  process boundary: {boundary['decode_cost']:.1%} of decode tokens/s, "
            f"{boundary['ttft_added_ms']:+.0f} ms first token"
        )
    elif section == "answers":
        from bench.answers_report import summary_lines as answers_lines

        lines += answers_lines(data)
    elif section == "coldstart":
        lines += [f"  {name:<15} {seconds:.3f} s" for name, seconds in data["seconds"].items()]
        if isinstance(data.get("window_shown"), str):
            lines.append(f"  window shown: {data['window_shown']}")
    elif section == "gpu":
        lines.append(f"  device {data['device']}: {data['note']}")
    elif section in ("models", "server"):
        from bench import model_scan, server_answer

        lines += (model_scan if section == "models" else server_answer).summary(data)
    return lines


def write_report(results: dict, out_dir: Path, charts: bool = True) -> list[Path]:
    from bench.markdown import render

    written = []
    if charts:
        from bench.charts import draw_all

        written.extend(draw_all(results, out_dir))
    path = out_dir / "README.md"
    path.write_text(render(results, [p.name for p in written]), encoding="utf-8")
    return [out_dir / "results.json", path, *written]
