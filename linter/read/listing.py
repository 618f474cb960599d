"""Which files a run reads, and the names it shows them by.

In: the paths of the command line or the configuration (files or folders).
Out: the files to load, each once however many names reach it, in the order
of their names; and each file's name as reports show it (relative to the root,
made printable). Hidden files and folders and Word's lock files are skipped;
what is not a regular file is still listed, for `linter.read.loading` to report,
and so is a folder that cannot be listed.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from operator import itemgetter
from pathlib import Path

from linter.diagnostics import reason, render
from linter.errors import UsageError
from linter.read.readers import load_readers
from linter.read.shown import Shown, absolute, display_path
from linter.textmap import printable

_first = itemgetter(0)

__all__ = [
    "absolute",
    "collect_names",
    "collect_paths",
    "collect_shown",
    "display_path",
    "missing",
    "supported_suffixes",
    "unread_suffixes",
]


def collect_paths(inputs: Sequence[Path]) -> list[Path]:
    """The files to load: explicit files whatever their suffix, supported files under folders.

    Whatever is not a regular file (a FIFO, a socket, a broken symlink or a symlink
    loop) is still listed, for the loader to report it by name rather than skip it.
    """
    return [Path(name) for name in collect_names(inputs)]


def collect_names(inputs: Sequence[Path]) -> list[str]:
    """`collect_paths` as the strings of its paths (str(path), in the same order): a run
    that only stats and shows most of its files needs no Path for them (a Path made per
    file of 5,000 was a quarter of listing them)."""
    return [name for name, _ in _collect(inputs, None)]


def collect_shown(inputs: Sequence[Path], base: Path, cwd: str) -> list[tuple[str, str]]:
    """`collect_names`'s names, each with its display_path(name, base, cwd), found in the
    same pass: the displayed path of a folder's file is its folder's and its name
    (`Shown.prefix`), where asking display_path of each of 5,000 files was a third of
    listing them."""
    return _collect(inputs, Shown(base, cwd))


def _collect(inputs: Sequence[Path], shown: Shown | None) -> list[tuple[str, str]]:
    """The files of `inputs` as (name, displayed path), sorted by name; without `shown`,
    each displayed path is empty."""
    found: dict[str, tuple[str, str]] = {}  # a file's identity: its name and displayed path
    suffixes = supported_suffixes()
    absent = missing(inputs)
    if absent is not None:  # the command line says it in the run's language before
        raise UsageError(render(reason("no-such-path", path=str(absent)), "en"))
    for real, folder, entries in _reached(inputs):
        if entries is None:  # named, or a folder the loader reports as unlistable
            found.setdefault(real, (folder, shown(folder) if shown else ""))
            continue
        # What every name of the folder begins with, joined once a folder: 5,000 files,
        # the loop's own work per file is the listing's.
        at, inside = _joined(folder, ""), _joined(real, "")
        prefix = shown.prefix(folder) if shown else ""
        for entry in entries:
            name = entry.name
            if not (name.endswith(suffixes) or name.lower().endswith(suffixes)):
                continue  # lowered only when it does not end so: most names are lower case
            path = at + name
            if shown is None:  # names only (`collect_names`): no displayed path made
                display = ""
            elif prefix is None:  # a folder outside the root: each file shown as named
                display = shown(path)
            else:  # printable maps each character alone: the join's is the parts' joined
                display = prefix + name
                if not (display.isascii() and display.isprintable()):
                    display = printable(display)
            try:  # as `_identity_in`, whose call per file was a tenth of the loop
                linked = entry.is_symlink()
            except OSError:
                linked = False
            found.setdefault(_identity(entry.path) if linked else inside + name, (path, display))
    return sorted(found.values(), key=_first)  # by the name: strings compared, not tuples


def unread_suffixes(
    inputs: Sequence[Path], takes: Callable[[Path], bool] | None = None
) -> Counter[str]:
    """The suffixes of the files `collect_paths` leaves out of the folders of `inputs`
    only for their format ({".doc": 3, ".odt": 1}), walked and hidden as it walks
    and hides (no hidden folder, no __pycache__, no Word lock file), each file once
    however many named folders reach it, and only those the run would take (`takes`:
    the configuration's include and exclude, `linter.engine.config.Config.takes`):
    what a run that read nothing says its folders held. A name without a suffix is
    not counted."""
    counts: Counter[str] = Counter()
    suffixes = supported_suffixes()
    seen: set[str] = set()
    for real, folder, entries in _reached(inputs):
        for entry in entries or ():  # a file named is read whatever its suffix: none
            name = entry.name
            suffix = os.path.splitext(name)[1].lower()  # noqa: PTH122 - a name, not a path
            if not suffix or name.lower().endswith(suffixes):
                continue
            key = _identity_in(real, entry)
            if key in seen:  # the run keeps a file's first name and filters that name
                continue
            seen.add(key)
            if takes is None or takes(Path(_joined(folder, name))):  # few: a Path each
                counts[suffix] += 1
    return counts


def _reached(
    inputs: Sequence[Path],
) -> Iterator[tuple[str, str, list[os.DirEntry[str]] | None]]:
    """What the paths named reach, in their order: the unhidden files of each of
    their folders as (the folder's realpath, the folder as str(Path) shows it, the
    files' entries); a path named that is no folder, and a folder that cannot be
    listed, as (its realpath, itself, None). A folder at a time: a tuple made and
    taken apart per file was a sixth of listing 5,000; and strings, a Path made
    per folder or file a tenth."""
    for item in inputs:
        if item.is_dir():
            yield from _walk(str(item))
        else:
            yield _identity(item), str(item), None


def missing(inputs: Sequence[Path]) -> Path | None:
    """The first path named that nothing is at. A broken symlink is something: the
    loader reports it by name, as it does a FIFO."""
    return next((item for item in inputs if not os.path.lexists(item)), None)


def _joined(folder: str, name: str) -> str:
    """str(Path(folder) / name) for a `folder` that is a Path's string, without the Path."""
    if folder == ".":
        return name
    return folder + name if folder.endswith(os.sep) else folder + os.sep + name


def _identity(path: Path | str) -> str:
    """One key per file reached by several names. realpath, not resolve(): Path.resolve
    raises on a symlink loop, which is a file to report, not a crash."""
    return os.path.realpath(path)


def _walk(top: str) -> Iterator[tuple[str, str, list[os.DirEntry[str]] | None]]:
    """os.walk(top) without hidden files and folders, each folder as (its realpath,
    itself, its files as DirEntry): one knows from the listing whether it is a
    symlink (an lstat per file was a fifth of listing). A folder that cannot be
    listed comes with None: skipped, its documents would go unchecked without a
    word, and the run pass. `top` is a Path's string, and so is each subfolder
    (joined by hand: os.scandir(".") names "./a", which Path shows as "a").

    A subfolder walked is no symlink (one is not followed), so its realpath is its
    folder's joined with its name: realpath's lstat of every part of every folder's
    path was a quarter of listing 5,000 files in 689 folders."""
    stack: list[tuple[str, str]] = [(top, _identity(top))]
    while stack:
        folder, real = stack.pop()
        try:
            with os.scandir(folder) as listing:
                entries = list(listing)
        except OSError:
            yield real, folder, None
            continue
        files: list[os.DirEntry[str]] = []
        subfolders: list[tuple[str, str]] = []
        for entry in entries:
            name = entry.name
            # Hidden: a dot name, __pycache__, and "~$draft.docx", the lock file Word
            # keeps beside a draft while it is open.
            if name.startswith((".", "~$")) or name == "__pycache__":
                continue
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if not is_dir:
                files.append(entry)
                continue
            path = _joined(folder, name)
            try:
                if entry.is_symlink():
                    continue  # not followed, as os.walk
                # A Windows junction is walked, as os.walk walks it, yet leads elsewhere
                # as a symlink does: its realpath is asked (3.12+ tells one apart).
                known = not _is_junction(entry)
            except OSError:  # walked as os.walk would (not a symlink), its realpath asked
                known = False
            subfolders.append((path, _joined(real, name) if known else _identity(path)))
        yield real, folder, files
        stack.extend(reversed(subfolders))  # the first subfolder is walked first


def _is_junction(entry: os.DirEntry[str]) -> bool:
    is_junction = getattr(entry, "is_junction", None)  # 3.12+; never true but on Windows
    return is_junction is not None and bool(is_junction())


def _is_symlink(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_symlink()
    except OSError:  # as os.path.islink, which os.walk and the loader asked before
        return False


def _identity_in(real_folder: str, entry: os.DirEntry[str]) -> str:
    """_identity of a file listed in a folder whose realpath is known, the same
    string without realpath's lstat of every component of its path. `_collect`'s
    loop holds a copy of it and of `_is_symlink`, inlined for speed: change them
    together."""
    if _is_symlink(entry):
        return _identity(entry.path)
    return _joined(real_folder, entry.name)  # a realpath is never "."


def supported_suffixes() -> tuple[str, ...]:
    """The suffixes of the registered document formats (`doichieu.readers`)."""
    return load_readers().suffixes
