"""The answers section on paper: terminal lines, a Markdown table, a chart and its targets."""
from __future__ import annotations

from pathlib import Path

from bench.targets import Target

ROWS = (
    ("questions", "questions", "{:.0f}"),
    ("pool_has_answer", "answer-bearing passage among those considered", "{:.1%}"),
    ("evidence_contains", "evidence contains the reference", "{:.1%}"),
    ("final_contains", "final answer (evidence + checked model text) contains it", "{:.1%}"),
    ("model_contains", "model text alone contains it", "{:.1%}"),
    ("evidence_f1", "evidence token F1, best quote (XQuAD)", "{:.3f}"),
    ("evidence_answer_shown", "evidence carries a short answer (date, amount, name, table figure)", "{:.1%}"),
    ("answer_f1", "evidence's answer token F1: short answer, else best quote (XQuAD)", "{:.3f}"),
    ("answer_em", "evidence's short answer exact match (XQuAD)", "{:.1%}"),
    ("evidence_token_recall", "share of the span's words in the evidence (XQuAD)", "{:.3f}"),
    ("model_answered", "model text shown (something survived the check)", "{:.1%}"),
    ("marked_unsupported", "answers with a sentence marked 'not found in your documents'", "{:.1%}"),
    ("unmarked_absent_number", "answers showing an unmarked number absent from the sources", "{:.0f}"),
    ("abstained", "abstained", "{:.1%}"),
    ("weak", "evidence flagged 'may not answer'", "{:.1%}"),
    ("evidence_ms_p50", "time to evidence, p50 ms", "{:.0f}"),
    ("first_token_ms_p50", "time to first token, p50 ms", "{:.0f}"),
    ("prompt_tokens_p50", "prompt tokens, p50", "{:.0f}"),
)


def _cell(value, pattern: str) -> str:
    return "–" if value is None else pattern.format(value)


def summary_lines(data: dict) -> list[str]:
    lines = []
    for run, groups in data["runs"].items():
        for group, s in groups.items():
            lines.append(f"  {run:<28} {group:<26} evidence {s['evidence_contains']:.1%}  final {s['final_contains']:.1%}"
                         f"  considered {s['pool_has_answer']:.1%}  abstained {s['abstained']:.1%}  ({s['questions']} q)")
    lines.append(f"  off-topic abstained: {data['off_topic']['abstained']}")
    if data["off_topic"].get("more"):
        lines.append(f"  {data['off_topic']['more_questions']} more off-topic questions per language abstained: {data['off_topic']['more']}")
    for library, near in _near_topic(data).items():
        lines.append(f"  unanswered questions on the {library} library's topics: abstained {near['abstained']:.0%}, "
                     f"\"may not answer\" {near['hedged']:.0%}, answered as if answered {near['answered']:.0%}")
    lines.append(f"  evidence latency on {data['latency']['passages']} passages: p50 {data['latency']['p50_ms']:.0f} ms,"
                 f" p95 {data['latency']['p95_ms']:.0f} ms")
    return lines


def markdown_lines(data: dict) -> list[str]:
    lines = ["## 5. Answers: evidence first, claims checked (`faro bench answers`)", "",
             "sec10q: numbers in the reference's first two sentences (not years or small counts) matched within 1% "
             "(half of them needed); references without numbers: half of the content words of their first sentence. "
             "XQuAD: the reference span, SQuAD-normalised, occurs in the text (exact match, contained); token F1 is the "
             "SQuAD F1 of the best single quote against the span (a whole sentence against a short span scores low "
             "by construction); the evidence's answer F1 scores the short answer the evidence carries (the date, amount, "
             "name or table figure of the kind asked), or the best quote when it carries none. The evidence-only run answers every question; runs with a model answer "
             f"{data['model_questions']} questions of each group shown, spread evenly over it (a 135M model on 2 shared "
             "cores takes 10-60 s an answer).", ""]
    for run, groups in data["runs"].items():
        names = list(groups)
        lines += [f"### {run}", "", "| measure | " + " | ".join(names) + " |", "|---|" + "---|" * len(names)]
        for key, label, pattern in ROWS:
            if any(groups[g].get(key) is not None for g in names):
                lines.append(f"| {label} | " + " | ".join(_cell(groups[g].get(key), pattern) for g in names) + " |")
        lines.append("")
        lines += _half_lines(groups)
    off = data["off_topic"]
    lines += [f"Off-topic questions ({off['questions']}, English and Spanish) abstained: "
              + ", ".join(f"{k} library {v:.0%}" for k, v in off["abstained"].items()) + ".", ""]
    if off.get("more"):
        lines += [f"{off['more_questions']} more off-topic questions in each language abstained: "
                  + ", ".join(f"{k} library {v['en']:.0%} (English) and {v['es']:.0%} (Spanish)" for k, v in off["more"].items())
                  + ".", ""]
    for library, near in _near_topic(data).items():
        example = "Who designed the Fresno water tower?" if library == "xquad-en" else "¿Cuántos habitantes tiene Fresno?"
        lines += [f"Questions on the {library} articles' topics that they do not answer ({near['questions']}, such as "
                  f"\"{example}\"): abstained {near['abstained']:.0%}, shown with \"this may not answer your "
                  f"question\" {near['hedged']:.0%}, answered as if the documents did {near['answered']:.0%}.", ""]
    lat = data["latency"]
    lines += [f"Time from Ask to the evidence on the SciFact library ({lat['passages']} passages, {lat['questions']} "
              f"questions, no model): p50 {lat['p50_ms']:.0f} ms, p95 {lat['p95_ms']:.0f} ms.", ""]
    return lines


def _near_topic(data: dict) -> dict[str, dict]:
    """Library → its near-topic rates (results before the Spanish set held the English library's alone)."""
    near = data.get("near_topic") or {}
    return {"xquad-en": near} if "questions" in near else near


def _half_lines(groups: dict) -> list[str]:
    """First half (where the rules were developed) against the second (held out), per group."""
    names = [g for g in groups if groups[g].get("halves")]
    if not names:
        return []
    lines = ["First half of each question list (rules developed on it) / second half (held out):", "",
             "| measure | " + " | ".join(names) + " |", "|---|" + "---|" * len(names)]
    for key, label, pattern in ROWS:
        cells = []
        for g in names:
            first, second = groups[g]["halves"]["first"].get(key), groups[g]["halves"]["second"].get(key)
            cells.append("–" if first is None else f"{_cell(first, pattern)} / {_cell(second, pattern)}")
        if any(c != "–" for c in cells):
            lines.append(f"| {label} | " + " | ".join(cells) + " |")
    return lines + [""]


def chart(data: dict, path: Path) -> Path:
    from bench.charts import _plt, _save

    plt = _plt()
    runs = data["runs"]
    groups = list(dict.fromkeys(g for summaries in runs.values() for g in summaries))
    fig, axes = plt.subplots(1, len(groups), figsize=(4.2 * len(groups), 3.6), squeeze=False)
    measures = (("pool_has_answer", "considered"), ("evidence_contains", "evidence"), ("final_contains", "final answer"))
    colours = ("#8a8a8a", "#1f6f8b", "#55a3c4", "#c8702a")
    for ax, group in zip(axes[0], groups):
        width = 0.8 / max(1, len(runs))
        for r, (run, summaries) in enumerate(runs.items()):
            s = summaries.get(group)
            if not s:
                continue
            values = [s[key] for key, _ in measures]
            xs = [i + r * width for i in range(len(measures))]
            ax.bar(xs, values, width, label=run, color=colours[r % len(colours)])
            for x, v in zip(xs, values):
                ax.text(x, v + 0.01, f"{v:.0%}", ha="center", fontsize=7)
        ax.set_xticks([i + width * (len(runs) - 1) / 2 for i in range(len(measures))], [m for _, m in measures], fontsize=8)
        ax.set_ylim(0, 1.1)
        ax.set_title(group, fontsize=10, loc="left")
        ax.spines[["top", "right"]].set_visible(False)
    axes[0][0].legend(fontsize=7, loc="upper right")
    fig.suptitle("Share of questions whose reference answer is in what Faro considered, showed as evidence, and answered",
                 fontsize=10)
    return _save(fig, path)


def targets(data: dict) -> list[Target]:
    runs = data["runs"]
    evidence = runs.get("evidence only (no model)", {})
    bundled = runs.get("bundled SmolLM2-135M", {})
    single = evidence.get("sec10q single-chunk", {})
    spanish = evidence.get("xquad es", {})
    found = []
    if single:
        found.append(Target("sec10q single-chunk: answer-bearing passage considered", "≥ 0.90", single["pool_has_answer"], 0.90))
        found.append(Target("sec10q single-chunk: evidence contains the reference", "≥ 0.75", single["evidence_contains"], 0.75))
    if bundled.get("sec10q single-chunk"):
        found.append(Target("sec10q single-chunk: final answer contains the reference (bundled model)", "≥ 0.70",
                            bundled["sec10q single-chunk"]["final_contains"], 0.70))
    unmarked = sum(s["unmarked_absent_number"] for groups in runs.values() for s in groups.values())
    found.append(Target("Answers showing an unmarked number absent from the sources", "0", unmarked, 0, False))
    if spanish:
        found.append(Target("XQuAD Spanish: evidence exact match (span contained)", "≥ 0.60", spanish["evidence_contains"], 0.60))
        found.append(Target("XQuAD Spanish: evidence token F1 (short answer, else best quote)", "≥ 0.75",
                            spanish.get("answer_f1", spanish.get("evidence_f1")), 0.75))
    found.append(Target("Evidence within 300 ms of Ask, 5,000-passage library (p50)", "≤ 300 ms", data["latency"]["p50_ms"], 300,
                        False, " ms"))
    off = data["off_topic"]["abstained"]
    found.append(Target("Off-topic questions abstained", "≥ 0.90", min(off.values()), 0.90))
    more = data["off_topic"].get("more")
    if more:
        found.append(Target("More off-topic questions abstained (each language, each library)", "≥ 0.90",
                            min(v for rates in more.values() for v in rates.values()), 0.90))
    answerable = [s["abstained"] for s in evidence.values()]
    if answerable:
        found.append(Target("Answerable questions abstained", "≤ 0.05", max(answerable), 0.05, False))
    return found
