"""Every figure gets the subject it measures (open vocabulary), read from real sentences.

The sentences are from real 2017 provincial news (news2017, tuning half) and the
seeds; each case is the real parser on a one-sentence document.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import run_corpus
from linter.models import Quantity

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


@pytest.mark.parametrize(("sentence", "quote", "subject", "measured"), CASES)
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
