"""The parser's fingerprint, which keys every cached parse: the .py and .yaml files of
linter/ (one walk, __pycache__ left out) and the versions of the libraries it reads
with (from their METADATA's Version line)."""

from __future__ import annotations

from importlib.metadata import version
from pathlib import Path

import pytest

from linter.engine import keys


def test_sources_are_the_code_and_data_files_sorted(tmp_path: Path) -> None:
    for name in ("b.py", "a/z.yaml", "a/y.py", "a/notes.txt", "a/__pycache__/y.py", ".h/x.py"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x = 1\n", encoding="utf-8")
    assert keys._sources(tmp_path) == [".h/x.py", "a/y.py", "a/z.yaml", "b.py"]


def test_the_sources_of_linter_are_every_module_and_data_file() -> None:
    package = Path(keys.__file__).parent.parent
    expected = sorted(
        p.relative_to(package).as_posix()
        for p in [*package.rglob("*.py"), *package.rglob("*.yaml")]
        if "__pycache__" not in p.parts
    )
    assert keys._sources(package) == expected
    assert "engine/keys.py" in expected and "data/units.yaml" in expected


@pytest.mark.parametrize("dist", ["pydantic", "python-docx", "underthesea"])
def test_versions_are_read_as_importlib_reads_them(dist: str) -> None:
    assert keys._version(dist) == version(dist)


def test_a_library_not_installed_has_no_version() -> None:
    assert keys._version("no-such-distribution-doichieu") == ""


def test_an_egg_info_install_is_read_from_its_pkg_info() -> None:
    """doichieu itself, installed for development, has PKG-INFO and no METADATA."""
    assert keys._version("doichieu") == version("doichieu") != ""


class _Installed:
    def __init__(self, files: dict[str, str]) -> None:
        self.files = files

    def read_text(self, name: str) -> str | None:
        return self.files.get(name)


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        ({"METADATA": "Name: x\nVersion: 1.2\n\nVersion: 9.9\n"}, "1.2"),
        ({"METADATA": "Name: x\r\nSummary: s\r\n\r\nVersion: 9.9\r\n"}, ""),  # the body's
        ({"METADATA": "Name: x\nSummary: s\n\nVersion: 9.9\n"}, ""),
        ({"PKG-INFO": "Metadata-Version: 2.1\nName: x\nVersion: 0.3\n"}, "0.3"),
        ({}, ""),
    ],
)
def test_the_version_is_the_headers_only(
    monkeypatch: pytest.MonkeyPatch, files: dict[str, str], expected: str
) -> None:
    monkeypatch.setattr(keys, "distribution", lambda name: _Installed(files))
    assert keys._version("x") == expected
