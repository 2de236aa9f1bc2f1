"""Every file of ../shared/corpus ends as indexed text or as its expected per-file error, the same way every time."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from rag.config import Config
from rag.engine import Engine
from tests.engine.invariants import library_violations
from tests.fakes import FakeEmbedder, FakeGenerator
from tests.documents import SHARED

CORPUS = SHARED / "corpus"
TABLE = json.loads(Path(__file__).with_name("corpus_outcomes.json").read_text(encoding="utf-8"))["files"]


def outcome_label(outcome) -> str:
    return outcome.error_kind if outcome.status == "failed" else outcome.status


@pytest.fixture(scope="module")
def corpus_run(tmp_path_factory):
    """The whole corpus ingested file by file into one library (real parser, Chroma, registry; fake embedder)."""
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not present on this machine")
    files = sorted(p for p in CORPUS.rglob("*") if p.is_file())
    engine = Engine(Config(data_dir=tmp_path_factory.mktemp("corpus-library")), embedder=FakeEmbedder(), generator=FakeGenerator())
    first = engine.ingest(files)
    second = engine.ingest(files)
    yield engine, files, first, second
    engine.close()


def _by_name(report) -> dict[str, object]:
    return {str(Path(o.path).relative_to(CORPUS.resolve())): o for o in report.outcomes}


def test_the_table_lists_every_corpus_file(corpus_run):
    _, files, _, _ = corpus_run
    assert sorted(str(p.relative_to(CORPUS)) for p in files) == sorted(TABLE)


def test_every_file_gets_its_expected_outcome(corpus_run):
    _, files, first, _ = corpus_run
    outcomes = _by_name(first)
    assert len(first.outcomes) == len(files)
    wrong = {name: (outcome_label(outcomes[name]), entry["outcome"], outcomes[name].reason)
             for name, entry in TABLE.items() if outcome_label(outcomes[name]) != entry["outcome"]}
    assert not wrong, f"got / expected / reason: {json.dumps(wrong, indent=1, ensure_ascii=False)}"


def test_outcomes_are_the_same_on_a_second_run(corpus_run):
    _, _, first, second = corpus_run
    before, after = _by_name(first), _by_name(second)
    for name, outcome in before.items():
        if outcome.status == "indexed":
            assert after[name].status == "unchanged", name
        else:
            assert (after[name].status, after[name].error_kind, after[name].reason) == (
                outcome.status, outcome.error_kind, outcome.reason), name


def test_indexed_files_hold_the_text_a_reader_sees(corpus_run):
    engine, _, _, _ = corpus_run
    records = {str(Path(r.path).relative_to(CORPUS.resolve())): r for r in engine.documents()}
    for name, entry in TABLE.items():
        if entry["outcome"] != "indexed":
            continue
        document = engine.document_text(records[name].doc_id)
        text = "\n".join(page.text for page in document.pages)
        assert sum(c.isalnum() for c in text) >= 4, name
        assert "\x00" not in text + document.title, name
        for phrase in entry.get("contains", []):
            assert phrase in text, f"{name} lacks {phrase!r}"
        if "scanned" in entry:
            assert all(page.scanned for page in document.pages) == entry["scanned"], name
        for phrase in entry.get("once", []):
            assert text.count(phrase) == 1, f"{name} has {phrase!r} {text.count(phrase)} times"


def test_failures_are_explained_in_plain_words_and_recorded(corpus_run):
    engine, _, first, _ = corpus_run
    records = {r.path: r for r in engine.documents()}
    for outcome in first.outcomes:
        if outcome.status != "failed":
            continue
        assert outcome.reason.endswith((".", ")")) and 15 < len(outcome.reason) < 300, outcome
        assert "Traceback" not in outcome.reason and "Error:" not in outcome.reason.split("(")[0], outcome
        record = records[outcome.path]
        assert (record.status, record.error_kind, record.chunks) == ("failed", outcome.error_kind, 0)


def test_protected_files_index_with_the_password_from_the_readme(corpus_run):
    engine, _, _, _ = corpus_run
    protected = {name: entry["password"] for name, entry in TABLE.items() if "password" in entry}
    assert protected
    for name, password in protected.items():
        report = engine.ingest([CORPUS / name], password=password)
        assert [o.status for o in report.outcomes] == ["indexed"], (name, report.outcomes)
        assert report.outcomes[0].chunks > 0


def test_the_library_is_consistent_after_the_corpus(corpus_run):
    engine, _, _, _ = corpus_run
    assert library_violations(engine) == []
