"""FX01 across reports of one event: a wrong conversion names what another report
of the event says, and one amount converted far apart in two reports is info.

The three reports of 6/2/2017 are in ../shared/corpus/real (outside the repo);
that test is skipped without them.
"""

from __future__ import annotations

from pathlib import Path

from conftest import real_corpus_or_skip, write_corpus
from linter.engine.run import Options, run

REPORTS = ("mz-21474023.txt", "mz-21478990.txt", "mz-21480586.txt")  # Bà Rịa - Vũng Tàu


def test_a_wrong_conversion_names_the_other_reports_conversion() -> None:
    folder = real_corpus_or_skip() / "ba-ria-vung-tau"
    result = run([folder / name for name in REPORTS], Options(select={"FX01"}), root=folder)
    assert [(f.severity.value, f.message) for f in result.findings] == [
        (
            "warning",
            "hơn 706 tỷ đồng = 311 triệu USD nghĩa là 2.270 đồng/USD; năm 2017 tỷ giá chỉ từ "
            "22.400-22.900 (nhầm gấp 10 lần). "
            "Một bài khác về cùng sự kiện ghi 311 triệu USD = 6.842 tỷ đồng.",
        )
    ]


def test_two_ways_in_english(tmp_path: Path) -> None:
    head = "---\ndate: 2017-02-06\nprovince: Bà Rịa - Vũng Tàu\n---\n"
    documents = {
        "a.md": head + "Tỉnh cấp phép 8 dự án, tổng vốn hơn 10.430 tỷ đồng, gồm 3.588 tỷ đồng "
        "và 311 triệu USD (6.842 tỷ đồng).\n",
        "b.md": head + "Tỉnh trao 8 giấy chứng nhận với 311 triệu USD (7.250 tỷ đồng) và "
        "3.588 tỷ đồng, tổng vốn 10.430 tỷ đồng.\n",
    }
    write_corpus(tmp_path, documents)
    result = run([tmp_path], Options(select={"FX01"}, lang="en"), root=tmp_path)
    assert [f.message for f in result.findings] == [
        "Two reports of one event convert 311 triệu USD differently: "
        "6.842 tỷ đồng and 7.250 tỷ đồng."
    ]


def test_an_undated_report_is_not_quoted_beside_a_dated_slip(tmp_path: Path) -> None:
    """The undated report's 6.344 tỷ (20.400 đồng a dollar, a rate of 2012) passes only
    as some year's rate: it tells nothing of 2017, so it is not what "another report
    gives" beside the dated slip."""
    head = "---\nprovince: Bà Rịa - Vũng Tàu\n"
    body = "Tỉnh cấp phép 8 dự án, tổng vốn hơn 10.430 tỷ đồng, gồm 3.588 tỷ đồng và 311 triệu USD"
    documents = {
        "a.md": f"{head}date: 2017-02-06\n---\n{body} (706 tỷ đồng).\n",
        "b.md": f"{head}---\n{body} (6.344 tỷ đồng).\n",
    }
    write_corpus(tmp_path, documents)
    result = run([tmp_path], Options(select={"FX01"}), root=tmp_path)
    assert [(f.severity.value, f.message) for f in result.findings] == [
        (
            "warning",
            "706 tỷ đồng = 311 triệu USD nghĩa là 2.270 đồng/USD; năm 2017 tỷ giá chỉ từ "
            "22.400-22.900 (nhầm gấp 10 lần).",
        )
    ]
