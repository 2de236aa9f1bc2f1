"""Bad settings and a bad data folder each give a specific message, and Faro keeps working with what it had."""
from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from rag.config import Config
from rag.engine import Engine
from rag.errors import DataFolderError, EmbeddingMismatch, ModelError
from rag.models.bundled import bundled_llm_path
from rag.models.generator import available_memory_bytes, gpu_offload_supported
from rag.models.gguf import read_gguf_info
from tests.documents import make_pdf
from tests.engine.invariants import library_violations
from tests.engine.test_hostile_files import run_as_user
from tests.fakes import FakeEmbedder, FakeGenerator

QUESTION = "How often must the pump seal be replaced?"


def _write_model_variants(folder: Path) -> dict[str, Path]:
    """Broken copies of the bundled model: missing, cut in the header, cut in the weights, not a GGUF, too big."""
    model = bundled_llm_path().read_bytes()
    variants = {
        "missing": folder / "nowhere.gguf",
        "cut-header": folder / "cut-header.gguf",
        "cut-weights": folder / "cut-weights.gguf",
        "not-gguf": folder / "really-a-pdf.gguf",
        "too-big": folder / "too-big.gguf",
    }
    variants["cut-header"].write_bytes(model[:4000])
    variants["cut-weights"].write_bytes(model[: len(model) // 2])
    make_pdf(variants["not-gguf"], ["Not a model."])
    with open(variants["too-big"], "wb") as handle:
        handle.write(model[: 8 * 2**20])
        handle.truncate(4 * (available_memory_bytes() or 2**40))  # sparse: no disk used
    return variants


EXPECTED_MESSAGES = {
    "missing": "does not exist",
    "cut-header": "incomplete or damaged (truncated download?)",
    "cut-weights": "is incomplete: it has 47 MB of the 94 MB",
    "not-gguf": "is not a GGUF model file",
    "too-big": "GiB is free. Choose a smaller model",
}


@pytest.fixture(scope="module")
def model_variants(tmp_path_factory):
    return _write_model_variants(tmp_path_factory.mktemp("models"))


@pytest.mark.parametrize("variant", sorted(EXPECTED_MESSAGES))
def test_each_broken_model_file_gets_its_own_message(model_variants, variant):
    from rag.models.generator import LlamaGenerator

    with pytest.raises(ModelError, match=re.escape(EXPECTED_MESSAGES[variant])):
        LlamaGenerator(model_variants[variant], 2048, 2, 0)


def test_the_header_of_the_bundled_model_is_read_and_whole():
    info = read_gguf_info(bundled_llm_path())
    assert (info.architecture, info.layer_count, info.quantization, info.has_chat_template) == ("llama", 30, "Q4_1", True)


def _answering_engine(tmp_path) -> Engine:
    """An engine with the real bundled language model (fake embedder) and one document that answers QUESTION."""
    make_pdf(tmp_path / "pump.pdf", ["Pump manual. The pump seal must be replaced every 500 hours of operation."])
    config = Config(data_dir=tmp_path / "library", max_tokens=24, n_ctx=1024)
    engine = Engine(config, embedder=FakeEmbedder())
    engine.ingest([tmp_path / "pump.pdf"])
    return engine


def test_a_bad_model_setting_leaves_the_evidence_with_its_message_and_the_previous_model_still_answers(tmp_path, model_variants):
    engine = _answering_engine(tmp_path)
    try:
        good = engine.config
        first = engine.ask(QUESTION)
        assert not first.abstained and first.sentences, "the model wrote an answer, which was checked"
        bad_settings = {name: good.replace(llm_path=path) for name, path in model_variants.items()}
        bad_settings["too-many-layers"] = good.replace(n_gpu_layers=200)
        messages = {**EXPECTED_MESSAGES, "too-many-layers": "has 30 layers; choose at most"}
        if not gpu_offload_supported():
            bad_settings["no-gpu"] = good.replace(n_gpu_layers=10)
            messages["no-gpu"] = "built without GPU support; set GPU layers to 0"
        for name, settings in bad_settings.items():
            engine.apply_config(settings)
            answer = engine.ask(QUESTION)
            assert messages[name] in answer.note, (name, answer.note)
            assert not answer.text and answer.evidence[0].source.endswith("pump.pdf"), "the evidence still answers"
            assert [r.status for r in engine.documents()] == ["ready"], "the library is untouched"
            engine.apply_config(good)
            assert engine.generator.model_path == bundled_llm_path(), name
        again = engine.ask(QUESTION)
        assert not again.abstained and "not available" not in again.note and again.evidence[0].source.endswith("pump.pdf")
    finally:
        engine.close()


class OtherEmbedder(FakeEmbedder):
    """Another embedding model: other name, other vector size."""

    model_id = "other-embedder"

    def __init__(self) -> None:
        super().__init__(dimension=32)


def test_an_embedding_model_change_is_detected_and_reindex_repairs_it(tmp_path):
    make_pdf(tmp_path / "boiler.pdf", ["Boiler pressure must stay below six bar during the night shift."])
    make_pdf(tmp_path / "fan.pdf", ["The extractor fan filter is cleaned every Friday."])
    data = tmp_path / "library"
    with Engine(Config(data_dir=data), embedder=FakeEmbedder(), generator=FakeGenerator()) as engine:
        engine.ingest([tmp_path / "boiler.pdf"])

    engine = Engine(Config(data_dir=data), embedder=OtherEmbedder(), generator=FakeGenerator())
    try:
        assert engine.needs_reindex()
        for attempt in (lambda: engine.search("boiler pressure"), lambda: engine.ask("What is the boiler pressure limit?"),
                        lambda: engine.ingest([tmp_path / "fan.pdf"])):
            with pytest.raises(EmbeddingMismatch, match="indexed with the embedding model 'fake-embedder'.*'other-embedder'.*reindex"):
                attempt()
        assert [Path(r.path).name for r in engine.documents()] == ["boiler.pdf"], "nothing was changed or half-added"

        assert engine.reindex() == 1
        assert not engine.needs_reindex()
        assert Path(engine.search("boiler pressure", k=1)[0].source).name == "boiler.pdf"
        assert engine.ingest([tmp_path / "fan.pdf"]).outcomes[0].status == "indexed"
        assert library_violations(engine) == []
    finally:
        engine.close()


def test_a_read_only_data_folder_is_named_and_the_library_in_it_survives(tmp_path):
    (tmp_path / "doc.txt").write_text("The generator is tested on the first Monday of each month.", encoding="utf-8")
    data = tmp_path / "library"
    with Engine(Config(data_dir=data), embedder=FakeEmbedder(), generator=FakeGenerator()) as engine:
        engine.ingest([tmp_path / "doc.txt"])
    owner = data.stat()
    data.chmod(0o555)
    if os.geteuid() == 0:
        os.chown(data, 65534, 65534)  # like a folder on read-only media: neither writable nor ours to chmod
    try:
        result = run_as_user("tests.engine.ingest_child", str(data), str(tmp_path / "doc.txt"))
    finally:
        if os.geteuid() == 0:
            os.chown(data, owner.st_uid, owner.st_gid)
        data.chmod(0o700)
    assert result.returncode == 2, result.stdout + result.stderr
    assert f"ERROR data-folder Faro cannot write to its data folder {data}: " in result.stdout
    assert "Free some disk space or choose another folder with --data-dir or FARO_HOME" in result.stdout
    with Engine(Config(data_dir=data), embedder=FakeEmbedder(), generator=FakeGenerator()) as engine:
        assert Path(engine.search("generator first Monday", k=1)[0].source).name == "doc.txt"
        assert library_violations(engine) == []


def test_a_full_disk_at_start_is_named(tmp_path):
    data = tmp_path / "library"
    data.mkdir()
    (data / ".write-test").symlink_to(os.devnull.replace("null", "full"))  # every write to /dev/full fails with ENOSPC
    with pytest.raises(DataFolderError, match="No space left on device. Free some disk space"):
        Engine(Config(data_dir=data), embedder=FakeEmbedder(), generator=FakeGenerator())


def test_a_full_disk_during_an_ingest_fails_that_file_skips_the_rest_and_keeps_the_library_whole(tmp_path):
    from rag.store.library import document_id

    for name, text in (("a.txt", "The alpha pump runs at 50 hertz."), ("b.txt", "The beta valve closes at noon."),
                       ("c.txt", "The gamma fan spins slowly.")):
        (tmp_path / name).write_text(text * 20, encoding="utf-8")
    engine = Engine(Config(data_dir=tmp_path / "library"), embedder=FakeEmbedder(), generator=FakeGenerator())
    try:
        engine.ingest([tmp_path / "a.txt"])
        full = engine.library.texts.path(document_id(engine.collection, str(tmp_path / 'b.txt'))).with_suffix(".json.tmp")
        full.symlink_to("/dev/full")  # saving b.txt's text fails with ENOSPC, as on a full disk
        try:
            report = engine.ingest([tmp_path / "b.txt", tmp_path / "c.txt"])
        except DataFolderError as error:  # stopping the whole ingest with the reason is fine too
            assert "No space left on device" in str(error)
        else:
            outcomes = {Path(o.path).name: o for o in report.outcomes}
            assert (outcomes["b.txt"].status, outcomes["b.txt"].error_kind) == ("failed", "data-folder")
            assert "No space left on device" in outcomes["b.txt"].reason
            assert outcomes["c.txt"].status in ("skipped", "failed", "indexed")
        assert library_violations(engine) == [], "no half-indexed document while Faro keeps running"
        assert Path(engine.search("alpha pump", k=1)[0].source).name == "a.txt"
        full.unlink()
        assert [o.status for o in engine.ingest([tmp_path / "b.txt", tmp_path / "c.txt"]).outcomes] == ["indexed", "indexed"]
    finally:
        engine.close()
