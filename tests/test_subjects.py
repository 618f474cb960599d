"""Every figure gets the subject it measures (open vocabulary), read from real sentences.

The sentences are from real 2017 provincial news (news2017, tuning half) and the
seeds; each case is the real parser on a one-sentence document.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import run_corpus
from linter.checking.sides import bounds, two_sides
from linter.checking.usable import qualifiers
from linter.claims.extract import extract_claims
from linter.models import Document, Quantity

CASES = [
    # (sentence, quote, subject, measured)
    (
        "Tàu có trọng tải 20.108 tấn, khi mắc cạn trên tàu chở 1.701 tấn dầu FO và 113 tấn dầu DO.",
        "20.108 tấn",
        "trọng tải",
        None,
    ),
    (
        "Tàu có trọng tải 20.108 tấn, khi mắc cạn trên tàu chở 1.701 tấn dầu FO và 113 tấn dầu DO.",
        "113 tấn",
        "dầu do",
        "dầu do",
    ),
    (
        "Vải thiều Lục Ngạn năm nay dự kiến chỉ đạt sản lượng bằng 70% so với niên vụ 2016.",
        "70%",
        "sản lượng",
        None,
    ),
    (
        "Toàn huyện có 11.400 hộ dân trồng vải trên diện tích 28.000 ha.",
        "11.400 hộ",
        "hộ dân trồng vải",
        "hộ dân trồng vải",
    ),
    (
        "Năm 2016, tổng thu ngân sách năm 2016 đạt gần 20.000 tỉ đồng.",
        "gần 20.000 tỉ đồng",
        "tổng thu ngân sách",
        None,
    ),
    (
        "Sở Y tế đã xử phạt khoảng 13.000 cơ sở y tế tư nhân vi phạm.",
        "khoảng 13.000 cơ sở",
        "sở y tế xử phạt cơ sở y tế tư nhân",
        "cơ sở y tế tư nhân",  # four words after the noun at most
    ),
    (
        # A verb after the counted noun is no part of what is counted.
        "Thành phố có khoảng 13.000 cơ sở y tế hoạt động, trong đó có 16 phòng khám.",
        "khoảng 13.000 cơ sở",
        "cơ sở y tế",
        "cơ sở y tế",
    ),
    (
        "Giá bán trung bình hiện nay khoảng 15 triệu đồng/m2.",
        "khoảng 15 triệu đồng",
        "giá bán /m2",
        "/m2",
    ),
]


# The shapes that left a figure without a subject a reader would name (issue 10,
# bucket 4: a sample of 60 such figures of the readable news2017 files), each in
# words of its own: a frame noun after the verb ("chiếm tỷ trọng", "với tổng
# diện tích", "với số tiền", "có khoảng cách") names the owner before the verb;
# a bracket inside the phrase is a gloss; a figure in a bracket, after "và" or
# right after another figure glosses or continues what stands before it;
# fillers between verbs ("ước đạt bình quân hơn"); "của" joins, not cuts; a
# subject of function words only is none; a figure that opens its clause.
SHAPES = [
    (
        "Ngành thủy sản chiếm tỷ trọng khoảng 35% trong cơ cấu kinh tế của huyện.",
        "khoảng 35%",
        "ngành thủy sản tỷ trọng",
        None,
    ),
    (
        "Khu công nghiệp Phú Bài được quy hoạch với tổng diện tích 820 ha.",
        "820 ha",
        "khu công nghiệp phú bài tổng diện tích",
        None,
    ),
    (
        "Cục Thuế đã xử phạt doanh nghiệp với số tiền 300 triệu đồng.",
        "300 triệu đồng",
        "cục thuế xử phạt doanh nghiệp tiền",
        None,
    ),
    (
        "Cầu Bình Lợi mới có khoảng cách 500 m với cầu cũ.",
        "500 m",
        "cầu bình lợi khoảng cách",
        None,
    ),
    ("Chỉ số giá tiêu dùng (CPI) của tỉnh tăng 0,5%.", "0,5%", "chỉ số giá tiêu dùng", None),
    (
        "Công ty đã nạo vét kênh Thầy Cai (2,5 km) bằng máy hút bùn.",
        "2,5 km",
        "công ty nạo vét kênh thầy cai",
        None,
    ),
    (
        "Nhà đầu tư đã chi 460 tỷ đồng (khoảng 20 triệu USD) để mua lại dự án.",
        "khoảng 20 triệu USD",
        "nhà đầu tư chi",
        None,
    ),
    (
        "Doanh thu thuần của công ty lần lượt là 120 tỷ đồng và 150 tỷ đồng.",
        "150 tỷ đồng",
        "doanh thu thuần công ty",
        None,
    ),
    ("Đường dây điện dài 1,2 km và 3,4 km.", "3,4 km", "đường dây điện dài", None),
    (
        "Giá trị sản xuất công nghiệp của tỉnh ước đạt bình quân hơn 9.000 tỷ đồng.",
        "hơn 9.000 tỷ đồng",
        "giá trị sản xuất công nghiệp",
        None,
    ),
    (
        "Tổng dư nợ của ngân hàng đến cuối quý II giảm gần 500 tỷ đồng.",
        "gần 500 tỷ đồng",
        "tổng dư nợ ngân hàng cuối",
        None,
    ),
    ("Hơn 30 ha trong số 50 ha đất đã được giải phóng mặt bằng.", "Hơn 30 ha", None, None),
    # the words left of two phrases joined make no compound ("chỉ | số")
    ("Nhà máy chiếm diện tích nhỏ, chỉ 12 ha trong số 40 ha.", "40 ha", None, None),
    # A figure that opens its clause is its subject: what the clause says of it
    # tells which ("Toàn huyện có 11.400 hộ dân trồng vải" above is no such clause).
    (
        "Theo khảo sát, 65% số hộ nuôi tôm ở xã bị thua lỗ.",
        "65%",
        "hộ nuôi tôm ở xã bị thua lỗ",
        "hộ nuôi tôm",
    ),
    (
        "Hơn 200 tấn cá lồng bị chết, thiệt hại khoảng 6 tỷ đồng.",
        "Hơn 200 tấn",
        "cá lồng bị chết",
        "cá lồng",
    ),
    (
        "Trong đó 40 cơ sở có vi phạm về an toàn thực phẩm bị xử phạt.",
        "40 cơ sở",
        "cơ sở có vi phạm về an toàn",
        "cơ sở",
    ),
    # "bằng", "với", "ước" after "mặt", "đối", "công" end a noun, not the subject;
    # other introducing words after those syllables still do ("khởi công | từ").
    (
        "Công trình bắt đầu khởi công từ năm 2015 với diện tích 2,5 ha tại khu vực thôn "
        "Thủy Triều, xã Cam Hải Đông, Cam Lâm, Khánh Hòa.",
        "2,5 ha",
        "công trình bắt đầu khởi công diện tích",
        None,
    ),
    (
        "Dự án dây chuyền 2 của Công ty có tổng mức đầu tư gần 5.000 tỷ đồng, trên diện "
        "tích mặt bằng 60 ha.",
        "60 ha",
        "diện tích mặt bằng",
        None,
    ),
    (
        "Tuy nhiên, quá trình giải phóng mặt bằng phải mất 2 – 3 năm và cần giải phóng sớm.",
        "2 – 3 năm",
        "quá trình giải phóng mặt bằng phải",
        None,
    ),
    (
        "Phù Cát lập các thủ tục xử phạt vi phạm hành chính đối với 8 hộ thực hiện hành vi "
        "vi phạm.",
        "8 hộ",
        "thủ tục xử phạt vi phạm hành chính hộ hành vi",
        "hộ hành vi",
    ),
    (
        "Việt Nam cam kết bảo tồn các vùng đất ngập nước, nâng tổng số quốc gia thành viên "
        "của Công ước này lên 169 quốc gia.",
        "169 quốc gia",
        "nâng quốc gia thành viên công ước",
        "quốc gia",
    ),
    # A Roman numeral is a number only after a word that numbers ("khóa XII");
    # "xi măng", "phạm vi", "hành vi" keep their "xi" and "vi".
    (
        "Trong đó đoạn Km 23+585,26 - Km 25+573,76 được thiết kế bằng bê tông xi măng dày "
        "25cm, đá 1x2, M300.",
        "25cm",
        "bê tông xi măng dày",
        None,
    ),
    (
        "Đặc biệt theo quy định công trình có độ cao từ 45 m ở phạm vi bán kính 30 km từ sân "
        "bay đều phải xin ý kiến về an toàn tĩnh không.",
        "30 km",
        "ở phạm vi bán kính",
        None,
    ),
    (
        "Trước đây 2 năm, doanh nghiệp này cũng đã bị phạt 275 triệu đồng về hành vi xả nước "
        "thải chưa qua xử lý ra môi trường.",
        "275 triệu đồng",
        "doanh nghiệp bị phạt về hành vi xả",
        "về hành vi xả",
    ),
    (
        "Việc triển khai và thực hiện Nghị quyết trung ương 4 khóa XII về xây dựng chỉnh đốn "
        "Đảng được triển khai bài bản.",
        "4 khóa",
        "nghị quyết trung ương khóa về xây dựng chỉnh",
        "khóa về xây dựng chỉnh",
    ),
    (
        "Trường dự kiến tuyển 2.500 chỉ tiêu hệ chính quy.",
        "2.500 chỉ tiêu",
        "trường tuyển chỉ tiêu hệ chính quy",
        "chỉ tiêu hệ chính quy",
    ),
]


@pytest.mark.parametrize(("sentence", "quote", "subject", "measured"), CASES + SHAPES)
def test_subject_of_a_real_sentence(
    tmp_path: Path, sentence: str, quote: str, subject: str, measured: str | None
) -> None:
    doc = f"---\ndate: 2017-06-20\nprovince: Bình Thuận\n---\n{sentence}\n"
    result = run_corpus(tmp_path, {"a.md": doc})
    (q,) = [c for c in result.claims["a.md"] if isinstance(c, Quantity) and c.span.quote == quote]
    assert (q.subject, q.measured) == (subject, measured)


def test_a_figure_counted_in_any_noun_is_a_quantity(tmp_path: Path) -> None:
    doc = (
        "---\ndate: 2017-06-20\nprovince: Bình Định\n---\n"
        "Có 25 tàu cá vỏ thép hư hỏng; 222 Trần Hưng Đạo là trụ sở; năm 2017 có 3 tàu mới.\n"
    )
    result = run_corpus(tmp_path, {"a.md": doc})
    found = [
        (c.span.quote, c.unit, c.subject, c.open_unit)
        for c in result.claims["a.md"]
        if isinstance(c, Quantity)
    ]
    # "222 Trần Hưng Đạo" is an address (a capitalised name), "2017" a year.
    assert found == [
        ("25 tàu cá", "tàu", "tàu cá vỏ thép hư hỏng", True),
        ("3 tàu mới", "tàu", "tàu mới", True),
    ]


# One noun spelled joined or split, and a counted noun with a qualifier ("lượt du
# khách" counts "lượt khách"), from two reports of one event each (news2017, C067
# and C045): both spellings give one unit and one subject.
SPELLINGS = [
    ("Đoàn liên ngành quận 1 đã tổ chức 46 đợt kiểm tra, xử lý 203 ôtô, cẩu 60 xe.", "203 ôtô"),
    ("Đoàn liên ngành quận 1 đã tổ chức 46 đợt kiểm tra, xử lý 230 ô tô, cẩu 60 xe.", "230 ô tô"),
]


def test_a_word_spelled_joined_or_split_gives_one_unit_and_subject(tmp_path: Path) -> None:
    read = []
    for sentence, quote in SPELLINGS:
        doc = f"---\ndate: 2017-06-15\nprovince: TP Hồ Chí Minh\n---\n{sentence}\n"
        result = run_corpus(tmp_path, {"a.md": doc})
        (q,) = [
            c for c in result.claims["a.md"] if isinstance(c, Quantity) and c.span.quote == quote
        ]
        read.append((q.unit, q.subject, q.measured))
    assert read == [("ô tô", "xử lý ô tô", "ô tô")] * 2


def test_visitors_counted_with_a_qualifier_are_one_unit(tmp_path: Path) -> None:
    doc = (
        "---\ndate: 2017-02-06\nprovince: TP Hồ Chí Minh\n---\n"
        "Đường hoa Nguyễn Huệ 2017 đã đón hơn một triệu lượt du khách đến tham quan. "
        "Đường hoa Tết Đinh Dậu 2017 thu hút gần 1 triệu lượt khách tham quan.\n"
    )
    result = run_corpus(tmp_path, {"a.md": doc})
    read = [
        (c.span.quote, c.unit, c.measured) for c in result.claims["a.md"] if isinstance(c, Quantity)
    ]
    # The words of the amount ("một triệu", "triệu") are no part of what is counted.
    assert read == [
        ("hơn một triệu lượt du khách", "lượt khách", "lượt du khách"),
        ("gần 1 triệu lượt khách", "lượt khách", "lượt khách tham quan"),
    ]


def test_a_count_in_scale_words_and_in_digits_has_one_subject(tmp_path: Path) -> None:
    doc = (
        "---\ndate: 2017-02-06\nprovince: TP Hồ Chí Minh\n---\n"
        "Đường hoa Nguyễn Huệ đón 1,2 triệu lượt khách. Đường hoa Nguyễn Huệ đón 1.200.000 lượt khách.\n"
    )
    result = run_corpus(tmp_path, {"a.md": doc})
    read = [(c.value, c.subject) for c in result.claims["a.md"] if isinstance(c, Quantity)]
    assert read == [(1_200_000, "đường hoa nguyễn huệ đón lượt khách")] * 2


# Unit words spelled with the accent, with a hyphen or joined (news2017, Đồng Nai
# and Gia Lai) are the unit table's: "hơn 10 hécta cây tràm" is an area in ha, not
# a count of a noun "hécta".
UNIT_SPELLINGS = [
    ("Cty Tín Nghĩa đốn hạ hơn 10 hécta cây tràm của gia đình bà Oanh.", "hơn 10 hécta", "ha"),
    (
        "Diện tích đất của Dự án Cảng hàng không quốc tế Long Thành là 5.000 héc-ta.",
        "5.000 héc-ta",
        "ha",
    ),
    ("Ngọn lửa đã thiêu rụi hơn 10 ki ốt của các tiểu thương tại chợ.", "hơn 10 ki ốt", "ki ốt"),
    ("Ngọn lửa đã thiêu rụi hơn 10 kiốt của các tiểu thương tại chợ.", "hơn 10 kiốt", "ki ốt"),
    ("Đoàn đã xử lý 203 xe ô tô, cẩu 60 xe.", "203 xe ô tô", "ô tô"),
]


@pytest.mark.parametrize(("sentence", "quote", "unit"), UNIT_SPELLINGS)
def test_a_unit_word_in_another_spelling_is_the_table_unit(
    tmp_path: Path, sentence: str, quote: str, unit: str
) -> None:
    doc = f"---\ndate: 2017-06-20\nprovince: Đồng Nai\n---\n{sentence}\n"
    result = run_corpus(tmp_path, {"a.md": doc})
    found = [
        c.unit for c in result.claims["a.md"] if isinstance(c, Quantity) and c.span.quote == quote
    ]
    assert found == [unit]


@pytest.mark.parametrize(
    ("second", "paired"),
    [
        ("Vốn cho vay qua kho bạc đạt gần 300 tỷ đồng.", True),
        # shares "vốn" and the preposition "qua": "qua" tells no money from another
        ("Vốn đầu tư qua ngân sách xã đạt gần 300 tỷ đồng.", False),
    ],
)
def test_subjects_sharing_only_function_words_are_not_one(second: str, paired: bool) -> None:
    def figures(text: str) -> list[Quantity]:
        doc = Document(path="a.txt", original=text, text=text)
        return [c for c in extract_claims(doc) if isinstance(c, Quantity)]

    ours = figures("Vốn cho vay qua kho bạc đạt hơn 300 tỷ đồng.")
    (theirs,) = figures(second)
    assert "qua" not in qualifiers(theirs)  # function words are no qualifiers
    assert bool(list(two_sides(bounds(ours), bounds([theirs]), 0.05))) is paired
