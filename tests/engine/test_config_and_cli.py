"""Settings (validation, persistence, data-folder precedence) and the command line on fake models."""
from __future__ import annotations

import json
import stat

import pytest

from rag import cli
from rag.config import Config, default_data_dir
from rag.errors import ConfigError
from tests.documents import make_pdf
from tests.fakes import FakeEmbedder, FakeGenerator


def test_data_folder_comes_from_flag_then_environment_then_platform(tmp_path, monkeypatch):
    monkeypatch.setenv("FARO_HOME", str(tmp_path / "env"))
    assert default_data_dir(tmp_path / "flag") == tmp_path / "flag"
    assert default_data_dir(None) == tmp_path / "env"
    monkeypatch.delenv("FARO_HOME")
    assert default_data_dir(None).name == "faro"


@pytest.mark.parametrize(
    "setting, message",
    [({"temperature": 3.0}, "Temperature"), ({"chunk_tokens": 2000}, "Chunk size"), ({"n_gpu_layers": -5}, "GPU layers"),
     ({"chunk_overlap": 200, "chunk_tokens": 256}, "overlap"), ({"top_k": 0}, "sources")],
)
def test_invalid_settings_are_rejected_with_a_readable_message(tmp_path, setting, message):
    with pytest.raises(ConfigError, match=message):
        Config(data_dir=tmp_path, **setting)


def test_settings_persist_in_the_data_folder_and_flags_override_them(tmp_path):
    Config(data_dir=tmp_path, temperature=0.7, n_gpu_layers=-1, llm_path=tmp_path / "m.gguf").save()
    loaded = Config.load(tmp_path)
    assert (loaded.temperature, loaded.n_gpu_layers, loaded.llm_path) == (0.7, -1, tmp_path / "m.gguf")
    assert Config.load(tmp_path, temperature=0.1, top_k=None).temperature == 0.1
    (tmp_path / "faro.toml").write_text("colour = 'blue'\n")
    with pytest.raises(ConfigError, match="colour"):
        Config.load(tmp_path)


@pytest.fixture
def fake_models(monkeypatch):
    """Make the CLI's engine use the fake models."""
    from rag import engine as engine_module

    monkeypatch.setattr(engine_module, "SentenceTransformerEmbedder", lambda *a, **k: FakeEmbedder())
    monkeypatch.setattr(engine_module, "LlamaGenerator", lambda *a, **k: FakeGenerator("Use 40 Nm [1]."))


def test_cli_ingest_search_ask_list_remove_with_json(tmp_path, capsys, fake_models, monkeypatch):
    monkeypatch.setenv("FARO_LOG_DIR", str(tmp_path / "logs"))
    data = ["--data-dir", str(tmp_path / "data")]
    make_pdf(tmp_path / "bolts.pdf", ["Torque the flange bolts to 40 Nm."])
    (tmp_path / "empty.txt").write_text("")

    assert cli.main(["ingest", str(tmp_path / "bolts.pdf"), str(tmp_path / "empty.txt"), "--json", *data]) == 3
    report = json.loads(capsys.readouterr().out)
    assert report["summary"]["indexed"] == 1 and report["summary"]["failed"] == 1
    assert stat.S_IMODE((tmp_path / "data").stat().st_mode) == 0o700

    assert cli.main(["search", "flange bolts torque", "--k", "1", "--json", *data]) == 0
    hit = json.loads(capsys.readouterr().out)[0]
    assert hit["source"].endswith("bolts.pdf") and hit["page_start"] == 1 and hit["text"].startswith("Torque")

    assert cli.main(["ask", "What torque for the flange bolts?", "--json", *data]) == 0
    answer = json.loads(capsys.readouterr().out)
    assert set(answer) >= {"answer", "citations", "abstained"}
    assert answer["citations"][0]["n"] == 1 and answer["citations"][0]["page"] == 1
    assert set(answer["citations"][0]) >= {"n", "source", "page", "section", "quote", "score"}

    assert cli.main(["list", "--json", *data]) == 0
    assert {r["status"] for r in json.loads(capsys.readouterr().out)} == {"ready", "failed"}
    assert cli.main(["remove", str(tmp_path / "bolts.pdf"), *data]) == 0
    assert cli.main(["remove", str(tmp_path / "bolts.pdf"), *data]) == 1


def test_cli_reports_errors_plainly_without_a_traceback(tmp_path, capsys, fake_models, monkeypatch):
    monkeypatch.setenv("FARO_LOG_DIR", str(tmp_path / "logs"))
    assert cli.main(["ask", "x?", "--temperature", "9", "--data-dir", str(tmp_path / "d")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("faro: Temperature") and "Traceback" not in err


def test_cli_speaks_the_chosen_language_and_lists_each_documents_language(tmp_path, capsys, fake_models, monkeypatch):
    monkeypatch.setenv("FARO_LOG_DIR", str(tmp_path / "logs"))
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    data = ["--data-dir", str(tmp_path / "data"), "--language", "es"]
    make_pdf(tmp_path / "bomba.pdf", ["El sello de la bomba se cambia cada 500 horas de funcionamiento y se revisa el filtro."])
    (tmp_path / "vacio.txt").write_text("")
    assert cli.main(["ingest", str(tmp_path / "bomba.pdf"), str(tmp_path / "vacio.txt"), *data]) == 3
    assert "El archivo está vacío (0 bytes)." in capsys.readouterr().out
    assert cli.main(["list", *data]) == 0
    listed = capsys.readouterr().out
    assert any(line.split()[:2] == ["ready", "es"] and "bomba.pdf" in line for line in listed.splitlines())
    assert cli.main(["ask", "x?", "--temperature", "9", *data]) == 2
    assert capsys.readouterr().err.startswith("faro: La temperatura debe estar entre 0 y 2.")


def test_cli_report_counts_in_plain_words_and_global_options_come_before_or_without_a_command(tmp_path, capsys, monkeypatch):
    from app import launcher
    from rag import engine as engine_module

    monkeypatch.setattr(engine_module, "make_embedder", lambda *a, **k: FakeEmbedder())
    monkeypatch.setenv("FARO_LOG_DIR", str(tmp_path / "logs"))
    data = str(tmp_path / "data")
    make_pdf(tmp_path / "bolts.pdf", ["Torque the flange bolts to 40 Nm."])
    assert launcher.main(["--data-dir", data, "ingest", str(tmp_path / "bolts.pdf")]) == 0
    out = capsys.readouterr().out
    assert "1 page, 1 passage" in out and "1 passages" not in out and "1 pages" not in out
    assert launcher.main([f"--data-dir={data}", "list"]) == 0
    assert "bolts.pdf  1 page, 1 passage" in capsys.readouterr().out

    opened = []
    monkeypatch.setattr("app.main.run_gui", lambda argv: opened.append(argv) or 0)
    assert launcher.main(["--data-dir", data]) == 0
    assert launcher.main(["--data-dir", data, "--collection", "Ops", "gui"]) == 0
    assert launcher.main(["gui", "--data-dir", data]) == 0
    assert opened == [["--data-dir", data], ["--data-dir", data, "--collection", "Ops"], ["--data-dir", data]]


def test_cli_ask_prints_only_the_checked_answer_never_the_model_s_raw_words(tmp_path, capsys, fake_models, monkeypatch):
    from rag import engine as engine_module

    reply = "Torque the flange bolts to 40 Nm [1]. The warranty lasts 7 years [1]."
    monkeypatch.setattr(engine_module, "LlamaGenerator", lambda *a, **k: FakeGenerator(reply))
    monkeypatch.setenv("FARO_LOG_DIR", str(tmp_path / "logs"))
    data = ["--data-dir", str(tmp_path / "data")]
    make_pdf(tmp_path / "bolts.pdf", ["Torque the flange bolts to 40 Nm."])
    assert cli.main(["ingest", str(tmp_path / "bolts.pdf"), *data]) == 0
    capsys.readouterr()
    assert cli.main(["ask", "What torque for the flange bolts?", *data]) == 0
    out = capsys.readouterr().out
    assert out.index("From your documents:") < out.index("Reading") < out.index("Answer with citations:")
    assert "The warranty lasts 7 years" in out
    assert all("(not found in your documents)" in line for line in out.splitlines() if "warranty" in line)


def test_cli_ask_labels_the_answer_in_the_question_s_language(tmp_path, capsys, fake_models, monkeypatch):
    from rag import engine as engine_module

    reply = "Hay que apretar los pernos de la brida a 40 Nm [1]."
    monkeypatch.setattr(engine_module, "LlamaGenerator", lambda *a, **k: FakeGenerator(reply))
    monkeypatch.setenv("FARO_LOG_DIR", str(tmp_path / "logs"))
    data = ["--data-dir", str(tmp_path / "data"), "--language", "en"]
    make_pdf(tmp_path / "pernos.pdf", ["Hay que apretar los pernos de la brida a 40 Nm."])
    assert cli.main(["ingest", str(tmp_path / "pernos.pdf"), *data]) == 0
    capsys.readouterr()
    assert cli.main(["ask", "¿A qué par hay que apretar los pernos de la brida?", *data]) == 0
    out = capsys.readouterr().out
    assert out.index("De sus documentos:") < out.index("Leyendo") < out.index("Respuesta con citas:") < out.index("Fuentes:")
    assert "From your documents" not in out and "Sources:" not in out
