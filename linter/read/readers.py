"""What a document format receives and returns: the contract of `doichieu.readers`.

A document format is a `Reader` subclass registered under the `doichieu.readers`
entry-point group (built-in ones in pyproject.toml, exactly like a third-party
package's), named after the value of `--draft-format` it serves:

    [project.entry-points."doichieu.readers"]
    md = "linter.read.mdtext:MarkdownReader"

It claims file suffixes; `linter.read.loading` hands it the bytes of a file with one
of them (or the text of a draft given in memory) and it returns a `Read`: a
`Document`, or none and a problem saying what was expected and what was found.
A reader never raises on bad input and never reads files itself: the loader
has already checked that the file is a regular one under the size cap.

Text formats share the decoding checks (`decode`) and `build`, which turns
pieces of the decoded original into `Document.text` with break points back to
every character of it (`linter.read.textbuild`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import ClassVar

from linter.errors import PluginLoadError
from linter.models import Document, DocumentMeta, Frozen
from linter.plugins import FORMAT_NAME, READERS, group, load, package_of
from linter.read import encodings
from linter.read.frontmatter import LoadProblem, problem
from linter.read.textbuild import TextBuilder

# An announcement is a few kilobytes; a 50 MB file is a mistake or an attack, and parsing
# it would take minutes. Configurable as `max-file-size`.
MAX_FILE_SIZE = 5_000_000
# What the parts of a zipped format (.docx) may add up to once unzipped; see linter.read.docxtext.
# Configurable as `max-docx-inflated-size`.
MAX_INFLATED = 50_000_000

# (start, end, replacement): `original[start:end]` is copied when replacement is None,
# otherwise it is replaced by that text (a decoded entity, or "\n" for a whole block tag).
Piece = tuple[int, int, str | None]


@dataclass(frozen=True)
class Limits:
    """The caps of the configuration, for readers that unpack what they read."""

    max_bytes: int = MAX_FILE_SIZE
    max_inflated: int = MAX_INFLATED


class Read(Frozen):
    document: Document | None  # None when the file could not be read at all
    problems: tuple[LoadProblem, ...] = ()


def failed(found: LoadProblem) -> Read:
    return Read(document=None, problems=(found,))


class Reader:
    """Base class of document formats: set `name` and `suffixes`, override `read`."""

    name: ClassVar[str]  # the --draft-format value, and the entry point's name
    suffixes: ClassVar[tuple[str, ...]]  # lower case, with the dot: (".md", ".markdown")

    def read(self, data: bytes | str, path: str, limits: Limits) -> Read:
        """The document in `data` (shown as `path`); every failure is a problem, never raised."""
        raise NotImplementedError


def decode(data: bytes | str) -> str | LoadProblem:
    """The text of a text format, or the problem that stops it being read as text."""
    original, _ = decode_with_damage(data)
    return original


def decode_with_damage(data: bytes | str) -> tuple[str | LoadProblem, list[LoadProblem]]:
    """`decode`, and the problems of a text read all the same (damaged UTF-8 bytes):
    a reader passes them on with its document, so that the file is checked and its
    damage is reported where it is."""
    damage: list[LoadProblem] = []
    if isinstance(data, bytes):
        try:
            decoded = encodings.decode_text(data)
        except encodings.NotText as exc:
            return _problem_of(exc), damage
        original = decoded.text
        if decoded.damage is not None:
            damage.append(_problem_of(decoded.damage))
    else:
        original = data.removeprefix("\ufeff")
    if not original:
        return problem("empty"), damage
    if original.isspace():
        return problem("whitespace"), damage
    controls = encodings.control_count(original[: encodings.SAMPLE])
    if controls:
        length = min(len(original), encodings.SAMPLE)
        return problem("binary-controls", count=controls, length=length), damage
    return original, damage


def _problem_of(exc: encodings.NotText) -> LoadProblem:
    return LoadProblem(reason=exc.reason, line=exc.line, column=exc.column)


def build(
    original: str,
    path: str,
    pieces: list[Piece],
    meta: dict[str, object],
    problems: list[LoadProblem],
    front_matter: dict[str, object] | None = None,
) -> Read:
    """The document made of `pieces` of `original`, NFC-normalised, CRLF as LF."""
    builder = TextBuilder(original, pieces[0][0] if pieces else 0)
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
        front_matter=front_matter or {},
        meta=DocumentMeta(**meta),
    )
    return Read(document=document, problems=tuple(problems))


# --- the registry of document formats ----------------------------------------------

_SUFFIX = re.compile(r"\.[a-z0-9]+\Z")


@dataclass(frozen=True)
class Readers:
    readers: tuple[tuple[Reader, str], ...]  # (reader, package that registered it), by name
    errors: tuple[PluginLoadError, ...]

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(r.name for r, _ in self.readers)

    @property
    def suffixes(self) -> tuple[str, ...]:
        """Every suffix read, reader by reader (in the order of their names)."""
        return tuple(s for r, _ in self.readers for s in r.suffixes)

    def for_suffix(self, suffix: str) -> Reader | None:
        return next((r for r, _ in self.readers if suffix.lower() in r.suffixes), None)

    def named(self, name: str) -> Reader | None:
        return next((r for r, _ in self.readers if r.name == name), None)


def validate_reader(obj: object, ep_name: str, package: str) -> Reader:
    """An instance of `obj` if it is a well-formed Reader subclass, else PluginLoadError."""

    def fail(message: str) -> PluginLoadError:
        return PluginLoadError("document format", ep_name, package, message)

    if not (isinstance(obj, type) and issubclass(obj, Reader)):
        raise fail(f"expected a subclass of linter.read.readers.Reader, found {obj!r}")
    name = getattr(obj, "name", None)
    if name != ep_name:
        raise fail(f"the entry point is named {ep_name!r} but the reader's name is {name!r}")
    if not FORMAT_NAME.match(ep_name):
        raise fail("expected a lower-case name such as 'docx'")
    suffixes = getattr(obj, "suffixes", None)
    if (
        not isinstance(suffixes, tuple)
        or not suffixes
        or not all(isinstance(s, str) and _SUFFIX.match(s) for s in suffixes)
    ):
        raise fail(f"expected suffixes like ('.md', '.markdown'), found {suffixes!r}")
    if obj.read is Reader.read:
        raise fail("expected a read(data, path, limits) method, found only the base class's")
    return obj()


@cache
def load_readers() -> Readers:
    """The document formats, once per process: every file read asks for its reader."""
    readers: dict[str, tuple[Reader, str]] = {}
    errors: list[PluginLoadError] = []
    for ep in group(READERS):
        package = package_of(ep)
        try:
            reader = validate_reader(load(ep, package), ep.name, package)
        except PluginLoadError as exc:
            errors.append(exc)
            continue
        except Exception as exc:  # a plugin may raise anything while importing
            message = f"failed to import {ep.value}: {exc!r}"
            errors.append(PluginLoadError("document format", ep.name, package, message))
            continue
        taken = {s: other for other, (r, _) in readers.items() for s in r.suffixes}
        clash = sorted(s for s in reader.suffixes if s in taken)
        if reader.name in readers or clash:
            what = f"suffix {clash[0]} is" if clash else f"name {reader.name} is"
            owner = taken[clash[0]] if clash else reader.name
            message = f"{what} already read by {owner!r} from package {readers[owner][1]!r}"
            errors.append(PluginLoadError("document format", ep.name, package, message))
            continue
        readers[reader.name] = (reader, package)
    return Readers(tuple(readers[n] for n in sorted(readers)), tuple(errors))


def hook_pattern(suffixes: tuple[str, ...]) -> str:
    """The `files:` pattern of the pre-commit hook for these suffixes (any letter case,
    as the loader reads them)."""
    names = "|".join(sorted({s.removeprefix(".") for s in suffixes}))
    return rf"(?i)\.({names})$"
