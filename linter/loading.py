"""Read files into `Document`s: decoding, front matter, HTML, and the offset map.

A bad file never stops a run: it becomes a `LoadResult` with no document and a
problem saying what was expected and what was found. Only regular files are
read (a named pipe would block the run, a device never ends), and only up to
a size cap: a file over it is skipped with a problem naming the cap. Whatever the loader
removes or rewrites (front matter, markup, entities, CRLF, non-NFC letters),
`Document.breaks` keeps every character of `Document.text` tied to its place
in `Document.original`. Decoding lives in `linter.encodings`, front matter in
`linter.frontmatter`, the reading of HTML in `linter.htmltext`, of Word drafts
in `linter.docxtext`.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import unicodedata
from collections.abc import Sequence
from pathlib import Path

from linter import docxtext, encodings, frontmatter, htmltext, textmap
from linter.errors import UsageError
from linter.frontmatter import LoadProblem, problem
from linter.models import Document, DocumentMeta, Frozen, Provenance

__all__ = [
    "MAX_DOCX_INFLATED",
    "MAX_FILE_SIZE",
    "SUPPORTED_SUFFIXES",
    "LoadProblem",
    "LoadResult",
    "NotReadable",
    "collect_paths",
    "load_document",
    "load_text",
    "read_regular",
]

SUPPORTED_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".docx")
_HTML_SUFFIXES = (".html", ".htm")
# An announcement is a few kilobytes; a 50 MB file is a mistake or an attack, and parsing
# it would take minutes. Both caps are configurable (`max-file-size`, `max-docx-inflated-size`).
MAX_FILE_SIZE = 5_000_000
MAX_DOCX_INFLATED = docxtext.MAX_INFLATED


class LoadResult(Frozen):
    path: str
    document: Document | None  # None when the file could not be read at all
    problems: tuple[LoadProblem, ...] = ()


def collect_paths(inputs: Sequence[Path]) -> list[Path]:
    """The files to load: explicit files whatever their suffix, supported files under folders.

    Whatever is not a regular file (a FIFO, a socket, a broken symlink or a symlink
    loop) is still listed, for the loader to report it by name rather than skip it.
    """
    found: dict[str, Path] = {}
    for item in inputs:
        if not os.path.lexists(item):
            raise UsageError(f"{item}: no such file or folder: expected a document or a folder")
        if not item.is_dir():
            found.setdefault(_identity(item), item)
            continue
        for folder, subfolders, files in os.walk(item):
            subfolders[:] = [d for d in subfolders if not _hidden(d)]
            for name in files:
                if not _hidden(name) and name.lower().endswith(SUPPORTED_SUFFIXES):
                    path = Path(folder) / name
                    found.setdefault(_identity(path), path)
    return sorted(found.values(), key=str)


def _identity(path: Path) -> str:
    """One key per file reached by several names. realpath, not resolve(): Path.resolve
    raises on a symlink loop, which is a file to report, not a crash."""
    return os.path.realpath(path)


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
            with contextlib.suppress(OSError):
                kind = _kind(path.stat().st_mode)
                raise NotReadable(problem("not-regular", words={"kind": kind})) from exc
        raise NotReadable(_os_problem(exc)) from exc
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotReadable(problem("not-regular", words={"kind": _kind(info.st_mode)}))
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


def _too_big(size: int, limit: int) -> LoadProblem:
    return problem("too-big", size=size, limit=limit)


def _kind(mode: int) -> str:
    """The word (of the messages file) for what a file that is not regular is."""
    kinds = {
        stat.S_ISFIFO: "fifo",
        stat.S_ISSOCK: "socket",
        stat.S_ISCHR: "char-device",
        stat.S_ISBLK: "block-device",
        stat.S_ISDIR: "folder",
    }
    return next((name for test, name in kinds.items() if test(mode)), "special-file")


# Reasons a user can act on, in the run's language; others in the system's words.
_OS_WORDS = {
    errno.ELOOP: "symlink-loop",
    errno.ENOENT: "no-such-file",
    errno.EACCES: "permission-denied",
}


def _os_problem(exc: OSError) -> LoadProblem:
    if exc.errno in _OS_WORDS:
        return problem("cannot-read", words={"cause": _OS_WORDS[exc.errno]})
    return problem("cannot-read-os", error=exc.strerror or str(exc))


def _hidden(name: str) -> bool:
    # "~$draft.docx" is the lock file Word keeps beside a draft while it is open.
    return name.startswith((".", "~$")) or name == "__pycache__"


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
    if path.suffix.lower() not in SUPPORTED_SUFFIXES:
        expected = ", ".join(SUPPORTED_SUFFIXES)
        if not path.suffix:
            return _failed(shown, problem("unsupported-no-suffix", expected=expected))
        return _failed(shown, problem("unsupported-suffix", suffix=path.suffix, expected=expected))
    try:
        data = read_regular(path, max_bytes)
    except NotReadable as exc:
        return _failed(shown, exc.problem)
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
    if suffix.lower() == ".docx":  # a zip of XML: not text to decode
        document, problems = docxtext.load(text_or_bytes, display_path, max_inflated)
        return LoadResult(path=display_path, document=document, problems=problems)
    if isinstance(text_or_bytes, bytes):
        try:
            original = encodings.decode(text_or_bytes)
        except encodings.NotText as exc:
            found = LoadProblem(reason=exc.reason, line=exc.line, column=exc.column)
            return LoadResult(path=display_path, document=None, problems=(found,))
    else:
        original = text_or_bytes.removeprefix("\ufeff")
    if not original:
        return _failed(display_path, problem("empty"))
    if original.isspace():
        return _failed(display_path, problem("whitespace"))
    controls = encodings.control_count(original[: encodings.SAMPLE])
    if controls:
        length = min(len(original), encodings.SAMPLE)
        return _failed(display_path, problem("binary-controls", count=controls, length=length))
    return _parse(original, display_path, suffix)


def _failed(path: str, found: LoadProblem) -> LoadResult:
    return LoadResult(path=path, document=None, problems=(found,))


class _TextBuilder:
    """Builds `Document.text` from pieces of the original, recording break points."""

    def __init__(self, original: str, start: int) -> None:
        self._original = original
        self._parts: list[str] = []
        self._length = 0
        self._breaks: list[tuple[int, int]] = [(0, start)]

    def _mark(self, t: int, o: int) -> None:
        last_t, last_o = self._breaks[-1]
        if last_t == t:
            self._breaks[-1] = (t, o)
        elif o - t != last_o - last_t:
            self._breaks.append((t, o))

    def _append(self, text: str) -> None:
        self._parts.append(text)
        self._length += len(text)

    def copy(self, start: int, end: int) -> None:
        """Copy `original[start:end]`, NFC-normalised, with CRLF as LF."""
        while start < end:
            crlf = self._original.find("\r\n", start, end)
            stop = end if crlf == -1 else crlf
            if stop > start:
                text, breaks = textmap.nfc_with_breaks(self._original[start:stop], 0, self._length)
                for t, o in breaks:
                    self._mark(t, start + o)
                self._append(text)
            if crlf == -1:
                return
            # Map the LF to the LF of the pair, so a span ending there takes in the whole CRLF.
            self._mark(self._length, crlf + 1)
            self._append("\n")
            start = crlf + 2

    def replace(self, start: int, end: int, text: str) -> None:
        """Put `text` where `original[start:end]` was (a decoded entity, a tag's line end)."""
        self._mark(self._length, start)
        self._append(unicodedata.normalize("NFC", text))
        self._mark(self._length, end)

    def result(self) -> tuple[str, tuple[tuple[int, int], ...]]:
        return "".join(self._parts), tuple(self._breaks)


def _parse(original: str, path: str, suffix: str) -> LoadResult:
    front_matter: dict[str, object] = {}
    pieces: list[htmltext.Piece]
    if suffix.lower() in _HTML_SUFFIXES:
        pieces, meta, problems = _html(original)
    else:
        front_matter, body_start, meta, problems = frontmatter.parse(original)
        pieces = [(body_start, len(original), None)]
    builder = _TextBuilder(original, pieces[0][0] if pieces else 0)
    for start, end, replacement in pieces:
        if replacement is None:
            builder.copy(start, end)
        else:
            builder.replace(start, end, replacement)
    text, breaks = builder.result()
    if not text.strip():
        problems.append(problem("no-body"))
    document = Document(
        path=path,
        original=original,
        text=text,
        breaks=breaks,
        front_matter=front_matter,
        meta=DocumentMeta(**meta),
    )
    return LoadResult(path=path, document=document, problems=tuple(problems))


def _html(original: str) -> tuple[list[htmltext.Piece], dict[str, object], list[LoadProblem]]:
    """The main text of a page, and its title and date from the markup."""
    page = htmltext.extract(original)
    meta: dict[str, object] = {"title": page.title}
    problems: list[LoadProblem] = []
    if page.published:
        content, offset = page.published
        date = frontmatter.parse_date(content)
        if date:
            meta.update(date=date, date_source=Provenance.HEADER)
        else:
            line, column = textmap.line_col(original, offset)
            problems.append(frontmatter.value_problem("bad-meta-date", content, line, column))
    return page.pieces, meta, problems
