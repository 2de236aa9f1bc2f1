"""docs/benchmarks/README.md: the targets, then one table per section, from results.json."""
from __future__ import annotations

from bench.targets import check


def _f(value, digits: int = 3) -> str:
    if value is None:
        return "–"
    return f"{value:.{digits}f}" if isinstance(value, (int, float)) else str(value)


def _table(header: list[str], rows: list[list]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return lines + [""]


def _targets(results: dict) -> list[str]:
    rows = [[t.name, t.goal, t.value(), "✅ met" if t.met else ("–" if t.met is None else f"❌ {t.gap}")] for t in check(results)]
    return ["## Targets", ""] + _table(["target", "goal", "measured", "status"], rows) if rows else []


def _ingest(data: dict) -> list[str]:
    lines = ["## 1. Ingestion (sec10q, 20 filings)", "", f"Runs: {data['order']}, each in a fresh process; medians.", ""]
    rows = []
    for name, p in data["pipelines"].items():
        rows.append([
            name, _f(p["wall_s"], 1), _f(p["pages_per_s"], 2), _f(p["chunks_per_s"], 2), p["pages"], p["chunks"],
            f"{p['files_indexed']}/{data['files']}", _f(p["peak_rss_mb"], 0), _f(p.get("pages_per_s_ratio"), 2),
            _f(p.get("wall_ratio"), 2),
        ])
    lines += _table(["pipeline", "wall s", "pages/s", "chunks/s", "pages", "chunks", "files read", "peak RSS MiB", "pages/s ÷ peer",
                     "peer wall ÷ wall"], rows)
    failed = {n: p["files_failed"] for n, p in data["pipelines"].items() if p["files_failed"]}
    for name, files in failed.items():
        lines.append(f"- {name} could not read: " + "; ".join(files))
    if failed:
        lines.append("")
    rows = []
    for name, p in data["pipelines"].items():
        if not name.startswith("faro-"):
            continue
        s = p["stages_s"]
        other = p["wall_s"] - sum(s.get(k, 0.0) for k in ("parse_wait", "chunk", "embed", "store"))
        rows.append([
            name, _f(s.get("open_engine"), 1), _f(s.get("parse_wait"), 1), _f(p.get("parse_cpu_s"), 1), _f(s.get("chunk"), 1),
            _f(s.get("embed"), 1), _f(s.get("store"), 1), _f(other, 1), _f(p.get("embed_only_s"), 1), _f(p.get("overhead_share"), 3),
        ])
    lines += ["Faro's time by stage (seconds; parsing runs in a worker process, overlapped with embedding, so only the wait "
              "for it counts in the wall time; *parse CPU* is the worker's own time):", ""]
    lines += _table(["pipeline", "open", "parse wait", "parse CPU", "chunk", "embed", "store", "other", "embed-only bound",
                     "overhead share (1 − bound ÷ wall)"], rows)
    return lines


def _retrieval(data: dict) -> list[str]:
    lines = [f"## 2a. Retrieval quality, SciFact ({data['queries']} queries, {data['documents']} abstracts)", ""]
    rows = [[f"faro-{b}", m, _f(s["ndcg@10"]), _f(s["recall@100"])] for b, modes in data["faro"].items() for m, s in modes.items()]
    if "peer" in data:
        rows.append(["peer", "similarity", _f(data["peer"]["ndcg@10"]), _f(data["peer"]["recall@100"])])
    lines += _table(["pipeline", "ranking", "nDCG@10", "Recall@100"], rows)
    if data.get("mixed"):
        lines += ["Mixed precision (a library built with one embedding backend, questions embedded with the other):", ""]
        rows = [[pair, m, _f(s["ndcg@10"]), _f(s["recall@100"])] for pair, modes in data["mixed"].items() for m, s in modes.items()]
        lines += _table(["library / questions", "ranking", "nDCG@10", "Recall@100"], rows)
    lines += ["## 3a. Search latency on the SciFact collection (ms)", ""]
    rows = [[p, m, _f(s["p50_ms"], 1), _f(s["p95_ms"], 1), s["n"]] for p, modes in data["latency"].items() for m, s in modes.items()]
    return lines + _table(["pipeline", "ranking", "p50", "p95", "queries"], rows)


def _sec10q(data: dict) -> list[str]:
    lines = [f"## 2b. Right filing found, sec10q ({data['questions']} single-filing questions, {data['filings']} filings)", "",
             "hit@k: the question's filing is among the first k distinct filings of the ranking.", ""]
    rows = [[f"faro-{b}", m, _f(s["hit@1"]), _f(s["hit@5"])] for b, modes in data["faro"].items() for m, s in modes.items()]
    if "peer" in data:
        rows.append(["peer", "similarity", _f(data["peer"]["hit@1"]), _f(data["peer"]["hit@5"])])
    return lines + _table(["pipeline", "ranking", "hit@1", "hit@5"], rows)


def _evidence(data: dict) -> list[str]:
    lines = [f"## 2c. Evidence found, sec10q ({data['questions']} single-chunk questions)", "",
             f"passage@{data['top_k']}: a passage holding the reference answer (at least half of the answer's figures, or of its "
             f"distinctive words when it has no figures, and near the best passage of the filing) is among the first "
             f"{data['top_k']} results; page@{data['top_k']}: one of them lies on a page holding it. Questions whose filing "
             "holds neither are not judged; those whose reference only a whole page holds count for page@5 alone "
             "(\"passage@5, all judged\" counts them as misses).", ""]
    rows = [[f"faro-{b}", group, g["judged"], g.get("passage_judged", g["judged"]), _f(g["passage@5"]),
             _f(g.get("passage@5 (all judged)", g["passage@5"])), _f(g["page@5"])]
            for b, groups in data["faro"].items() for group in ("all", "table", "text") for g in [groups[group]]]
    return lines + _table(["pipeline", "chunk type", "judged", "by passage", "passage@5", "passage@5, all judged", "page@5"], rows)


def _tables(data: dict) -> list[str]:
    lines = [f"## 2e. Table rows, Faro's reader against pdfplumber ({data['pages']} sec10q pages holding the figures of "
             f"{data['questions']} table questions)", "",
             "Found: every figure of the answer on that page sits in a row with a label (words to its left) and a column "
             "header (words or a year above it). Faro: the rows it writes, `label | header: value`. pdfplumber: "
             "`extract_tables` with the text strategy (these filings draw no ruling lines); any word cell to the left and "
             "above counts, which favours it. Seconds: Faro's whole PDF reading per page, pdfplumber's table pass alone.", ""]
    rows = [[reader, _f(r["found"]), _f(r["seconds_per_page"], 3)] for reader, r in data["readers"].items()]
    lines += _table(["reader", "rows found with label and header", "s/page"], rows)
    headers = data.get("headers")
    if headers and headers["cells"]:
        lines += [f"Column headers of every value cell in Faro's rows ({headers['filings']} filings, {headers['cells']:,} "
                  f"cells): {headers['no_header']:.1%} have none, {headers['several_years']:.1%} name two or more years "
                  "(the year of the figure cannot be told).", ""]
    return lines


def _ocr(data: dict) -> list[str]:
    lines = [f"## 2d. OCR of scanned pages ({data['pages']} generated A4 pages at 300 dpi, {data['threads']} threads)", "",
             "Character error rate against the known text; noisy pages are skewed, blurred, grainy low-quality JPEGs.", ""]
    cer = data["cer"]
    row = [data["engine"], *(f"{cer[k]:.2%}" for k in ("en-clean", "en-noisy", "es-clean", "es-noisy")),
           _f(data["seconds_per_page"], 2), _f(data["install_mb"], 0)]
    table = _table(["engine", "CER en clean", "CER en noisy", "CER es clean", "CER es noisy", "s/page", "MB"], [row])
    full = data.get("full_page")
    if full:
        table += ["A full page (40 lines of 10-pt text): " + "; ".join(
            f"{lang} {f['characters']} characters, {f['seconds']:.2f} s, CER {f['cer']:.2%}" for lang, f in full.items()) + ".", ""]
    tables = data.get("scanned_tables")
    if tables:
        table += ["A scanned page of two tables (a schedule and error codes under bold header rows), rows read whole with "
                  "their label and value on one line: " + "; ".join(
                      f"{angle} {t['whole']} of {t['rows']}" for angle, t in tables.items()) + ".", ""]
    return lines + table


def _spanish(data: dict) -> list[str]:
    if "xquad" not in data:
        return [f"## 2c. Spanish and English: {data.get('skipped', 'not measured')}", ""]
    lines = [f"## 2c. Spanish and English, XQuAD ({data['questions']} questions, {data['articles']} articles per language)", "",
             f"hit@{data['top_k']}: the answer span is inside one of the first {data['top_k']} passages `Engine.search` returns. "
             "es→en means Spanish questions over the English library.", ""]
    rows = [[e, pair, *(_f(modes[m]["hit@4"]) for m in ("fused", "dense", "keyword"))]
            for e, pairs in data["xquad"].items() for pair, modes in pairs.items()]
    lines += _table(["embedding", "questions→library", "fused", "dense", "keyword"], rows)
    if data.get("before"):
        lines += ["Before this change (keyword index without stemming, same run settings):", ""]
        rows = [[pair, *(_f(modes[m]["hit@4"]) for m in ("fused", "dense", "keyword"))] for pair, modes in data["before"].items()]
        lines += _table(["questions→library", "fused", "dense", "keyword"], rows)
    rows = [[e, m, _f(s["ndcg@10"]), _f(s["recall@100"])] for e, modes in data["scifact"].items() for m, s in modes.items()]
    rows += [[f"{e} (before)", m, _f(s["ndcg@10"]), _f(s["recall@100"])]
             for e, modes in data.get("scifact_before", {}).items() for m, s in modes.items()]
    lines += [f"SciFact ({data['scifact_queries']} queries) with the same settings:", ""]
    lines += _table(["embedding", "ranking", "nDCG@10", "Recall@100"], rows)
    candidate = data.get("candidate")
    if candidate:
        lines += [f"Multilingual candidate, {candidate['model']}: dense hit@4 "
                  + ", ".join(f"{pair} {_f(v)}" for pair, v in candidate["dense_hit@4"].items())
                  + f"; embedding {candidate['embedding_speed_vs_minilm_int8']}; SciFact {candidate['scifact']}.", ""]
    if data.get("note"):
        lines += [data["note"], ""]
    stemmers = data.get("stemmers")
    if stemmers:
        lines += [f"Snowball stemmers on the XQuAD articles' {stemmers['words']} words (best of 3):", ""]
        rows = [[lang, name, f"{v['words_per_s']:,.0f}", _f(stemmers[lang]["agreement"])]
                for lang in ("spanish", "english") for name, v in stemmers[lang].items() if name != "agreement"]
        lines += _table(["language", "package", "words/s", "same stems"], rows)
    return lines


def _answer(data: dict) -> list[str]:
    busy = " while another program keeps one core busy" if data.get("busy_core_in_background") else ""
    lines = [f"## 3b. Answer speed ({data['model']}, greedy, at most {data['max_tokens']} tokens{busy})", "",
             f"Each question: 4 SciFact abstracts of at most 256 tokens (median prompt {data['prompt_tokens_median']:.0f} "
             "tokens). Per question, in turn: Faro's model process, raw llama-cpp-python in this process with the same "
             f"settings and model file ({data['model_file_used']}), and raw llama-cpp-python as Faro ran it before "
             f"({data['model']}, prompt threads left to llama.cpp). These three get the four passages whole. The fourth, "
             "faro_evidence_prompt, is Faro's model process with the prompt Faro sends now for the same question and "
             "passages: the evidence first and the sentences around it, at most 320 tokens. "
             f"{data['threads']} threads. Medians.", "",
             f"- llama-cpp-python {data['llama_cpp_python']}; build: `{data['build']}`",
             f"- llama.cpp system info: `{data['llama_system_info']}`",
             f"- first load of the model process (Q8_0 copy made once): {data['first_load_s']:.1f} s"]
    if data.get("safe_mode"):
        lines.append("- **safe mode**: the model crashed on this processor with llama.cpp's extra buffer types (weight "
                     "repacking, AMX), so every pipeline here ran with them off")
    lines.append("")
    rows = [[n, p["answers"], _f(p.get("prompt_tokens", data["prompt_tokens_median"]), 0), _f(p["ttft_ms"], 0),
             _f(p["prompt_tokens_per_s"], 0), _f(p["decode_tokens_per_s"], 1)] for n, p in data["pipelines"].items()]
    lines += _table(["pipeline", "answers", "prompt tokens", "first token ms", "prompt tokens/s", "decode tokens/s"], rows)
    boundary = data["process_boundary"]
    lines += [f"The process boundary costs {boundary['decode_cost']:.1%} of decode tokens/s and "
              f"{boundary['ttft_added_ms']:+.0f} ms of first token.", ""]
    return lines


def _coldstart(data: dict) -> list[str]:
    lines = ["## 4. Cold start (median seconds over fresh processes)", ""]
    lines += _table(["step", "seconds"], [[k, _f(v, 3)] for k, v in data["seconds"].items()])
    if isinstance(data.get("window_shown"), str):
        lines += [f"Window shown: {data['window_shown']}", ""]
    return lines


def render(results: dict, charts: list[str]) -> str:
    machine = results.get("machine", {})
    sections = results.get("sections", {})
    lines = ["# Faro benchmarks", "", "Generated by `faro bench` from `results.json`; do not edit by hand.", ""]
    if machine:
        packages = ", ".join(f"{k} {v}" for k, v in machine.get("packages", {}).items())
        lines += [f"Machine: {machine.get('cpu')}, {machine.get('cores')} cores, {machine.get('memory_gib')} GiB; "
                  f"Python {machine.get('python')}; {packages}.", ""]
    gpu = sections.get("gpu")
    if gpu:
        lines += [f"Device: {gpu['device']}. {gpu['note']}", ""]
    lines += _targets(results)
    lines += [f"![{name}]({name})" for name in charts] + ([""] if charts else [])
    from bench import model_scan, server_answer
    from bench.answers_report import markdown_lines

    for key, render_section in (("ingest", _ingest), ("retrieval", _retrieval), ("sec10q", _sec10q), ("evidence", _evidence),
                                ("tables", _tables), ("ocr", _ocr), ("spanish", _spanish), ("answer", _answer), ("answers", markdown_lines),
                                ("server", server_answer.markdown), ("coldstart", _coldstart), ("models", model_scan.markdown)):
        if key in sections:
            lines += render_section(sections[key])
            data = sections[key]
            lines += [f"_Measured {data.get('measured_at', '')}; load average before/after "
                      f"{data.get('load_average_before')}/{data.get('load_average_after')}; settings {data.get('settings', {})}._", ""]
    return "\n".join(lines)
