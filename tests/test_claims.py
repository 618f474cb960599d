"""The claim parser on real sentences (seeds and the real corpus's phrasing)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from conftest import run_corpus
from linter.claims import extract_claims
from linter.claims.citations import find_citations, resolve_short_forms
from linter.claims.numbers import parse_amount, parse_spelled
from linter.claims.periods import find_dates, find_periods
from linter.claims.quantities import find_quantities, intervals_overlap
from linter.claims.targets import find_counts, find_plans
from linter.models import Document, DocumentMeta, Quantity, Scope, Status
from linter.nlp import fold

INF = None


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("56.000", 56_000),
        ("1.010", 1_010),
        ("57,2", 57.2),
        ("03", 3),
        ("204.772.000", 204_772_000),
        ("33,448.222", 33_448.222),
        ("1 nghìn 773 tỷ", 1_773e9),
        ("3 nghìn tỷ", 3e12),
        ("566 tỷ 384 triệu", 566_384e6),
        ("1 vạn", 10_000),
        ("2 triệu 500 nghìn", 2_500_000),
        ("hai mươi ba", 23),
        ("mười lăm", 15),
        ("một trăm linh năm", 105),
        ("nửa", 0.5),
    ],
)
def test_numbers(text: str, value: float) -> None:
    parsed = parse_amount(fold(text))
    assert parsed is not None and parsed[0] == pytest.approx(value)


def test_malformed_number_words() -> None:
    assert parse_spelled("mươi mươi xyz") is None


def _q(sentence: str) -> list[tuple[object, ...]]:
    return [
        (sentence[q.start : q.end], q.value, q.unit, q.op.value, q.low, q.high, q.measure)
        for q in find_quantities(fold(sentence))
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "tổng thu ngân sách nhà nước đạt 56.000 tỷ đồng;",
            [("56.000 tỷ đồng", 56e12, "VND", "eq", 56e12, 56e12, "level")],
        ),
        (
            "thu hút vốn FDI ít nhất 3 tỷ USD",
            [("ít nhất 3 tỷ USD", 3e9, "USD", "ge", 3e9, INF, "level")],
        ),
        ("GRDP đạt trên 10%", [("trên 10%", 10, "%", "gt", 10, INF, "level")]),
        (
            "tổng vốn đầu tư toàn xã hội tăng trên 10%",
            [("trên 10%", 10, "%", "gt", 10, INF, "increase")],
        ),
        ("giảm 50% hộ cận nghèo", [("50%", 50, "%", "eq", 50, 50, "decrease")]),
        ("Tăng trưởng kinh tế 8% trở lên", [("8% trở lên", 8, "%", "ge", 8, INF, "level")]),
        ("tỷ lệ giảm nghèo đạt 2 - 2,5%", [("2 - 2,5%", 2, "%", "range", 2, 2.5, "level")]),
        ("tăng trưởng 8,4% đến 8,7%", [("8,4% đến 8,7%", 8.4, "%", "range", 8.4, 8.7, "level")]),
        (
            "Thu ngân sách Nhà nước khoảng 1.000 tỷ đồng",
            [("khoảng 1.000 tỷ đồng", 1e12, "VND", "approx", 0.95e12, 1.05e12, "level")],
        ),
        (
            "đạt 57,2 giường bệnh/1 vạn dân",
            [
                (
                    "57,2 giường bệnh/1 vạn dân",
                    57.2,
                    "giường bệnh/vạn dân",
                    "eq",
                    57.2,
                    57.2,
                    "level",
                )
            ],
        ),
        (
            "số lượt khách du lịch tăng gấp 02 lần so với năm 2022",
            [("02 lần", 2, "lần", "eq", 2, 2, "multiple")],
        ),
        ("toàn tỉnh không còn hộ nghèo", [("không còn hộ nghèo", 0, "hộ", "eq", 0, 0, "level")]),
        ("giữ vững tăng trưởng GRDP 2 con số", [("2 con số", 10, "%", "ge", 10, 100, "level")]),
        (
            "thu ngân sách đạt 347.000 tỉ đồng",
            [("347.000 tỉ đồng", 347e12, "VND", "eq", 347e12, 347e12, "level")],
        ),
        ("đạt 101% kế hoạch", [("101% kế hoạch", 101, "% kế hoạch", "eq", 101, 101, "level")]),
        ("trồng rừng 3.485ha", [("3.485ha", 3485, "ha", "eq", 3485, 3485, "level")]),
        (
            "kim ngạch xuất khẩu vượt 5 tỷ USD",
            [("vượt 5 tỷ USD", 5e9, "USD", "gt", 5e9, INF, "level")],
        ),
        (
            "đón gần 20 triệu lượt khách",
            [("gần 20 triệu lượt khách", 20e6, "lượt khách", "approx", 19e6, 20e6, "level")],
        ),
        ("xấp xỉ 3 tỷ USD", [("xấp xỉ 3 tỷ USD", 3e9, "USD", "approx", 2.85e9, 3.15e9, "level")]),
        ("bội chi không quá 5%", [("không quá 5%", 5, "%", "le", INF, 5, "level")]),
        ("tỷ lệ hộ nghèo chưa đến 1%", [("chưa đến 1%", 1, "%", "lt", INF, 1, "level")]),
        (
            "tăng tối thiểu 0,5 điểm phần trăm",
            [("tối thiểu 0,5 điểm phần trăm", 0.5, "pp", "ge", 0.5, INF, "increase")],
        ),
        ("từ 5 đến 7%", [("từ 5 đến 7%", 5, "%", "range", 5, 7, "level")]),
        ("nợ công không vượt quá 30%", [("không vượt quá 30%", 30, "%", "le", INF, 30, "level")]),
        (
            "giải quyết việc làm cho hai mươi ba người",
            [("hai mươi ba người", 23, "người", "eq", 23, 23, "level")],
        ),
        ("Hôm nay: 1746 Đã truy cập: 5592676", []),
        ("xử lý 30 trường hợp vi phạm", []),
        ("Nghị quyết số 12/2023/NQ-HĐND ngày 30/3/2023", []),
        ("năm thứ 9 liên tiếp (2015-2023), quý III/2023", []),
    ],
)
def test_quantities(sentence: str, expected: list[tuple[object, ...]]) -> None:
    assert _q(sentence) == expected


def test_interval_overlap() -> None:
    assert intervals_overlap((10, None, False, True), (10, None, False, True))  # trên 10% / hơn 10%
    assert not intervals_overlap((56e12, 56e12, True, True), (55.6e12, 55.6e12, True, True))
    assert not intervals_overlap((None, 10, True, False), (10, 10, True, True))  # dưới 10% vs 10%
    assert intervals_overlap((None, 10, True, True), (10, None, True, True))


@pytest.mark.parametrize(
    ("text", "grain", "start", "end", "label"),
    [
        ("năm 2024", "year", "2024-01-01", "2024-12-31", "năm 2024"),
        ("quý I/2024", "quarter", "2024-01-01", "2024-03-31", "quý I/2024"),
        ("quí III/2023", "quarter", "2023-07-01", "2023-09-30", "quý III/2023"),
        ("6 tháng đầu năm 2024", "half", "2024-01-01", "2024-06-30", "6 tháng đầu năm 2024"),
        ("giai đoạn 2021 -2025", "multi_year", "2021-01-01", "2025-12-31", "giai đoạn 2021-2025"),
        ("nhiệm kỳ 2020 - 2025", "term", "2020-01-01", "2025-12-31", "nhiệm kỳ 2020-2025"),
        ("(2015-2023)", "multi_year", "2015-01-01", "2023-12-31", "giai đoạn 2015-2023"),
        ("tháng 12/2023", "month", "2023-12-01", "2023-12-31", "tháng 12/2023"),
        ("tháng 1", "month", "2024-01-01", "2024-01-31", "tháng 1/2024"),
        ("quý III", "quarter", "2024-07-01", "2024-09-30", "quý III/2024"),
        ("9 tháng", "month", "2024-01-01", "2024-09-30", "9 tháng năm 2024"),
        ("4 tháng cuối năm", "month", "2024-09-01", "2024-12-31", "4 tháng cuối năm 2024"),
        (
            "Kế hoạch 5 năm 2021 – 2025",
            "multi_year",
            "2021-01-01",
            "2025-12-31",
            "giai đoạn 2021-2025",
        ),
        ("từ 2015-2023", "multi_year", "2015-01-01", "2023-12-31", "giai đoạn 2015-2023"),
    ],
)
def test_periods(text: str, grain: str, start: str, end: str, label: str) -> None:
    (mention,) = find_periods(fold(text), 2024)
    p = mention.period
    assert (p.grain, p.start.isoformat(), p.end.isoformat(), p.label) == (grain, start, end, label)


@pytest.mark.parametrize(
    "text", ["tăng 12% so với cùng kỳ năm 2022", "tăng 9,3% so cùng kỳ năm 2016"]
)
def test_base_period_is_flagged(text: str) -> None:
    (mention,) = find_periods(fold(text), 2023)
    assert mention.is_base


def test_dates_are_not_periods() -> None:
    assert (
        find_periods(fold("Kỷ yếu 60 năm (30/10/1963-30/10/2023); số 12/2023/NQ-HĐND"), 2023) == []
    )


def test_dates_and_deadlines() -> None:
    text = fold(
        "Ngày 14/12, cấp huyện chậm nhất đến ngày 20/12/2023; 23/26 chỉ tiêu; trước ngày 15/1/2024"
    )
    found = [(d.date, d.deadline) for d in find_dates(text, 2023)]
    assert found == [
        (dt.date(2023, 12, 14), False),
        (dt.date(2023, 12, 20), True),
        (dt.date(2024, 1, 15), True),
    ]


def test_citations_in_both_symbol_styles_and_short_forms() -> None:
    text = (
        "Nghị quyết số 20-NQ/TU ngày 27/11/2023 của BCH Đảng bộ tỉnh, Nghị quyết số 176/NQ-HĐND "
        "ngày 8/12/2023 của HĐND tỉnh; Nghị quyết số 12/2023/NQ-HĐND ngày 30/3/2023; "
        "Nghị quyết 20 của Tỉnh ủy, Kế hoạch 3838 của UBND tỉnh, kế hoạch 5 năm 2021-2025."
    )
    found = resolve_short_forms(find_citations(fold(text), text))
    rows = [(c.doc_type, c.number, c.year, c.symbol, c.date, c.issuer, r) for c, r in found]
    assert rows == [
        ("Nghị quyết", "20", 2023, "NQ/TU", dt.date(2023, 11, 27), "Tỉnh ủy", False),
        ("Nghị quyết", "176", 2023, "NQ-HĐND", dt.date(2023, 12, 8), "HĐND tỉnh", False),
        ("Nghị quyết", "12", 2023, "NQ-HĐND", dt.date(2023, 3, 30), "HĐND tỉnh", False),
        ("Nghị quyết", "20", 2023, "NQ/TU", dt.date(2023, 11, 27), "Tỉnh ủy", True),
        ("Kế hoạch", "3838", None, None, None, "UBND tỉnh", False),
    ]


def test_target_counts_and_plans() -> None:
    text = fold(
        "có 23/26 chỉ tiêu chính đạt và vượt kế hoạch, 03 chỉ tiêu dự kiến không đạt kế hoạch đề ra"
    )
    assert [(c.achieved, c.total, c.count, c.negative) for c in find_counts(text)] == [
        (23, 26, None, False),
        (None, None, 3, True),
    ]
    plans = find_plans(
        fold("phải hoàn thành việc giao kế hoạch phát triển kinh tế – xã hội năm 2023")
    )
    assert [(p.year, p.action) for p in plans] == [(2023, "handout")]
    review = find_plans(
        fold("đánh giá kết quả thực hiện kế hoạch phát triển kinh tế - xã hội năm 2023")
    )
    assert [(p.year, p.action) for p in review] == [(2023, "mention")]


def _claims(text: str, date: dt.date) -> list[Quantity]:
    doc = Document(
        path="x.txt", original=text, text=text, meta=DocumentMeta(date=date, plan_year=2024)
    )
    return [c for c in extract_claims(doc) if isinstance(c, Quantity)]


def test_list_of_targets_gives_each_figure_its_indicator() -> None:
    text = (
        "Theo đó, các chỉ tiêu đặt ra trong năm 2024 là tốc độ tăng trưởng kinh tế tỉnh (GRDP) đạt trên 10%. "
        "Tổng thu NSNN trên địa bàn đạt 55.600 tỷ đồng, trong đó thu xuất nhập khẩu đạt trên 13.000 tỷ đồng.\n"
        "Về xã hội, tỷ lệ lao động đã qua đào tạo đạt 87%, trong đó tỷ lệ lao động qua đào tạo có bằng, "
        "chứng chỉ 51%; tạo ra ít nhất 30.000 việc làm tăng thêm; đạt 57,2 giường bệnh/1 vạn dân."
    )
    rows = [
        (q.span.quote, q.indicator, q.year, q.status, q.part_of)
        for q in _claims(text, dt.date(2023, 12, 14))
    ]
    assert rows == [
        ("trên 10%", "grdp_growth", 2024, Status.TARGET, None),
        ("55.600 tỷ đồng", "state_budget_revenue", 2024, Status.TARGET, None),
        (
            "trên 13.000 tỷ đồng",
            "budget_revenue_import_export",
            2024,
            Status.TARGET,
            "state_budget_revenue",
        ),
        ("87%", "trained_labour_rate", 2024, Status.TARGET, None),
        ("51%", "certified_labour_rate", 2024, Status.TARGET, "trained_labour_rate"),
        ("ít nhất 30.000 việc làm", "new_jobs", 2024, Status.TARGET, None),
        ("57,2 giường bệnh/1 vạn dân", "hospital_beds_per_10k", 2024, Status.TARGET, None),
    ]


def test_status_from_cues_and_publication_date() -> None:
    text = (
        "Tốc độ tăng trưởng kinh tế năm 2023 ước đạt 6,33%, trong đó dịch vụ tăng hơn 7%. "
        "Giá trị sản xuất công nghiệp ước đạt 1 nghìn 773 tỷ đồng, đạt 100% kế hoạch, tăng 12% so với cùng kỳ năm 2022. "
        "Năm 2024 tăng trưởng kinh tế 8% trở lên."
    )
    rows = [
        (q.span.quote, q.indicator, q.year, q.status) for q in _claims(text, dt.date(2023, 12, 13))
    ]
    assert rows == [
        ("6,33%", "grdp_growth", 2023, Status.ESTIMATE),
        ("hơn 7%", "services_growth", 2023, Status.ESTIMATE),
        ("1 nghìn 773 tỷ đồng", "industrial_production_value", 2023, Status.ESTIMATE),
        ("100% kế hoạch", "industrial_production_value", 2023, Status.ESTIMATE),
        ("12%", "industrial_production_value", 2023, Status.ESTIMATE),
        ("8% trở lên", "grdp_growth", 2024, Status.TARGET),
    ]


def test_economic_structure_shares() -> None:
    text = "Cơ cấu kinh tế năm 2024: tỷ trọng công nghiệp - xây dựng chiếm 48%, tỷ trọng dịch vụ 40%, tỷ trọng nông, lâm nghiệp, thủy sản 12%."
    rows = [(q.span.quote, q.indicator) for q in _claims(text, dt.date(2023, 12, 20))]
    assert rows == [
        ("48%", "share_industry_construction"),
        ("40%", "share_services"),
        ("12%", "share_agriculture"),
    ]


def test_lexicon_names_are_whole_phrases() -> None:
    """A comma inside an unquoted YAML flow list splits a name into fragments
    ("nông", "thủy sản") that then match everywhere."""
    from linter.data.lexicon import default_lexicon

    names = {
        n for spec in default_lexicon().indicators.values() for n in (*spec.names, *spec.after)
    }
    assert "có bằng, chứng chỉ" in names and "tỷ lệ thu gom, xử lý nước thải" in names
    assert not names & {"nông", "thủy sản", "chứng chỉ", "thôn", "bản", "lâm nghiệp"}


@pytest.mark.parametrize(
    ("a", "b"), [("4,1 tỷ USD", "4.100 triệu USD"), ("64,9 nghìn tỷ đồng", "64.900 tỷ đồng"),
                 ("8,29 triệu lượt khách", "8.290.000 lượt khách")],
)  # fmt: skip
def test_one_figure_in_two_scale_words_is_one_number(a: str, b: str) -> None:
    (qa,), (qb,) = find_quantities(fold(a)), find_quantities(fold(b))
    assert (qa.value, qa.unit) == (qb.value, qb.unit)


# --- Reading fixes (issue 10): each with sentences of real 2017 news ----------


def _rows(text: str, date: dt.date = dt.date(2017, 6, 30)) -> list[tuple[object, ...]]:
    return [
        (
            q.span.quote,
            q.value,
            q.unit,
            q.dimension.value if q.dimension else None,
            q.period.label if q.period else None,
        )
        for q in _claims(text, date)
        if q.unit in _TABLED  # figures of the unit table, not open-vocabulary counts
    ]


_TABLED = {"ha", "km", "VND", "%/năm", "%", "tháng", "ngày", "năm", "hộ", "USD", "dự án"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Hiện nay, công ty dự kiến đầu tư thí điểm khoảng 50ha trồng chuối và dứa tại tỉnh Hậu Giang.",
            [("khoảng 50ha", 50.0, "ha", "area", None)],
        ),
        (
            "Nhiều ý kiến cho rằng BRT chưa đến 50% hiệu quả dù tổng dự án đầu tư hơn 1.000 tỉ cho 14,7km và có đường riêng.",
            [
                ("chưa đến 50%", 50.0, "%", "percent", None),
                ("hơn 1.000 tỉ", 1e12, "VND", "money", None),  # bare billions are đồng
                ("14,7km", 14.7, "km", "length", None),
            ],
        ),
        (
            "Ngân hàng sẽ tiếp tục duy trì tốc độ tăng trưởng hơn 20%/năm trong những năm tới.",
            [("hơn 20%/năm", 20.0, "%/năm", "percent", None)],
        ),
        ("Tổng vốn đầu tư 5tỷ đồng.", [("5tỷ đồng", 5e9, "VND", "money", None)]),
    ],
)
def test_units_glued_to_numbers(text: str, expected: list[tuple[object, ...]]) -> None:
    assert _rows(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Dự kiến cầu sẽ hoàn thành sau 7 tháng thi công.",
            [("7 tháng", 7.0, "tháng", "duration", None)],
        ),
        (
            "Cầu vượt nút giao thông Gò Mây đã được thông xe sau hơn 3 tháng thi công, vượt tiến độ hơn 2 tháng.",
            [
                ("hơn 3 tháng", 3.0, "tháng", "duration", None),
                ("hơn 2 tháng", 2.0, "tháng", "duration", None),
            ],
        ),
        (
            "Thời hạn thanh tra trong 45 ngày làm việc kể từ ngày công bố quyết định.",
            [("45 ngày", 45.0, "ngày", "duration", None)],
        ),
        ("Thời gian thi công 10 tháng.", [("10 tháng", 10.0, "tháng", "duration", None)]),
        (
            "Tổng cộng thời gian đào tạo là 3 năm, mỗi năm 2 học kỳ.",
            [("3 năm", 3.0, "năm", "duration", None)],
        ),
        # Periods and dates are never durations.
        (
            "Tình hình sản xuất kinh doanh trong 6 tháng qua đã có lãi 67 tỷ đồng.",
            [("67 tỷ đồng", 67e9, "VND", "money", "6 tháng đầu năm 2017")],
        ),
        (
            "6 tháng đầu năm 2017 thu 12 tỷ đồng.",
            [("12 tỷ đồng", 12e9, "VND", "money", "6 tháng đầu năm 2017")],
        ),
        ("Từ ngày 21 tháng 6 năm 2017, chủ tàu đã bơm chuyển dầu.", []),
        ("Kế hoạch 5 năm giai đoạn 2021 - 2025 và trong 3 năm qua.", []),
    ],
)
def test_durations_are_figures_and_periods_are_not(
    text: str, expected: list[tuple[object, ...]]
) -> None:
    assert _rows(text) == expected


@pytest.mark.parametrize(
    ("text", "label"),
    [
        (
            "Đến năm 2016, cả nước thả nuôi được 694.645 ha, tăng 100,1% so với năm 2015.",
            "năm 2016",
        ),
        ("Doanh thu tăng 12% so với cùng thời điểm năm 2016.", None),
        ("Doanh thu tăng 12% so với mức của cùng kỳ năm 2016.", None),
    ],
)
def test_comparison_base_is_never_the_period(text: str, label: str | None) -> None:
    periods = [(p.period.label, p.is_base) for p in find_periods(fold(text), 2017)]
    assert ("năm 2016", True) in periods or ("năm 2015", True) in periods
    rows = _rows(text)
    assert rows and all(period == label for *_, period in rows)


def test_current_figures_are_actuals_with_an_open_period() -> None:
    text = (
        "Trong năm 2016, các nhà đầu tư đã tích cực đẩy nhanh tiến độ triển khai dự án. "
        "Như vậy, tính đến nay, tỉnh Bà Rịa - Vũng Tàu có 301 dự án đầu tư nước ngoài, 451 dự án "
        "đầu tư trong nước còn hiệu lực với tổng vốn đăng ký gần 26,7 tỷ USD và hơn 245.500 tỷ đồng. "
        "Mục tiêu đến năm 2020, hiện có khoảng 700 hộ dân đang sống trên mặt thành."
    )
    rows = [
        (q.span.quote, q.period.label if q.period else None, q.status)
        for q in _claims(text, dt.date(2017, 2, 7))
    ]
    assert rows == [
        ("301 dự án", None, Status.ACTUAL),
        ("451 dự án", None, Status.ACTUAL),
        ("gần 26,7 tỷ USD", None, Status.ACTUAL),
        ("hơn 245.500 tỷ đồng", None, Status.ACTUAL),
        ("khoảng 700 hộ", None, Status.ACTUAL),
    ]


def test_a_running_sum_is_of_the_period_it_sums() -> None:
    # "lũy kế" before a period sums over it; "tại thời điểm" before a month is a stock
    # then: the share of a year's plan after 6 months is of those 6 months.
    text = (
        "Lũy kế 6 tháng đầu năm 2017, thu ngân sách của tỉnh đạt 5.120 tỷ đồng, "
        "bằng 48,5% dự toán năm 2017. "
        "Tại thời điểm thanh tra tháng 12/2016, công ty đang sử dụng 2 thửa đất rộng 6.500 m2."
    )
    rows = [
        (q.span.quote, q.period.label if q.period else None)
        for q in _claims(text, dt.date(2017, 7, 10))
    ]
    assert rows == [
        ("5.120 tỷ đồng", "6 tháng đầu năm 2017"),
        ("48,5% dự toán", "6 tháng đầu năm 2017"),
        ("2 thửa đất", None),
        ("6.500 m2", None),
    ]


def test_a_dated_event_does_not_carry_last_years_period() -> None:
    text = (
        "Trong năm 2016, kinh tế tỉnh vẫn tiếp tục tăng trưởng tích cực. "
        "Ngày 6/2, ông Nguyễn Văn Trình đã trao tám giấy chứng nhận đăng ký đầu tư có tổng vốn "
        "đăng ký 311 triệu USD và 3.588 tỷ đồng cho các chủ đầu tư."
    )
    rows = [(q.span.quote, q.period) for q in _claims(text, dt.date(2017, 2, 7))]
    assert rows == [("311 triệu USD", None), ("3.588 tỷ đồng", None)]


def test_national_figures_are_not_the_provinces() -> None:
    national = "Đến năm 2016, cả nước thả nuôi được 694.645 ha, tăng 100,1% so với năm 2015."
    assert [
        (q.span.quote, q.scope, q.indicator) for q in _claims(national, dt.date(2017, 6, 1))
    ] == [
        ("694.645 ha", Scope.NATIONAL, None),
        ("100,1%", Scope.NATIONAL, None),
    ]
    gso = "Theo Tổng cục Thống kê, tốc độ tăng trưởng kinh tế năm 2016 đạt 6,21%."
    assert [(q.scope, q.indicator) for q in _claims(gso, dt.date(2017, 1, 5))] == [
        (Scope.NATIONAL, None)
    ]
    local = (
        "Các sản phẩm sữa Mộc Châu tiêu thụ ở 46 tỉnh thành trong cả nước, doanh thu đạt "
        "2.330 tỷ đồng/năm, nộp ngân sách 151 tỷ đồng."
    )
    scopes = {q.span.quote: q.scope for q in _claims(local, dt.date(2017, 6, 1))}
    assert scopes["2.330 tỷ đồng/năm"] is Scope.PROVINCE
    assert scopes["151 tỷ đồng"] is Scope.PROVINCE
    ranked = (
        "Chỉ số PCI năm 2016 của tỉnh đứng thứ 5 cả nước với 65,5 điểm, tỷ lệ hộ nghèo còn 3,2%."
    )
    assert {q.scope for q in _claims(ranked, dt.date(2017, 6, 1))} == {Scope.PROVINCE}


@pytest.mark.parametrize(
    ("text", "indicator"),
    [
        # The false alarm: two other subjects, read as GRDP growth.
        (
            "Tốc độ tăng trưởng bình quân giai đoạn 2011-2015 về chiều dài đường bộ là 3,85%/năm.",
            None,
        ),
        ("Tốc độ tăng trưởng bình quân hàng năm của ô tô đạt 10,2%/năm.", None),
        ("Tốc độ tăng trưởng tín dụng năm 2017 đạt 15%.", None),
        ("Tốc độ tăng trưởng năm 2017 ước đạt 7,5%.", "grdp_growth"),
        ("Tốc độ tăng trưởng của tỉnh đạt 8,2%.", "grdp_growth"),
        ("Tốc độ tăng trưởng (GRDP) đạt trên 10%.", "grdp_growth"),
    ],
)
def test_growth_is_grdp_only_without_another_subject(text: str, indicator: str | None) -> None:
    assert [q.indicator for q in _claims(text, dt.date(2017, 12, 20))] == [indicator]


def test_a_day_in_words_is_a_day() -> None:
    text = "Đến ngày 29 tháng 6 năm 2017, tàu vẫn đang bị mắc cạn, đã bơm chuyển 509 tấn dầu."
    f = fold(text)
    assert [d.date for d in find_dates(f, None)] == [dt.date(2017, 6, 29)]
    assert find_periods(f, 2017) == []  # not "tháng 6/2017", not "năm 2017"
    assert [(q.span.quote, q.period) for q in _claims(text, dt.date(2017, 7, 1))] == [
        ("509 tấn", None)
    ]
    cited = find_citations(
        fold("Quyết định số 1234/QĐ-UBND ngày 12 tháng 7 năm 2024 của UBND tỉnh"),
        "Quyết định số 1234/QĐ-UBND ngày 12 tháng 7 năm 2024 của UBND tỉnh",
    )
    assert [(c.number, c.date, c.issuer) for c in cited] == [
        ("1234", dt.date(2024, 7, 12), "UBND tỉnh")
    ]


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Tuy quý I GDP chỉ đạt 5,1%, nhưng tăng trưởng sẽ trải đều.", "quý I/2017"),
        ("Trong 6 tháng, toàn tỉnh thu hút 12 dự án.", "6 tháng đầu năm 2017"),
        ("GRDP 6 tháng ước đạt 13,26%.", "6 tháng đầu năm 2017"),
        (
            "6 tháng qua, thành phố có bước phát triển toàn diện với 20 dự án.",
            "6 tháng đầu năm 2017",
        ),
    ],
)
def test_year_less_periods_take_the_documents_year(text: str, label: str) -> None:
    rows = _claims(text, dt.date(2017, 7, 8))
    assert [q.period.label if q.period else None for q in rows if q.unit in _TABLED] == [label]


# --- Issue 11: a figure is bounded; huge numbers are never Infinity ------------


@pytest.mark.parametrize(
    "number",
    ["1" + "0" * 5000, "1" + ".000" * 2000, "9" * 31, "2" + "0" * 25],
)
def test_huge_numbers_are_not_figures(number: str) -> None:
    assert find_quantities(fold(f"tổng thu ngân sách đạt {number} tỷ đồng")) == []
    assert find_counts(fold(f"hoàn thành {number} chỉ tiêu")) == []


def test_powers_are_not_figures() -> None:
    assert find_quantities(fold("tổng thu không quá 10^300 tỷ đồng, không quá 10^300%")) == []


def test_the_largest_figures_are_still_read() -> None:
    assert _q("GRDP đạt 1 triệu tỷ đồng") == [
        ("1 triệu tỷ đồng", 1e15, "VND", "eq", 1e15, 1e15, "level")
    ]


def test_huge_figures_keep_the_run_standard_json_and_raise_nothing(tmp_path: Path) -> None:
    head = "---\nprovince: Quảng Ninh\ndate: 2024-01-10\n---\n"
    huge = "Năm 2024, tổng thu ngân sách nhà nước đạt {} tỷ đồng; hoàn thành {} chỉ tiêu.\n"
    documents = {
        "a.txt": head + huge.format("1" + "0" * 5000, "9" * 5000),
        "b.txt": head + huge.format("1" + ".000" * 2000, "1" + "0" * 40),
        "c.txt": head + "Năm 2024, tổng thu ngân sách nhà nước không quá 10^300 tỷ đồng.\n",
    }
    result = run_corpus(tmp_path, documents)
    assert [(f.code, f.severity.value) for f in result.findings if f.code != "DC03"] == []
    claims = [c.model_dump(mode="json") for cs in result.claims.values() for c in cs]
    text = json.dumps(claims, allow_nan=False)  # raises on Infinity or NaN
    assert [c["kind"] for c in claims if c["kind"] in ("quantity", "target_count")] == []
    assert "Infinity" not in text


# --- Period and status of figures in news (real 2017 sentences) ---------------


def _period_status(text: str, date: dt.date) -> list[tuple[str, str | None, Status | None]]:
    return [
        (q.span.quote, q.period.label if q.period else None, q.status)
        for q in _claims(text, date)
        if q.unit in _TABLED | {"người", "tấn", "doanh nghiệp"}
    ]


def test_half_year_figures_reported_before_it_closes_are_estimates() -> None:
    text = (
        "Sáu tháng đầu năm 2017 tiếp tục là giai đoạn phát triển mạnh mẽ của thành phố Cảng Hải "
        "Phòng với tất cả các chỉ tiêu trọng yếu đều đạt độ tăng trưởng cao so với cùng kỳ. "
        "Sản lượng hàng hóa qua cảng đạt 43 triệu tấn, tăng 13,79%."
    )
    assert _period_status(text, dt.date(2017, 6, 26)) == [
        ("43 triệu tấn", "6 tháng đầu năm 2017", Status.ESTIMATE),
        ("13,79%", "6 tháng đầu năm 2017", Status.ESTIMATE),
    ]
    assert {s for *_, s in _period_status(text, dt.date(2017, 7, 20))} == {Status.ACTUAL}


def test_requests_and_needs_have_no_status() -> None:
    text = (
        "Theo ông Lê Thanh Liêm, hiện nay, nhu cầu vốn ODA nguồn ngân sách Trung ương cấp phát "
        "giai đoạn 2016-2020 của 2 dự án trọng điểm của thành phố là 29.512 tỉ đồng."
    )
    assert _period_status(text, dt.date(2017, 6, 24))[-1] == (
        "29.512 tỉ đồng",
        "giai đoạn 2016-2020",
        None,
    )


def test_one_projects_figure_has_no_period() -> None:
    text = (
        "Năm 2017, lãnh đạo tỉnh cho biết sẽ thu hút những dự án lớn. 8 dự án vào Bà Rịa-Vũng Tàu "
        "- Công ty TNHH Starflex Việt Nam với dự án nhà máy sản xuất tấm bạt, màn tại Cụm công "
        "nghiệp Tóc Tiên, huyện Tân Thành, tổng vốn đầu tư đăng ký 15 triệu USD."
    )
    rows = _period_status(text, dt.date(2017, 2, 7))
    assert rows[-1][:2] == ("15 triệu USD", None)


def test_a_carried_period_fades_after_prose_without_figures() -> None:
    text = (
        "Năm 2016, tỉnh thu ngân sách đạt 5.000 tỷ đồng. Tỉnh tiếp tục cải cách hành chính. "
        "Công tác xây dựng Đảng được triển khai đồng bộ. Môi trường đầu tư được cải thiện. "
        "Kết cấu hạ tầng có những đột phá. Thủ tướng cho rằng phải rà lại quy hoạch khi 46% diện "
        "tích đất là đô thị."
    )
    assert [p for _, p, _ in _period_status(text, dt.date(2017, 6, 26))] == ["năm 2016", None]


@pytest.mark.parametrize(
    ("text", "label"),
    [
        (
            "Bí thư Thành ủy cho biết, trong 2016, Hải Phòng thu ngân sách đạt 62.000 tỷ đồng.",
            "năm 2016",
        ),
        ("Để hoàn thành chỉ tiêu tăng trưởng cả năm của thành phố từ 8,5-9%.", "năm 2017"),
        (
            "Đầu năm 2017, tỉnh đã cấp phép cho 8 dự án lớn với tổng số vốn hơn 10.430 tỷ đồng.",
            None,
        ),
        (
            "Luật Ngân sách Nhà nước năm 2015 quy định thành phố được vay không quá 30% số thu.",
            None,
        ),
        ("Trung bình số tiền đấu giá thu về hàng năm là 2.000 tỷ đồng.", None),
        ("Từ gần 41% năm 2015 lên hơn 45% năm 2016.", "năm 2016"),
    ],
)
def test_what_names_a_figures_period(text: str, label: str | None) -> None:
    assert _period_status(text, dt.date(2017, 6, 30))[-1][1] == label


def test_population_and_the_figure_itself_are_not_document_numbers() -> None:
    rows = _q("phải quy hoạch cho dân số 15-30 triệu người, con số 500.000 doanh nghiệp")
    assert [r[:3] for r in rows] == [
        ("15-30 triệu người", 15e6, "người"),
        ("500.000 doanh nghiệp", 5e5, "doanh nghiệp"),
    ]


def test_the_verb_of_a_target_is_no_result() -> None:
    text = (
        "Hải Phòng phải phấn đấu đạt mức tăng trưởng cao hơn kế hoạch đặt ra, "
        "nỗ lực phấn đấu cả năm đạt được 14%."
    )
    assert _period_status(text, dt.date(2017, 6, 26)) == [("14%", "năm 2017", Status.TARGET)]


def test_a_target_heading_covers_the_list_after_its_colon(tmp_path) -> None:
    """In a December report on the year, "Chỉ tiêu năm 2017: ..." still states targets,
    while "... cho biết: Năm 2016, ..." quotes results (a colon after a long clause)."""
    doc = (
        "---\ndate: 2017-12-07\nprovince: Nghệ An\n---\n"
        "Chỉ tiêu năm 2017: tỷ lệ che phủ rừng đạt 40% trở lên, trồng rừng mới ít nhất 15.000 ha.\n"
        "Phó Bí thư thực hiện kế hoạch công tác cán bộ của tỉnh cho biết: năm 2017, toàn tỉnh có khoảng 13.000 người.\n"
    )
    result = run_corpus(tmp_path, {"a.md": doc})
    found = {
        c.span.quote: c.status.value if c.status else None
        for c in result.claims["a.md"]
        if isinstance(c, Quantity)
    }
    assert found == {
        "40% trở lên": "target",
        "ít nhất 15.000 ha": "target",
        "khoảng 13.000 người": "estimate",
    }


def test_an_assigned_figure_is_a_target(tmp_path) -> None:
    """ "TP được giao thu ngân sách 347.000 tỷ đồng" states what the city was assigned,
    not what it collected (a false alarm against the collected 345.287 tỉ đồng)."""
    doc = (
        "---\nprovince: TP. Hồ Chí Minh\n---\n"
        "Chủ tịch UBND TP tính toán năm 2017, TP được giao thu ngân sách 347.000 tỷ đồng, chiếm 31% GRDP của TP.\n"
    )
    result = run_corpus(tmp_path, {"a.md": doc})
    (q,) = [c for c in result.claims["a.md"] if isinstance(c, Quantity) and c.unit == "VND"]
    assert (q.indicator, q.status.value if q.status else None) == ("state_budget_revenue", "target")
