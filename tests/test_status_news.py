"""A figure's status and period in real news, read the way an editor reads them (issue 10).

Each rule's test parses a whole article of ../shared/corpus (skipped when absent) and
pins the full rows (figure, period, status) of one class of wording; every one fails
without its rule. The counter-examples a review ran against those rules (wording of
the same classes the rules over-reached on) are short texts written here, each its
own dated document. The gold set's conventions (tests/gold/README.md) decide what is
right: a reported figure is `actual`, a plan `target`, a rule, a request or a
hypothetical None.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from conftest import real_corpus_or_skip
from linter.engine.config import Config
from linter.engine.parsing import parse_result
from linter.models import Quantity
from linter.read.loading import load_document

Row = tuple[str, str | None, str | None]  # (figure as written, period label, status)


@cache
def _figures(path: Path) -> tuple[tuple[int, Row], ...]:
    _, claims, _ = parse_result(load_document(path), Config())
    return tuple(
        (
            q.span.line,
            (
                q.span.quote,
                q.period.label if q.period else None,
                q.status.value if q.status else None,
            ),
        )
        for q in claims
        if isinstance(q, Quantity)
    )


def _rows(article: str, line: int, *quotes: str) -> list[Row]:
    """The rows of each figure quoted on `line` of a real article, in the order of the text."""
    path = real_corpus_or_skip() / f"{article}.txt"
    return [row for n, row in _figures(path) if n == line and row[0] in quotes]


def _written(tmp_path: Path, date: str, sentence: str) -> list[Row]:
    """The rows of every figure of `sentence`, alone in a document dated `date`."""
    path = tmp_path / f"t{len(list(tmp_path.iterdir()))}.md"
    path.write_text(f"---\ndate: {date}\n---\n\n{sentence}\n", encoding="utf-8")
    return [row for _, row in _figures(path)]


# --- an open period (one company's figure, a yearly average) -------------------------


def test_one_companys_figure_under_a_period_no_plan_names_is_a_result(news: Path) -> None:
    """ "Lợi nhuận sau thuế của Công ty cổ phần Hùng Vương còn 9,7 tỷ đồng": a company's
    figure sums up no period, and the text reports it."""
    path = news / "tp-ho-chi-minh" / "mz-21493411.txt"
    assert [row for n, row in _figures(path) if n == 12 and row[0] == "9,7 tỷ đồng"] == [
        ("9,7 tỷ đồng", None, "actual")
    ]


def test_a_yearly_average_is_a_result() -> None:
    """ "Theo Sở Tài nguyên và Môi trường Hà Nội, trung bình số tiền đấu giá quyền sử
    dụng đất thu về hàng năm là 2.000 tỷ đồng.": any year's, so no period, but what
    the auctions brought in."""
    assert _rows("ha-noi/mz-21489532", 13, "2.000 tỷ đồng") == [("2.000 tỷ đồng", None, "actual")]


def test_an_open_period_under_a_plan_or_a_period_ahead_is_no_result(tmp_path: Path) -> None:
    """Under "Mục tiêu đến năm 2020" or "Kế hoạch năm 2018" (written in 2017) a figure
    without a period of its own is part of the plan, not something that happened."""
    goal = "Mục tiêu đến năm 2020, tỉnh có 500 doanh nghiệp. Bình quân hàng năm tăng thêm 50 doanh nghiệp."
    assert _written(tmp_path, "2017-08-01", goal) == [
        ("500 doanh nghiệp", "năm 2020", "target"),
        ("50 doanh nghiệp", None, None),
    ]
    plan = "Kế hoạch năm 2018, tỉnh thu hút 20 dự án đầu tư. Trong đó, Công ty TNHH Hòa Phát đầu tư 500 tỷ đồng."
    assert _written(tmp_path, "2017-08-01", plan) == [
        ("20 dự án", "năm 2018", "target"),
        ("500 tỷ đồng", None, None),
    ]


def test_a_duration_left_without_period_gets_no_status_from_that() -> None:
    """ "tầm nhìn phải dài hơi hơn, chứ không chỉ 5, 10 năm": a span of time has no
    period of its own, so its missing period does not make it a result (a guard: it
    held before the open-period rule too)."""
    assert _rows("hai-phong/mz-22618669", 13, "10 năm") == [("10 năm", None, None)]


# --- cue phrases: a works' estimate, an inspection's finding, the carrying out of a plan ---


def test_an_inspections_finding_is_a_result_not_a_budget_plan() -> None:
    """ "các chủ đầu tư phê duyệt dự toán công trình tăng không đúng 41 tỷ 951 triệu
    đồng" (a works' estimate, "dự toán công trình") and "phê duyệt dự toán tăng chưa
    đúng quy định số tiền 41 tỷ 951 triệu đồng" (the inspection's "chưa đúng quy
    định"): facts the inspectors found, not the budget plan "dự toán" usually is."""
    assert _rows("lang-son/mz-21470423", 13, "41 tỷ 951 triệu đồng") == [
        ("41 tỷ 951 triệu đồng", "năm 2016", "actual"),
        ("41 tỷ 951 triệu đồng", None, "actual"),
    ]
    assert _rows("lang-son/mz-21480420", 13, "41 tỷ 951 triệu đồng") == [
        ("41 tỷ 951 triệu đồng", None, "actual")
    ]


def test_a_finding_word_a_plan_or_a_request_stands_before_is_no_finding(
    tmp_path: Path,
) -> None:
    """A finding's word after a plan's ("phấn đấu không để xảy ra sai phạm") or a
    request's ("kiến nghị thu hồi số tiền chi sai quy định") is what is planned or
    asked for: the figures stay a plan, a request."""
    plans = {
        "Năm 2017, tỉnh phấn đấu không để xảy ra sai phạm trong quản lý đất đai, thu"
        " ngân sách 5.000 tỷ đồng.": "5.000 tỷ đồng",
        "Mục tiêu năm 2017 là không để xảy ra sai phạm, giảm 20% số vụ khiếu nại.": "20%",
        "Năm 2017, tỉnh phấn đấu số công trình thi công không đúng tiến độ giảm còn dưới"
        " 10%.": "dưới 10%",
        "Năm 2017, tỉnh sẽ thu hồi đất của các dự án sử dụng sai quy định với diện tích"
        " 500 ha.": "500 ha",
        "Năm 2017, ngành phấn đấu giảm các vụ việc sai phạm xuống dưới 50 vụ.": "dưới 50 vụ",
    }
    for sentence, figure in plans.items():
        assert _written(tmp_path, "2017-03-15", sentence) == [(figure, "năm 2017", "target")]
    request = "Năm 2017, thanh tra tỉnh kiến nghị thu hồi số tiền chi sai quy định 2 tỷ đồng."
    assert _written(tmp_path, "2017-03-15", request) == [("2 tỷ đồng", "năm 2017", None)]


def test_a_request_found_wrong_is_a_finding(news: Path) -> None:
    """ "KTNTT phát hiện, ... chi phí KCB tại các cơ sở KCB đề nghị thanh toán với cơ
    quan BHXH sai quy định số tiền 2.944.651.234 đồng": the payment claim was made and
    found wrong, a result (a guard on the rule above)."""
    path = news / "thai-binh" / "mz-21471117.txt"
    assert [row for n, row in _figures(path) if n == 12 and row[0] == "2.944.651.234 đồng"] == [
        ("2.944.651.234 đồng", "năm 2015", "actual")
    ]


def test_approving_a_budget_plan_is_a_plan(tmp_path: Path) -> None:
    """ "phê duyệt dự toán" is how a budget plan is approved: its figure is a target."""
    approved = "Năm 2017, HĐND tỉnh phê duyệt dự toán thu ngân sách 5.000 tỷ đồng."
    assert _written(tmp_path, "2017-08-01", approved) == [("5.000 tỷ đồng", "năm 2017", "target")]
    done = "HĐND tỉnh đã phê duyệt dự toán thu ngân sách năm 2018 là 5.000 tỷ đồng."
    assert _written(tmp_path, "2018-01-10", done) == [("5.000 tỷ đồng", "năm 2018", "target")]


def test_the_carrying_out_of_a_plan_reports_results() -> None:
    """ "Việc thực hiện nhiệm vụ kinh tế - xã hội những tháng đầu năm 2017 của thành phố
    còn bộc lộ một số hạn chế, yếu kém, đó là: Xếp hạng chỉ số ... (PAPI) của Hà Nội
    giảm 8 bậc so với năm 2015": "nhiệm vụ" is what was carried out, not a target."""
    assert _rows("ha-noi/mz-22666319", 13, "8 bậc") == [("8 bậc", None, "actual")]


def test_a_task_still_to_carry_out_is_a_plan(tmp_path: Path) -> None:
    """Without "việc" or "kết quả", "thực hiện nhiệm vụ" names the task ahead."""
    task = "Để thực hiện nhiệm vụ năm 2018, ngành thuế tỉnh phải thu 5.000 tỷ đồng."
    assert _written(tmp_path, "2018-02-10", task) == [("5.000 tỷ đồng", "năm 2018", "target")]
    going_on = "Năm 2018, tỉnh tiếp tục thực hiện nhiệm vụ tăng trưởng GRDP 8%."
    assert _written(tmp_path, "2018-01-10", going_on) == [("8%", "năm 2018", "target")]


def test_a_result_after_a_bare_with_is_no_base() -> None:
    """ "Đặc biệt, với kết quả thu 6.279 tỷ đồng, Nam Từ Liêm là một trong hai quận có
    mức thu ngân sách cao nhất thành phố": "với kết quả" says what the figure is, unlike
    "so với kết quả năm trước"; the earlier "vượt kế hoạch quận đề ra" is no cue of it."""
    assert _rows("ha-noi/mz-21478615", 14, "6.279 tỷ đồng") == [("6.279 tỷ đồng", None, "actual")]


# --- a change told alike, a change of a plan figure, a glossed base ----------------------


def test_a_change_told_like_the_one_before_is_between_the_same_years() -> None:
    """ "... từ gần 41% năm 2015 lên hơn 45% năm 2016 đối với dự án đầu tư nước ngoài và
    từ 42% lên 45% đối với dự án đầu tư trong nước": the second change leaves its years
    to the first; 42% is of 2015 and 45% of 2016, as the first pair's ends are."""
    for article in ("ba-ria-vung-tau/mz-21474023", "ba-ria-vung-tau/mz-21478990"):
        assert _rows(article, 13, "gần 41%", "hơn 45%", "từ 42%", "45%") == [
            ("gần 41%", "năm 2015", "actual"),
            ("hơn 45%", "năm 2016", "actual"),
            ("từ 42%", "năm 2015", "actual"),
            ("45%", "năm 2016", "actual"),
        ]


def test_what_a_plan_reached_is_a_result_not_a_change_of_it(tmp_path: Path) -> None:
    """ "đạt" after a plan's figure tells what was reached against it, no change of the
    plan: "Kế hoạch năm 2016 giải ngân 800 tỷ đồng, đạt 95%" reports 95% done."""
    share = "Kế hoạch năm 2016 giải ngân 800 tỷ đồng, đạt 95%."
    assert _written(tmp_path, "2017-03-15", share) == [
        ("800 tỷ đồng", "năm 2016", "target"),
        ("95%", "năm 2016", "actual"),
    ]
    forest = "Năm 2016, huyện được giao chỉ tiêu trồng 1.000 ha rừng, đạt 1.050 ha."
    assert _written(tmp_path, "2017-03-15", forest) == [
        ("1.000 ha", "năm 2016", "target"),
        ("1.050 ha", "năm 2016", "actual"),
    ]


def test_a_change_after_a_period_of_its_own_keeps_that_period(tmp_path: Path) -> None:
    """A period named after the earlier change is the later change's own."""
    plan = "Tỷ lệ hộ nghèo giảm từ 10% năm 2015 xuống 8% năm 2016, còn kế hoạch năm 2018 là giảm từ 7% xuống 6%."
    assert _written(tmp_path, "2017-08-01", plan) == [
        ("từ 10%", "năm 2015", "actual"),
        ("8%", "năm 2016", "actual"),
        ("từ 7%", "năm 2018", "target"),
        ("6%", "năm 2018", "target"),
    ]
    single = "Tỷ lệ che phủ rừng tăng từ 40% năm 2015 lên 42% năm 2016, riêng năm 2017 tăng từ 42,5% lên 43%."
    assert _written(tmp_path, "2018-03-01", single) == [
        ("từ 40%", "năm 2015", "actual"),
        ("42%", "năm 2016", "actual"),
        ("từ 42,5%", "năm 2017", "actual"),
        ("43%", "năm 2017", "actual"),
    ]


def test_a_change_of_a_plan_figure_is_part_of_that_plan(tmp_path: Path) -> None:
    """ "Theo quyết định của UBND tỉnh Lạng Sơn giao dự toán thu ngân sách nhà nước năm
    2015 đối với các khoản phí là 300 tỷ đồng, bằng 47% so với năm 2014": the 47% only
    measures the plan of the clause before, so it is a plan too, though 2015 is over;
    "Tuy nhiên, thực tế thu lên đến 566 tỷ 384 triệu đồng" after it is the result. A
    decimal comma ("300,5 tỷ đồng") is no clause break."""
    for article in ("lang-son/mz-21470423", "lang-son/mz-21494932"):
        assert _rows(article, 13, "300 tỷ đồng", "47%", "566 tỷ 384 triệu đồng") == [
            ("300 tỷ đồng", "năm 2015", "target"),
            ("47%", "năm 2015", "target"),
            ("566 tỷ 384 triệu đồng", "năm 2015", "actual"),
        ]
    decimal = (
        "Theo quyết định của UBND tỉnh giao dự toán thu ngân sách nhà nước năm 2015 đối với"
        " các khoản phí là 300,5 tỷ đồng, bằng 47% so với năm 2014."
    )
    assert _written(tmp_path, "2017-08-01", decimal) == [
        ("300,5 tỷ đồng", "năm 2015", "target"),
        ("47%", "năm 2015", "target"),
    ]


def test_a_figure_glossing_a_base_period_is_that_periods_level() -> None:
    """ "... phải phấn đấu đạt mức tăng trưởng cao hơn kế hoạch đặt ra (12,5-13%) và phải
    cao hơn mức 6 tháng đầu năm 2017 (13,26%), nỗ lực phấn đấu cả năm đạt được 14%": the
    half year is the base of "cao hơn", but 13,26% in brackets is its own figure, an
    estimate like the same figure earlier, not the plan "phấn đấu" opens."""
    assert _rows("hai-phong/mz-22618669", 13, "13,26%") == [
        ("13,26%", "6 tháng đầu năm 2017", "estimate"),
        ("13,26%", "6 tháng đầu năm 2017", "estimate"),
    ]


def test_a_past_base_periods_level_is_a_result(tmp_path: Path) -> None:
    """The plan's cues before the base ("phấn đấu") are not about the base's level."""
    higher = "Năm 2017, tỉnh phấn đấu tăng trưởng GRDP cao hơn mức năm 2016 (7,5%)."
    assert _written(tmp_path, "2017-08-01", higher) == [("7,5%", "năm 2016", "actual")]
    against = (
        "Năm 2017, tỉnh phấn đấu thu ngân sách tăng 10% so với thực hiện năm 2016 (5.000 tỷ đồng)."
    )
    assert _written(tmp_path, "2017-08-01", against) == [
        ("10%", "năm 2017", "target"),
        ("5.000 tỷ đồng", "năm 2016", "actual"),
    ]


# --- a rule's quoted text ------------------------------------------------------------


def test_a_figure_of_a_rules_quoted_text_has_neither_period_nor_status() -> None:
    """ "Luật Ngân sách năm 2002 quy định “mức dư nợ từ nguồn vốn huy động không vượt
    quá 30% ...”" and "Theo quy định của Chính phủ ... thì: “Đơn giá thuê đất ... được
    ổn định 5 năm ...”" quote what a rule allows; "Khoản 3, điều 8, Luật Ngân sách 2012
    quy định: “Mức dư nợ ... không vượt quá 30% ...”" is no figure of 2015 either."""
    assert _rows("lang-son/mz-21470423", 13, "không vượt quá 30%", "5 năm") == [
        ("không vượt quá 30%", None, None),
        ("5 năm", None, None),
        # "đã hết hạn thời hạn ổn định 5 năm": after the quotation, what inspectors found
        ("5 năm", None, "actual"),
    ]
    assert _rows("lang-son/mz-21494932", 13, "không vượt quá 30%") == [
        ("không vượt quá 30%", None, None)
    ]
    assert _rows("lang-son/mz-21479671", 13, "không quá 500 triệu đồng", "không quá 1 tỷ đồng") == [
        ("không quá 500 triệu đồng", None, None),
        ("không quá 1 tỷ đồng", None, None),
    ]


def test_a_figure_after_the_quotation_closes_is_no_rules_text() -> None:
    """After "... điều chỉnh lại đơn giá thuê đất áp dụng cho thời gian tiếp theo quy
    định”.", "Tại thời điểm thanh tra tháng 12/2016, ... với tổng diện tích thuê là
    214.932m2" reports what the inspectors found: a stock, a result (a guard)."""
    assert _rows("lang-son/mz-21470423", 13, "214.932m2") == [("214.932m2", None, "actual")]


def test_a_quotation_the_rule_word_does_not_lead_into_is_an_account(tmp_path: Path) -> None:
    """ "quy định" must lead right into the quotation ("quy định:", "quy định ... thì:")
    and be a document's ("Luật ... quy định", "Theo quy định"): after a plain noun
    ("thực hiện tốt quy định mới", "có quy định này") the quotation is someone's
    account, whether it names a period or not."""
    colon = (
        "Giám đốc Sở Tài chính cho biết nhờ thực hiện tốt quy định mới về đấu giá đất:"
        " “Năm 2016, tỉnh đã thu được 500 tỷ đồng từ đấu giá”."
    )
    assert _written(tmp_path, "2017-08-01", colon) == [("500 tỷ đồng", "năm 2016", "actual")]
    undated = (
        "Năm 2016, nhờ thực hiện tốt quy định mới về đấu giá đất: “tỉnh đã thu được 500 tỷ"
        " đồng từ đấu giá”."
    )
    assert _written(tmp_path, "2017-08-01", undated) == [("500 tỷ đồng", "năm 2016", "actual")]
    then = "Năm 2016, sau khi có quy định này thì: “các doanh nghiệp đã nộp thêm 20 tỷ đồng”."
    assert _written(tmp_path, "2017-08-01", then) == [("20 tỷ đồng", "năm 2016", "actual")]
    after = "Ông cho biết sau khi quy định về phí được ban hành, “năm 2016 doanh nghiệp đã nộp 200 tỷ đồng, tăng 15%”."
    assert _written(tmp_path, "2017-08-01", after) == [
        ("200 tỷ đồng", "năm 2016", "actual"),
        ("15%", "năm 2016", "actual"),
    ]


# --- a deadline of either year -------------------------------------------------------


def test_a_deadline_of_either_year_names_no_period() -> None:
    """ "Tới 2020 - 2021, sẽ giảm 10% biên chế" and "phấn đấu đến hết năm 2020 - 2021 giảm
    tối thiểu 10% so với biên chế được giao năm 2015": by one year or the other, so the
    figure is no 2020-2021 figure, nor one of the "đến năm 2020" the sentence before
    named."""
    assert _rows("ha-noi/mz-21478347", 13, "10%", "tối thiểu 10%") == [
        ("10%", None, "target"),
        ("tối thiểu 10%", None, "target"),
    ]


def test_a_deadline_of_either_year_ahead_is_a_target(tmp_path: Path) -> None:
    """Without a cue, a deadline not yet begun still makes its figure a plan, whatever
    dash joins its years; the end of a range ("Từ năm học 2010-2011 đến 2016-2017",
    "Từ tháng 1/2016 đến 2017 - 2018") and a time counted up to ("Tính đến năm 2016 -
    2017") are no deadline at all."""
    village = "Đến năm 2020 - 2021, toàn tỉnh có 100% xã đạt chuẩn nông thôn mới."
    assert _written(tmp_path, "2017-08-01", village) == [("100%", None, "target")]
    airport = "Đến năm 2025-2027, sân bay Long Thành đón 25 triệu khách mỗi năm."
    assert _written(tmp_path, "2017-08-01", airport) == [("25 triệu khách mỗi năm", None, "target")]
    school = "Từ năm học 2010-2011 đến 2016-2017, số học sinh tăng từ 10.000 lên 15.000 em."
    assert _written(tmp_path, "2018-03-01", school) == [
        ("15.000 em", "giai đoạn 2016-2017", "actual")
    ]
    em_dash = "Đến năm 2020—2021, toàn tỉnh có 100% xã đạt chuẩn nông thôn mới."
    assert _written(tmp_path, "2017-08-01", em_dash) == [("100%", None, "target")]
    months = "Từ tháng 1/2016 đến 2017 - 2018, số dự án tăng từ 40 lên 50 dự án."
    assert _written(tmp_path, "2019-03-01", months) == [
        ("50 dự án", "giai đoạn 2017-2018", "actual")
    ]
    as_of = "Tính đến năm 2016 - 2017, toàn tỉnh có 120 trường đạt chuẩn."
    assert _written(tmp_path, "2018-03-01", as_of) == [("120 trường", "năm 2016", "actual")]
