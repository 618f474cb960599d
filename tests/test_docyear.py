"""The year of a document that states no date, read from its own wording.

Most news articles carry no date: without a year, CL01 cannot check a weekday,
FX01 cannot pick an exchange rate, and a yearless opening ("Chiều ngày 31/5")
was dated from whatever full date the text cited, however old ("Vào ngày
9/1/1984" dated a 2017 report 17/6/1984). The sentences below are from
news2017 articles of the tuning half.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from conftest import SHARED, load_script, run_corpus
from linter.models import Provenance

NEWS = SHARED / "corpus" / "news2017"


def _meta(tmp_path: Path, text: str, front: str = ""):
    result = run_corpus(tmp_path, {"d.md": f"{front}{text}\n"})
    return result.documents[0].meta


@pytest.mark.parametrize(
    ("text", "year"),
    [
        # months to date, the present period of a report
        ("Tại buổi họp báo thông tin về tình hình kinh tế xã hội tháng 5 và 5 tháng đầu năm 2017, lãnh đạo tỉnh Quảng Nam cho biết.", 2017),
        # a comparison with the same period a year earlier: the text is of the next year
        ("Doanh thu thuần trong quý I giảm đến 58% so với cùng kỳ năm 2016, chỉ đạt mức 824 tỷ đồng.", 2017),
        ("Từ đầu năm 2017 đến nay, toàn tỉnh đã trồng mới 1.200 ha rừng.", 2017),
        ("Năm nay (2017), lễ hội được tổ chức sớm hơn mọi năm.", 2017),
        # the base of a comparison, not the present
        ("Tăng 12% so với 6 tháng đầu năm 2016.", None),
        # years to come, spans and years merely named say nothing of the present
        ("Tỉnh phấn đấu đến năm 2020 có 50% số xã đạt chuẩn nông thôn mới.", None),
        ("Kế hoạch sử dụng đất 5 năm (2011-2015) đã được phê duyệt.", None),
        ("Thời điểm năm 2014, trong số 6 lô biệt thự, chỉ có 5 lô có người tham gia đấu giá.", None),
        ("Tại Quyết định số 718/2004/QĐ-UBND của UBND tỉnh Lào Cai.", None),
        ("Chỉ có 7 tháng đầu năm 2008 và 7 tháng đầu năm 2017 khối ngoại mua ròng; từ đầu năm 2017 đến nay khối ngoại mua ròng 10.000 tỷ đồng.", 2017),
    ],
)  # fmt: skip
def test_year_of_an_undated_text(tmp_path: Path, text: str, year: int | None) -> None:
    meta = _meta(tmp_path, text)
    assert meta.date is None
    assert (meta.year, meta.year_source) == (
        (year, Provenance.TEXT) if year else (None, Provenance.NONE)
    )


def test_a_stated_date_is_never_overridden(tmp_path: Path) -> None:
    meta = _meta(
        tmp_path, "Năm nay (2017), lễ hội được tổ chức sớm.", "---\ndate: 2016-12-30\n---\n"
    )
    assert (meta.date, meta.year, meta.year_source) == (
        dt.date(2016, 12, 30),
        2016,
        Provenance.FRONT_MATTER,
    )


def test_a_yearless_opening_takes_the_present_year_not_a_cited_one(tmp_path: Path) -> None:
    text = (
        "Cuộc họp báo của tỉnh Quảng Nam chiều ngày 31/5 nóng lên về vụ việc làm giả Quyết định. "
        "Tại buổi họp báo thông tin về tình hình kinh tế xã hội tháng 5 và 5 tháng đầu năm 2017, "
        "lãnh đạo tỉnh cho biết quyết định số 1193/QĐ-UBND ngày 6/4/2015 là giả."
    )
    meta = _meta(tmp_path, text)
    assert (meta.date, meta.date_source) == (dt.date(2017, 5, 31), Provenance.TEXT)


def test_history_does_not_date_a_report(tmp_path: Path) -> None:
    # 17/6 is five months after 9/1/1984: that date is history, not the year of the opening.
    text = (
        "Trong chuyến thăm chính thức Việt Nam, ngày 17/6, Chủ tịch Quốc hội Cu Ba thăm tỉnh Bến Tre. "
        "Vào ngày 9/1/1984, UBND tỉnh Bến Tre quyết định đặt tên trường mẫu giáo Moncada."
    )
    meta = _meta(tmp_path, text)
    assert (meta.date, meta.year) == (None, None)


def test_the_inferred_year_lets_calendar_checks_speak(tmp_path: Path) -> None:
    # 16/6/2017 was a Friday: without the year read from "6 tháng đầu năm 2017" CL01 was silent.
    text = (
        "Sáng thứ Năm (16/6), UBND tỉnh họp phiên thường kỳ đánh giá kết quả 6 tháng đầu năm 2017."
    )
    result = run_corpus(tmp_path, {"d.md": text + "\n"}, select=["CL01"])
    found = [(f.code, f.evidence[0].quote) for f in result.findings if f.code == "CL01"]
    assert found == [("CL01", "thứ Năm (16/6")]


@pytest.mark.skipif(not NEWS.is_dir(), reason="../shared/corpus/news2017 is not here")
def test_a_real_undated_report(tmp_path: Path) -> None:
    from linter.metadata.infer import infer_metadata
    from linter.read.loading import load_document

    doc = load_document(NEWS / "quang-nam" / "mz-22424196.txt").document
    meta = infer_metadata(doc)
    assert (meta.date, meta.date_source, meta.year) == (dt.date(2017, 5, 31), Provenance.TEXT, 2017)


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Ngày 28/6/2017, Công ty Cổ phần Nông dược HAI đã tổ chức thành công Đại hội đồng Cổ đông thường niên năm 2017.", dt.date(2017, 6, 28)),
        ("Ngày 6/2/2017 tại Hà Nội, Ban Chỉ đạo Tây Nguyên tổ chức họp báo về Hội nghị Xúc tiến đầu tư.", dt.date(2017, 2, 6)),
        # a cited date, even at the start of a paragraph
        ("Ngày 8/12/2023 của HĐND tỉnh là ngày thông qua Nghị quyết số 176/NQ-HĐND.", None),
        ("Theo báo cáo, từ ngày 1-1-2017 đến ngày 14-6-2017, UBND TP đã giao 979 nhiệm vụ.", None),
    ],
)  # fmt: skip
def test_a_dateline_opening_its_paragraph(tmp_path: Path, text: str, date: dt.date | None) -> None:
    assert _meta(tmp_path, text).date == date


@pytest.mark.skipif(
    not (SHARED / "corpus" / "real").is_dir(), reason="../shared/corpus/real is not here"
)
def test_years_read_from_the_real_corpus_with_their_dates_hidden() -> None:
    # benchmarks/docyear.py on the 37 real articles, their `published` keys removed: a
    # year read from a phrase (TEXT) was right 8 times of 8 when this was written.
    docyear = load_script("docyear")
    paths = [(p, None) for p in sorted((SHARED / "corpus" / "real").rglob("*.txt"))]
    found = docyear.measure(paths)["real, with a date key"]
    assert found["articles"] == 37
    assert found["text right"] >= 8
    assert found["text wrong"] == 0


def test_the_day_a_report_calls_today_opens_it(tmp_path: Path) -> None:
    text = "Chiều nay (16/5), Giám đốc công an thành phố cho biết kết quả điều tra 5 tháng đầu năm 2017."
    meta = _meta(tmp_path, text)
    assert (meta.date, meta.date_source, meta.year) == (dt.date(2017, 5, 16), Provenance.TEXT, 2017)
