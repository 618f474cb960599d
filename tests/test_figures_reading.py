"""Figures that were never read (issue 10): each class with real sentences.

Every sentence is from news2017's tuning files (the file is named beside it),
read by the real parser as a one-sentence document; each case lists every
figure the sentence states, with what the parser must make of it. A class that
stays unread leaves one report of a contradiction with nothing to compare.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import run_corpus
from linter.claims.quantities import intervals_overlap
from linter.models import Quantity

INF = None

# (sentence, [(quote, value, unit, op, low, high, measure)])
CASES = [
    # A count in scale words of a noun outside the unit table (dong-nai/mz-22377047).
    (
        "Như vậy, SBT dự kiến phát hành 303,83 triệu cổ phiếu để thực hiện hoán đổi "
        "297,87 triệu cổ phiếu BHS.",
        [
            (
                "303,83 triệu cổ phiếu",
                303_830_000,
                "cổ phiếu",
                "eq",
                303_830_000,
                303_830_000,
                "level",
            ),
            (
                "297,87 triệu cổ phiếu",
                297_870_000,
                "cổ phiếu",
                "eq",
                297_870_000,
                297_870_000,
                "level",
            ),
        ],
    ),
    # ... with a comparator; an average per trip is a ratio, no count (ha-noi/mz-22271637).
    (
        "Trung tâm đã thực hiện trên 40.000 lượt xe với tổng lượng vận chuyển hơn 1,64 triệu "
        "khách, bình quân 41,5 khách/lượt xe.",
        [
            ("trên 40.000 lượt", 40_000, "lượt", "gt", 40_000, INF, "level"),
            ("hơn 1,64 triệu khách", 1_640_000, "lượt khách", "gt", 1_640_000, INF, "level"),
        ],
    ),
    # A range and a yearly rate of any noun (da-nang/mz-22321220).
    (
        "Nhà ga hành khách quốc tế Đà Nẵng có công suất 4-6 triệu hành khách/năm.",
        [("4-6 triệu hành khách/năm", 4e6, "lượt khách/năm", "range", 4e6, 6e6, "level")],
    ),
    # "mỗi năm" and "một năm" are "/năm" (tp-ho-chi-minh/mz-22533309).
    (
        "Như vậy, có thể nâng cấp sân bay lên công suất 56 triệu khách mỗi năm (nhà ga quốc tế "
        "có công suất 12 triệu khách một năm và một nhà ga quốc nội 8 triệu).",
        [
            ("56 triệu khách mỗi năm", 56e6, "lượt khách/năm", "eq", 56e6, 56e6, "level"),
            ("12 triệu khách một năm", 12e6, "lượt khách/năm", "eq", 12e6, 12e6, "level"),
        ],
    ),
    # "điểm" counting sites (an-giang/mz-22280189).
    (
        "Năm tháng đầu năm 2017, toàn tỉnh đã xảy ra 15 điểm sụp lún, sạt lở đất bờ sông, "
        "kênh, rạch, với tổng chiều dài trên 1,2km ảnh hưởng đến 170 căn nhà.",
        [
            ("15 điểm sụp", 15, "điểm", "eq", 15, 15, "level"),
            ("trên 1,2km", 1.2, "km", "gt", 1.2, INF, "level"),
            ("170 căn nhà", 170, "nhà", "eq", 170, 170, "level"),
        ],
    ),
    # "điểm" as a score, a bound after it and a difference stated with "cao hơn"
    # (ha-noi/mz-22745081): "cao hơn 1 điểm" is one point more, not "more than 1".
    (
        "Trường nhận hồ sơ xét tuyển của các thí sinh đạt từ 18 điểm trở lên, cao hơn 1 điểm "
        "so với năm 2016.",
        [
            ("18 điểm trở lên", 18, "điểm", "ge", 18, INF, "level"),
            ("1 điểm", 1, "điểm", "eq", 1, 1, "increase"),
        ],
    ),
    # Compound durations, in years (dong-nai/mz-22275368).
    (
        "Dự án cầu Mỹ Lợi, quốc lộ 50 kéo dài nhiều nhất là 16 năm 2 tháng (từ 28 năm 4 "
        "tháng lên 44 năm 6 tháng).",
        [
            ("16 năm 2 tháng", 16.1666666667, "năm", "eq", 16.1666666667, 16.1666666667, "level"),
            (
                "từ 28 năm 4 tháng",
                28.3333333333,
                "năm",
                "eq",
                28.3333333333,
                28.3333333333,
                "level",
            ),
            ("44 năm 6 tháng", 44.5, "năm", "eq", 44.5, 44.5, "level"),
        ],
    ),
    # An order of magnitude (tp-ho-chi-minh/mz-21494376).
    (
        "Sau tám ngày hoạt động đón hàng trăm ngàn lượt khách dịp Tết Đinh Dậu 2017, đường "
        "sách tết đạt tổng doanh thu 3,37 tỉ đồng.",
        [
            ("hàng trăm ngàn lượt khách", 1e5, "lượt khách", "approx", 1e5, 1e6, "level"),
            ("3,37 tỉ đồng", 3.37e9, "VND", "eq", 3.37e9, 3.37e9, "level"),
        ],
    ),
    # ... of money, and money without "đồng" where the clause names money (lao-cai/mz-22229431).
    (
        "Nhiều khách hàng ở Lào Cai bị thất thoát hàng chục tỷ đồng gửi tiết kiệm còn duy nhất "
        "1 triệu sau khi nhờ một phụ nữ thân thiết mở hộ tài khoản.",
        [
            ("hàng chục tỷ đồng", 1e10, "VND", "approx", 1e10, 1e11, "level"),
            ("1 triệu", 1e6, "VND", "eq", 1e6, 1e6, "level"),
        ],
    ),
    # A fine without "đồng" (ha-noi/mz-22250402).
    (
        "Công ty Cổ phần Triệu Sơn (Hà Nội) phạt 65 triệu vì quảng cáo khi chưa được xác nhận "
        "nội dung.",
        [("65 triệu", 65e6, "VND", "eq", 65e6, 65e6, "level")],
    ),
    # A population names no money: its bare millions stay unread (tp-ho-chi-minh/mz-22674176).
    (
        "Dân số Nhật Bản sẽ giảm 40 triệu, từ khoảng 120 triệu xuống còn 80 triệu.",
        [],
    ),
    # Shares sold are a count, never money (gia-lai/mz-22225560).
    (
        "Quỹ VOF PE Holding 5 Limited bán hơn 17 triệu cổ phiếu.",
        [("hơn 17 triệu cổ phiếu", 17e6, "cổ phiếu", "gt", 17e6, INF, "level")],
    ),
    # "doanh số" (sales) is no document number "số 105" (nghe-an/mz-21474294).
    (
        "Agribank Nghệ An chi trả được hơn 82.500 món kiều hối, doanh số 105,5 triệu USD.",
        [
            ("hơn 82.500 món kiều", 82_500, "món", "gt", 82_500, INF, "level"),
            ("105,5 triệu USD", 105.5e6, "USD", "eq", 105.5e6, 105.5e6, "level"),
        ],
    ),
    # A decimal point before a scale word, the English way (tp-ho-chi-minh/mz-22473098).
    (
        "Ngành du lịch Việt Nam đã có một khởi đầu khá tốt với khoảng 3.2 triệu lượt khách "
        "quốc tế vào quý 1, tăng 29% so với cùng kỳ năm trước.",
        [
            ("khoảng 3.2 triệu lượt khách", 3.2e6, "lượt khách", "approx", 3.04e6, 3.36e6, "level"),
            ("29%", 29, "%", "eq", 29, 29, "increase"),
        ],
    ),
    # Scores after a colon, and the changes of them (ha-noi/mz-22654780).
    (
        "Điểm chuẩn mới các lớp chuyên là: Ngữ văn: 33,0 điểm (giảm 1 điểm so với lần 1); "
        "Tiếng Anh: 38,50 điểm (giảm 1,0 điểm).",
        [
            ("33,0 điểm", 33, "điểm", "eq", 33, 33, "level"),
            ("1 điểm", 1, "điểm", "eq", 1, 1, "decrease"),
            ("38,50 điểm", 38.5, "điểm", "eq", 38.5, 38.5, "level"),
            ("1,0 điểm", 1, "điểm", "eq", 1, 1, "decrease"),
        ],
    ),
    # One unit for a change from one amount to another (kien-giang/mz-22650720).
    (
        "Số lượng du khách đến Việt Nam đã tăng từ 5 triệu lên 8 triệu lượt khách.",
        [
            ("từ 5 triệu", 5e6, "lượt khách", "eq", 5e6, 5e6, "level"),
            ("8 triệu lượt khách", 8e6, "lượt khách", "eq", 8e6, 8e6, "level"),
        ],
    ),
    # "trở xuống" is an upper bound, "lớn hơn" a lower one, "cao hơn" (above) a difference
    # (ha-noi/mz-22732432, dak-lak/mz-21495057).
    (
        "Trường hợp doanh thu từ 100 triệu trở xuống cá nhân phải đăng ký, kê khai thuế.",
        [("từ 100 triệu trở xuống", 1e8, "VND", "le", INF, 1e8, "level")],
    ),
    (
        "Gói thầu yêu cầu nhà thầu phải có 1 hợp đồng tương tự với giá trị lớn hơn 103 tỷ đồng.",
        [
            ("1 hợp đồng", 1, "hợp đồng", "eq", 1, 1, "level"),
            ("hơn 103 tỷ đồng", 103e9, "VND", "gt", 103e9, INF, "level"),
        ],
    ),
    # "trong số" (out of) is no document number "số 157", and a scale word is a whole
    # word: "113 ngành" is no "113 ngàn" (tp-ho-chi-minh/mz-22486018, thua-thien-hue/mz-21495428).
    (
        "Tôi nghĩ sân golf chiếm diện tích nhỏ thôi, chiếm 132 ha trong số 157 ha đất quốc phòng.",
        [
            ("132 ha", 132, "ha", "eq", 132, 132, "level"),
            ("157 ha", 157, "ha", "eq", 157, 157, "level"),
        ],
    ),
    (
        "Đại học Huế dự kiến tuyển sinh khoảng 12.000 chỉ tiêu với 113 ngành đào tạo trình độ "
        "đại học và 5 ngành trình độ cao đẳng hệ chính quy.",
        [
            ("khoảng 12.000 chỉ tiêu", 12_000, "chỉ tiêu", "approx", 11_400, 12_600, "level"),
            ("113 ngành đào", 113, "ngành", "eq", 113, 113, "level"),
            ("5 ngành trình", 5, "ngành", "eq", 5, 5, "level"),
        ],
    ),
    # A lunar date with a range of days is no count (bac-giang/mz-21490195).
    ("Mọi năm, cứ tầm mồng 7 - 8 tết vải đã ra hoa trắng xóa cành.", []),
    # "triệu phú" is a millionaire, not a million of "phú" (tp-ho-chi-minh/mz-22443097).
    ("Hiện tại Việt Nam có khoảng 50 triệu phú đôla.", []),
]


def _read(tmp_path: Path, sentence: str) -> list[Quantity]:
    doc = f"---\ndate: 2017-06-20\nprovince: Hà Nội\n---\n{sentence}\n"
    result = run_corpus(tmp_path, {"a.md": doc})
    return [c for c in result.claims["a.md"] if isinstance(c, Quantity)]


@pytest.mark.parametrize(("sentence", "expected"), CASES)
def test_every_figure_of_a_real_sentence_is_read(
    tmp_path: Path, sentence: str, expected: list[tuple[object, ...]]
) -> None:
    read = [
        (q.span.quote, q.value, q.unit, q.op.value, q.low, q.high, q.measure)
        for q in _read(tmp_path, sentence)
    ]
    assert read == expected


def test_one_unit_said_for_two_amounts(tmp_path: Path) -> None:
    """ "từ 35 triệu xuống còn 8 triệu đồng" (binh-thuan/mz-22449696) and "giảm từ 20 tỷ
    năm 2017 còn 10 tỷ năm 2021" (ha-noi/mz-22553453): the first amount is the level it
    changed from (op eq, a level), in the unit of the second, with the same subject."""
    fine = _read(tmp_path, "Người ta vẫn hạ mức xử phạt từ 35 triệu xuống còn 8 triệu đồng.")
    assert [(q.span.quote, q.value, q.unit, q.op.value, q.subject) for q in fine] == [
        ("từ 35 triệu", 35e6, "VND", "eq", "người ta vẫn hạ mức xử phạt"),
        ("8 triệu đồng", 8e6, "VND", "eq", "người ta vẫn hạ mức xử phạt"),
    ]
    debt = _read(tmp_path, "Nợ phải thu đặt mục tiêu giảm từ 20 tỷ năm 2017 còn 10 tỷ năm 2021.")
    assert [
        (q.value, q.measure, q.period and q.period.label, q.status and q.status.value) for q in debt
    ] == [(2e10, "level", "năm 2017", "target"), (1e10, "level", "năm 2021", "target")]


def test_an_order_of_magnitude_contradicts_a_figure_ten_times_larger(tmp_path: Path) -> None:
    """Reading entry T16 (C045): visitors of the Tết book street, "ước lượng 4 triệu
    lượt khách tham quan" in one report and "hàng trăm ngàn lượt khách" in another."""
    (four,) = _read(tmp_path, "Lễ hội đường Sách ước lượng 4 triệu lượt khách tham quan.")
    (vague,) = _read(tmp_path, "Đường sách đón hàng trăm ngàn lượt khách dịp Tết Đinh Dậu.")
    assert four.unit == vague.unit == "lượt khách"
    assert (four.measured or "").startswith("lượt khách")
    assert (vague.measured or "").startswith("lượt khách")
    interval = (vague.low, vague.high, vague.low_inclusive, vague.high_inclusive)
    assert not intervals_overlap((four.low, four.high, True, True), interval)
    assert intervals_overlap((5e5, 5e5, True, True), interval)


def test_a_title_in_front_matter_is_read_on_its_line(tmp_path: Path) -> None:
    """news2017 keeps each title in front matter (an-giang/mz-21510412: "Vụ đại gia thủy
    sản ôm 80 tỷ lặn mất tăm: Lãnh đạo tỉnh nói gì?"); its figure is read and located
    on the title's line, and belongs to no sentence of the body."""
    doc = (
        '---\ntitle: "Vụ đại gia thủy sản ôm 80 tỷ lặn mất tăm: Lãnh đạo tỉnh nói gì?"\n'
        "province: An Giang\n---\n"
        "Công ty Thuận An ôm 80 tỷ đồng lặn mất tăm.\n"
    )
    result = run_corpus(tmp_path, {"a.md": doc})
    read = [
        (q.span.line, q.span.column, q.span.quote, q.value, q.unit, q.sentence)
        for q in result.claims["a.md"]
        if isinstance(q, Quantity)
    ]
    assert read == [
        (2, 32, "80 tỷ", 8e10, "VND", (0, 0)),
        (5, 21, "80 tỷ đồng", 8e10, "VND", (0, 43)),
    ]
