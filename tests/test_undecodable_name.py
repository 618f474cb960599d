"""A file name that is not UTF-8 (b"\\xff.txt": the system hands it to Python as a
str with a lone surrogate) is read and checked like any other, with a cache or
without, and every output format shows it escaped (`in/\\xff.txt`), never a crash.
Found by review rv13: keying it for the cache (keys.stat_keys, entry_key) raised
UnicodeEncodeError: an internal error and no report."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from linter.app.cli import main

TEXT = "Năm 2024, tỉnh thu 1.520 tỷ đồng.".encode()
FORMATS = ("text", "json", "sarif", "github", "html")


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "in").mkdir()
    try:
        Path(os.fsdecode(os.fsencode(tmp_path / "in") + b"/\xff.txt")).write_bytes(TEXT)
    except (OSError, UnicodeError):
        pytest.skip("this file system takes only names of its own encoding")
    (tmp_path / "in" / "ok.txt").write_bytes(TEXT)
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("cache", [["--cache-dir", "cache"], ["--no-cache"]])
def test_every_format_shows_the_name_escaped(folder: Path, cache: list[str]) -> None:
    for rounds in ("cold", "warm"):
        for name in FORMATS:
            out = folder / f"report-{rounds}.{name}"
            code = main(["check", "in", "--format", name, "-o", str(out), *cache])
            assert code == 0, (rounds, name)
            shown = out.read_text(encoding="utf-8")
            # SARIF gives a URI (its backslash percent-encoded); the others the name.
            assert ("in/%5Cxff.txt" if name == "sarif" else "\\xff.txt") in shown, name
            assert "in/ok.txt" in shown
    assert (folder / "cache").exists() == (cache[0] == "--cache-dir")
