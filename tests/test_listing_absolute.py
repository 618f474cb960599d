"""listing.absolute gives what os.path.normpath(os.path.join(cwd, name)) gives, its
short-cut (a name normpath would leave as it is, joined by hand) included."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import SEEDS
from linter.read.listing import absolute, collect_names

NAMES = [
    "a.md", "ha-noi/2016/x.md", "./a.md", "../a.md", "a/./b.md", "a/../b.md", "a//b.md",
    "a/", "", ".", "..", ".hidden/a.md", "a/.b.md", "a/..b.md", "a..b/c.md", "/abs/a.md",
    "/abs//a.md", "//net/a.md", "///a.md", "/abs/./a.md", "/abs/../a.md", "/", "tên có dấu.md",
    "a b/c d.md", "a\\b.md", "~$draft.docx", "a/b/c/d/e/f.md",
]  # fmt: skip
CWDS = ["/work/main", "/", "/tmp/x y", "/a/b/..", "/a//b", "rel/dir"]


@pytest.mark.skipif(os.sep != "/", reason="the short-cut is for '/' separators only")
@pytest.mark.parametrize("cwd", CWDS)
def test_absolute_equals_normpath_of_the_join(cwd: str) -> None:
    for name in NAMES:
        expected = os.path.normpath(os.path.join(cwd, name))  # noqa: PTH118
        assert absolute(name, cwd) == expected, (cwd, name)
        assert absolute(Path(name), cwd) == os.path.normpath(os.path.join(cwd, Path(name)))  # noqa: PTH118


def test_a_listing_of_seeds_is_made_absolute_as_abspath_does() -> None:
    names = collect_names([SEEDS, Path(os.path.relpath(SEEDS))])
    assert len(names) > 4
    cwd = os.getcwd()  # noqa: PTH109
    assert [absolute(n, cwd) for n in names] == [os.path.abspath(n) for n in names]  # noqa: PTH100
