"""The parser's fingerprint, which keys every cached parse: the .py and .yaml files of
linter/ (one walk, __pycache__ left out) and the versions of the libraries it reads
with (from their METADATA's Version line)."""

from __future__ import annotations

import os
import sys
from importlib.metadata import version
from pathlib import Path

import pytest

from conftest import settle
from linter import memofile
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


def _package(top: Path) -> Path:
    for name, text in {"a.py": "x = 1\n", "sub/b.yaml": "k: v\n", "sub/c.py": "y = 2\n"}.items():
        (top / name).parent.mkdir(parents=True, exist_ok=True)
        (top / name).write_text(text, encoding="utf-8")
    return top


def _settled(top: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Past the racy window: their metadata is trusted (conftest.settle)."""
    settle(monkeypatch, top.rglob("*.*"))


def _unread(path: Path, package: Path, real):  # type: ignore[no-untyped-def]
    assert package not in path.parents, f"read {path}"
    return real(path)


def test_the_fingerprint_is_kept_by_its_files_metadata(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Kept, a run's files with the same metadata are not read; an edit that keeps
    the size and modification time (the change time moves), a file added, or a damaged
    memo give the digest of the files as they are."""
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    package, memo = _package(tmp_path / "pkg"), tmp_path / "memo.bin"
    _settled(package, monkeypatch)
    first = keys.fingerprint(package, memo)
    assert first == keys.fingerprint(package, None) and memo.exists()
    real = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda p: _unread(p, package, real))
    assert keys.fingerprint(package, memo) == first
    monkeypatch.setattr(Path, "read_bytes", real)
    edited = package / "sub" / "c.py"
    before = edited.stat()
    edited.write_text("y = 3\n", encoding="utf-8")
    os.utime(edited, ns=(before.st_atime_ns, before.st_mtime_ns))  # as `touch -r` would
    _settled(package, monkeypatch)  # trusted again: only the change time tells the edit
    second = keys.fingerprint(package, memo)
    assert second != first and second == keys.fingerprint(package, None)
    (package / "d.py").write_text("", encoding="utf-8")
    _settled(package, monkeypatch)
    third = keys.fingerprint(package, memo)
    assert third not in (first, second) and third == keys.fingerprint(package, None)
    memo.write_bytes(memo.read_bytes()[:-3])  # damaged: no memo
    assert keys.fingerprint(package, memo) == third


def test_a_fingerprint_is_not_kept_while_a_file_is_new(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file written within RACY_NS may change again without its metadata changing."""
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    package, memo = _package(tmp_path / "pkg"), tmp_path / "memo.bin"
    keys.fingerprint(package, memo)
    assert not memo.exists()
    _settled(package, monkeypatch)
    keys.fingerprint(package, memo)
    assert memo.exists()


def test_a_fingerprint_is_not_kept_while_a_file_was_changed_just_now(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Files given back a 1970 modification time (`tar -x`, `cp -p`) were still written
    just now: their change time says so, and the digest is not kept."""
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    package, memo = _package(tmp_path / "pkg"), tmp_path / "memo.bin"
    for path in package.rglob("*.*"):
        os.utime(path, ns=(0, 0))
    assert keys.fingerprint(package, memo) == keys.fingerprint(package, None)
    assert not memo.exists()


def test_the_fingerprint_is_kept_where_the_other_memos_are(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """In memofile's folder (wherever `sys.pycache_prefix` puts the .pyc files), and
    nowhere when the interpreter keeps none."""
    monkeypatch.setattr(sys, "pycache_prefix", str(tmp_path))
    memo = keys._memo()
    assert memo is not None and memo.parent == memofile.folder()
    assert memo.is_relative_to(tmp_path) and memo.name.startswith("fingerprint.")
    monkeypatch.setattr(sys.implementation, "cache_tag", None)
    assert keys._memo() is None
