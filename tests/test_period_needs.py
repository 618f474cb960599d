"""periods.py reads a sentence with _PERIOD (and _WORDY_DATE) only when a quick
search finds what every match holds (_PERIOD_NEEDS, _WORDY_DATE_NEEDS): a
necessary condition kept by hand beside a long pattern. A period added to the
pattern without its word in the condition would be silently skipped; these tests
hold the short-cut equal to reading every sentence, on crafted wordings (the
periods written without a digit among them) and seeds/."""

from __future__ import annotations

import re

from conftest import seed_texts
from linter.claims import periods
from linter.nlp import fold, sentences

# Every period _PERIOD knows written without a digit, with and without the words
# around it, and a few with digits and none at all.
CRAFTED = [
    "quý I",
    "quí iv",
    "Doanh thu quý II năm nay tăng",
    "quý iii đạt kết quả tốt",
    "sáu tháng đầu năm nay",
    "sáu tháng cuối năm",
    "kế hoạch cả năm nay",
    "chỉ tiêu tăng trưởng cả năm",
    "chín tháng",
    "chín tháng đầu năm",
    "nửa đầu năm",
    "ba tháng qua",
    "sáu tháng vừa qua",
    "ba tháng năm nay",
    "sáu tháng, tỉnh thu",
    "sáu tháng ước đạt",
    "tháng mười",
    "trong năm nay",
    "giai đoạn 2016 - 2020 và nhiệm kỳ 2015–2020",
    "(2016-2020), 2016 — 2017",
    "quý 3/2017, quý IV năm 2016",
    "6 tháng đầu năm 2017, 9 tháng năm 2016, 3 tháng/2017",
    "tháng 7/2017, tháng 12 năm 2016, hết năm 2017, trong 2016, Hải Phòng",
    "đầu năm 2017 và cuối năm 2017",
    "ngày 12 tháng 7 năm 2024, ngày 5 tháng 3 và 12 tháng 7",
    "Không có kỳ nào ở đây.",
    "",
]


def _texts() -> list[str]:
    said = [text[a:b] for text in seed_texts() for a, b in sentences(text)]
    return [fold(t) for t in CRAFTED + said] + CRAFTED  # "quí" is folded to "quý"


def _read(matches: object) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
    return [(m.span(), m.groupdict()) for m in matches]  # type: ignore[attr-defined]


def test_periods_short_cut_reads_what_every_sentence_would() -> None:
    texts = _texts()
    for text in texts:
        assert _read(periods._periods(text)) == _read(periods._PERIOD.finditer(text)), text
    # the periods written without a digit are found, so the test covers the words
    # ("nửa đầu năm", "tháng mười" and "trong năm nay" are no period _PERIOD knows)
    no_digit = [t for t in CRAFTED if not re.search(r"\d", t)]
    unread = [t for t in no_digit if not periods._periods(fold(t))]
    assert unread == ["nửa đầu năm", "tháng mười", "trong năm nay", "Không có kỳ nào ở đây.", ""]
    assert len(no_digit) - len(unread) == 15
    assert sum(bool(periods._periods(t)) for t in texts) > 40


def test_wordy_dates_short_cut_reads_what_every_sentence_would() -> None:
    for text in _texts():
        whole = [m for m in periods._WORDY_DATE.finditer(text) if m["lead"] or m["y"]]
        assert _read(periods._wordy_dates(text)) == _read(whole), text
    assert [m.group() for m in periods._wordy_dates(fold(CRAFTED[-3]))] == [
        "ngày 12 tháng 7 năm 2024",
        "ngày 5 tháng 3",
    ]
