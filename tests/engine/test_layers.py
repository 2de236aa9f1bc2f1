"""The engine is a library: nothing in rag/ imports Qt, the desktop app or the benchmarks."""
from __future__ import annotations

import ast
from pathlib import Path

RAG = Path(__file__).resolve().parents[2] / "rag"
FORBIDDEN = ("PySide6", "app", "bench")


def test_rag_imports_neither_qt_nor_the_app_nor_the_benchmarks():
    offenders = []
    for path in sorted(RAG.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else (
                [node.module] if isinstance(node, ast.ImportFrom) and node.module and node.level == 0 else [])
            offenders += [f"{path.relative_to(RAG.parent)}: {n}" for n in names if n.split(".")[0] in FORBIDDEN]
    assert offenders == []
