"""PDF with a text layer (linter.read.pdftext): Vietnamese read whole, bad PDFs are DC01.

Test PDFs are made here: a Vietnamese one printed by Chromium (as an office
prints a page to PDF; skipped when Chromium is not installed), the others
written by hand object by object, so each one holds exactly the fault it tests.
"""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import time
import zlib
from pathlib import Path

import pytest

from conftest import write_corpus
from linter.app.cli import main
from linter.app.inputs import read_stdin
from linter.engine.config import Config
from linter.read.loading import load_document
from linter.read.pdftext import PdfReader, WorkerLimits, join_marks
from linter.read.readers import Limits

# --- PDFs written by hand ----------------------------------------------------------------


def pdf(objects: list[bytes]) -> bytes:
    """A PDF of `objects` (object 1 is the catalog) with a correct cross-reference table."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def stream(data: bytes, keys: bytes = b"", flate: bool = False) -> bytes:
    if flate:
        data, keys = zlib.compress(data, 9), keys + b" /Filter /FlateDecode"
    return b"<< /Length %d%s >>\nstream\n" % (len(data), keys) + data + b"\nendstream"


HELVETICA = b"<< /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >>"


def one_page(content: bytes, resources: bytes = HELVETICA, *more: bytes, flate=False) -> bytes:
    return pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
            b"/Resources " + resources + b" >>",
            stream(content, flate=flate),
            *more,
        ]
    )


TEXT_PDF = one_page(
    b"BT /F1 12 Tf 72 700 Td (Chi tieu nam 2024: tong thu 56.000 ty dong.) Tj ET\n"
    b"BT /F1 12 Tf 72 680 Td (Ke hoach nam 2024.) Tj ET"
)
SCANNED_PDF = one_page(  # a page that is one grey image, as a scanner makes
    b"q 595 0 0 842 0 0 cm /Im1 Do Q",
    b"<< /XObject << /Im1 5 0 R >> >>",
    stream(b"\x80", b" /Type /XObject /Subtype /Image /Width 1 /Height 1"
           b" /ColorSpace /DeviceGray /BitsPerComponent 8"),
)  # fmt: skip


def test_a_hand_made_text_pdf_is_read_line_by_line(tmp_path: Path) -> None:
    path = tmp_path / "ke-hoach.pdf"
    path.write_bytes(TEXT_PDF)
    result = load_document(path, "ke-hoach.pdf")
    assert result.problems == ()
    assert result.document.text == "Chi tieu nam 2024: tong thu 56.000 ty dong.\nKe hoach nam 2024."


# --- Vietnamese from a browser's print ---------------------------------------------------

PAGE = """<!doctype html><html><head><meta charset="utf-8"><title>Kế hoạch năm 2024</title>
</head><body>
<p>ỦY BAN NHÂN DÂN TỈNH QUẢNG NINH</p>
<p>Quảng Ninh, ngày 14 tháng 12 năm 2023</p>
<h1>Kế hoạch phát triển kinh tế - xã hội năm 2024</h1>
<p>Chỉ tiêu năm 2024: tổng thu ngân sách nhà nước trên địa bàn đạt 55.600 tỷ đồng.</p>
<p>Thừa Thiên Huế, Đắk Lắk, Quảng Ngãi: ưu tiên đầu tư.</p>
</body></html>
"""


@pytest.fixture(scope="module")
def printed_pdf(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        pytest.skip("chromium is not installed: no tool here prints a Vietnamese page to PDF")
    folder = tmp_path_factory.mktemp("print")
    (folder / "page.html").write_text(PAGE, encoding="utf-8")
    target = folder / "page.pdf"
    command = [chromium, "--headless", "--no-sandbox", "--disable-gpu",
               "--no-pdf-header-footer", f"--print-to-pdf={target}", str(folder / "page.html")]  # fmt: skip
    subprocess.run(command, capture_output=True, timeout=90, check=False)
    if not target.is_file():
        pytest.skip("chromium did not print the page to PDF on this machine")
    return target.read_bytes()


def test_vietnamese_from_a_browser_print_comes_out_whole(tmp_path: Path, printed_pdf) -> None:
    # Chromium draws ả, ế, ư... from a fallback font, one text object each: plain
    # extraction gives "Qu ả ng", "t ư  đ ạ t".
    path = tmp_path / "ke-hoach.pdf"
    path.write_bytes(printed_pdf)
    result = load_document(path, "ke-hoach.pdf")
    assert result.problems == ()
    assert result.document.text.splitlines() == [
        "ỦY BAN NHÂN DÂN TỈNH QUẢNG NINH",
        "Quảng Ninh, ngày 14 tháng 12 năm 2023",
        "Kế hoạch phát triển kinh tế - xã hội năm 2024",
        "Chỉ tiêu năm 2024: tổng thu ngân sách nhà nước trên địa bàn đạt 55.600 tỷ đồng.",
        "Thừa Thiên Huế, Đắk Lắk, Quảng Ngãi: ưu tiên đầu tư.",
    ]
    assert result.document.meta.title == "Kế hoạch năm 2024"


def test_a_pdf_plan_is_checked_against_a_markdown_announcement(
    tmp_path: Path, printed_pdf, monkeypatch, capsys
) -> None:
    monkeypatch.chdir(tmp_path)
    write_corpus(
        tmp_path / "c",
        {
            "ke-hoach.pdf": printed_pdf,
            "thong-cao.md": "---\ndate: 2023-12-23\nprovince: Quảng Ninh\n---\n"
            "Chỉ tiêu năm 2024: tổng thu ngân sách nhà nước trên địa bàn đạt 56.000 tỷ đồng.\n",
        },
    )
    assert main(["check", "c", "--no-cache", "--lang", "en"]) == 1
    assert capsys.readouterr().out.splitlines() == [
        "c/ke-hoach.pdf:4:65: NU01 [warning] 'State budget revenue' (năm 2024, target) is "
        "stated as 55.600 tỷ đồng and 56.000 tỷ đồng: these figures cannot both be right.",
        "    c/ke-hoach.pdf:4:65  14/12/2023  «55.600 tỷ đồng»",
        "    c/thong-cao.md:5:65  23/12/2023  «56.000 tỷ đồng»",
        "2 documents read, 0 unreadable; 1 finding (1 warning).",
    ]


@pytest.mark.parametrize(
    ("extracted", "expected"),
    [
        ("Qua \u0309ng Ninh", "Quảng Ninh"),  # a hook above split off with a space
        ("Qua\u0309ng Ninh", "Quảng Ninh"),  # decomposed: NFC composes it
        ("Đa\u0306 \u0301k La\u0306\u0301k", "Đắk Lắk"),  # breve then acute, one split off
        ("tô\n\u0309ng thu", "tổng thu"),  # even across an extractor's line break
    ],
)
def test_combining_marks_split_off_by_an_extractor_are_joined(extracted, expected) -> None:
    import unicodedata

    assert unicodedata.normalize("NFC", join_marks(extracted)) == expected
    assert join_marks("Quảng  Ninh") == "Quảng  Ninh"  # spaces before letters stay


# --- PDFs that cannot be read: DC01, never a hang or a crash -----------------------------


def _dc01(tmp_path: Path, capsys, name: str, data: bytes) -> str:
    write_corpus(tmp_path, {name: data})
    status = main(["check", str(tmp_path / name), "--no-cache", "--lang", "en", "--format", "json"])
    findings = json.loads(capsys.readouterr().out)["findings"]
    assert status == 2  # no document could be read
    assert [f["code"] for f in findings] == ["DC01"]
    return findings[0]["message"]


def test_a_scanned_pdf_without_text_is_dc01_saying_so(tmp_path: Path, capsys) -> None:
    assert _dc01(tmp_path, capsys, "ban-quet.pdf", SCANNED_PDF) == (
        "no text in the PDF (pages: 1): a scanned document holds only images; "
        "expected a PDF with a text layer (run OCR on it first)"
    )


def test_a_truncated_pdf_is_dc01(tmp_path: Path, capsys) -> None:
    message = _dc01(tmp_path, capsys, "cut.pdf", TEXT_PDF[: len(TEXT_PDF) // 2])
    assert message == "not a readable .pdf: PdfStreamError: Stream has ended unexpectedly"


def test_a_file_that_is_not_a_pdf_is_dc01(tmp_path: Path, capsys) -> None:
    assert _dc01(tmp_path, capsys, "notes.pdf", "Chỉ tiêu năm 2024".encode()) == (
        "not a readable .pdf: no %PDF- header; expected a PDF file"
    )


def test_a_slow_pdf_hits_the_time_limit() -> None:
    # Three million text objects: pypdf takes far longer than the limit over them.
    slow = one_page(b"BT /F1 1 Tf (x) Tj ET\n" * 3_000_000, flate=True)
    assert len(slow) < 500_000  # small on disk: the size cap does not stop it
    started = time.monotonic()
    read = PdfReader(WorkerLimits(seconds=1)).read(slow, "slow.pdf", Limits())
    assert time.monotonic() - started < 4
    assert read.document is None
    assert [p.message for p in read.problems] == [
        "not read: reading the PDF took more than 1 s; the file may be damaged or "
        "made to hang the reader"
    ]


def test_a_pdf_that_inflates_hits_the_memory_limit() -> None:
    # 100 kB that inflate to 72 MB of content stream.
    bomb = one_page(b"BT ET\n" * 12_000_000, flate=True)
    assert len(bomb) < 200_000
    read = PdfReader(WorkerLimits(seconds=20, memory=150_000_000)).read(bomb, "b.pdf", Limits())
    assert read.document is None
    assert [p.message for p in read.problems] == [
        "not read: reading the PDF needed more than 150,000,000 bytes of memory; the file "
        "may be damaged or made to exhaust memory"
    ]


def test_a_pdf_draft_from_stdin(tmp_path: Path) -> None:
    loaded = read_stdin(io.BytesIO(TEXT_PDF), "pdf", Config())
    assert loaded.path == "<stdin>.pdf"
    assert loaded.document.text.startswith("Chi tieu nam 2024: tong thu 56.000 ty dong.")
    text = read_stdin(io.BytesIO(b""), "pdf", Config())
    assert [p.message for p in text.problems] == [
        "not a readable .pdf: no %PDF- header; expected a PDF file"
    ]
