"""PNG charts, one per section: bars with values and ratios written on them, readable without the table."""
from __future__ import annotations

from pathlib import Path

FARO = "#1f6f8b"
FARO_ALT = "#55a3c4"
PEER = "#c8702a"
BASE = "#8a8a8a"


def _plt():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def _color(name: str) -> str:
    if name.startswith("peer"):
        return PEER
    if "onnx" in name:
        return FARO_ALT
    return FARO if name.startswith("faro") else BASE


def _bars(ax, labels: list[str], values: list[float], notes: list[str], title: str, unit: str = "") -> None:
    positions = range(len(labels))
    ax.barh(list(positions), values, color=[_color(l) for l in labels])
    ax.set_yticks(list(positions), labels)
    ax.invert_yaxis()
    ax.set_title(title, fontsize=11, loc="left")
    right = max(values, default=1) or 1
    ax.set_xlim(0, right * 1.45)
    for y, (value, note) in enumerate(zip(values, notes)):
        ax.text(value + right * 0.01, y, f"{value:.3g}{unit} {note}".strip(), va="center", fontsize=9,
                bbox={"facecolor": "white", "edgecolor": "none", "pad": 1, "alpha": 0.8})
    ax.spines[["top", "right"]].set_visible(False)


def _ratio_note(value: float, reference: float | None, name: str) -> str:
    return f"({value / reference:.2f}× {name})" if reference else ""


def _save(fig, path: Path) -> Path:
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    _plt().close(fig)
    return path


def ingestion_chart(data: dict, path: Path) -> Path:
    plt = _plt()
    pipelines = data["pipelines"]
    peer = pipelines.get("peer", {}).get("pages_per_s")
    fig, (speed, split) = plt.subplots(1, 2, figsize=(12, 3.8))
    names = list(pipelines)
    values = [pipelines[n]["pages_per_s"] for n in names]
    _bars(speed, names, values, [_ratio_note(v, peer, "peer") if n != "peer" else "" for n, v in zip(names, values)],
          f"Ingestion speed, {data['files']} sec10q filings (pages/s, higher is better)")
    rows, lefts = [], []
    stage_colors = {"parse_wait": "#9b59b6", "chunk": "#27ae60", "embed": FARO, "store": "#e67e22", "other": "#bbbbbb"}
    for name in [n for n in names if n.startswith("faro-")]:
        faro = pipelines[name]
        stages = {k: faro["stages_s"].get(k, 0.0) for k in ("parse_wait", "chunk", "embed", "store")}
        stages["other"] = max(0.0, faro["wall_s"] - sum(stages.values()))
        rows.append((name, stages, faro["wall_s"], faro.get("embed_only_s")))
    for y, (name, stages, wall, bound) in enumerate(rows):
        left = 0.0
        for stage, seconds in stages.items():
            split.barh(y, seconds, left=left, color=stage_colors[stage], label=stage if y == 0 else None)
            left += seconds
        note = f"{wall:.0f} s"
        if bound:
            split.plot([bound, bound], [y - 0.4, y + 0.4], color="black", linewidth=2, label="embed-only bound" if y == 0 else None)
            note += f"  (embed-only {bound:.0f} s = {bound / wall:.0%})"
        split.text(wall * 1.01, y, note, va="center", fontsize=9)
        lefts.append(name)
    split.set_yticks(range(len(lefts)), lefts)
    split.invert_yaxis()
    split.set_xlim(0, max((r[2] for r in rows), default=1) * 1.6)
    split.set_title("Where Faro's ingest time goes (seconds)", fontsize=11, loc="left")
    split.legend(fontsize=8, loc="upper center", bbox_to_anchor=(0.5, -0.1), ncol=6, frameon=False)
    split.spines[["top", "right"]].set_visible(False)
    return _save(fig, path)


def _quality_panel(ax, section: dict, metric: str, target: float, title: str) -> None:
    """Bars of ``metric`` for each Faro backend and ranking, and the peer, with the ratio to the peer written on."""
    peer = section.get("peer", {}).get(metric)
    names, values = [], []
    for backend, modes in section["faro"].items():
        for mode, scores in modes.items():
            names.append(f"faro-{backend} {mode}")
            values.append(scores[metric])
    if peer is not None:
        names.append("peer similarity")
        values.append(peer)
    notes = [_ratio_note(v, peer, "peer") if not n.startswith("peer") else "" for n, v in zip(names, values)]
    _bars(ax, names, values, notes, title)
    ax.axvline(target, color="black", linestyle="--", linewidth=1)


def quality_chart(retrieval: dict | None, sec10q: dict | None, path: Path) -> Path:
    plt = _plt()
    panels = [p for p in (retrieval, sec10q) if p]
    fig, axes = plt.subplots(1, len(panels), figsize=(6.5 * len(panels), 3.2 + 0.3 * 7), squeeze=False)
    axes = list(axes[0])
    if retrieval:
        _quality_panel(axes.pop(0), retrieval, "ndcg@10", 0.70,
                       f"SciFact nDCG@10 ({retrieval['queries']} queries; target fused ≥ 0.70)")
    if sec10q:
        _quality_panel(axes.pop(0), sec10q, "hit@1", 0.80,
                       f"sec10q right filing first, hit@1 ({sec10q['questions']} questions; target ≥ 0.80)")
    return _save(fig, path)


def latency_chart(retrieval: dict, answer: dict | None, path: Path) -> Path:
    plt = _plt()
    fig, axes = plt.subplots(1, 2 if answer else 1, figsize=(13 if answer else 6.5, 3.8), squeeze=False)
    ax = axes[0][0]
    names, values, notes = [], [], []
    peer = retrieval["latency"].get("peer", {}).get("similarity", {}).get("p95_ms")
    for pipeline, modes in retrieval["latency"].items():
        for mode, stats in modes.items():
            names.append(f"{pipeline} {mode}")
            values.append(stats["p95_ms"])
            notes.append(f"ms p95 (p50 {stats['p50_ms']:.1f})" + (f" {_ratio_note(stats['p95_ms'], peer, 'peer')}" if peer and pipeline != "peer" else ""))
    _bars(ax, names, values, notes, "Search latency on SciFact, p95 in ms (lower is better; target ≤ 50)")
    ax.set_xlim(0, max(ax.get_xlim()[1], 75))
    ax.axvline(50, color="black", linestyle="--", linewidth=1)
    if answer:
        ax = axes[0][1]
        pipelines = answer["pipelines"]
        before = pipelines.get("raw_llama_cpp_before", {}).get("ttft_ms")
        names = list(pipelines)
        values = [pipelines[n]["ttft_ms"] for n in names]
        notes = [f"ms, {pipelines[n]['decode_tokens_per_s']:.0f} tok/s " + (_ratio_note(v, before, "before") if n != "raw_llama_cpp_before" else "")
                 for n, v in zip(names, values)]
        _bars(ax, names, values, notes, "Time to first token, 4 passages, ms (lower is better)")
    return _save(fig, path)


def coldstart_chart(data: dict, path: Path) -> Path:
    plt = _plt()
    fig, ax = plt.subplots(figsize=(7.5, 3))
    seconds = data["seconds"]
    base = seconds.get("python_startup")
    names = list(seconds)
    values = [seconds[n] for n in names]
    notes = ["s" if n == "python_startup" else f"s ({v / base:.1f}× bare Python)" if base else "s" for n, v in zip(names, values)]
    _bars(ax, names, values, notes, "Cold start, median seconds (lower is better)")
    return _save(fig, path)


def draw_all(results: dict, out_dir: Path) -> list[Path]:
    sections = results.get("sections", {})
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    if "ingest" in sections:
        written.append(ingestion_chart(sections["ingest"], out_dir / "ingestion.png"))
    if "retrieval" in sections or "sec10q" in sections:
        written.append(quality_chart(sections.get("retrieval"), sections.get("sec10q"), out_dir / "retrieval_quality.png"))
    if "retrieval" in sections:
        written.append(latency_chart(sections["retrieval"], sections.get("answer"), out_dir / "latency.png"))
    if "answers" in sections:
        from bench.answers_report import chart

        written.append(chart(sections["answers"], out_dir / "answers.png"))
    if "coldstart" in sections:
        written.append(coldstart_chart(sections["coldstart"], out_dir / "coldstart.png"))
    return written
