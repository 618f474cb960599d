"""A figure's status and period in real news, read the way an editor reads them (issue 10).

Each test parses a whole article of ../shared/corpus/real (skipped when absent) and
asserts the period and status of figures of one class of wording; the sentences
are quoted in the docstrings. The gold set's conventions (tests/gold/README.md)
decide what is right: a reported figure is `actual`, a plan `target`, a rule, a
request or a hypothetical None.
"""

from __future__ import annotations

from functools import cache

from conftest import real_corpus_or_skip
from linter.engine.config import Config
from linter.engine.parsing import parse_result
from linter.models import Quantity
from linter.read.loading import load_document

Row = tuple[str | None, str | None]  # (period label, status)


@cache
def _figures(article: str) -> tuple[tuple[int, str, str | None, str | None], ...]:
    path = real_corpus_or_skip() / f"{article}.txt"
    _, claims, _ = parse_result(load_document(path), Config())
    return tuple(
        (
            q.span.line,
            q.span.quote,
            q.period.label if q.period else None,
            q.status.value if q.status else None,
        )
        for q in claims
        if isinstance(q, Quantity)
    )


def _rows(article: str, line: int, *quotes: str) -> list[Row]:
    """Period and status of each figure quoted, in the order of the text."""
    return [(p, s) for n, quote, p, s in _figures(article) if n == line and quote in quotes]


def test_one_companys_figure_under_a_year_still_running_is_a_result() -> None:
    """A list of projects licensed on 6/2/2017: "- Công ty TNHH Dịch vụ Thương mại Tin
    học Shinhan với dự án ..., tổng vốn đầu tư đăng ký 70 tỷ đồng." The year 2017 is
    the text's, but a company's registered capital sums up no period and was
    registered: a result, not the year's plan."""
    rows = _rows(
        "ba-ria-vung-tau/mz-21478990",
        13,
        "3 triệu USD",
        "70 tỷ đồng",
        "15 triệu USD",
        "868 tỷ đồng",
    )
    assert rows == [(None, "actual")] * 4


def test_a_yearly_average_is_a_result() -> None:
    """ "Theo Sở Tài nguyên và Môi trường Hà Nội, trung bình số tiền đấu giá quyền sử
    dụng đất thu về hàng năm là 2.000 tỷ đồng.": any year's, so no period, but what
    the auctions brought in."""
    assert _rows("ha-noi/mz-21489532", 13, "2.000 tỷ đồng") == [(None, "actual")]


def test_a_duration_left_without_period_gets_no_status_from_that() -> None:
    """ "tầm nhìn phải dài hơi hơn, chứ không chỉ 5, 10 năm": a span of time has no
    period of its own, so its missing period does not make it a result."""
    assert _rows("hai-phong/mz-22618669", 13, "10 năm") == [(None, None)]


def test_a_works_cost_estimate_an_inspection_found_is_no_budget_plan() -> None:
    """ "Bên cạnh đó, các chủ đầu tư phê duyệt dự toán công trình tăng không đúng 41 tỷ
    951 triệu đồng" and "... giá trị dự toán thẩm định, phê duyệt dự toán tăng chưa đúng
    quy định số tiền 41 tỷ 951 triệu đồng": "dự toán" names the works' estimate the
    inspectors found wrongly raised, a fact, not the budget plan "dự toán" usually is."""
    assert _rows("lang-son/mz-21470423", 13, "41 tỷ 951 triệu đồng") == [
        ("năm 2016", "actual"),
        (None, "actual"),
    ]
    assert _rows("lang-son/mz-21480420", 13, "41 tỷ 951 triệu đồng") == [(None, "actual")]


def test_a_change_told_like_the_one_before_is_between_the_same_years() -> None:
    """ "... từ gần 41% năm 2015 lên hơn 45% năm 2016 đối với dự án đầu tư nước ngoài và
    từ 42% lên 45% đối với dự án đầu tư trong nước": the second change leaves its years
    to the first; 42% is of 2015 and 45% of 2016, as the first pair's ends are."""
    for article in ("ba-ria-vung-tau/mz-21474023", "ba-ria-vung-tau/mz-21478990"):
        assert _rows(article, 13, "gần 41%", "hơn 45%", "từ 42%", "45%") == [
            ("năm 2015", "actual"),
            ("năm 2016", "actual"),
            ("năm 2015", "actual"),
            ("năm 2016", "actual"),
        ]


def test_a_figure_of_a_rules_quoted_text_has_neither_period_nor_status() -> None:
    """ "Luật Ngân sách năm 2002 quy định “mức dư nợ từ nguồn vốn huy động không vượt
    quá 30% ...”" and "Theo quy định của Chính phủ ... thì: “Đơn giá thuê đất ... được
    ổn định 5 năm ...”" quote what a rule allows; "Khoản 3, điều 8, Luật Ngân sách 2012
    quy định: “Mức dư nợ ... không vượt quá 30% ...”" is no figure of 2015 either."""
    quoted = _rows("lang-son/mz-21470423", 13, "không vượt quá 30%", "5 năm")[:2]
    assert quoted == [(None, None), (None, None)]
    assert _rows("lang-son/mz-21494932", 13, "không vượt quá 30%") == [(None, None)]
    assert _rows("lang-son/mz-21479671", 13, "không quá 500 triệu đồng", "không quá 1 tỷ đồng") == [
        (None, None),
        (None, None),
    ]


def test_a_figure_after_the_quotation_closes_is_no_rules_text() -> None:
    """After "... điều chỉnh lại đơn giá thuê đất áp dụng cho thời gian tiếp theo quy
    định”.", "Tại thời điểm thanh tra tháng 12/2016, ... với tổng diện tích thuê là
    214.932m2" reports what the inspectors found: a stock, a result."""
    assert _rows("lang-son/mz-21470423", 13, "214.932m2") == [(None, "actual")]


def test_a_deadline_of_either_year_names_no_period() -> None:
    """ "Tới 2020 - 2021, sẽ giảm 10% biên chế" and "phấn đấu đến hết năm 2020 - 2021 giảm
    tối thiểu 10% so với biên chế được giao năm 2015": by one year or the other, so the
    figure is no 2020-2021 figure, nor one of the "đến năm 2020" the sentence before
    named."""
    assert _rows("ha-noi/mz-21478347", 13, "10%", "tối thiểu 10%")[:2] == [
        (None, "target"),
        (None, "target"),
    ]


def test_a_result_after_a_bare_with_is_no_base() -> None:
    """ "Đặc biệt, với kết quả thu 6.279 tỷ đồng, Nam Từ Liêm là một trong hai quận có
    mức thu ngân sách cao nhất thành phố": "với kết quả" says what the figure is, unlike
    "so với kết quả năm trước"; the earlier "vượt kế hoạch quận đề ra" is no cue of it."""
    assert _rows("ha-noi/mz-21478615", 14, "6.279 tỷ đồng") == [(None, "actual")]


def test_a_figure_glossing_a_base_period_is_that_periods() -> None:
    """ "... phải phấn đấu đạt mức tăng trưởng cao hơn kế hoạch đặt ra (12,5-13%) và phải
    cao hơn mức 6 tháng đầu năm 2017 (13,26%), nỗ lực phấn đấu cả năm đạt được 14%": the
    half year is the base of "cao hơn", but 13,26% in brackets is its own figure."""
    assert _rows("hai-phong/mz-22618669", 13, "13,26%")[-1][0] == "6 tháng đầu năm 2017"
    assert _rows("hai-phong/mz-22618669", 13, "14%")[-1][0] == "năm 2017"


def test_the_carrying_out_of_a_plan_reports_results() -> None:
    """ "Việc thực hiện nhiệm vụ kinh tế - xã hội những tháng đầu năm 2017 của thành phố
    còn bộc lộ một số hạn chế, yếu kém, đó là: Xếp hạng chỉ số ... (PAPI) của Hà Nội
    giảm 8 bậc so với năm 2015": "nhiệm vụ" is what was carried out, not a target."""
    assert _rows("ha-noi/mz-22666319", 13, "8 bậc") == [(None, "actual")]


def test_a_change_of_a_plan_figure_is_part_of_that_plan() -> None:
    """ "Theo quyết định của UBND tỉnh Lạng Sơn giao dự toán thu ngân sách nhà nước năm
    2015 đối với các khoản phí là 300 tỷ đồng, bằng 47% so với năm 2014": the 47% only
    measures the plan of the clause before, so it is a plan too, though 2015 is over;
    "Tuy nhiên, thực tế thu lên đến 566 tỷ 384 triệu đồng" after it is the result."""
    for article in ("lang-son/mz-21470423", "lang-son/mz-21494932"):
        rows = _rows(article, 13, "300 tỷ đồng", "47%", "566 tỷ 384 triệu đồng")
        assert [status for _, status in rows[:3]] == ["target", "target", "actual"]
