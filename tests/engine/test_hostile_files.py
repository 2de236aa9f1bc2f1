"""Hostile inputs: a file that hangs, loops, explodes in memory or crashes its parser costs that file, never the batch;
odd files (empty, misnamed, unreadable, looping links, duplicates, foreign encodings) each get a clear outcome."""
from __future__ import annotations

import ctypes
import json
import os
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from rag.config import Config
from rag.engine import Engine
from rag.errors import FileProblem
from rag.ingest.parse_worker import IsolatedParser
from tests.engine import hostile_loaders
from tests.documents import REPO, make_docx, make_pdf
from tests.engine.crash_harness import process_alive
from tests.engine.hostile_pdfs import write_hostile_pdfs
from tests.engine.invariants import library_violations
from tests.fakes import FakeEmbedder, FakeGenerator

PARSE_TIMEOUT_S = 4.0
PARSE_MEMORY_MB = 768
GOOD_TEXT = "The relief valve opens at twelve bar and must be tested every spring."


@pytest.fixture(scope="module")
def hostile_parser():
    parser = IsolatedParser(PARSE_TIMEOUT_S, PARSE_MEMORY_MB, loader=hostile_loaders.by_name)
    yield parser
    parser.close()


@pytest.mark.parametrize(
    "name, kind, words",
    [
        ("hang-sleeps.txt", "timeout", "took longer than 4 seconds"),
        ("spin-loops.txt", "timeout", "took longer than 4 seconds"),
        ("bomb-grows.txt", "too-large", "memory limit"),
        ("huge-at-once.txt", "too-large", "memory limit"),
        ("segv-crashes.txt", "damaged", "crashed the document reader"),
        ("exit-quits.txt", "damaged", "crashed the document reader"),
        ("deep-recursion.txt", "damaged", "nested too deeply"),
        ("boom-bug.txt", "damaged", "ZeroDivisionError"),
    ],
)
def test_a_misbehaving_parse_costs_one_file_and_the_next_file_still_parses(hostile_parser, tmp_path, name, kind, words):
    (tmp_path / name).write_text("anything", encoding="utf-8")
    (tmp_path / "good.txt").write_text(GOOD_TEXT, encoding="utf-8")
    hostile_parser.submit(tmp_path / name)
    with pytest.raises(FileProblem) as error:
        hostile_parser.result()
    assert (error.value.kind, words in str(error.value)) == (kind, True), str(error.value)
    hostile_parser.submit(tmp_path / "good.txt")
    assert hostile_parser.result().pages[0].text == GOOD_TEXT


def _write_hostile_folder(folder: Path) -> dict[str, tuple[str, str]]:
    """Files of every hostile kind, and the (outcome, words in its reason or warning) each must get."""
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD_TEXT, encoding="utf-8")
    (folder / "hang-forever.txt").write_text("x", encoding="utf-8")
    (folder / "bomb-memory.txt").write_text("x", encoding="utf-8")
    (folder / "segv-reader.txt").write_text("x", encoding="utf-8")
    write_hostile_pdfs(folder)
    (folder / "zero.pdf").write_bytes(b"")
    with zipfile.ZipFile(folder / "archive.pdf", "w") as archive:
        archive.writestr("notes.txt", "not a pdf")
    make_pdf(folder / "really-a-pdf.docx", ["Quarterly compressor inspection results are attached."])
    make_docx(folder / "original.docx", [("p", "Boiler room access requires a permit.")])
    (folder / "copy of original.docx").write_bytes((folder / "original.docx").read_bytes())
    (folder / "spanish-cp1252.txt").write_bytes("Válvula de presión: revisión anual, señalización obligatoria.".encode("cp1252"))
    (folder / "utf16.txt").write_bytes("Überdruckventil jährlich prüfen.".encode("utf-16"))
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02garbage\x00" * 100)
    (folder / "$(touch pwned); echo `id` 'quote'.txt").write_text("Shell characters in a file name are only a name.", encoding="utf-8")
    _write_docx_bomb(folder / "zip-bomb.docx")
    _write_heavy_docx(folder / "heavy.docx")
    (folder / "loop").mkdir()
    (folder / "loop" / "back-to-top").symlink_to(folder, target_is_directory=True)
    (folder / "loop" / "inside.md").write_text("# Loop\n\nA file inside a folder that links back to its parent.", encoding="utf-8")
    (folder / "dangling.pdf").symlink_to(folder / "gone.pdf")
    return {
        "good.txt": ("indexed", ""),
        "hang-forever.txt": ("timeout", "took longer"),
        "bomb-memory.txt": ("too-large", "memory"),
        "segv-reader.txt": ("damaged", "crashed"),
        "bomb.pdf": ("too-large", "decompression bomb"),
        "deep.pdf": ("damaged", "damaged"),
        "tree-loop.pdf": ("damaged", "cyclic"),
        "xobject-loop.pdf": ("indexed", ""),
        "xref-loop.pdf": ("indexed", ""),
        "giant-image.pdf": ("no-text", "scanned"),
        "lying-count.pdf": ("indexed", ""),
        "truncated.pdf": ("damaged", "damaged"),
        "garbage.pdf": ("damaged", "damaged"),
        "zero.pdf": ("empty", "0 bytes"),
        "archive.pdf": ("unsupported", "ZIP archive"),
        "really-a-pdf.docx": ("indexed", "named '.docx' but is a PDF"),
        "copy of original.docx": ("indexed", ""),
        "original.docx": ("duplicate", "Same content as"),
        "spanish-cp1252.txt": ("indexed", ""),
        "utf16.txt": ("indexed", ""),
        "binary.txt": ("unsupported", "binary"),
        "$(touch pwned); echo `id` 'quote'.txt": ("indexed", ""),
        "zip-bomb.docx": ("too-large", "unpacks to more data"),
        "heavy.docx": ("too-large", "too large to read within Faro's memory limit"),
        "inside.md": ("indexed", ""),
        "dangling.pdf": ("not-found", "does not exist"),
    }


def _write_docx_bomb(path: Path) -> None:
    """A .docx whose document.xml unpacks from about 300 KB to 300 MB."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as part:
            block = b" " * (1 << 20)
            for _ in range(300):
                part.write(block)


def _write_heavy_docx(path: Path) -> None:
    """A valid .docx of 5.7 million one-letter paragraphs (200 MB of XML): more than the parser's memory cap holds."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _PACKAGE_RELATIONS)
        with archive.open("word/document.xml", "w", force_zip64=True) as part:
            part.write(b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>')
            paragraphs = b"<w:p><w:r><w:t>x</w:t></w:r></w:p>" * 10_000
            for _ in range(200_000_000 // len(paragraphs)):
                part.write(paragraphs)
            part.write(b"</w:body></w:document>")


_CONTENT_TYPES = (
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)
_PACKAGE_RELATIONS = (
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="word/document.xml"/></Relationships>'
)


@pytest.fixture(scope="module")
def hostile_batch(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    expected = _write_hostile_folder(root / "docs")
    parser = IsolatedParser(PARSE_TIMEOUT_S, PARSE_MEMORY_MB, loader=hostile_loaders.by_name)
    engine = Engine(Config(data_dir=root / "library"), embedder=FakeEmbedder(), generator=FakeGenerator(), parser=parser)
    report = engine.ingest([root / "docs"])
    yield engine, report, expected, root
    engine.close()


def test_one_batch_of_hostile_files_gives_each_file_its_own_clear_outcome(hostile_batch):
    _, report, expected, _ = hostile_batch
    got = {Path(o.path).name: o for o in report.outcomes}
    assert set(got) == set(expected), "every file found once, the symlink loop visited once"
    for name, (outcome, words) in expected.items():
        result = got[name]
        label = result.error_kind if result.status == "failed" else result.status
        explanation = result.reason + " ".join(result.warnings)
        assert (label, words in explanation) == (outcome, True), f"{name}: {label} {explanation!r}"


def test_the_batch_went_on_and_the_library_is_consistent(hostile_batch):
    engine, _, _, root = hostile_batch
    sources = {Path(h.source).name for h in engine.search("relief valve twelve bar spring", k=3)}
    assert "good.txt" in sources
    assert "Válvula de presión" in " ".join(h.text for h in engine.search("válvula presión revisión", k=3))
    assert not (Path.cwd() / "pwned").exists() and not (root / "docs" / "pwned").exists()
    assert library_violations(engine) == []


def test_the_same_hostile_files_give_the_same_outcomes_again(hostile_batch):
    engine, first, _, root = hostile_batch
    again = engine.ingest([root / "docs"])
    before = {o.path: (o.status, o.error_kind, o.reason) for o in first.outcomes if o.status != "indexed"}
    after = {o.path: (o.status, o.error_kind, o.reason) for o in again.outcomes if o.path in before}
    assert after == before


def _without_permission_override() -> None:
    """Run as root, drop the capabilities that let root read, write or chmod anything, so file modes apply as for a user."""
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (1, 2, 3):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER
        if libc.prctl(24, capability, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def run_as_user(*args: str) -> subprocess.CompletedProcess:
    """A helper subprocess that obeys file permissions even when the tests run as root."""
    return subprocess.run(
        [sys.executable, "-m", *args], cwd=REPO, capture_output=True, text=True, timeout=180,
        preexec_fn=_without_permission_override if os.geteuid() == 0 else None,
    )


def test_unreadable_files_and_folders_are_reported_as_permission_problems(tmp_path):
    docs = tmp_path / "docs"
    (docs / "locked-folder").mkdir(parents=True)
    (docs / "readable.txt").write_text(GOOD_TEXT, encoding="utf-8")
    (docs / "secret.txt").write_text("Salaries.", encoding="utf-8")
    (docs / "locked-folder" / "inside.txt").write_text("Hidden.", encoding="utf-8")
    (docs / "secret.txt").chmod(0)
    (docs / "locked-folder").chmod(0)
    try:
        result = run_as_user("tests.engine.ingest_child", str(tmp_path / "library"), str(docs))
    finally:
        (docs / "locked-folder").chmod(0o700)
    line = next((l for l in result.stdout.splitlines() if l.startswith("REPORT ")), None)
    assert line, result.stdout + result.stderr
    files = {Path(f["path"]).name: f for f in json.loads(line[len("REPORT "):])["files"]}
    assert files["readable.txt"]["status"] == "indexed"
    for name in ("secret.txt", "locked-folder"):
        assert (files[name]["status"], files[name]["error_kind"]) == ("failed", "permission"), files[name]
        assert "Permission denied" in files[name]["reason"]


def test_a_parse_worker_stuck_on_a_file_dies_with_a_killed_faro(tmp_path):
    (tmp_path / "endless.txt").write_text("x", encoding="utf-8")
    app = subprocess.Popen(
        [sys.executable, "-m", "tests.engine.parser_child", str(tmp_path / "endless.txt")],
        cwd=REPO, stdout=subprocess.PIPE, text=True,
    )
    worker = int(app.stdout.readline().split()[1])
    try:
        assert process_alive(worker)
        app.send_signal(signal.SIGKILL)
        app.wait()
        deadline = time.monotonic() + 20
        while process_alive(worker) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not process_alive(worker), "the worker outlived the app"
    finally:
        app.kill()
        app.wait()
        if process_alive(worker):
            os.kill(worker, signal.SIGKILL)


def test_the_cli_logs_every_failed_file_and_points_to_the_log(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "empty.pdf").write_bytes(b"")
    (docs / "fake.docx").write_bytes(b"plain words, not a Word file")
    environment = {**os.environ, "FARO_LOG_DIR": str(tmp_path / "logs"), "FARO_HOME": str(tmp_path / "library")}
    result = subprocess.run(
        [sys.executable, "-m", "rag.cli", "ingest", str(docs)], cwd=REPO, capture_output=True, text=True, timeout=180,
        env=environment,
    )
    log_file = tmp_path / "logs" / "faro.log"
    assert result.returncode == 3, result.stdout + result.stderr
    assert f"Details of failures are in the log: {log_file}" in result.stdout
    logged = log_file.read_text(encoding="utf-8")
    for name, words in (("empty.pdf", "empty (0 bytes)"), ("fake.docx", "not a Word document")):
        line = next(l for l in logged.splitlines() if name in l)
        assert "failed" in line and words in line and line.rstrip().endswith(" s)"), line
