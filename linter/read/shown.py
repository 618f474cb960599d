"""The names reports show files by: relative to the root, made printable.

In: a file's path as the listing names it (a Path's string), the root, and the
working directory. Out: its displayed path (`display_path`), and for a folder
listed, the displayed path of each of its files by joining (`Shown.prefix`):
a run shows every file it lists, and a call per file of `display_path` was a
tenth of listing 5,000 of them; the prefix is asked once per folder.
"""

from __future__ import annotations

import os
from pathlib import Path

from linter.textmap import printable

__all__ = ["Shown", "absolute", "display_path"]


def absolute(path: Path | str, cwd: str) -> str:
    """os.path.abspath(path) with the working directory `cwd` asked once per listing
    by the caller, not once per file (a third of abspath's time)."""
    name = os.fspath(path)
    if os.sep == "/":
        # A listing's names are "folder/file.md" below a normal working directory:
        # joined by hand and left as they are when normpath has nothing to do (no
        # "." or ".." part, no doubled or trailing slash). 5,000 names: 5 -> 2 ms,
        # each file's taken twice (shown, stat-keyed).
        if not name.startswith("/"):
            name = f"{cwd}/{name}" if cwd != "/" else f"/{name}"
        if "/." in name or "//" in name or name.endswith("/"):
            return os.path.normpath(name)
        return name
    if not os.path.isabs(name):  # noqa: PTH117 - strings: no Path per file
        name = os.path.join(cwd, name)  # noqa: PTH118
    return os.path.normpath(name)


def display_path(path: Path | str, base: Path, cwd: str | None = None) -> str:
    """Paths are shown relative to `base` (the root, or the working directory) when
    below it. abspath, not resolve(): resolving every component of thousands of
    paths was a tenth of a warm run; and strings, not Path objects, where the
    separator is "/" (the same answer as Path.relative_to, a fifth of a draft run).
    `cwd`, os.getcwd() asked once for many paths. A string `path` is taken as
    Path(path) is."""
    absolute_path = absolute(path, os.getcwd() if cwd is None else cwd)  # noqa: PTH109
    root = str(base)
    if os.sep == "/" and root.startswith("/"):
        prefix = root if root.endswith("/") else root + "/"
        if absolute_path == root:
            return "."
        if absolute_path.startswith(prefix):
            return printable(absolute_path[len(prefix) :])
        return printable(Path(path).as_posix())  # outside the root: few, a Path each
    try:
        shown = Path(absolute_path).relative_to(base).as_posix()
    except ValueError:
        shown = Path(path).as_posix()
    return printable(shown)  # a name with a newline or non-UTF-8 bytes, made safe to print


class Shown:
    """`display_path(path, base, cwd)` of many paths, most of them files of a few folders."""

    def __init__(self, base: Path, cwd: str) -> None:
        self.base, self.cwd = base, cwd
        root = str(base)
        # The short-cut is display_path's own for "/" separators and an absolute root.
        self._root = root if os.sep == "/" and root.startswith("/") else None
        self._inside = root if root.endswith("/") else root + "/"

    def __call__(self, path: str) -> str:
        return display_path(path, self.base, self.cwd)

    def prefix(self, folder: str) -> str | None:
        """What the displayed path of each file of `folder` (a Path's string) begins
        with: display_path(f"{folder}/{name}") is printable(prefix + name) for a name
        that is one part, not "." or "..". The file's absolute path is the folder's
        with "/name" after it (normpath leaves a last plain part as it is), so below
        the root it is shown as the folder is, and the name. None where that does not
        hold or is not known: a folder outside the root (shown as named), "/" or "//"
        that is not the root, a system whose separator is not "/"; its files are each
        shown by display_path."""
        if self._root is None:
            return None
        where = absolute(folder, self.cwd)
        if where == self._root:
            return ""
        if where.endswith("/") or not where.startswith(self._inside):
            return None
        return where[len(self._inside) :] + "/"
