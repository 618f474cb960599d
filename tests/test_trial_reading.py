"""A new user's trial, reading: files that arrive damaged or described loosely are
still checked, and what is wrong with them is reported where it is.

Each test runs the real command line on the seeds that contradict each other
(NU01, VB01, TG01) and asserts its exact report. Damaged bytes and legacy
encodings: tests/test_trial_encodings.py.
"""

from __future__ import annotations

import html
import json
import os
import shutil
import unicodedata
from pathlib import Path

import pytest
from test_faults import read_only, subprocess_cli
from test_loading import assert_spans_round_trip, markdown_markup

from conftest import SEEDS
from linter.app.cli import main
from linter.read.loading import load_document

PAIR = sorted(SEEDS.glob("00[01]_*.txt"))
PUBLISHED, LATER = PAIR  # 000 (23/12/2023) and 001 (14/12/2023)
# The three findings of the pair, as the text report prints them (paths under corpus/).
FINDINGS = """\
corpus/001.txt:2:553: NU01 [warning] «Tổng thu ngân sách nhà nước trên địa bàn» (năm 2024, mục tiêu) được nêu là 55.600 tỷ đồng và 56.000 tỷ đồng: các số liệu này không thể cùng đúng.
    corpus/001.txt:2:553  14/12/2023  «55.600 tỷ đồng»
    corpus/000.txt:2:377  23/12/2023  «56.000 tỷ đồng»
corpus/001.txt:4:451: VB01 [warning] Nghị quyết của HĐND tỉnh ngày 30/03/2023 được trích dẫn với số hiệu khác nhau (số 13 và số 12): kiểm tra lại số hiệu đúng.
    corpus/001.txt:4:451  14/12/2023  «Nghị quyết số 13 ngày 30/3/2023 của HĐND tỉnh»
    corpus/000.txt:2:773  23/12/2023  «Nghị quyết số 12/2023/NQ-HĐND ngày 30/3/2023 của HĐND tỉnh»
corpus/001.txt:8:286: TG01 [warning] Văn bản về kế hoạch năm 2024 (công bố 14/12/2023) lại giao kế hoạch năm 2023: có phải là năm 2024?
    corpus/001.txt:8:286  14/12/2023  «kế hoạch phát triển kinh tế – xã hội năm 2023»
"""


def seed_pair(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The two seeds that contradict each other in `tmp_path`/corpus, the working
    folder `tmp_path` (the `corpus` fixture of the trial's three test files)."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    shutil.copy(PUBLISHED, folder / "000.txt")
    shutil.copy(LATER, folder / "001.txt")
    monkeypatch.chdir(tmp_path)
    return folder


@pytest.fixture
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return seed_pair(tmp_path, monkeypatch)


def check(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    """`doichieu check corpus --no-cache ARGS` in process: its status and report."""
    status = main(["check", "corpus", "--no-cache", *args])
    out, err = capsys.readouterr()
    assert not err, err
    return status, out


# --- a folder that cannot be listed ----------------------------------------------------


@pytest.mark.parametrize("where", ["named", "inside"])
def test_a_folder_that_cannot_be_listed_is_dc01_and_the_rest_is_checked(
    corpus: Path, where: str
) -> None:
    """A folder of announcements the run may not list (its permissions, a mount gone
    stale) was skipped without a word: its documents were never checked, and the run
    passed. It is DC01 by its name, like an unreadable file."""
    folder = corpus / "hidden-from-us" if where == "inside" else corpus.parent / "locked"
    folder.mkdir()
    shutil.copy(LATER, folder / "002.txt")
    preexec = read_only(folder)  # and then not even readable
    folder.chmod(0o000)
    named = ["corpus"] if where == "inside" else ["corpus", "locked"]
    try:
        run = subprocess_cli(["check", *named, "--no-cache"], corpus.parent, preexec)
    finally:
        folder.chmod(0o755)
    shown = "corpus/hidden-from-us" if where == "inside" else "locked"
    out = run.stdout.decode()
    assert run.returncode == 1, run.stderr.decode()
    assert not run.stderr
    assert (
        f"{shown}:1:1: DC01 [error] không liệt kê được thư mục: không có quyền đọc;"
        " các văn bản trong đó không được kiểm tra\n"
    ) in out
    assert out.endswith("Đã đọc 2 văn bản, 1 không đọc được; 4 phát hiện (1 lỗi, 3 cảnh báo).\n")


def test_a_document_that_loads_is_not_asked_whether_it_is_a_folder(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Only a path that fails to load is asked whether it is a folder that cannot be
    listed: asked of every document, it was one more stat per file of an archive."""
    path = corpus / "001.txt"
    load_document(path)  # the readers registered, once per process
    asked: list[str] = []
    real_stat = os.stat

    def stat(name: str | Path, *args: object, **kwargs: object) -> os.stat_result:
        asked.append(os.fspath(name))
        return real_stat(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "stat", stat)
    result = load_document(path)
    assert result.document is not None and result.problems == ()
    assert str(path) not in asked


# --- Markdown emphasis inside a figure -------------------------------------------------


@pytest.mark.parametrize("mark", ["**", "*", "__", "_", "`"])
def test_a_figure_emphasised_apart_from_its_unit_in_markdown_is_read(
    corpus: Path, capsys: pytest.CaptureFixture[str], mark: str
) -> None:
    """An editor bolds the number and not its unit ("**56.000** tỷ đồng"): the marks
    stood between the number and its unit, and the figure was not read (NU01 silent).
    Inline marks that open or close on a word are markup, not text, in a .md file."""
    published = corpus / "000.txt"
    text = published.read_text(encoding="utf-8")
    published.unlink()
    assert text.count("56.000 tỷ đồng") == 1
    (corpus / "000.md").write_text(
        text.replace("56.000 tỷ đồng", f"{mark}56.000{mark} tỷ đồng"), encoding="utf-8"
    )
    status, out = check(capsys, "--format", "json")
    report = json.loads(out)
    assert status == 1
    (nu01,) = [f for f in report["findings"] if f["code"] == "NU01"]
    doc = load_document(corpus / "000.md").document
    assert doc is not None and f"{mark}56.000{mark}" not in doc.text
    assert_spans_round_trip(doc, markup=markdown_markup(doc.original))
    assert [(e["path"], e["line"], e["column"], e["quote"]) for e in nu01["evidence"]] == [
        ("corpus/001.txt", 2, 553, "55.600 tỷ đồng"),
        ("corpus/000.md", 2, 377 + len(mark), f"56.000{mark} tỷ đồng"),
    ]


def test_markdown_comments_and_marks_inside_words_stay_as_they_were(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The other side: a comment is not published text (an editor's note of an old
    figure is compared with nothing), and a mark inside a word or a bullet is kept."""
    note = "<!-- số cũ: tổng thu ngân sách nhà nước năm 2024 đạt 57.000 tỷ đồng -->\n"
    (corpus / "002.md").write_text(
        "---\ndate: 2023-12-20\nprovince: Quảng Ninh\n---\n" + note + "* mã_số 1*2 tỷ đồng\n",
        encoding="utf-8",
    )
    status, out = check(capsys, "--format", "json")
    report = json.loads(out)
    assert status == 1
    assert [f["code"] for f in report["findings"]] == ["NU01", "VB01", "TG01"]
    nu01 = report["findings"][0]
    assert [e["quote"] for e in nu01["evidence"]] == ["55.600 tỷ đồng", "56.000 tỷ đồng"]
    doc = load_document(corpus / "002.md").document
    assert doc is not None and doc.text == "\n* mã_số 1*2 tỷ đồng\n"


# --- invisible characters inside a figure ----------------------------------------------


@pytest.mark.parametrize(
    ("name", "figure"),
    [
        ("zero-width-space", "56.\u200b000"),
        ("soft-hyphen", "56.\u00ad000"),
        ("word-joiner", "56\u2060.000"),
        ("bom-inside", "56.000\ufeff"),
        ("left-to-right-mark", "\u200e56.000"),
    ],
)
@pytest.mark.parametrize("suffix", [".txt", ".md", ".html"])
def test_invisible_characters_inside_a_figure_are_not_text(
    corpus: Path, capsys: pytest.CaptureFixture[str], name: str, figure: str, suffix: str
) -> None:
    """Text copied from a web page or a chat carries invisible format characters: a
    zero-width space or a soft hyphen inside "56.000" made it the figure "000" (or
    none), a wrong number to compare. They are dropped from the text (the file keeps
    them; the quote shows where they were); an HTML page's entity (&#8203;) too."""
    published = corpus / "000.txt"
    text = published.read_text(encoding="utf-8")
    published.unlink()
    entity = "".join(c if c.isalnum() or c == "." else f"&#{ord(c)};" for c in figure)
    if suffix == ".html":
        escaped = html.escape(text).replace("56.000", "{}")
        body = f"<html><body><article><p>{escaped.format(entity)}</p></article></body></html>"
        (corpus / "000.html").write_text(body, encoding="utf-8")
    else:
        (corpus / f"000{suffix}").write_text(text.replace("56.000", figure), encoding="utf-8")
    status, out = check(capsys, "--format", "json")
    report = json.loads(out)
    assert status == 1
    (nu01,) = [f for f in report["findings"] if f["code"] == "NU01"]
    written = entity if suffix == ".html" else figure  # the quote is the file's own
    assert [(e["path"], e["quote"]) for e in nu01["evidence"]] == [
        ("corpus/001.txt", "55.600 tỷ đồng"),
        (
            f"corpus/000{suffix}",
            written.removeprefix("\u200e").removeprefix("&#8206;") + " tỷ đồng",
        ),
    ]


@pytest.mark.parametrize("invisible", ["\u00ad", "\u200b", "\u2060"])
def test_an_invisible_character_among_a_letter_s_marks_leaves_the_letter_whole(
    corpus: Path, capsys: pytest.CaptureFixture[str], invisible: str
) -> None:
    """Decomposed text (a letter as its base and marks, as some editors and PDFs give
    it) with an invisible character among one letter's marks: normalised on each side
    of it, "đồng" was "đô" and a loose grave accent, a word no list knows: the figure
    was read as "56.000 tỷ", its unit lost."""
    published = corpus / "000.txt"
    text = published.read_text(encoding="utf-8")
    written = f"56.000 tỷ đo\u0302{invisible}\u0300ng"
    published.write_text(text.replace("56.000 tỷ đồng", written), encoding="utf-8")
    status, out = check(capsys, "--format", "json")
    report = json.loads(out)
    assert status == 1
    (nu01,) = [f for f in report["findings"] if f["code"] == "NU01"]
    assert [(e["path"], e["quote"]) for e in nu01["evidence"]] == [
        ("corpus/001.txt", "55.600 tỷ đồng"),
        ("corpus/000.txt", written),
    ]
    doc = load_document(published).document
    assert doc is not None and "56.000 tỷ đồng" in doc.text
    assert unicodedata.is_normalized("NFC", doc.text)
    hidden = frozenset(i for i, c in enumerate(doc.original) if c == invisible)
    assert_spans_round_trip(doc, markup=hidden)
