"""Word drafts (.docx): text order, offsets, metadata, unreadable files, and a draft check."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import unicodedata
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

import linter.app.cli
from linter.models import Document
from linter.read.docxtext import NOT_DOCX
from linter.read.loading import LoadResult, collect_paths, load_document, load_text

TARGET = "Chỉ tiêu năm 2024: tổng thu ngân sách nhà nước tỉnh Quảng Ninh đạt 55.600 tỷ đồng."
PUBLISHED = (
    "---\ndate: 2023-12-23\nprovince: Quảng Ninh\n---\n"
    "Chỉ tiêu năm 2024: tổng thu ngân sách nhà nước đạt 56.000 tỷ đồng.\n"
)
NFD_SENTENCE = "Tốc độ tăng trưởng kinh tế đạt 10,2%, vượt kế hoạch đề ra."


def save(word: docx.document.Document, path: Path) -> Path:
    word.save(str(path))
    return path


def loaded(result: LoadResult) -> Document:
    assert result.document is not None, result.problems
    return result.document


def report_docx(path: Path) -> Path:
    """A draft with paragraphs, a table (merged heading, a two-paragraph cell, a nested
    table), a paragraph written in NFD, a header that is not main text, and a title."""
    word = docx.Document()
    word.core_properties.title = "Dự thảo  báo cáo\nkinh tế - xã hội"
    word.core_properties.created = dt.datetime(2020, 1, 2, 3, 4, 5)  # not the publication date
    word.sections[0].header.paragraphs[0].text = "UBND TỈNH QUẢNG NINH - Trang đầu"
    word.add_paragraph("Quảng Ninh, ngày 28/12/2023")
    word.add_paragraph("Năm 2024, tỉnh tập trung thực hiện các chỉ tiêu chủ yếu sau:")
    table = word.add_table(rows=3, cols=3)
    heading = table.cell(0, 0).merge(table.cell(0, 2))
    heading.text = "Bảng chỉ tiêu năm 2024"
    for col, value in enumerate(["Tổng thu ngân sách", "tỷ đồng", "55.600"]):
        table.cell(1, col).text = value
    table.cell(2, 0).text = "GRDP"
    table.cell(2, 1).text = "%"
    table.cell(2, 2).text = "10"
    table.cell(2, 2).add_paragraph("(trên 10%)")
    inner = table.cell(2, 0).add_table(rows=1, cols=2)
    inner.cell(0, 0).text = "Bình quân đầu người"
    inner.cell(0, 1).text = "9.800 USD"
    word.add_paragraph("")
    word.add_paragraph(unicodedata.normalize("NFD", NFD_SENTENCE))
    return save(word, path)


# The paragraphs as extracted: one line each, tables row by row and cell by cell.
REPORT_LINES = [
    "Quảng Ninh, ngày 28/12/2023",
    "Năm 2024, tỉnh tập trung thực hiện các chỉ tiêu chủ yếu sau:",
    "Bảng chỉ tiêu năm 2024",  # the merged heading cell, once
    "Tổng thu ngân sách",
    "tỷ đồng",
    "55.600",
    "GRDP",
    "Bình quân đầu người",  # the table nested in cell (2, 0), after that cell's paragraph
    "9.800 USD",
    "",  # python-docx ends a cell holding a table with an empty paragraph
    "%",
    "10",
    "(trên 10%)",
    "",
    NFD_SENTENCE,
]


def assert_spans_round_trip(doc: Document, width: int = 30) -> None:
    """`doc.span(i, j)` quotes text[i:j] (as written: NFC of the quote when the paragraph
    was NFD) and its line and column locate the quote in `original`."""
    text, original = doc.text, doc.original
    line_starts = [0] + [m.end() for m in re.finditer("\n", original)]
    exact = unicodedata.is_normalized("NFC", original)
    checked = 0
    for i in range(0, len(text), max(1, len(text) // 150)):
        for j in [*range(i + 1, min(len(text), i + width) + 1), len(text)]:
            span = doc.span(i, j)
            if exact:
                assert span.quote == text[i:j], (i, j, span)
            else:
                assert unicodedata.normalize("NFC", span.quote) == text[i:j], (i, j, span)
            start = line_starts[span.line - 1] + span.column - 1
            end = line_starts[span.end_line - 1] + span.end_column - 1
            assert original[start:end] == span.quote, (i, j, span)
            checked += 1
    assert checked > 500


def test_paragraphs_and_tables_in_document_order(tmp_path: Path) -> None:
    result = load_document(report_docx(tmp_path / "bao-cao.docx"))
    doc = loaded(result)
    assert result.problems == ()
    assert doc.text.split("\n") == REPORT_LINES
    assert "UBND TỈNH QUẢNG NINH" not in doc.text  # the page header is not main text
    # The original keeps the letters as Word stored them; only the text is NFC.
    assert doc.original.split("\n")[-1] == unicodedata.normalize("NFD", NFD_SENTENCE)
    assert doc.text == unicodedata.normalize("NFC", doc.original)


def test_title_is_read_and_file_dates_are_not_publication_dates(tmp_path: Path) -> None:
    doc = loaded(load_document(report_docx(tmp_path / "bao-cao.docx")))
    assert doc.meta.title == "Dự thảo báo cáo kinh tế - xã hội"
    assert doc.meta.date is None  # `created` is when the file was written


def test_a_docx_without_core_properties_has_no_title(tmp_path: Path) -> None:
    path = save(_one_paragraph(TARGET), tmp_path / "a.docx")
    stripped = tmp_path / "no-core.docx"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(stripped, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "docProps/core.xml":
                continue
            if item.filename == "_rels/.rels":
                data = re.sub(rb"<Relationship [^>]*core-properties[^>]*/>", b"", data)
            target.writestr(item, data)
    doc = loaded(load_document(stripped))
    assert doc.text == TARGET
    assert doc.meta.title is None  # not python-docx's made-up "Word Document"


def test_span_invariant_over_many_substrings(tmp_path: Path) -> None:
    doc = loaded(load_document(report_docx(tmp_path / "bao-cao.docx")))
    assert_spans_round_trip(doc)
    nfc = _one_paragraph("Dòng một.", TARGET, "Dòng ba có tiếng Việt: ưu tiên, đường, Ỷ.")
    assert_spans_round_trip(loaded(load_document(save(nfc, tmp_path / "nfc.docx"))))


def test_line_is_the_paragraph_and_column_the_character(tmp_path: Path) -> None:
    doc = loaded(load_document(report_docx(tmp_path / "bao-cao.docx")))
    start = doc.text.index("55.600")
    span = doc.span(start, start + len("55.600"))
    assert (span.line, span.column, span.end_line, span.end_column) == (6, 1, 6, 7)
    assert span.quote == "55.600"
    # After the NFD paragraph's combining marks, columns still count the original's characters.
    start = doc.text.index("10,2%")
    span = doc.span(start, start + len("10,2%"))
    assert span.line == len(REPORT_LINES)
    nfd_line = unicodedata.normalize("NFD", NFD_SENTENCE)
    assert span.column == nfd_line.index("10,2%") + 1
    assert span.quote == "10,2%"


def test_runs_fields_tracked_changes_breaks_and_text_boxes(tmp_path: Path) -> None:
    word = docx.Document()
    paragraph = word.add_paragraph()
    paragraph._p.append(
        parse_xml(
            f"<w:r {nsdecls('w')}><w:t xml:space='preserve'>Tổng thu đạt </w:t>"
            "<w:tab/><w:t>5</w:t><w:br/><w:t>dòng mới</w:t><w:br w:type='page'/></w:r>"
        )
    )
    for fragment in (
        "<w:ins w:id='1' w:author='A' {ns}><w:r><w:t>55.600</w:t></w:r></w:ins>",
        "<w:del w:id='2' w:author='A' {ns}><w:r><w:delText>56.000</w:delText></w:r></w:del>",
        "<w:fldSimple w:instr='PAGE' {ns}><w:r><w:t>\u00a0tỷ đồng</w:t></w:r></w:fldSimple>",
        "<w:r {ns}><w:pict><v:shape xmlns:v='urn:schemas-microsoft-com:vml'><w:txbxContent>"
        "<w:p><w:r><w:t>HỘP CHỮ</w:t></w:r></w:p></w:txbxContent></v:shape></w:pict></w:r>",
    ):
        paragraph._p.append(parse_xml(fragment.format(ns=nsdecls("w"))))
    paragraph.paragraph_format.tab_stops.add_tab_stop(docx.shared.Inches(1))  # w:tabs/w:tab
    doc = loaded(load_document(save(word, tmp_path / "runs.docx")))
    # Tracked insertion and field result kept, deletion and text box dropped; the
    # manual line break starts a line, the page break is layout; no-break space read as one.
    assert doc.text == "Tổng thu đạt \t5\ndòng mới55.600 tỷ đồng"


def test_load_text_reads_docx_bytes_like_a_file(tmp_path: Path) -> None:
    path = report_docx(tmp_path / "bao-cao.docx")
    from_file = loaded(load_document(path, "bao-cao.docx"))
    from_memory = loaded(load_text(path.read_bytes(), "bao-cao.docx", ".DOCX"))
    assert from_memory == from_file
    text = load_text("Chỉ tiêu năm 2024", "x.docx", ".docx")
    assert text.document is None
    assert text.problems[0].message.startswith(f"{NOT_DOCX}: found text")


def _zip(files: dict[str, str | bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def _without_document_xml(tmp_path: Path) -> bytes:
    data = save(_one_paragraph(TARGET), tmp_path / "whole.docx").read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        return _zip({n: source.read(n) for n in source.namelist() if n != "word/document.xml"})


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        ("empty", "the file is empty"),
        ("text", "not a zip archive"),
        ("encrypted", "encrypted (password-protected) Word file"),
        ("truncated", "not a zip archive or a damaged one"),
        ("no document.xml", "a part is missing from the archive: There is no item named 'word/"),
        ("plain zip", "a part is missing from the archive"),
        ("xlsx", "the archive holds no Word document"),
    ],
)
def test_unreadable_docx_is_a_problem_not_an_exception(
    tmp_path: Path, kind: str, expected: str
) -> None:
    whole = save(_one_paragraph(TARGET), tmp_path / "whole.docx").read_bytes()
    data = {
        "empty": b"",
        "text": "Chỉ tiêu năm 2024 đạt 55.600 tỷ đồng.".encode(),
        # What Word writes for a password-protected document: an OLE compound file.
        "encrypted": bytes.fromhex("D0CF11E0A1B11AE1") + bytes(1024),
        "truncated": whole[: len(whole) // 2],
        "no document.xml": _without_document_xml(tmp_path),
        "plain zip": _zip({"readme.txt": "hello"}),
        "xlsx": _zip(
            {
                "[Content_Types].xml": '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                '<Default Extension="xml" ContentType="application/xml"/></Types>',
                "_rels/.rels": '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
                "</Relationships>",
                "xl/workbook.xml": "<workbook/>",
            }
        ),
    }[kind]
    path = tmp_path / "ban-thao.docx"
    path.write_bytes(data)
    result = load_document(path)
    assert result.document is None
    (problem,) = result.problems
    assert problem.message.startswith(f"{NOT_DOCX}: "), problem.message
    assert expected in problem.message, problem.message
    assert "BytesIO" not in problem.message


def test_empty_docx_reads_with_a_problem(tmp_path: Path) -> None:
    result = load_document(save(docx.Document(), tmp_path / "trong.docx"))
    assert loaded(result).text == ""
    assert [p.message for p in result.problems] == ["no body text: expected Vietnamese text"]


def test_folders_yield_docx_but_not_word_lock_files(tmp_path: Path) -> None:
    save(_one_paragraph(TARGET), tmp_path / "ban-thao.docx")
    (tmp_path / "~$ban-thao.docx").write_bytes(b"\x0bNguyen Van A" + bytes(150))
    assert collect_paths([tmp_path]) == [tmp_path / "ban-thao.docx"]


def _one_paragraph(*paragraphs: str) -> docx.document.Document:
    word = docx.Document()
    for text in paragraphs:
        word.add_paragraph(text)
    return word


def _check_json(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, dict]:
    status = linter.app.cli.main([*argv, "--format", "json", "--no-cache", "--jobs", "1"])
    return status, json.loads(capsys.readouterr().out)


def test_check_a_word_draft_against_the_corpus(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "bai-dang.md").write_text(PUBLISHED, encoding="utf-8")
    # A .docx has no front matter: the place and date line and the text name the province.
    draft = save(_one_paragraph("Quảng Ninh, ngày 28/12/2023", TARGET), tmp_path / "ban-thao.docx")

    status, report = _check_json(["check", "--draft", draft.name, "corpus"], capsys)

    assert status == 1
    (finding,) = [f for f in report["findings"] if f["code"] == "NU01"]
    assert finding["province"] == "Quảng Ninh"
    evidence = {e["quote"]: e for e in finding["evidence"]}
    in_draft = evidence["55.600 tỷ đồng"]
    assert in_draft["path"] == "ban-thao.docx"
    assert (in_draft["line"], in_draft["column"]) == (2, TARGET.index("55.600") + 1)
    assert evidence["56.000 tỷ đồng"]["path"] == "corpus/bai-dang.md"
    (documents,) = [d for d in report["documents"] if d["path"] == "ban-thao.docx"]
    assert documents["province"] == "Quảng Ninh"


def test_a_corrupt_docx_in_the_corpus_is_dc01(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "bai-dang.md").write_text(PUBLISHED, encoding="utf-8")
    (tmp_path / "hong.docx").write_bytes(b"PK\x03\x04 not really a zip")

    status, report = _check_json(["check", "."], capsys)

    assert status == 1
    (finding,) = [f for f in report["findings"] if f["code"] == "DC01"]
    assert finding["evidence"][0]["path"].endswith("hong.docx")
    assert finding["message"].startswith("không đọc được tệp .docx: ")  # the default language
