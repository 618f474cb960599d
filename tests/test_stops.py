"""The sentence bounds LI01's lists and AR01's breakdowns share (linter.claims.stops),
on sentences of news2017's tuning half (the file each comes from is named) and on
odd input."""

from __future__ import annotations

import pytest

from linter.claims.stops import sentence_end, sentence_start

# dong-thap/mz-22548140, dak-lak: an abbreviation before a place's name ends nothing.
TP = "Thậm chí, nhiều xe container từ Tp. Hồ Chí Minh về Đồng Tháp mua cát với giá rất cao."
HOI_NGHI = "Theo đó, Hội nghị sẽ được tổ chức vào ngày 11/3/2017 tại TP. Buôn Ma Thuột - Đắk Lắk."


@pytest.mark.parametrize(
    ("text", "first"),
    [
        (f"{TP} Giá cát tăng.", TP[:-1]),
        (f"{HOI_NGHI} Đại biểu dự họp.", HOI_NGHI[:-1]),
        (
            "Theo PGS. TS. Lê Văn A, đề án khả thi. Ông nói thêm.",
            "Theo PGS. TS. Lê Văn A, đề án khả thi",
        ),
        # A stop before a word in lower case ("v.v."), a name cut short ("H."): the
        # sentence goes on.
        ("Chợ bán rau, quả v.v. với giá rẻ! Sau đó", "Chợ bán rau, quả v.v. với giá rẻ"),
        ("Anh Nguyễn Văn H. cho biết xe hỏng! Sau đó", "Anh Nguyễn Văn H. cho biết xe hỏng"),
        ("Có 3 lỗi? “Không”, ông nói.", "Có 3 lỗi"),
        # A decimal or a date is no stop; no stop at all is the limit.
        ("Giá 1.040 đồng ngày 8.2 vẫn giữ", "Giá 1.040 đồng ngày 8.2 vẫn giữ"),
    ],
)
def test_the_first_sentence_ends_at_its_own_stop(text: str, first: str) -> None:
    assert text[: sentence_end(text, 0, len(text))] == first


def test_a_sentence_starts_after_the_last_stop_that_ends_one() -> None:
    text = f"Giá cát tăng. {TP} Xe chở cát"
    assert text[sentence_start(text, text.index("Đồng Tháp"), 0) :].startswith("Thậm chí")
    assert text[sentence_start(text, text.index("chở"), 0) :] == "Xe chở cát"
    # Nothing of a sentence before `at` yet: the sentence before it is asked (a cue
    # that opens a sentence, "Cụ thể như sau:", goes on from the one before).
    assert sentence_start(text, text.index("Thậm"), 0) == 0
    assert sentence_start(text, text.index("Thậm") - 1, 0) == 0


@pytest.mark.parametrize("text", ["", ".", "TP.", ". . .", "a.\n\n", "!?"])
def test_odd_text_has_bounds_inside_it(text: str) -> None:
    for at in range(len(text) + 1):
        assert at <= sentence_end(text, at, len(text)) <= len(text)
        assert 0 <= sentence_start(text, at, 0) <= at
