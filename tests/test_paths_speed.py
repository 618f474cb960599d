"""The string fast paths of listing and showing files give the answers of the
Path-based ones they replaced (realpath of every file, Path.relative_to)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from linter.read.loading import collect_paths, display_path


def _by_path_objects(path: Path, base: Path) -> str:
    absolute = Path(os.path.abspath(path))  # noqa: PTH100
    try:
        return absolute.relative_to(base).as_posix()
    except ValueError:
        return path.as_posix()


@pytest.mark.parametrize(
    "shown",
    ["a/b.md", "./a/../a/b.md", "a//b.md", ".", "a/", "../outside.md", "/etc/hosts", "/", "a b.md"],
)
def test_display_path_equals_relative_to(tmp_path: Path, monkeypatch, shown: str) -> None:
    monkeypatch.chdir(tmp_path)
    for base in (tmp_path, tmp_path / "a", Path("/")):
        assert display_path(Path(shown), base) == _by_path_objects(Path(shown), base)


def test_collect_paths_lists_each_file_once_whatever_its_names(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "one.md").write_text("x", encoding="utf-8")
    (tmp_path / "real" / "two.md").write_text("y", encoding="utf-8")
    (tmp_path / "real" / "alias.md").symlink_to(tmp_path / "real" / "one.md")
    (tmp_path / "link").symlink_to(tmp_path / "real", target_is_directory=True)
    found = collect_paths([tmp_path / "real", tmp_path / "link", tmp_path / "real" / "two.md"])
    assert sorted(os.path.realpath(p) for p in found) == [
        str((tmp_path / "real" / "one.md").resolve()),
        str((tmp_path / "real" / "two.md").resolve()),
    ]
