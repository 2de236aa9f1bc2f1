"""The architecture rules in pyproject.toml hold: lint-imports (import-linter) finds no broken contract."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from tests.documents import REPO



def test_import_contracts_are_kept():
    """rag imports neither Qt, the app nor the benchmarks; its layers import downward; the app uses rag's public API."""
    lint_imports = Path(sys.executable).parent / "lint-imports"
    result = subprocess.run([str(lint_imports), "--no-cache"], cwd=REPO, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "0 broken" in result.stdout


def test_the_server_backend_s_network_code_loads_only_when_it_is_chosen(tmp_path):
    """The OpenAI-compatible server backend is the one module that speaks HTTP; the default path never loads it."""
    script = f"""
import sys
from pathlib import Path
from rag.config import Config
from rag.engine import Engine
from tests.fakes import FakeEmbedder, FakeGenerator
docs = Path({str(tmp_path / 'docs')!r}); docs.mkdir()
(docs / "manual.txt").write_text("Replace the pump seal every 500 operating hours.", encoding="utf-8")
engine = Engine(Config(data_dir=Path({str(tmp_path / 'data')!r})), embedder=FakeEmbedder(),
                generator=FakeGenerator("Every 500 operating hours [1]."))
engine.ingest([docs])
engine.ask("How often is the pump seal replaced?")
engine.apply_config(engine.config.replace(n_ctx=1024))
print("rag.models.server_generator" in sys.modules)
engine.close()
"""
    result = subprocess.run([sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.stdout.strip().splitlines()[-1] == "False"
