"""Installing the project, and what the README promises about it, as a user reads them."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO


def test_building_prints_no_deprecation_banner(tmp_path: Path) -> None:
    """`make report` installs the project; setuptools printed a framed deprecation
    banner for a TOML-table `license` on every install."""
    shutil.copy(REPO / "pyproject.toml", tmp_path)
    shutil.copy(REPO / "README.md", tmp_path)
    for package in ("linter", "checks", "reports"):
        (tmp_path / package).mkdir()
        (tmp_path / package / "__init__.py").touch()
    proc = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-w", "dist", "."],
        cwd=tmp_path, capture_output=True, text=True, check=False, timeout=300,
    )  # fmt: skip
    if (
        proc.returncode != 0
        and "No matching distribution found for setuptools" in proc.stdout + proc.stderr
    ):
        pytest.skip("no package index to fetch setuptools from")
    assert proc.returncode == 0, proc.stderr
    output = proc.stdout + proc.stderr
    assert "Deprecat" not in output and "!!" not in output, output
