"""The core stays platform-agnostic: it imports no chat or scheduling library."""

from __future__ import annotations

import ast
from pathlib import Path

FORBIDDEN = ("discord", "slack_bolt", "slack_sdk", "apscheduler", "bot")
CORE = Path(__file__).resolve().parent.parent / "summarizer"


def test_core_imports_no_adapter_library():
    offenders = []
    for path in CORE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [f"{path.name}: {n}" for n in names if n.split(".")[0] in FORBIDDEN]
    assert not offenders
    assert len(list(CORE.rglob("*.py"))) > 5


def test_only_the_analysis_layer_imports_spacy():
    offenders = []
    for path in CORE.rglob("*.py"):
        if "analysis" in path.relative_to(CORE).parts:
            continue
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [f"{path.name}: {n}" for n in names if n.split(".")[0] == "spacy"]
    assert not offenders


def _private_imports(root: Path) -> list[str]:
    """``from bot.x import _name`` across modules: another module's private helper used as if public."""
    found = []
    for path in root.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] in ("bot", "summarizer"):
                found += [f"{path.name}: {node.module}.{a.name}" for a in node.names if a.name.startswith("_")]
    return found


def test_no_adapter_module_imports_another_modules_private_names():
    assert _private_imports(CORE.parent / "bot") == []
