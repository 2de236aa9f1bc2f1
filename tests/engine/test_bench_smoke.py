"""Tiny runs of every ``faro bench`` section on data made here (no ../shared), so the benchmark code cannot rot."""
from __future__ import annotations

import csv
import importlib.util
import json

import pytest

from bench.cli import SECTIONS, main
from bench.datasets import load_beir, load_single_doc_questions
from bench.evidence import summarize
from bench.metrics import dedupe, hit_at, ndcg_at, percentile, recall_at
from bench.peer import peer_available
from bench.targets import check
from rag.answer.prompt import PROMPT_TOKENS
from tests.documents import make_pdf

ABSTRACTS = {
    "101": ("Pump seal maintenance", "Mechanical pump seals wear out and must be replaced every 2000 operating hours."),
    "102": ("Coffee roasting chemistry", "Roasting coffee beans produces Maillard reaction compounds that shape flavour."),
    "103": ("Volcanic eruptions and climate", "Sulphate aerosols from large volcanic eruptions cool the global climate."),
    "104": ("Honey bee navigation", "Honey bees communicate the direction of flowers to the hive with a waggle dance."),
    "105": ("Glacier retreat", "Mountain glaciers in the Alps have lost half of their ice volume since 1900."),
}
QUERIES = {
    "1": ("How often should mechanical pump seals be replaced?", "101"),
    "2": ("Volcanic aerosols cool the climate.", "103"),
    "3": ("Bees dance to show where flowers are.", "104"),
}
FILINGS = {
    "2023 Q1 ACME": ["ACME Corporation quarterly report. Net sales of rockets were 12 million dollars.",
                     "ACME research and development spending rose because of the new anvil programme."],
    "2023 Q2 GLOBEX": ["Globex Corporation quarterly report. Revenue from cloud services grew 30 percent.",
                       "Globex repurchased shares worth 5 million dollars during the quarter."],
}


def _write_tiny_shared(root):
    scifact = root / "eval" / "scifact"
    (scifact / "qrels").mkdir(parents=True)
    with open(scifact / "corpus.jsonl", "w", encoding="utf-8") as handle:
        for doc_id, (title, text) in ABSTRACTS.items():
            handle.write(json.dumps({"_id": doc_id, "title": title, "text": text}) + "\n")
    with open(scifact / "queries.jsonl", "w", encoding="utf-8") as handle:
        for query_id, (text, _) in QUERIES.items():
            handle.write(json.dumps({"_id": query_id, "text": text}) + "\n")
        handle.write(json.dumps({"_id": "99", "text": "a query without judgements is left out"}) + "\n")
    with open(scifact / "qrels" / "test.tsv", "w", encoding="utf-8") as handle:
        handle.write("query-id\tcorpus-id\tscore\n")
        handle.writelines(f"{q}\t{doc}\t1\n" for q, (_, doc) in QUERIES.items())
    sec10q = root / "eval" / "sec10q"
    (sec10q / "docs").mkdir(parents=True)
    for stem, pages in FILINGS.items():
        make_pdf(sec10q / "docs" / f"{stem}.pdf", pages)
    with open(sec10q / "qna_data.csv", "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Question", "Source Docs", "Question Type", "Source Chunk Type", "Answer"])
        writer.writerow(["How much did ACME spend on the anvil programme?", "*2023 Q1 ACME*", "Single-Doc Single-Chunk RAG", "Text", "-"])
        writer.writerow(["How much did Globex spend on share repurchases?", "*2023 Q2 GLOBEX*", "Single-Doc Single-Chunk RAG", "Text",
                         "Globex repurchased shares worth 5 million dollars during the quarter."])
        writer.writerow(["Compare ACME and Globex sales.", "*ACME*", "Multi-Doc RAG", "Text", "-"])
    _write_tiny_xquad(root / "eval" / "xquad")
    return root


XQUAD = {
    "en": ("The pump seal is replaced every 2000 hours.", "How often is the pump seal replaced?", "every 2000 hours"),
    "es": ("El sello de la bomba se cambia cada 2000 horas.", "¿Cada cuánto se cambia el sello de la bomba?", "cada 2000 horas"),
}
XQUAD_OTHER = {"en": "Glaciers in the Alps have lost half of their ice.", "es": "Los glaciares de los Alpes han perdido la mitad de su hielo."}


def _write_tiny_xquad(folder):
    """Two articles in English and Spanish with one question, ids shared as in XQuAD."""
    folder.mkdir(parents=True)
    for language, (context, question, answer) in XQUAD.items():
        data = {"data": [
            {"title": "Pump", "paragraphs": [{"context": context, "qas": [
                {"id": "q1", "question": question, "answers": [{"answer_start": context.index(answer), "text": answer}]}]}]},
            {"title": "Glaciers", "paragraphs": [{"context": XQUAD_OTHER[language], "qas": []}]},
        ]}
        (folder / f"xquad.{language}.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


@pytest.fixture(scope="module")
def bench_run(tmp_path_factory):
    """One run of every section, Faro with both embedding backends, the peer when the bench extra is installed."""
    shared = _write_tiny_shared(tmp_path_factory.mktemp("shared"))
    out = tmp_path_factory.mktemp("out")
    code = main([
        "all", "--shared", str(shared), "--out", str(out), "--work-dir", str(tmp_path_factory.mktemp("work")),
        "--backends", "torch,onnx", "--reps", "1", "--threads", "2", "--ask-questions", "1", "--answer-tokens", "16",
        "--coldstart-runs", "1",
    ])
    return code, out, json.loads((out / "results.json").read_text(encoding="utf-8"))


real_models = pytest.mark.real_models


@real_models
def test_every_section_is_run_and_written(bench_run):
    code, out, results = bench_run
    assert code == 0
    assert set(results["sections"]) == set(SECTIONS) - {"server"}, "all sections but the server one, which needs --server"
    readme = (out / "README.md").read_text(encoding="utf-8")
    assert "## Targets" in readme and "## 1. Ingestion" in readme and "## 4. Cold start" in readme


@real_models
def test_spanish_section_measures_both_languages_and_across_them(bench_run):
    spanish = bench_run[2]["sections"]["spanish"]
    assert spanish["questions"] == 1 and set(spanish["xquad"]["onnx"]) == {"es→es", "en→en", "en→es", "es→en"}
    assert spanish["xquad"]["onnx"]["es→es"]["keyword"]["hit@4"] == 1.0
    assert spanish["stemmers"]["spanish"]["agreement"] == 1.0
    assert "## 2c. Spanish and English" in (bench_run[1] / "README.md").read_text(encoding="utf-8")


@real_models
def test_retrieval_ranks_the_matching_abstract_first(bench_run):
    retrieval = bench_run[2]["sections"]["retrieval"]
    assert retrieval["queries"] == 3 and retrieval["documents"] == 5
    assert retrieval["faro"]["torch"]["fused"]["ndcg@10"] > 0.9
    assert retrieval["faro"]["torch"]["dense"]["recall@100"] == 1.0
    assert retrieval["latency"]["faro-torch"]["fused"]["n"] == 3
    assert retrieval["mixed"]["torch-built, onnx questions"]["fused"]["ndcg@10"] > 0.9
    assert "Mixed precision" in (bench_run[1] / "README.md").read_text(encoding="utf-8")


@real_models
def test_evidence_judges_the_questions_whose_answer_is_in_the_filing(bench_run):
    evidence = bench_run[2]["sections"]["evidence"]["faro"]["onnx"]
    assert evidence["all"]["judged"] == 1 and evidence["all"]["unjudged"] == 1
    assert evidence["all"]["passage@5"] == 1.0 and evidence["text"]["page@5"] == 1.0
    assert evidence["table"]["passage@5"] is None


@real_models
def test_sec10q_counts_only_single_filing_questions_and_finds_their_filing(bench_run):
    sec10q = bench_run[2]["sections"]["sec10q"]
    assert sec10q["questions"] == 2 and sec10q["filings"] == 2
    assert sec10q["faro"]["torch"]["fused"]["hit@1"] == 1.0


@real_models
def test_ingestion_counts_pages_and_breaks_faro_time_down(bench_run):
    faro = bench_run[2]["sections"]["ingest"]["pipelines"]["faro-torch"]
    assert faro["pages"] == 4 and faro["chunks"] >= 2 and faro["files_indexed"] == 2
    assert faro["stages_s"]["embed"] > 0 and faro["embed_only_s"] > 0 and faro["peak_rss_mb"] > 0
    assert faro["wall_s"] >= faro["stages_s"]["embed"]


@real_models
def test_answer_speed_compares_the_model_process_with_raw_llama_cpp_before_and_after(bench_run):
    answer = bench_run[2]["sections"]["answer"]
    pipelines = answer["pipelines"]
    assert set(pipelines) == {"faro_model_process", "raw_llama_cpp_same_settings", "raw_llama_cpp_before",
                              "faro_evidence_prompt"}
    assert all(p["answers"] == 1 and p["ttft_ms"] > 0 and p["prompt_tokens_per_s"] > 0 for p in pipelines.values())
    assert pipelines["faro_evidence_prompt"]["prompt_tokens"] <= PROMPT_TOKENS
    assert answer["model_file_used"].endswith(".Q8_0.gguf") and "AVX" in answer["llama_system_info"]
    assert set(answer["process_boundary"]) == {"decode_cost", "ttft_added_ms"}
    assert "Answer speed" in (bench_run[1] / "README.md").read_text(encoding="utf-8")


@real_models
def test_cold_start_and_device_are_recorded(bench_run):
    sections = bench_run[2]["sections"]
    assert all(sections["coldstart"]["seconds"][k] > 0 for k in ("python_startup", "import_engine", "faro_version"))
    assert sections["gpu"]["device"] == "cpu"


@real_models
def test_the_peer_runs_on_the_same_data(bench_run):
    why = peer_available()
    if why:
        pytest.skip(why)
    sections = bench_run[2]["sections"]
    assert sections["ingest"]["pipelines"]["peer"]["pages"] == 4
    assert "pages_per_s_ratio" in sections["ingest"]["pipelines"]["faro-torch"]
    assert 0 <= sections["retrieval"]["peer"]["ndcg@10"] <= 1
    assert sections["sec10q"]["peer"]["hit@5"] == 1.0


@real_models
def test_charts_are_png_files(bench_run):
    if importlib.util.find_spec("matplotlib") is None:
        pytest.skip("charts need matplotlib from the bench extra (pip install -e '.[bench]')")
    out = bench_run[1]
    for name in ("ingestion.png", "retrieval_quality.png", "latency.png", "coldstart.png"):
        assert (out / name).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_ranking_metrics_match_hand_computed_values():
    relevant = {"a": 1, "b": 1}
    assert ndcg_at(["a", "b", "c"], relevant) == pytest.approx(1.0)
    assert ndcg_at(["c", "a"], relevant) == pytest.approx((1 / 1.5849625) / (1 + 1 / 1.5849625), rel=1e-6)
    assert recall_at(["a", "x"], relevant, 100) == 0.5
    assert hit_at(["x", "a"], "a", 1) == 0.0 and hit_at(["x", "a"], "a", 5) == 1.0
    assert dedupe(["a", "a", "b", "a"]) == ["a", "b"]
    assert percentile([1, 2, 3, 4, 5], 50) == 3 and percentile([10, 20], 95) == pytest.approx(19.5)


def test_loaders_skip_unjudged_queries_and_read_the_csv_byte_order_mark(tmp_path):
    shared = _write_tiny_shared(tmp_path)
    beir = load_beir(shared / "eval" / "scifact")
    assert set(beir.queries) == set(QUERIES) and beir.qrels["2"] == {"103": 1}
    questions = load_single_doc_questions(shared / "eval" / "sec10q" / "qna_data.csv")
    assert [q.filing for q in questions] == ["2023 Q1 ACME", "2023 Q2 GLOBEX"]


def test_targets_report_the_gap_when_missed():
    results = {"sections": {
        "retrieval": {"faro": {"torch": {"fused": {"ndcg@10": 0.65}}}, "peer": {"ndcg@10": 0.6},
                      "latency": {"faro-torch": {"fused": {"p95_ms": 40.0}}}},
        "answer": {"pipelines": {"faro_model_process": {"ttft_ms": 1500.0, "prompt_tokens_per_s": 800.0},
                                 "faro_evidence_prompt": {"ttft_ms": 900.0, "prompt_tokens_per_s": 350.0}},
                   "process_boundary": {"decode_cost": 0.02, "ttft_added_ms": 80.0}},
    }}
    by_name = {t.name: t for t in check(results)}
    assert by_name["SciFact fused nDCG@10 (faro-torch)"].gap == "short by 0.050"
    assert by_name["SciFact fused nDCG@10 minus peer (faro-torch)"].met
    assert by_name["Fused retrieval p95 on SciFact (faro-torch)"].met
    assert by_name["Model process: decode tokens/s cost vs raw llama.cpp"].met
    assert not by_name["Model process: first token added"].met
    assert not by_name["First token, 4 × 256-token passages sent whole"].met
    assert by_name["First token, 4 × 256-token passages as Faro sends them (evidence first)"].met
    assert by_name["Prompt evaluation"].gap.startswith("short by 200")


def test_a_question_only_a_whole_page_answers_counts_for_pages_not_passages():
    rows = [{"type": "table", "judged": True, "passage": True, "page": True, "evidence_passages": 2},
            {"type": "table", "judged": True, "passage": False, "page": True, "evidence_passages": 0},
            {"type": "text", "judged": False}]
    table = summarize(rows)["table"]
    assert (table["judged"], table["passage_judged"], table["unjudged"]) == (2, 1, 0)
    assert table["passage@5"] == 1.0 and table["passage@5 (all judged)"] == 0.5 and table["page@5"] == 1.0
