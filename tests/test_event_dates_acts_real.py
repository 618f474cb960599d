"""EV03 (checks/event_dates.py, checks/held.py) on real reports of one event in
news2017's tuning half: one approval of Hà Nội's admissions plan dated 9/2 and 10/2
(T57 of the reading set), and the IPU conference held on 10/5 in one report and from
11 to 13/5 in another (T86), and the double-decker bus trial that one report opens
with on 30/7 and two others on 30/6 (T29), each found exactly."""

from __future__ import annotations

from pathlib import Path

import pytest

from checks import named_days
from conftest import SHARED
from linter import nlp
from linter.engine.run import Options, run
from linter.models import Severity

NEWS = SHARED / "corpus" / "news2017"


def _found(names: list[str]) -> list[tuple[Severity, str, tuple[tuple[str, str], ...]]]:
    paths: list[Path] = [NEWS / name for name in names]
    if not all(p.is_file() for p in paths):
        pytest.skip(f"news2017 not present under {NEWS} (it lives in ../shared)")
    result = run(paths, Options(select={"EV03"}), root=SHARED)
    return [
        (f.severity, f.message, tuple((e.path.rsplit("/", 1)[-1], e.quote) for e in f.evidence))
        for f in result.findings
        if f.code == "EV03"
    ]


def test_one_approval_given_two_days_is_reported() -> None:
    found = _found(
        [
            "ha-noi/mz-21507565.txt",  # "ngày 9.2 Phó Chủ tịch ... đã ký quyết định phê duyệt"
            "ha-noi/mz-21508537.txt",  # "Ngày 10/2, UBND thành phố Hà Nội chấp thuận"
            "ha-noi/mz-21511808.txt",  # "Ngày 9-2, Phó Chủ tịch ... đã ký"
        ]
    )
    assert found == [
        (
            Severity.INFO,
            "Các bản tin về cùng một sự kiện ghi thời gian là 9/2 và 10/2.",
            (
                ("mz-21507565.txt", "ngày 9.2 Phó Chủ tịch UBND TP Hà Nội Ngô Văn Quý đã ký"),
                ("mz-21508537.txt", "Ngày 10/2, UBND thành phố Hà Nội chấp thuận"),
                ("mz-21511808.txt", "ngày 9-2, Phó Chủ tịch UBND TP Hà Nội Ngô Văn Quý đã ký"),
            ),
        )
    ]


def test_a_conference_held_on_a_day_outside_the_other_span_is_reported() -> None:
    found = _found(
        [
            "tp-ho-chi-minh/mz-22241783.txt",  # "phối hợp tổ chức tại TPHCM ngày 10/5"
            "tp-ho-chi-minh/mz-22242954.txt",  # "Hội nghị diễn ra từ 11 đến 13/5 tại TP HCM"
            "tp-ho-chi-minh/mz-22255134.txt",  # "ngày 12/5 ... đã đi thực địa": inside the span
        ]
    )
    assert found == [
        (
            Severity.INFO,
            "Các bản tin về cùng một sự kiện ghi thời gian là 10/5 và 11/05–13/05.",
            (
                ("mz-22241783.txt", "tổ chức tại TPHCM ngày 10/5"),
                ("mz-22242954.txt", "từ 11 đến 13/5"),
            ),
        )
    ]


def test_reports_opening_with_one_day_of_two_months_are_reported() -> None:
    found = _found(
        [
            "ha-noi/mz-22645868.txt",  # "Sáng nay (30/7), Tổng Công ty Vận tải Hà Nội ..."
            "ha-noi/mz-22646400.txt",  # "Sáng ngày 30/6, chiếc xe buýt 2 tầng ..."
            "ha-noi/mz-22648237.txt",  # "Ngày 30/6, xe buýt 2 tầng được cho chạy thử"
        ]
    )
    assert found == [
        (
            Severity.INFO,
            "Các bản tin về cùng một sự kiện ghi thời gian là 30/7 và 30/6.",
            (
                ("mz-22645868.txt", "Sáng nay (30/7)"),
                ("mz-22646400.txt", "Sáng ngày 30/6"),
                ("mz-22648237.txt", "Ngày 30/6"),
            ),
        )
    ]


DEPUTY = "Phó Thủ tướng Thường trực Trương Hòa Bình"


def test_a_letter_written_the_same_day_against_the_day_before_is_reported() -> None:
    """T38: "Chiều nay 25-5 ... Ngày 25-5, Phó Thủ tướng Vương Đình Huệ ... Cùng ngày,
    Phó Thủ tướng Thường trực Trương Hòa Bình đã có văn bản yêu cầu ..." against "ngày
    24.5, Phó thủ tướng thường trực Trương Hòa Bình đã có ý kiến bằng văn bản yêu cầu";
    the deadline "trước ngày 30-6" between them opens no sentence."""
    found = _found(["binh-dinh/mz-22372206.txt", "binh-dinh/mz-22376300.txt"])
    assert found == [
        (
            Severity.INFO,
            "Các bản tin về cùng một sự kiện ghi thời gian là 25/5 và 24/5.",
            (
                ("mz-22372206.txt", f"Cùng ngày, {DEPUTY} đã có văn bản"),
                (
                    "mz-22376300.txt",
                    "ngày 24.5, Phó thủ tướng thường trực Trương Hòa Bình đã có ý kiến",
                ),
            ),
        )
    ]


def test_acts_are_read_to_the_sentences_end_and_after_a_day_with_its_year() -> None:
    """quang-nam/mz-22428824: "Ngày 27/3/2017, Thanh tra Sở Xây dựng Đà Nẵng kiểm tra
    ... Cùng ngày, Cty TNHH The Sunrise Bay có Công văn giải trình" dates the letter
    27/3 (a day written with its year opens the sentence too), and the words naming
    the sand contract go on past "45.000 đồng/m3," (a stop inside a number ends no
    sentence), up to `named_days.ACT_WORDS` of them."""
    path = NEWS / "quang-nam" / "mz-22428824.txt"
    if not path.is_file():
        pytest.skip(f"news2017 not present under {NEWS} (it lives in ../shared)")
    text = path.read_text(encoding="utf-8")
    read = [
        (act.label, text[act.start : act.end], " ".join(act.what[-10:]))
        for act in named_days.acts(text, nlp.lower(text))
    ]
    assert read == [
        (
            "20/9",
            "ngày 20/9/2016, Cty Tây Trường Sơn và Cty CP Trung Nam ký",
            "đơn giá là đồng m cty trung nam nhận cát",
        ),
        (
            "31/10",
            "Ngày 31/10/2016, hai Cty tiếp tục ký",
            "nha đại đồng đại lộc quảng nam đến công trình",
        ),
        (
            "27/3",
            "Cùng ngày, Cty TNHH The Sunrise Bay có Công văn",
            "dựng đà nẵng các cơ quan liên quan và gửi",
        ),
    ]
