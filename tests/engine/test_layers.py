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
