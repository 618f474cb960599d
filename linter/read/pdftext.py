"""Read PDFs that have a text layer (.pdf): resolutions and plans are published as PDF.

A PDF has no lines of its own either, so, as for a .docx, `Document.original`
is the extracted text: the lines of each page, top to bottom, pages one after
the other (joined with "\\n"). `ke-hoach.pdf:12:5` is the 12th extracted line.

Where a word is split. PDF writers draw text in pieces: a browser's print draws
every letter its main font lacks (ả, ế, ư...) from a fallback font in a text
object of its own, and plain extractors put a space at each such seam
("Qu ả ng", "t ư  đ ạ t"). Lines are therefore rebuilt here from where each
piece starts and ends on the page: a piece that starts where the previous one
ended continues the word, a gap of a space or more is a space. Combining marks
some writers keep apart (a + U+0309) are joined to their letter, and `text` is
NFC like every other document's.

Hostile files. PDF parsers have a long record of files that make them loop or
allocate without end, so pypdf runs in a worker process with a time limit and
an address-space limit (`resource.setrlimit`, set before pypdf is imported): a
file that hits either gives no document and a problem saying which (DC01),
and the run goes on. A PDF whose pages hold no text (a scan) is DC01 too,
saying to run OCR first.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from linter.models import Document, DocumentMeta
from linter.read.frontmatter import LoadProblem, problem
from linter.read.readers import Limits, Read, Reader, failed
from linter.read.textbuild import visible_text

__all__ = ["PdfReader", "WorkerLimits", "join_marks", "worker"]


@dataclass(frozen=True)
class WorkerLimits:
    # A long plan of 100 pages extracts in a few seconds; a file that needs more than
    # this is broken or built to hang the run.
    seconds: float = 30.0
    # Address space of the worker: the interpreter and pypdf take about 50 MB; a 5 MB
    # PDF (the file cap) whose streams inflate beyond this is a bomb, not an announcement.
    memory: int = 1_000_000_000


# The spec lets the header start anywhere in the first 1024 bytes.
_HEADER_WINDOW = 1024
# A gap between two pieces of a line narrower than this share of the font size is a seam
# between pieces of one word, not a space: a space is about a quarter of an em, and
# pypdf's widths of bold fallback fonts run an eighth of an em short.
_SEAM = 0.2
# Whitespace that an extractor put before a combining mark (a + " " + U+0309).
_SPLIT_MARK = re.compile(r"\s+(?=[\u0300-\u036f])")
_EXIT_MEMORY = 3  # the worker's exit status when it ran out of memory
_ERROR_CHARS = 200


class PdfReader(Reader):
    name = "pdf"
    suffixes = (".pdf",)

    def __init__(self, worker_limits: WorkerLimits | None = None) -> None:
        self.worker_limits = worker_limits or WorkerLimits()

    def read(self, data: bytes | str, path: str, limits: Limits) -> Read:
        if isinstance(data, str):
            return failed(problem("pdf-text"))
        if b"%PDF-" not in data[:_HEADER_WINDOW]:
            return failed(problem("pdf-not-pdf"))
        extracted = _extract_in_worker(data, self.worker_limits)
        if isinstance(extracted, LoadProblem):
            return failed(extracted)
        pages, title = extracted
        original = "\n".join(join_marks(page) for page in pages)
        if not original.strip():
            return failed(problem("pdf-no-text", pages=len(pages)))
        text, breaks = visible_text(original)
        title = unicodedata.normalize("NFC", " ".join(title.split())) or None
        document = Document(
            path=path,
            original=original,
            text=text,
            breaks=breaks,
            meta=DocumentMeta(title=title),
        )
        return Read(document=document)


def join_marks(text: str) -> str:
    """`text` with no whitespace before a combining mark: "Qua \u0309ng" is "Quả" + "ng"."""
    return _SPLIT_MARK.sub("", text)


# The worker: limits first, then pypdf. The package root goes first on sys.path so the
# worker imports this very module whether doichieu is installed or run from a checkout.
# A limit can only be lowered: where the system's own hard limit is lower, that one holds.
_WORKER = """\
import resource, sys
seconds, memory = int(sys.argv[2]), int(sys.argv[3])
for name, soft, hard in ((resource.RLIMIT_AS, memory, memory),
                         (resource.RLIMIT_CPU, seconds, seconds + 1)):
    ceiling = resource.getrlimit(name)[1]
    if ceiling != resource.RLIM_INFINITY:
        soft, hard = min(soft, ceiling), min(hard, ceiling)
    resource.setrlimit(name, (soft, hard))
sys.path.insert(0, sys.argv[1])
from linter.read.pdftext import worker
worker()
"""


def _extract_in_worker(data: bytes, limits: WorkerLimits) -> tuple[list[str], str] | LoadProblem:
    """(the text of each page, the title in the PDF's properties), or what went wrong."""
    import subprocess  # here: every run loads this reader, few read a PDF (1.5 ms)

    root = str(Path(__file__).resolve().parents[2])  # the folder holding the linter package
    seconds = max(1, round(limits.seconds))
    command = [sys.executable, "-c", _WORKER, root, str(seconds), str(limits.memory)]
    try:
        done = subprocess.run(command, input=data, capture_output=True, timeout=limits.seconds)
    except subprocess.TimeoutExpired:  # subprocess.run has killed the worker
        return problem("pdf-timeout", seconds=seconds)
    except OSError as exc:
        return problem("pdf-broken", error=f"cannot start the PDF worker: {exc}")
    if done.returncode == 0:
        try:
            answer = json.loads(done.stdout)
        except ValueError:
            return problem("pdf-broken", error="the PDF worker's answer is not JSON")
        if "error" in answer:
            return problem("pdf-broken", error=answer["error"])
        return [str(page) for page in answer["pages"]], str(answer["title"])
    if done.returncode == _EXIT_MEMORY or b"MemoryError" in done.stderr:
        return problem("pdf-memory", limit=limits.memory)
    if done.returncode < 0:  # killed by a signal: SIGXCPU is the CPU limit
        return problem("pdf-timeout", seconds=seconds)
    last = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["no message"]
    return problem("pdf-broken", error=f"the PDF worker failed: {last[0]}")


def worker() -> None:
    """In the worker process: the PDF on stdin, its pages' text and title as JSON on stdout."""
    data = sys.stdin.buffer.read()
    try:
        answer: dict[str, Any] = _read_pdf(data)
    except MemoryError:
        sys.exit(_EXIT_MEMORY)
    except Exception as exc:  # pypdf raises many kinds on a damaged file
        # Its messages may quote the file at length: the start says what went wrong.
        answer = {"error": f"{type(exc).__name__}: {exc}"[:_ERROR_CHARS]}
    sys.stdout.write(json.dumps(answer, ensure_ascii=False))


def _read_pdf(data: bytes) -> dict[str, Any]:
    import io

    import pypdf

    reader = pypdf.PdfReader(io.BytesIO(data))
    if reader.is_encrypted and not reader.decrypt(""):
        raise ValueError("the PDF is encrypted; expected one that opens without a password")
    # The title a browser or Word writes into the properties (a page's <title>, File > Info).
    title = reader.metadata.title if reader.metadata is not None else None
    return {"pages": [_page_text(page) for page in reader.pages], "title": str(title or "")}


def _page_text(page: Any) -> str:
    """The lines of a page, rebuilt from its pieces of text (see the module docstring).

    That needs where each piece starts and ends, which pypdf works out for its layout
    mode; should that part of pypdf change or fail on a page, its plain extraction is used
    instead (and what fails there fails the file)."""
    try:
        from pypdf._text_extraction import _layout_mode as layout
        from pypdf.generic import ContentStream

        contents = page.get_contents()
        if contents is None:
            return ""
        operations = iter(ContentStream(contents, page.pdf, "bytes").operations)
        groups = layout.text_show_operations(operations, page._layout_mode_fonts(), True, None)
        lines = layout.y_coordinate_groups(groups, None) if groups else {}
    except MemoryError:
        raise
    except Exception:  # a private part of pypdf: its layout mode, tried first
        return str(page.extract_text())
    return "\n".join(_line(pieces) for pieces in lines.values())


def _line(pieces: list[dict[str, Any]]) -> str:
    """The pieces of one line, left to right, with a space only where there is a gap."""
    out = ""
    end: float | None = None
    for piece in pieces:
        text = str(piece["text"])
        if not text:
            continue
        gap = None if end is None else float(piece["tx"]) - end
        seam = float(piece["font_height"]) * _SEAM
        if gap is not None and gap >= seam and not out.endswith(" ") and not text.startswith(" "):
            out += " "
        out += text
        end = float(piece["displaced_tx"])
    return out.rstrip()
