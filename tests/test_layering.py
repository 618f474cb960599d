"""Architecture rules, checked on the source: who may import whom.

The pipeline's layering and the absence of import cycles are import-linter
contracts in pyproject.toml (`[tool.importlinter]`); the tests here run them,
and keep the few rules a layer contract cannot say.
"""

from __future__ import annotations

import ast
import textwrap
from pathlib import Path

import pytest
from importlinter.cli import lint_imports

from conftest import REPO


def _lint(config: Path, cwd: Path, monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.chdir(cwd)
    monkeypatch.syspath_prepend(str(cwd))
    return lint_imports(config_filename=str(config), no_cache=True, no_logo=True)


def test_every_stage_imports_only_earlier_stages_and_nothing_is_cyclic(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    status = _lint(REPO / "pyproject.toml", REPO, monkeypatch)
    out = capsys.readouterr().out
    assert status == 0, out
    assert "2 kept, 0 broken" in out


def test_the_contracts_catch_a_cycle_and_a_stage_importing_a_later_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # The same two contract types on a tiny package that breaks both: they are
    # not vacuous (a misspelt contract type or layer would otherwise pass).
    pkg = tmp_path / "pipe"
    (pkg / "early").mkdir(parents=True)
    (pkg / "late").mkdir()
    for init in (pkg, pkg / "early", pkg / "late"):
        (init / "__init__.py").write_text("")
    (pkg / "early" / "a.py").write_text("from pipe.early import b\nfrom pipe.late import c\n")
    (pkg / "early" / "b.py").write_text("from pipe.early import a\n")
    (pkg / "late" / "c.py").write_text("")
    config = tmp_path / "contracts.toml"
    config.write_text(
        textwrap.dedent("""
        [tool.importlinter]
        root_packages = ["pipe"]
        [[tool.importlinter.contracts]]
        name = "layers"
        type = "layers"
        layers = ["pipe.late", "pipe.early"]
        [[tool.importlinter.contracts]]
        name = "cycles"
        type = "acyclic_siblings"
        ancestors = ["pipe"]
    """)
    )
    status = _lint(config, tmp_path, monkeypatch)
    out = capsys.readouterr().out
    assert status == 1
    assert "0 kept, 2 broken" in out


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


def test_only_nlp_talks_to_underthesea() -> None:
    users = {
        str(path.relative_to(REPO))
        for package in ("linter", "checks", "reports")
        for path in _sources(package)
        if any(n.split(".")[0] == "underthesea" for n in _imports(path))
        # nlp loads underthesea's modules by path, without importing the package
        or 'find_spec("underthesea")' in path.read_text(encoding="utf-8")
    }
    assert users == {"linter/nlp.py"}


def test_reports_do_not_import_checks() -> None:
    for path in _sources("reports"):
        assert not {n for n in _imports(path) if n.startswith("checks")}, path.name
