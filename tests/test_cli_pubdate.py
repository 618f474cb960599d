"""A draft's publication date read from its opening, through the real pipeline.

That date decides which document is newer, so a misread one silently turns
findings around: "Sáng 5/1/2024, ..." was read as no date, or as 08/01/2024
when a citation "ngày 8/12/2023" was cut after 150 characters into "8/1".
"""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pytest

from conftest import SHARED, run_corpus
from linter.app.cli import main
from linter.metadata.pubdate import infer_date, read_layout
from linter.models import Provenance
from linter.nlp import fold
from linter.read.loading import load_document

CITES = "Thực hiện Nghị quyết số 176/NQ-HĐND ngày 8/12/2023 của HĐND tỉnh Quảng Ninh về nhiệm vụ năm 2024."
OPENING = (
    "Sáng 5/1/2024, UBND tỉnh Quảng Ninh tổ chức hội nghị triển khai nhiệm vụ năm 2024. " + CITES
)


def _date(tmp_path: Path, text: str, name: str = "d.md") -> dt.date | None:
    result = run_corpus(tmp_path, {name: text})
    return result.documents[0].meta.date


@pytest.mark.parametrize(
    ("opening", "expected"),
    [
        ("Sáng 5/1/2024, UBND tỉnh", dt.date(2024, 1, 5)),
        ("Chiều ngày 5-1-2024, UBND tỉnh", dt.date(2024, 1, 5)),
        ("Tối 29/12/2023, UBND tỉnh", dt.date(2023, 12, 29)),
        ("Sáng 5/1, UBND tỉnh", None),  # no year, and none cited before it could be 5/1
    ],
)
def test_opening_date_with_its_year(tmp_path: Path, opening: str, expected) -> None:
    text = f"{opening} Quảng Ninh tổ chức hội nghị triển khai nhiệm vụ năm 2024.\n"
    assert _date(tmp_path, text) == expected


def test_opening_window_never_cuts_a_date_in_two(tmp_path: Path) -> None:
    # "ngày 8/1" ends exactly at character 150 of the paragraph: the rest, "2/2023",
    # lies beyond the window. It is a cited full date, never an opening "8/1".
    lead = "Hội nghị Ban Chấp hành Đảng bộ tỉnh Quảng Ninh lần thứ mười lăm đã thảo luận, cho ý kiến về các báo cáo quan trọng của tỉnh, "
    lead += "x" * (150 - len("ngày 8/1") - len(lead) - 1) + " "
    text = lead + "ngày 8/12/2023 của HĐND tỉnh về nhiệm vụ năm 2024.\n"
    assert text.index("ngày 8/1") + len("ngày 8/1") == 150
    assert _date(tmp_path, text) is None
    # A yearless opening in the same place is still read, its year from the cited date.
    late = lead + "ngày 14/12, HĐND tỉnh thông qua Nghị quyết số 176/NQ-HĐND ngày 8/12/2023.\n"
    assert _date(tmp_path / "late", late) == dt.date(2023, 12, 14)


def test_a_draft_from_a_file_and_from_stdin_gets_the_same_date(
    tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    published = "---\ndate: 2023-12-20\nprovince: Quảng Ninh\n---\n" + CITES + "\n"
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "a.md").write_text(published, encoding="utf-8")
    (tmp_path / "d.md").write_text(OPENING + "\n", encoding="utf-8")
    dates = []
    for _ in range(2):
        assert main(["check", "--draft", "d.md", "corpus", "--format", "json"]) == 0
        docs = json.loads(capsys.readouterr().out)["documents"]
        dates.append({d["path"]: (d["date"], d["date_source"]) for d in docs}["d.md"])
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(OPENING.encode())))
    assert main(["check", "--draft", "-", "corpus", "--format", "json"]) == 0
    docs = json.loads(capsys.readouterr().out)["documents"]
    dates.append({d["path"]: (d["date"], d["date_source"]) for d in docs}["<stdin>.md"])
    assert dates == [("2024-01-05", "text")] * 3


NEWS2017 = SHARED / "corpus" / "news2017"


@pytest.mark.parametrize(
    "name",
    [
        "da-nang/mz-22321220.txt",  # "Chiều 19.5.2017, Dự án ..."
        "da-nang/mz-22588060.txt",  # "Sáng ngày 22/6/2017, Sở Thông tin ..."
        "ha-tinh/mz-22544339.txt",  # "..., sáng ngày 16/6/2017, Chi nhánh ..."
        "tp-ho-chi-minh/mz-22646399.txt",  # second paragraph: "Sáng 30/6/2017, ..."
    ],
)
def test_real_articles_opening_with_a_full_date(name: str) -> None:
    """The text alone gives the date the corpus records as published (hand-checked
    against the lead of each article); these four had none before."""
    path = NEWS2017 / name
    if not path.is_file():
        pytest.skip(f"news2017 corpus not present at {NEWS2017} (it lives in ../shared)")
    doc = load_document(path, name).document
    assert doc is not None
    published = dt.date.fromisoformat(str(doc.front_matter["published"]))
    assert infer_date(fold(doc.text), read_layout(doc)) == (published, Provenance.TEXT)
