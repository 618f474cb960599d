"""EV01's second way to find one figure in two reports: sentences that rewrite one
another (linter.checking.align) and running counts a later report brings up to
date (linter.checking.running), on real sentences of news2017's tuning half.

The corpus lives in ../shared (outside the repo); the tests on whole articles skip
without it, the tests on sentences quoted here do not.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from linter.checking.align import (
    STRONG_ALIGN,
    Report,
    aligned_figures,
    alignment,
    cannot_both_hold,
    report,
)
from linter.claims.extract import extract_claims
from linter.engine.run import Options, run
from linter.models import Document, Quantity

# Two outlets' copies of one provincial notice (binh-thuan/mz-22505758.txt and
# mz-22507065.txt), one with two digits of the tonnage swapped.
SHIP_A = "Tàu có trọng tải 20.108 tấn, khi mắc cạn trên tàu chở 1.701 tấn dầu FO và 113 tấn dầu DO."
SHIP_B = "Tàu có trọng tải 20.018 tấn và chở 1.701 tấn dầu FO, 113 tấn dầu DO."


def _report(text: str) -> Report:
    doc = Document(path="a.txt", original=text, text=text)
    return report(text, [c for c in extract_claims(doc) if isinstance(c, Quantity)])


def test_rewrites_of_one_sentence_align_strongly() -> None:
    assert alignment(SHIP_A, SHIP_B) >= STRONG_ALIGN


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # Two projects of one story: "Tổng mức đầu tư" is a topic, not a rewrite
        # (tp-ho-chi-minh/mz-22488518.txt, mz-22524591.txt).
        (
            "Tổng mức đầu tư của phương án là 61.590 tỷ đồng.",
            "Tổng mức đầu tư dự án ước hơn 5.400 tỉ đồng.",
        ),
        # Two schools' quotas (tp-ho-chi-minh/mz-21492737.txt, mz-21493916.txt).
        (
            "Ở hệ ĐH, Trường tuyển 3.500 chỉ tiêu dự kiến.",
            "Trong khi đó, Trường ĐH Mở TP HCM dự kiến tuyển 3.900 chỉ tiêu.",
        ),
    ],
)
def test_sentences_of_one_topic_do_not_align(first: str, second: str) -> None:
    assert alignment(first, second) == 0.0


def test_figures_are_paired_by_the_words_around_their_numbers() -> None:
    """Three figures in tấn on each side: each is paired with the one at its place."""
    pairs = aligned_figures(_report(SHIP_A), _report(SHIP_B))
    found = sorted((a.first.span.quote, a.second.span.quote) for a in pairs)
    assert found == [
        ("1.701 tấn", "1.701 tấn"),
        ("113 tấn", "113 tấn"),
        ("20.108 tấn", "20.018 tấn"),
    ]


def test_two_verbs_before_one_noun_are_two_figures() -> None:
    """ "kiểm tra 197 phòng khám" and "đình chỉ 16 phòng khám": nothing said alike
    right around the numbers, though the rest of the sentences is shared."""
    first = (
        "Sở Y tế đã kiểm tra 197 phòng khám có yếu tố nước ngoài, phạt tổng cộng 1.254 triệu đồng."
    )
    second = "Sở Y tế phạt tổng cộng 1.254 triệu đồng; đình chỉ 16 phòng khám."
    pairs = aligned_figures(_report(first), _report(second))
    assert [(a.first.span.quote, a.second.span.quote) for a in pairs] == [
        ("1.254 triệu đồng", "1.254 triệu đồng")
    ]


def _figures(text: str) -> list[Quantity]:
    doc = Document(path="a.txt", original=text, text=text)
    return [c for c in extract_claims(doc) if isinstance(c, Quantity)]


def test_two_figures_are_one_unless_the_other_side_states_both_as_precisely() -> None:
    """`cannot_both_hold`, which rewrites and glosses share: "55 m" against "50 m" cannot
    both hold; a rule's bound "từ 45 m" on the other side states no 55 m again,
    a car park's "55 m" does (then the other report states both heights)."""
    ours = _figures("Tòa nhà cao 55 m.")
    for other, expected in [
        ("Tòa nhà cao 50 m. Công trình cao từ 45 m phải xin phép.", True),
        ("Tòa nhà cao 50 m. Bãi đỗ xe cách 55 m.", False),
    ]:
        theirs = _figures(other)
        assert cannot_both_hold(ours[0], theirs[0], (ours, theirs), 0.05) is expected, other


def _found(news: Path, *paths: str) -> list[tuple[str, list[tuple[str, str]]]]:
    result = run([news / p for p in paths], Options(select=["EV01"]), root=news)
    return [
        (f.severity.value, [(e.path, e.quote) for e in f.evidence])
        for f in result.findings
        if f.code == "EV01"
    ]


def test_a_rewritten_sentence_with_a_weak_subject_is_compared(news: Path) -> None:
    """Two reports of one logistics project: "trên tổng diện tích đất 5,07ha trong
    Khu hậu cần" / "trên tổng diện tích gần 6ha trong Khu hậu cần" (no subject
    words beyond "diện tích", which says nothing)."""
    found = _found(news, "da-nang/mz-21489944.txt", "da-nang/mz-21491903.txt")
    assert found == [
        ("info", [("da-nang/mz-21489944.txt", "5,07ha"), ("da-nang/mz-21491903.txt", "gần 6ha")])
    ]


def test_a_poll_read_at_two_hours_is_no_conflict(news: Path) -> None:
    """ "Tính đến ngày 6/2, có 73% ... Trong khi đó, 26% ý kiến" against "đến trưa
    6-2, đã có 78% ... Trong khi đó, 21% (21.280) ý kiến": one online poll read
    twice; the sentences are rewrites, the counts run."""
    assert _found(news, "ha-noi/mz-21472775.txt", "ha-noi/mz-21473953.txt") == []


def test_a_count_that_falls_is_not_an_update(news: Path) -> None:
    """ "xử lý 203 ôtô" against "từ ngày 16/1 đến ngày 14/4 ... 230 ô tô": a span of
    days is no running count, and the swapped digits are still reported (T30)."""
    found = _found(news, "tp-ho-chi-minh/mz-22529736.txt", "tp-ho-chi-minh/mz-22536340.txt")
    assert found == [
        (
            "info",
            [
                ("tp-ho-chi-minh/mz-22529736.txt", "203 ôtô"),
                ("tp-ho-chi-minh/mz-22536340.txt", "230 ô tô"),
            ],
        )
    ]


def test_stories_linked_by_their_titles_alone_share_no_subject(news: Path) -> None:
    """Two Nghệ An stories of health-insurance fraud: "khám chữa bệnh 57 lần ở 13 cơ
    sở y tế" (a patient in another city) and "59 cơ sở y tế ký hợp đồng" (the
    province's). With no figure and no name in common, "cơ sở y tế" alone does not
    make the two figures one."""
    assert _found(news, "nghe-an/mz-22397427.txt", "nghe-an/mz-22490735.txt") == []
