"""A run lists its files as strings (`listing.collect_names`), no Path per file: the
same files, names and order as the listing by Paths gave before it (96e6ba0: the
crafted tree's EXPECTED, corpus/real's tests/fixtures/listing/real.txt), shown and
keyed as their Paths are. (`collect_paths` is now the Paths of `collect_names`:
comparing the two would test nothing.)"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from linter.engine.keys import stat_keys
from linter.read import listing
from linter.read.listing import collect_names, collect_paths, collect_shown, display_path


def _tree(top: Path) -> None:
    """Nested folders, hidden names, a symlinked file and folder, a loop, a dangling
    link, a FIFO, a file named twice, a name with a space and another script."""
    for folder in ("a/x/deep", "b", ".hidden", "a/.git", "c d"):
        (top / folder).mkdir(parents=True)
    for name in ("a/1.md", "a/x/2.md", "a/x/deep/3.txt", "b/4.md", ".hidden/5.md", "a/.git/6.md"):
        (top / name).write_text("Năm 2024", encoding="utf-8")
    (top / "c d" / "Thông báo.md").write_text("Năm 2024", encoding="utf-8")
    (top / "b/.6.md").write_text("ẩn", encoding="utf-8")
    (top / "b/~$nháp.docx").write_bytes(b"lock")
    (top / "a/x/alias.md").symlink_to(top / "b/4.md")
    (top / "b/linked").symlink_to(top / "a", target_is_directory=True)
    (top / "b/dangling.md").symlink_to(top / "nowhere.md")
    (top / "b/loop.md").symlink_to(top / "b/loop.md")
    os.mkfifo(top / "a/pipe.md")


LISTED = ["a/1.md", "a/pipe.md", "a/x/2.md", "a/x/deep/3.txt", "b/4.md", "b/dangling.md"]
EXPECTED = {  # alias.md is b/4.md; hidden names, the lock file and the linked folder skipped
    ".": [*LISTED, "b/loop.md", "c d/Thông báo.md"],
    "press": [f"press/{n}" for n in (*LISTED, "b/loop.md", "c d/Thông báo.md")],
    "./press/b": [f"press/{n}" for n in (*LISTED, "b/loop.md")],  # "c d" not named
}


@pytest.mark.parametrize("named", [["."], ["press"], ["./press/b", "press/a", "press/b/4.md"]])
def test_names_are_the_strings_of_the_paths(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, named: list[str]
) -> None:
    _tree(tmp_path / "press")
    monkeypatch.chdir(tmp_path if named != ["."] else tmp_path / "press")
    inputs = [Path(n) for n in named]
    names = collect_names(inputs)
    assert names == EXPECTED[named[0]]
    paths = [Path(n) for n in names]
    cwd = os.getcwd()  # noqa: PTH109
    for base in (tmp_path, tmp_path / "press", tmp_path / "press" / "a", Path("/")):
        by_name = [display_path(n, base, cwd) for n in names]
        assert by_name == [display_path(p, base, cwd) for p in paths]
    files = list(zip(names, (display_path(n, tmp_path, cwd) for n in names), strict=True))
    assert stat_keys(files, "k", cwd) == stat_keys([(Path(n), d) for n, d in files], "k", cwd)


def test_the_real_corpus_is_listed_as_before() -> None:
    """corpus/real as 96e6ba0's collect_paths listed it (the README and 37 articles, in
    its order), by names relative to the corpus."""
    from conftest import real_corpus_or_skip

    corpus = real_corpus_or_skip()
    stored = (Path(__file__).parent / "fixtures" / "listing" / "real.txt").read_text("utf-8")
    listed = [Path(n).relative_to(corpus).as_posix() for n in collect_names([corpus])]
    assert listed == stored.splitlines()
    assert collect_paths([corpus]) == [corpus / n for n in listed]


def test_folders_below_a_symlinked_path_are_known_by_their_realpath(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A subfolder's realpath is its folder's joined with its name (`listing._walk`):
    a folder named through a symlink, and its subfolders three deep, are the same
    folders as under their real name, so each file is listed once, by its first name."""
    for name in ("real/a/2.md", "real/a/b/c/1.md", "real/a/b/3.md", "real/4.md"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("Năm 2024", encoding="utf-8")
    (tmp_path / "link").symlink_to(tmp_path / "real", target_is_directory=True)
    monkeypatch.chdir(tmp_path)
    names = collect_names([Path("link/a"), Path("real"), Path("./link/a/b")])
    assert names == ["link/a/2.md", "link/a/b/3.md", "link/a/b/c/1.md", "real/4.md"]


@pytest.mark.parametrize(
    "named",
    [["."], ["press"], ["./press/b", "press/a", "press/b/4.md"], ["press/a/../b", "press//c d"]],
)
def test_names_are_shown_as_display_path_shows_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, named: list[str]
) -> None:
    """`collect_shown` shows each file by its folder's prefix and its name: the same
    names, and displayed paths, as display_path of each name, whatever the root (the
    folders' own, above them, below them or beside them, "/") and the spelling of the
    folders named, absolute ones too (a ".." part, a doubled slash); names that are
    not printable, or not UTF-8, are escaped as display_path escapes them."""
    _tree(tmp_path / "press")
    (tmp_path / "press" / "b" / "tab\there.md").write_text("Năm 2024", encoding="utf-8")
    (tmp_path / "press" / "b" / os.fsdecode(b"bad-\xff.md")).write_text("x", encoding="utf-8")
    monkeypatch.chdir(tmp_path if named != ["."] else tmp_path / "press")
    cwd = os.getcwd()  # noqa: PTH109
    for inputs in ([Path(n) for n in named], [tmp_path / n for n in named]):
        names = collect_names(inputs)
        assert any("\t" in n for n in names)
        bases = (tmp_path, tmp_path / "press", tmp_path / "press" / "a", tmp_path / "b", Path("/"))
        for base in bases:
            expected = [(n, display_path(n, base, cwd)) for n in names]
            assert collect_shown(inputs, base, cwd) == expected, base
    assert any("\\t" in d for _, d in collect_shown(inputs, tmp_path, cwd))


def test_names_alone_make_no_displayed_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`collect_names` shows nothing: a name that is not printable is not escaped for a
    display thrown away (printable is never asked), and the names are as before."""
    _tree(tmp_path / "press")
    (tmp_path / "press" / "b" / "tab\there.md").write_text("Năm 2024", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(listing, "printable", lambda text: pytest.fail(f"shown {text!r}"))
    names = collect_names([Path("press")])
    assert names == sorted([*EXPECTED["press"], "press/b/tab\there.md"])
