"""Read files into `Document`s: decoding, front matter, HTML, and the offset map.

A bad file never stops a run: it becomes a `LoadResult` with no document and a
problem saying what was expected and what was found. Whatever the loader
removes or rewrites (front matter, markup, entities, CRLF, non-NFC letters),
`Document.breaks` keeps every character of `Document.text` tied to its place
in `Document.original`.
"""

from __future__ import annotations

import codecs
import datetime as dt
import os
import re
import unicodedata
from collections.abc import Sequence
from pathlib import Path

import charset_normalizer
import yaml

from linter import htmltext, textmap
from linter.errors import UsageError
from linter.models import Document, DocumentMeta, Frozen, Provenance

SUPPORTED_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
_HTML_SUFFIXES = (".html", ".htm")
_SAMPLE = 4096  # bytes (or characters) inspected to tell text from binary
# UTF-32 first: its little-endian BOM starts with the UTF-16 one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Letters only Vietnamese uses (after NFC): tell a Windows-1258 file from other code pages.
_VIETNAMESE = re.compile("[ăĂđĐơƠưƯ\u1ea0-\u1ef9]")
_ISO_DATE = re.compile(r"\s*(\d{4})-(\d{1,2})(?:-(\d{1,2}))?(?![\d-])")
_DMY_DATE = re.compile(r"\s*(\d{1,2})/(\d{1,2})/(\d{4})(?!\d)")
_OPENING_FENCE = re.compile(r"---[ \t]*\r?(?:\n|\Z)")
_CLOSING_FENCE = re.compile(r"^---[ \t]*\r?$", re.MULTILINE)


class LoadProblem(Frozen):
    message: str  # says what was expected and what was found
    line: int = 1  # 1-based location in the original file, when known
    column: int = 1


class LoadResult(Frozen):
    path: str
    document: Document | None  # None when the file could not be read at all
    problems: tuple[LoadProblem, ...] = ()


def collect_paths(inputs: Sequence[Path]) -> list[Path]:
    """The files to load: explicit files whatever their suffix, supported files under folders."""
    found: dict[Path, Path] = {}
    for item in inputs:
        if not item.exists():
            raise UsageError(f"{item}: no such file or folder: expected a document or a folder")
        if not item.is_dir():
            found.setdefault(item.resolve(), item)
            continue
        for folder, subfolders, files in os.walk(item):
            subfolders[:] = [d for d in subfolders if not _hidden(d)]
            for name in files:
                if not _hidden(name) and name.lower().endswith(SUPPORTED_SUFFIXES):
                    path = Path(folder) / name
                    found.setdefault(path.resolve(), path)
    return sorted(found.values(), key=str)


def _hidden(name: str) -> bool:
    return name.startswith(".") or name == "__pycache__"


def load_document(path: Path, display_path: str | None = None) -> LoadResult:
    """Load one file; every failure is reported in the result, never raised."""
    shown = display_path or str(path)
    if path.suffix.lower() not in SUPPORTED_SUFFIXES:
        found = f"'{path.suffix}'" if path.suffix else "no suffix"
        return _failed(
            shown, f"unsupported format {found}: expected one of {', '.join(SUPPORTED_SUFFIXES)}"
        )
    try:
        data = path.read_bytes()
    except OSError as exc:
        return _failed(shown, f"cannot read file: {exc.strerror or exc}")
    return load_text(data, shown, path.suffix)


def load_text(text_or_bytes: str | bytes, display_path: str, suffix: str) -> LoadResult:
    """Load a document from memory, exactly as `load_document` would from a file."""
    if isinstance(text_or_bytes, bytes):
        decoded = _decode(text_or_bytes)
        if isinstance(decoded, LoadProblem):
            return LoadResult(path=display_path, document=None, problems=(decoded,))
        original = decoded
    else:
        original = text_or_bytes.removeprefix("\ufeff")
    if not original:
        return _failed(display_path, "file is empty: expected Vietnamese text")
    if original.isspace():
        return _failed(display_path, "file holds only whitespace: expected Vietnamese text")
    controls = _control_count(original[:_SAMPLE])
    if controls:
        return _failed(
            display_path,
            f"file looks binary: {controls} control characters in the first "
            f"{min(len(original), _SAMPLE)} characters; expected text",
        )
    return _parse(original, display_path, suffix)


def _failed(path: str, message: str) -> LoadResult:
    return LoadResult(path=path, document=None, problems=(LoadProblem(message=message),))


def _control_count(sample: str) -> int:
    """Control characters in `sample` if there are many of them, else 0."""
    count = sum(1 for ch in sample if (ch < " " and ch not in "\t\n\r\f\v") or ch == "\x7f")
    return count if count >= 8 and count * 20 > len(sample) else 0


def _decode(data: bytes) -> str | LoadProblem:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(codec)
            except UnicodeDecodeError as exc:
                return LoadProblem(
                    message=f"cannot decode file: invalid {codec} at byte {exc.start + len(bom)}; "
                    f"expected {codec} text, as the byte order mark announces"
                )
    sample = data[:_SAMPLE]
    utf16 = _utf16_without_bom(sample)
    if utf16:
        try:
            return data.decode(utf16)
        except UnicodeDecodeError:
            pass  # not UTF-16 after all: judge it like any other file
    nuls = sample.count(0)
    if nuls:
        return LoadProblem(
            message=f"file looks binary: {nuls} NUL bytes in the first {len(sample)} bytes; "
            "expected text"
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    try:
        # Windows-1258 stores tones as combining marks; charset-normalizer rarely names it.
        legacy = data.decode("cp1258")
        if _VIETNAMESE.search(unicodedata.normalize("NFC", legacy)):
            return legacy
    except UnicodeDecodeError:
        pass
    best = charset_normalizer.from_bytes(data).best()
    if best is not None:
        return str(best)
    bad = utf8_error.start
    line = data.count(b"\n", 0, bad) + 1
    column = len(data[data.rfind(b"\n", 0, bad) + 1 : bad].decode("utf-8", "replace")) + 1
    return LoadProblem(
        message=f"cannot decode file: invalid UTF-8 byte 0x{data[bad]:02x} at line {line}, "
        "and no legacy encoding such as Windows-1258 fits; expected UTF-8 text",
        line=line,
        column=column,
    )


def _utf16_without_bom(sample: bytes) -> str | None:
    """UTF-16 of mostly Latin text puts a NUL in every other byte, on one side only."""
    pairs = len(sample) // 2
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if pairs and odd * 10 >= pairs * 3 and even * 50 <= pairs:
        return "utf-16-le"
    if pairs and even * 10 >= pairs * 3 and odd * 50 <= pairs:
        return "utf-16-be"
    return None


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
        front_matter, body_start, meta, problems = _front_matter(original)
        pieces = [(body_start, len(original), None)]
    builder = _TextBuilder(original, pieces[0][0] if pieces else 0)
    for start, end, replacement in pieces:
        if replacement is None:
            builder.copy(start, end)
        else:
            builder.replace(start, end, replacement)
    text, breaks = builder.result()
    if not text.strip():
        problems.append(LoadProblem(message="no body text: expected Vietnamese text"))
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
        date = _parse_date(content)
        if date:
            meta.update(date=date, date_source=Provenance.HEADER)
        else:
            line, column = textmap.line_col(original, offset)
            what = "<meta> publication date"
            problems.append(_expected(what, "a date like 2023-12-14", content, line, column))
    return page.pieces, meta, problems


def _expected(what: str, expected: str, value: object, line: int, column: int = 1) -> LoadProblem:
    found = repr(value) if isinstance(value, str) else str(value)
    return LoadProblem(
        message=f"{what}: expected {expected}, found {found}", line=line, column=column
    )


def _parse_date(value: object) -> dt.date | None:
    """A date from YAML or text: 2023-12-14, 14/12/2023, or 2023-12 for the month's first day.

    Trailing notes are allowed, as in the corpus's `2017-02-06/07 (event 6/2/2017)`.
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        return None
    if match := _ISO_DATE.match(value):
        year, month, day = match[1], match[2], match[3] or "1"
    elif match := _DMY_DATE.match(value):
        day, month, year = match.groups()
    else:
        return None
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        return None


class _YamlLoader(yaml.SafeLoader):
    """`yaml.safe_load`, except that an impossible date such as 2023-02-30 stays a string.

    PyYAML raises a bare ValueError there, which would lose the whole block
    instead of letting the one bad key be reported.
    """


def _timestamp(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> object:
    try:
        return loader.construct_yaml_timestamp(node)
    except ValueError:
        return loader.construct_scalar(node)


_YamlLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)


def _front_matter(
    original: str,
) -> tuple[dict[str, object], int, dict[str, object], list[LoadProblem]]:
    """The YAML block opening the file: (mapping, body start, meta fields, problems)."""
    opening = _OPENING_FENCE.match(original)
    if not opening:
        return {}, 0, {}, []
    closing = _CLOSING_FENCE.search(original, opening.end())
    if not closing:
        problem = "front matter: no closing '---' line: expected one after the '---' on line 1"
        return {}, 0, {}, [LoadProblem(message=problem)]
    block = original[opening.end() : closing.start()]
    body_start = min(closing.end() + 1, len(original))
    try:
        data = yaml.load(block, Loader=_YamlLoader)  # a SafeLoader subclass: safe
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line, column = (mark.line + 2, mark.column + 1) if mark else (2, 1)
        reason = getattr(exc, "problem", None) or str(exc)
        message = f"front matter: YAML error at line {line}: {reason}; expected 'key: value' lines"
        return {}, body_start, {}, [LoadProblem(message=message, line=line, column=column)]
    if data is None:
        data = {}
    if not isinstance(data, dict):
        found = "a list" if isinstance(data, list) else repr(data)[:60]
        message = f"front matter: expected a mapping of 'key: value' lines, found {found}"
        return {}, body_start, {}, [LoadProblem(message=message, line=2)]
    mapping = {str(key): value for key, value in data.items()}
    fields, problems = _meta_fields(mapping, block)
    return mapping, body_start, fields, problems


def _meta_fields(
    mapping: dict[str, object], block: str
) -> tuple[dict[str, object], list[LoadProblem]]:
    """`DocumentMeta` fields from front matter keys, and a problem for each bad value."""
    fields: dict[str, object] = {}
    problems: list[LoadProblem] = []

    def bad(key: str, expected: str) -> None:
        found = re.search(rf"^{re.escape(key)}[ \t]*:", block, re.MULTILINE)
        line = block.count("\n", 0, found.start()) + 2 if found else 1
        problems.append(_expected(f"front matter key {key!r}", expected, mapping[key], line))

    if mapping.get("title") is not None:
        fields["title"] = str(mapping["title"]).strip()
    for key in ("date", "published"):
        if mapping.get(key) is None:
            continue
        date = _parse_date(mapping[key])
        if date is None:
            bad(key, "a date like 2023-12-14")
        elif "date" not in fields:
            fields.update(date=date, date_source=Provenance.FRONT_MATTER)
    for key in ("province", "district", "issuer"):
        value = mapping.get(key)
        if isinstance(value, str) and value.strip():
            fields.update({key: value.strip(), f"{key}_source": Provenance.FRONT_MATTER})
        elif value is not None:
            bad(key, "a name")
    value = mapping.get("plan_year")
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value)
    if isinstance(value, int) and not isinstance(value, bool) and 1900 <= value <= 2100:
        fields.update(plan_year=value, plan_year_source=Provenance.FRONT_MATTER)
    elif value is not None:
        bad("plan_year", "a year like 2024")
    return fields, problems
