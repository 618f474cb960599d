"""The string fast paths of listing and showing files give the answers of the
Path-based ones they replaced (realpath of every file, Path.relative_to)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import settle
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


def _by_os_walk(top: Path) -> list[Path]:
    """The listing before DirEntry: os.walk, and realpath or an lstat per file."""
    found: dict[str, tuple[Path, str]] = {}
    for folder, subfolders, files in os.walk(top):
        subfolders[:] = [d for d in subfolders if not d.startswith(".")]
        real = os.path.realpath(folder)
        for name in files:
            if name.startswith(".") or not name.lower().endswith((".md", ".txt")):
                continue
            path = os.path.join(folder, name)  # noqa: PTH118
            linked = os.path.islink(path)  # noqa: PTH114
            key = os.path.realpath(path) if linked else os.path.join(real, name)  # noqa: PTH118
            found.setdefault(key, (Path(folder), name))
    return [p / n for p, n in sorted(found.values(), key=lambda pn: str(pn[0] / pn[1]))]


def test_the_listing_by_dir_entries_is_os_walks(tmp_path: Path) -> None:
    """Symlinked files and folders, a loop, a dangling link, a FIFO and hidden names:
    the same files, and where two names reach one file, the same name kept."""
    top = tmp_path / "press"
    for folder in ("a/x/deep", "b", ".hidden", "a/.git"):
        (top / folder).mkdir(parents=True)
    for name in ("a/1.md", "a/x/2.md", "a/x/deep/3.txt", "b/4.md", ".hidden/5.md", "a/.git/6.md"):
        (top / name).write_text("Năm 2024", encoding="utf-8")
    (top / "b/.6.md").write_text("ẩn", encoding="utf-8")
    (top / "a/x/alias.md").symlink_to(top / "b/4.md")  # one file, two names: one kept
    (top / "b/again.md").symlink_to(top / "a/1.md")
    (top / "b/linked").symlink_to(top / "a", target_is_directory=True)  # never entered
    (top / "b/dangling.md").symlink_to(top / "nowhere.md")
    (top / "b/loop.md").symlink_to(top / "b/loop.md")
    os.mkfifo(top / "a/pipe.md")
    expected = _by_os_walk(top)
    assert len(expected) == 7
    assert collect_paths([top]) == expected


def test_the_real_corpus_is_listed_as_os_walk_lists_it() -> None:
    from conftest import real_corpus_or_skip

    corpus = real_corpus_or_skip()
    assert collect_paths([corpus]) == _by_os_walk(corpus)


@pytest.mark.parametrize(
    "name", ["a/b.md", "./a/../a/b.md", "a//b.md", ".", "a/", "../outside.md", "/etc/hosts", "/"]
)
def test_absolute_with_the_working_directory_given_is_abspath(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    from linter.engine.keys import stat_keys
    from linter.read.loading import absolute

    monkeypatch.chdir(tmp_path)
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "b.md").write_text("Năm 2024", encoding="utf-8")
    cwd = os.getcwd()  # noqa: PTH109
    assert absolute(name, cwd) == os.path.abspath(name)  # noqa: PTH100
    assert display_path(Path(name), tmp_path, cwd) == display_path(Path(name), tmp_path)
    files = [(Path(name), name)]
    assert stat_keys(files, "k", cwd) == stat_keys(files, "k")


def test_stat_keys_name_each_regular_file_by_its_metadata(tmp_path: Path, monkeypatch) -> None:
    """One key per file, in order; None for what is not a regular file or is missing
    (the loader says why); the same file shown under another name or read with another
    configuration is another key; a file just written is not yet trusted (RACY_NS),
    even given back a modification time of 1970 (its change time is now), one written
    long ago is."""
    from linter.engine import keys

    monkeypatch.chdir(tmp_path)
    (tmp_path / "old.md").write_text("Năm 2023", encoding="utf-8")
    os.utime(tmp_path / "old.md", ns=(0, 0))  # as `touch -d 1970` or `tar -x` would
    [touched] = keys.stat_keys([(Path("old.md"), "old.md")], "k")
    assert touched is not None and touched[1] is False  # changed just now: not trusted
    settle(monkeypatch, [tmp_path / "old.md"])
    (tmp_path / "new.md").write_text("Năm 2024", encoding="utf-8")
    (tmp_path / "dir").mkdir()
    files = [(Path(n), n) for n in ("new.md", "dir", "missing.md", "old.md")]
    new, folder, missing, old = keys.stat_keys(files, "k")
    assert (folder, missing) == (None, None)
    assert new is not None and old is not None and new[0] != old[0]
    assert (new[1], old[1]) == (False, True)
    [shown] = keys.stat_keys([(Path("new.md"), "other.md")], "k")
    [configured] = keys.stat_keys([(Path("new.md"), "new.md")], "k2")
    assert len({new[0], shown[0], configured[0]}) == 3  # type: ignore[index]
    os.utime(tmp_path / "new.md", ns=(0, 1))  # touched: a new key
    assert keys.stat_keys([(Path("new.md"), "new.md")], "k")[0] != new
