"""Architecture rules, checked on the source: who may import whom."""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import REPO


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def _sources(package: str) -> list[Path]:
    return sorted((REPO / package).rglob("*.py"))


def test_checks_never_import_cli_or_reports() -> None:
    for path in _sources("checks"):
        bad = {
            n for n in _imports(path) if n.startswith(("reports", "linter.cli", "linter.engine"))
        }
        assert not bad, f"{path.name} imports {bad}"


def test_core_does_not_import_reports_except_the_output_layer() -> None:
    for path in _sources("linter"):
        if path.name in ("cli.py", "outputs.py"):
            continue
        bad = {n for n in _imports(path) if n.startswith("reports")}
        assert not bad, f"{path.relative_to(REPO)} imports {bad}"


def test_only_nlp_talks_to_underthesea() -> None:
    users = {
        str(path.relative_to(REPO))
        for package in ("linter", "checks", "reports")
        for path in _sources(package)
        if any(n.split(".")[0] == "underthesea" for n in _imports(path))
    }
    assert users == {"linter/nlp.py"}


def test_reports_do_not_import_checks() -> None:
    for path in _sources("reports"):
        assert not {n for n in _imports(path) if n.startswith("checks")}, path.name
