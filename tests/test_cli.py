"""The command line as a user runs it: exit statuses, formats, bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO, write_corpus
from linter.app.cli import main

GOOD = """---
date: 2023-12-23
province: Quảng Ninh
---
Chỉ tiêu năm 2024: tổng thu ngân sách nhà nước đạt 56.000 tỷ đồng.
"""
RIVAL = GOOD.replace("56.000", "55.600").replace("2023-12-23", "2023-12-14")


def test_check_seeds_exits_1_and_prints_findings(
    capsys: pytest.CaptureFixture[str], monkeypatch
) -> None:
    monkeypatch.chdir(REPO)
    assert main(["check", "seeds/"]) == 1
    out = capsys.readouterr().out
    assert "seeds/001_82f02cea0d5a5bc1.txt:2:553: NU01 [warning]" in out
    assert "    seeds/000_46a754388d49c070.txt:2:377  23/12/2023  «56.000 tỷ đồng»" in out
    assert out.rstrip().endswith("3 phát hiện (3 cảnh báo).")


def test_fail_on_controls_exit_status(monkeypatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(REPO)
    assert main(["check", "seeds/", "--fail-on", "error"]) == 0
    assert main(["check", "seeds/", "--fail-on", "never"]) == 0
    assert main(["check", "seeds/", "--fail-on", "info"]) == 1
    capsys.readouterr()


def test_json_findings_and_documents(monkeypatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(REPO)
    assert main(["check", "seeds/", "--format", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert [f["code"] for f in data["findings"]] == ["NU01", "VB01", "TG01"]
    evidence = data["findings"][0]["evidence"][1]
    assert evidence == {
        "path": "seeds/000_46a754388d49c070.txt",
        "line": 2,
        "column": 377,
        "end_line": 2,
        "end_column": 391,
        "quote": "56.000 tỷ đồng",
        "document_date": "2023-12-23",
        "document_title": None,
        "note": "56.000 tỷ đồng (mục tiêu, năm 2024)",
    }
    doc = next(d for d in data["documents"] if d["path"].startswith("seeds/004"))
    assert (doc["district"], doc["district_source"]) == ("Thị xã Quảng Yên", "gazetteer")


def test_claims_json_has_the_public_fields(monkeypatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(REPO)
    assert main(["claims", "seeds/001_82f02cea0d5a5bc1.txt", "--format", "json"]) == 0
    claims = json.loads(capsys.readouterr().out)["claims"]
    revenue = next(c for c in claims if c["quote"] == "55.600 tỷ đồng")
    assert {
        k: revenue[k]
        for k in (
            "kind",
            "line",
            "column",
            "value",
            "unit",
            "op",
            "low",
            "high",
            "indicator",
            "year",
            "status",
            "scope",
        )
    } == {
        "kind": "quantity",
        "line": 2,
        "column": 553,
        "value": 55_600e9,
        "unit": "VND",
        "op": "eq",
        "low": 55_600e9,
        "high": 55_600e9,
        "indicator": "state_budget_revenue",
        "year": 2024,
        "status": "target",
        "scope": "province",
    }
    ref = next(c for c in claims if c["kind"] == "legal_ref" and c["number"] == "13")
    assert (ref["doc_type"], ref["year"], ref["date"], ref["issuer"]) == (
        "Nghị quyết",
        2023,
        "2023-03-30",
        "HĐND tỉnh",
    )
    short = next(c for c in claims if c["quote"] == "Nghị quyết 20 của Tỉnh ủy")
    assert (short["symbol"], short["date"], short["resolved"]) == ("NQ/TU", "2023-11-27", True)
    deadline = next(c for c in claims if c["kind"] == "date" and c["quote"] == "20/12/2023")
    assert (deadline["date"], deadline["deadline"]) == ("2023-12-20", True)
    assert {c["kind"] for c in claims} >= {
        "quantity",
        "legal_ref",
        "date",
        "target_count",
        "plan_ref",
        "period",
    }
    period = next(c for c in claims if c["kind"] == "period" and c["quote"] == "năm 2024")
    assert (period["grain"], period["start"], period["end"]) == ("year", "2024-01-01", "2024-12-31")


def test_checks_lists_code_name_summary(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["checks"]) == 0
    out = capsys.readouterr().out
    for code in ("NU01", "VB01", "VB02", "TG01", "CT01"):
        assert f"\n{code}  " in "\n" + out
    assert "figure.conflict" in out


def test_html_report_written(
    tmp_path: Path, monkeypatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(REPO)
    target = tmp_path / "out" / "report.html"
    assert main(["check", "seeds/", "--html", str(target)]) == 1
    html = target.read_text(encoding="utf-8")
    assert "<mark>55.600 tỷ đồng</mark>" in html and "<mark>56.000 tỷ đồng</mark>" in html
    assert "http://" not in html and "https://" not in html
    capsys.readouterr()


@pytest.mark.parametrize(
    "argv",
    [["check"], ["check", "seeds/", "--format", "xml"], ["frobnicate"], ["check", "no/such/dir"]],
)
def test_usage_errors_exit_2(
    argv: list[str], monkeypatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(REPO)
    assert main(argv) == 2
    assert "doichieu: error:" in capsys.readouterr().err


def test_nothing_readable_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_corpus(
        tmp_path, {"a.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\x00IHDR\x00\x00", "b.txt": b""}
    )
    assert main(["check", str(tmp_path)]) == 2
    captured = capsys.readouterr()
    assert (
        "DC01" in captured.out and captured.err == "doichieu: error: không đọc được văn bản nào\n"
    )
    assert main(["check", str(tmp_path), "--lang", "en"]) == 2
    assert capsys.readouterr().err == "doichieu: error: no document could be read\n"


def test_bad_files_become_findings_and_the_rest_is_checked(tmp_path: Path, capsys) -> None:
    write_corpus(
        tmp_path,
        {
            "a.md": GOOD,
            "b.md": RIVAL,
            "binary.txt": b"\x00\x01\x02\x03" * 300,
            "empty.md": "",
            "broken.md": "---\ndate: [unclosed\n---\n" + GOOD.split("---\n")[2],
            "notes.odt": b"PK\x03\x04",
        },
    )
    assert main(["check", str(tmp_path), "--format", "json", "--fail-on", "never"]) == 0
    data = json.loads(capsys.readouterr().out)
    codes = {(f["code"], Path(f["evidence"][0]["path"]).name) for f in data["findings"]}
    assert {
        ("DC01", "binary.txt"),
        ("DC01", "empty.md"),
        ("DC02", "broken.md"),
        ("NU01", "b.md"),
    } <= codes
    assert (
        "DC01",
        "notes.odt",
    ) not in codes  # not a supported format, so not picked up from a folder
    assert sorted(Path(p).name for p in data["unreadable"]) == ["binary.txt", "empty.md"]


def test_unsupported_file_named_explicitly_is_reported(tmp_path: Path, capsys) -> None:
    write_corpus(tmp_path, {"a.md": GOOD, "notes.odt": b"PK\x03\x04"})
    assert (
        main(["check", str(tmp_path / "a.md"), str(tmp_path / "notes.odt"), "--format", "json"])
        == 1
    )
    data = json.loads(capsys.readouterr().out)
    assert [(f["code"], Path(f["evidence"][0]["path"]).name) for f in data["findings"]] == [
        ("DC01", "notes.odt")
    ]


def test_document_without_province_is_checked_alone(tmp_path: Path, capsys) -> None:
    no_place = GOOD.replace("province: Quảng Ninh\n", "")
    write_corpus(tmp_path, {"a.md": no_place, "b.md": RIVAL.replace("province: Quảng Ninh\n", "")})
    assert main(["check", str(tmp_path), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert sorted(f["code"] for f in data["findings"]) == ["DC03", "DC03"]


def test_output_does_not_depend_on_argument_order(tmp_path: Path, capsys) -> None:
    write_corpus(
        tmp_path, {"a.md": GOOD, "b.md": RIVAL, "c.md": GOOD.replace("2023-12-23", "2023-12-30")}
    )
    files = sorted(str(p) for p in tmp_path.iterdir())
    main(["check", *files, "--format", "json"])
    first = capsys.readouterr().out
    main(["check", *reversed(files), "--format", "json"])
    assert capsys.readouterr().out == first


def test_python_dash_m_linter() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "linter", "checks"],
        capture_output=True,
        text=True,
        cwd=REPO,
        check=False,
        timeout=60,
    )
    assert proc.returncode == 0 and "NU01" in proc.stdout


def test_what_cannot_be_checked_is_said_in_the_run_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A draft that is a folder (the published ones named first?) is said to be one,
    and a path that is not there is said so, in Vietnamese or English."""
    monkeypatch.chdir(tmp_path)
    write_corpus(tmp_path / "corpus", {"a.md": GOOD})
    expected = {
        ("check", "--draft", "corpus", "corpus"): (
            "bản thảo corpus là một thư mục: cần một tệp văn bản (ghi tên bản thảo, rồi thư mục "
            "để đối chiếu)",
            "draft corpus is a folder: expected a document file (name the draft, then the folder "
            "to compare it with)",
        ),
        ("check", "--draft", "ban-thao.md", "corpus"): (
            "không tìm thấy bản thảo ban-thao.md: cần một tệp văn bản",
            "draft ban-thao.md not found: expected a document file",
        ),
        ("check", "corpus", "khong-co"): (
            "khong-co: không có tệp hay thư mục này: cần một văn bản hoặc một thư mục",
            "khong-co: no such file or folder: expected a document or a folder",
        ),
        ("check", "--draft", "corpus/a.md"): (
            "--draft cần các văn bản đã công bố để đối chiếu: ghi chúng sau bản thảo (doichieu "
            "check --draft TỆP THƯ_MỤC) hoặc đặt `corpus` trong cấu hình",
            "--draft needs published documents to compare with: list them after the draft "
            "(doichieu check --draft FILE FOLDER) or set `corpus` in the configuration",
        ),
        ("check",): (
            "không có đường dẫn nào và cấu hình không có `corpus`",
            "no paths given and no `corpus` in the configuration",
        ),
        ("check", "corpus", "--jobs", "0"): (
            "--jobs cần số tiến trình từ 1 trở lên, nhưng ghi 0",
            "--jobs expects a number of processes of at least 1, found 0",
        ),
        ("check", "corpus", "--select", ","): (
            "--select cần các mã hoặc tiền tố mã kiểm tra, như NU01,VB",
            "--select expects check codes or prefixes, such as NU01,VB",
        ),
        ("check", "corpus", "--statistics", "--format", "json"): (
            "--statistics là một báo cáo dạng văn bản; không thể dùng với --format json",
            "--statistics is a text report; it cannot be --format json",
        ),
    }
    for args, (vi, en) in expected.items():
        assert (main([*args, "--no-cache"]), *capsys.readouterr()) == (
            2, "", f"doichieu: error: {vi}\n"
        )  # fmt: skip
        assert (main([*args, "--no-cache", "--lang", "en"]), *capsys.readouterr()) == (
            2, "", f"doichieu: error: {en}\n"
        )  # fmt: skip
    assert main(["claims", "khong-co"]) == 2
    assert capsys.readouterr().err == (
        "doichieu: error: khong-co: không có tệp hay thư mục này: cần một văn bản hoặc một thư mục\n"
    )


def test_a_word_draft_piped_without_its_format_is_told_the_option(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Piped in, a draft is read as Markdown unless --draft-format says otherwise; a
    .docx read so was "binary", which tells an editor nothing they can do."""
    import io

    import docx

    monkeypatch.chdir(tmp_path)
    write_corpus(tmp_path / "corpus", {"a.md": GOOD})
    word = docx.Document()
    word.add_paragraph("UBND tỉnh Quảng Ninh họp ngày 14/12/2023.")
    word.add_paragraph(RIVAL.split("---\n")[-1])
    buffer = io.BytesIO()
    word.save(buffer)

    def piped(*args: str) -> tuple[int, str]:
        monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(buffer.getvalue())))
        return main(
            ["check", "--draft", "-", "corpus", "--no-cache", *args]
        ), capsys.readouterr().out

    status, out = piped()
    assert (status, out.splitlines()[0]) == (
        1,
        "<stdin>.md:1:1: DC01 [error] dữ liệu vào có vẻ là tệp Word (.docx), nhưng được đọc "
        "như .md: hãy thêm --draft-format docx",
    )
    status, out = piped("--draft-format", "txt", "--lang", "en")
    assert out.splitlines()[0] == (
        "<stdin>.txt:1:1: DC01 [error] the input looks like a Word (.docx) file, read as .txt: "
        "give --draft-format docx"
    )
    status, out = piped("--draft-format", "docx")
    assert out.startswith("<stdin>.docx:2:52: NU01 [warning] ") and "DC01" not in out, out


def test_a_folder_of_formats_not_read_says_what_it_held(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its .doc and .odt files are still left out of the listing (a folder holds other
    files too), but a run that read nothing says what was there, not only "nothing"."""
    monkeypatch.chdir(tmp_path)
    files = {"a.doc": b"\xd0\xcf\x11\xe0", "b.DOC": b"", "c.odt": b"PK\x03\x04"}
    # What the listing hides is not counted either: hidden files and folders, Word's
    # lock files, Python's __pycache__.
    hidden = {".an.doc": b"", "~$e.odt": b"", "__pycache__/m.pyc": b"", ".git/x.pack": b""}
    write_corpus(tmp_path / "vb", {**files, "cu/d.doc": b"", **hidden})
    expected = ".docx, .html, .htm, .md, .markdown, .pdf, .txt"
    assert main(["check", "vb", "--no-cache"]) == 2
    assert capsys.readouterr().err == (
        f"doichieu: notice: 4 tệp trong thư mục có định dạng doichieu không đọc (3 .doc, 1 .odt); "
        f"cần một trong {expected}\ndoichieu: error: không đọc được văn bản nào\n"
    )
    assert main(["check", "vb", "--no-cache", "--lang", "en"]) == 2
    assert capsys.readouterr().err.startswith(
        "doichieu: notice: 4 files in the folders are of formats doichieu does not read "
        f"(3 .doc, 1 .odt); expected one of {expected}\n"
    )
    alone = tmp_path / "one"
    write_corpus(alone, {"a.doc": b"\xd0\xcf\x11\xe0"})  # one file: no "1 files"
    assert main(["check", "one", "--no-cache", "--lang", "en"]) == 2
    assert capsys.readouterr().err == (
        "doichieu: notice: 1 file in the folders is of a format doichieu does not read "
        f"(1 .doc); expected one of {expected}\ndoichieu: error: no document could be read\n"
    )
    assert main(["check", "one", "--no-cache"]) == 2
    assert capsys.readouterr().err.startswith(
        "doichieu: notice: 1 tệp trong thư mục có định dạng doichieu không đọc (1 .doc); "
    )
    write_corpus(tmp_path / "vb", {"f.md": GOOD})  # one read: no notice, as before
    assert main(["check", "vb", "--no-cache"]) == 0
    assert capsys.readouterr().err == ""


def test_the_formats_notice_counts_what_the_run_would_take_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file two named folders reach is one file, as the listing of what is read has it;
    and a file the configuration excludes is no file of the run, whatever its format."""
    monkeypatch.chdir(tmp_path)
    write_corpus(tmp_path / "c", {"a.doc": b"", "old/b.doc": b"", "sub/d.odt": b""})
    (tmp_path / "doichieu.toml").write_text('exclude = ["c/old/**"]\n', encoding="utf-8")
    expected = ".docx, .html, .htm, .md, .markdown, .pdf, .txt"
    assert main(["check", "c", "c/sub", "--no-cache", "--lang", "en"]) == 2
    assert capsys.readouterr().err == (
        "doichieu: notice: 2 files in the folders are of formats doichieu does not read "
        f"(1 .doc, 1 .odt); expected one of {expected}\ndoichieu: error: no document could be read\n"
    )
    # The run keeps a file's first name and filters that one: reached again through a
    # symlinked folder named after it, an excluded file is still no file of the run.
    (tmp_path / "link").symlink_to(tmp_path / "c" / "old", target_is_directory=True)
    assert main(["check", "c", "c/sub", "link", "--no-cache", "--lang", "en"]) == 2
    assert capsys.readouterr().err.startswith(
        "doichieu: notice: 2 files in the folders are of formats doichieu does not read "
        "(1 .doc, 1 .odt); "
    )
    (tmp_path / "doichieu.toml").unlink()
    assert main(["check", "c", "c/sub", "--no-cache", "--lang", "en"]) == 2
    assert capsys.readouterr().err.startswith(
        "doichieu: notice: 3 files in the folders are of formats doichieu does not read "
        "(2 .doc, 1 .odt); "
    )
