"""Read the main text of a Word draft (.docx) into a `Document`.

A .docx is a zip of XML parts with no lines or columns of its own, so for a
.docx `Document.original` is the extracted text itself, one paragraph per line
(joined with "\\n"). A location such as `ban-thao.docx:5:12` therefore means
the 5th paragraph and the 12th character of that paragraph, where paragraphs
are counted as extracted: every body paragraph in document order, empty ones
included, and the paragraphs of a table row by row, cell by cell (a cell may
hold several paragraphs, or a nested table). A manual line break inside a
paragraph (Shift+Enter) starts a new line too, as it does on the page.

What counts as text: the runs of a paragraph, including those of hyperlinks,
fields and tracked insertions, but not tracked deletions, text boxes, headers,
footers, footnotes or comments, which are not the main text. No-break spaces
become plain spaces so the parser reads "56.000 tỷ" as usual. `original` keeps
the letters as Word stored them; `text` is their NFC form, with break points
back to `original` like every other loader.

The core property `title` becomes `meta.title`. `created` and `modified` are
when the file was written, not when the announcement is published, so they are
never used as its date. A file that is not a readable .docx (not a zip, an
encrypted or old .doc file, a damaged archive, no Word document inside) gives
no document and a problem saying so, never an exception.
"""

from __future__ import annotations

import io
import unicodedata
import zipfile
import zlib
from collections.abc import Iterator
from typing import TYPE_CHECKING

from linter.models import Document, DocumentMeta
from linter.read import readers
from linter.read.frontmatter import LoadProblem, problem
from linter.read.textbuild import visible_text

if TYPE_CHECKING:  # python-docx and lxml are imported when a .docx is read (0.1 s otherwise)
    from docx.document import Document as WordDocument
    from lxml import etree

__all__ = ["MAX_INFLATED", "NOT_DOCX", "DocxReader", "load"]

NOT_DOCX = "not a readable .docx"
# What the parts of a .docx may add up to once unzipped (`max-docx-inflated-size`). A zip
# bomb of a few kilobytes can inflate to gigabytes, and python-docx would hold all of it
# in memory; a long announcement's document.xml is a few megabytes.
MAX_INFLATED = readers.MAX_INFLATED
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_P, _R, _BR = f"{_W}p", f"{_W}r", f"{_W}br"
# Run children that stand for text, and what each stands for (w:t is its own text).
_RUN_TEXT = {f"{_W}tab": "\t", f"{_W}ptab": "\t", f"{_W}cr": "\n", f"{_W}noBreakHyphen": "-"}
# Inside a paragraph, runs under these are not part of the text a reader sees:
# deleted or moved-away tracked changes, and text boxes (which hold paragraphs of their own).
_HIDDEN = frozenset({f"{_W}del", f"{_W}moveFrom", f"{_W}txbxContent", _P})
# Encrypted Office files and old binary .doc files are OLE compound files, not zips.
_OLE_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")


def load(
    data: bytes | str, path: str, max_inflated: int = MAX_INFLATED
) -> tuple[Document | None, tuple[LoadProblem, ...]]:
    """The document in the .docx bytes `data`, shown as `path`, and what was wrong with it.

    A file whose parts would inflate to more than `max_inflated` bytes is not unzipped.
    """
    if isinstance(data, str):
        return None, (problem("docx-text"),)
    if not data:
        return None, (problem("docx-empty"),)
    if data.startswith(_OLE_MAGIC):
        return None, (problem("docx-ole"),)
    try:
        inflated = _inflated_size(data)
    except Exception as exc:  # zipfile raises several kinds on a damaged directory
        return None, (_reason(exc),)
    if inflated > max_inflated:
        return None, (problem("docx-too-big", size=inflated, limit=max_inflated),)
    try:
        import docx  # only a run that reads a .docx pays for importing it

        word = docx.Document(io.BytesIO(data))
        paragraphs = [_paragraph_text(p) for p in _paragraphs(word.element.body)]
        title = _title(word)
    except Exception as exc:  # python-docx raises whatever its zip, OPC and XML layers raise
        return None, (_reason(exc),)
    original = "\n".join(paragraphs)
    text, breaks = visible_text(original)
    problems: tuple[LoadProblem, ...] = ()
    if not text.strip():
        problems = (problem("no-body"),)
    document = Document(
        path=path,
        original=original,
        text=text,
        breaks=breaks,
        meta=DocumentMeta(title=title),
    )
    return document, problems


def _inflated_size(data: bytes) -> int:
    """The unzipped size of every part, from the zip's central directory (nothing is inflated).

    zipfile stops reading a part at the size its directory entry states, so a part
    cannot inflate beyond what is counted here.
    """
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return sum(info.file_size for info in archive.infolist())


def _reason(exc: Exception) -> LoadProblem:
    """What a python-docx failure means for the person who saved the file."""
    if isinstance(exc, zipfile.BadZipFile | zlib.error | EOFError):
        return problem("docx-not-zip", error=str(exc))
    if isinstance(exc, KeyError):  # zipfile's "There is no item named ... in the archive"
        return problem("docx-missing-part", part=str(exc.args[0] if exc.args else exc))
    message = str(exc)
    if "is not a Word file" in message:  # the message also names the BytesIO object: drop it
        found = message.rpartition("content type is ")[2] or "another content type"
        return problem("docx-not-word", found=found)
    from lxml import etree

    if isinstance(exc, etree.XMLSyntaxError):
        return problem("docx-bad-xml", error=str(exc))
    return problem("docx-other", error=f"{type(exc).__name__}: {message}")


def _paragraphs(parent: etree._Element) -> Iterator[etree._Element]:
    """The paragraphs under `parent`, in document order.

    Tables (`w:tbl`, then `w:tr`, then `w:tc`) are walked row by row, cell by
    cell. Any other element is walked through too rather than listed, so that
    content controls (`w:sdt`) and custom XML wrapping paragraphs or rows keep
    their text; properties such as `w:tblPr` or `w:sectPr` hold no paragraph.
    """
    for child in parent.iterchildren():
        if child.tag == _P:
            yield child
        elif isinstance(child.tag, str):  # comments and processing instructions have no text
            yield from _paragraphs(child)


def _paragraph_text(paragraph: etree._Element) -> str:
    """The visible text of one paragraph; python-docx's `Paragraph.text` skips fields
    and tracked insertions, which editors' drafts are full of."""
    parts: list[str] = []
    for element in paragraph.iter(f"{_W}t", _BR, *_RUN_TEXT):
        run = element.getparent()
        if run is None or run.tag != _R or _hidden(run, paragraph):
            continue  # a w:tab under w:tabs is a tab stop, not a tab character
        if element.tag == f"{_W}t":
            parts.append(element.text or "")
        elif element.tag == _BR:
            # Page and column breaks are layout, not text; only a line break ends a line.
            kind = element.get(f"{_W}type")
            parts.append("\n" if kind in (None, "textWrapping") else "")
        else:
            parts.append(_RUN_TEXT[element.tag])
    return "".join(parts).replace("\xa0", " ")


def _hidden(run: etree._Element, paragraph: etree._Element) -> bool:
    node = run.getparent()
    while node is not None and node is not paragraph:
        if node.tag in _HIDDEN:
            return True
        node = node.getparent()
    return False


def _title(word: WordDocument) -> str | None:
    """The `title` core property, if the file has core properties at all.

    python-docx makes up default core properties (titled "Word Document") for a
    file without them; that title must not become the document's.
    """
    from docx.opc.constants import RELATIONSHIP_TYPE

    package = word.part.package
    if not any(rel.reltype == RELATIONSHIP_TYPE.CORE_PROPERTIES for rel in package.rels.values()):
        return None
    title = " ".join((word.core_properties.title or "").split())
    return unicodedata.normalize("NFC", title) or None


class DocxReader(readers.Reader):
    name = "docx"
    suffixes = (".docx",)

    def read(self, data: bytes | str, path: str, limits: readers.Limits) -> readers.Read:
        document, problems = load(data, path, limits.max_inflated)
        return readers.Read(document=document, problems=problems)
