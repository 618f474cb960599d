"""Read files into `Document`s: whether they can be read, and by which reader.

Which files a run reads, and the names reports show them by, is
`linter.read.listing` (re-exported here).

A bad file never stops a run: it becomes a `LoadResult` with no document and a
problem saying what was expected and what was found. Only regular files are
read (a named pipe would block the run, a device never ends), and only up to
a size cap: a file over it is skipped with a problem naming the cap. The bytes
then go to the document format registered for the file's suffix (the
`doichieu.readers` entry points, see linter.read.readers): one
module per format (`linter.read.txttext`, `mdtext`, `htmltext`, `docxtext`,
`pdftext`). Whatever a reader removes or rewrites (front matter, markup,
entities, CRLF, non-NFC letters), `Document.breaks` keeps every character of
`Document.text` tied to its place in `Document.original`.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from linter.models import Document, Frozen
from linter.read import readers
from linter.read.frontmatter import LoadProblem, problem
from linter.read.listing import absolute, collect_paths, display_path, supported_suffixes
from linter.read.readers import Limits, load_readers

__all__ = [
    "MAX_DOCX_INFLATED",
    "MAX_FILE_SIZE",
    "LoadProblem",
    "LoadResult",
    "NotReadable",
    "absolute",
    "collect_paths",
    "display_path",
    "kind_at",
    "load_document",
    "load_text",
    "read_regular",
    "supported_suffixes",
]

# Both caps are configurable (`max-file-size`, `max-docx-inflated-size`); see linter.read.readers.
MAX_FILE_SIZE = readers.MAX_FILE_SIZE
MAX_DOCX_INFLATED = readers.MAX_INFLATED


class LoadResult(Frozen):
    path: str
    document: Document | None  # None when the file could not be read at all
    problems: tuple[LoadProblem, ...] = ()


class NotReadable(Exception):
    """A file that is not read at all: not a regular file, unreadable, or over the size cap."""

    def __init__(self, problem: LoadProblem) -> None:
        super().__init__(problem.message)
        self.problem = problem
        self.message = problem.message  # in English: usage errors (a baseline) are English


def read_regular(path: Path, max_bytes: int = MAX_FILE_SIZE) -> bytes:
    """The bytes of `path` if it is a regular file of at most `max_bytes`, else NotReadable.

    The file is opened without blocking and checked on the open descriptor: opening a
    FIFO for reading would wait for a writer forever, and checking the name first and
    opening it afterwards would let it change in between.
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        if exc.errno == errno.ENXIO:  # a socket cannot be opened at all
            kind = kind_at(path)
            if kind is not None:
                raise NotReadable(problem("not-regular", words={"kind": kind})) from exc
        raise NotReadable(_os_problem(exc)) from exc
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotReadable(problem("not-regular", words={"kind": _kind_of(info.st_mode)}))
        if info.st_size > max_bytes:
            raise NotReadable(_too_big(info.st_size, max_bytes))
        with os.fdopen(fd, "rb", closefd=False) as handle:
            data = handle.read(max_bytes + 1)  # the file may have grown since fstat
    except OSError as exc:
        raise NotReadable(_os_problem(exc)) from exc
    finally:
        os.close(fd)
    if len(data) > max_bytes:
        raise NotReadable(_too_big(len(data), max_bytes))
    return data


def _unlisted_folder(path: Path) -> LoadProblem | None:
    """The problem of a folder that cannot be listed (`linter.read.listing` names it so
    that it is reported); None for anything else, a folder that can be listed included
    (named as a document, it is "not a regular file")."""
    if not path.is_dir():
        return None
    try:
        with os.scandir(path):
            return None
    except OSError as exc:
        return _os_problem(exc, "folder-unlisted")


def _unsupported(suffix: str) -> LoadProblem:
    expected = ", ".join(supported_suffixes())
    if not suffix:
        return problem("unsupported-no-suffix", expected=expected)
    return problem("unsupported-suffix", suffix=suffix, expected=expected)


def _too_big(size: int, limit: int) -> LoadProblem:
    return problem("too-big", size=size, limit=limit)


def _kind_of(mode: int) -> str:
    """The word (of the messages file) for what a file that is not regular is."""
    kinds = {
        stat.S_ISFIFO: "fifo",
        stat.S_ISSOCK: "socket",
        stat.S_ISCHR: "char-device",
        stat.S_ISBLK: "block-device",
        stat.S_ISDIR: "folder",
    }
    return next((name for test, name in kinds.items() if test(mode)), "special-file")


def kind_at(path: Path) -> str | None:
    """The word for what is at `path` when it is no regular file (a folder, a named
    pipe ...), None when nothing is: a draft, a configuration or a socket named."""
    try:
        mode = path.stat().st_mode
    except OSError:  # nothing there, a broken symlink, a symlink loop
        return None
    return _kind_of(mode)


# Reasons a user can act on, in the run's language; others in the system's words.
_OS_WORDS = {
    errno.ELOOP: "symlink-loop",
    errno.ENOENT: "no-such-file",
    errno.EACCES: "permission-denied",
}


def _os_problem(exc: OSError, name: str = "cannot-read") -> LoadProblem:
    """The problem `name` (a file that cannot be read, a folder that cannot be listed)
    for `exc`: its cause in the run's words, else as `name`-os in the system's."""
    if exc.errno in _OS_WORDS:
        return problem(name, words={"cause": _OS_WORDS[exc.errno]})
    return problem(f"{name}-os", error=exc.strerror or str(exc))


def load_document(
    path: Path,
    display_path: str | None = None,
    max_bytes: int = MAX_FILE_SIZE,
    max_inflated: int = MAX_DOCX_INFLATED,
) -> LoadResult:
    """Load one file; every failure is reported in the result, never raised.

    `max_bytes` caps the file, `max_inflated` the unzipped parts of a .docx.
    """
    shown = display_path or str(path)
    # Whether it is a folder that cannot be listed is asked only where loading failed:
    # asked of every document, it was one more stat per file.
    if load_readers().for_suffix(path.suffix) is None:
        return _failed(shown, _unlisted_folder(path) or _unsupported(path.suffix))
    try:
        data = read_regular(path, max_bytes)
    except NotReadable as exc:
        return _failed(shown, _unlisted_folder(path) or exc.problem)
    return load_text(data, shown, path.suffix, max_bytes, max_inflated)


def load_text(
    text_or_bytes: str | bytes,
    display_path: str,
    suffix: str,
    max_bytes: int = MAX_FILE_SIZE,
    max_inflated: int = MAX_DOCX_INFLATED,
) -> LoadResult:
    """Load a document from memory, exactly as `load_document` would from a file."""
    if len(text_or_bytes) > max_bytes:  # a draft from stdin is capped like a file
        return _failed(display_path, _too_big(len(text_or_bytes), max_bytes))
    reader = load_readers().for_suffix(suffix)
    if reader is None:
        return _failed(display_path, _unsupported(suffix))
    read = reader.read(text_or_bytes, display_path, Limits(max_bytes, max_inflated))
    return LoadResult(path=display_path, document=read.document, problems=read.problems)


def _failed(path: str, found: LoadProblem) -> LoadResult:
    return LoadResult(path=path, document=None, problems=(found,))
