"""Bodies named in full before a short name in brackets (checks/body_names.py) and
one body named as two kinds of body (BD01).

The reader is tried on real wordings of the tuning half of news2017 (a row of
kinds, a legal form, a corporation); the check on the real reports of T108
(tests/realnews/tune_inconsistencies.yaml) and on reports that write one body's
name longer or shorter, which must stay quiet.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from checks.body_names import body_names
from linter.engine.run import Options, run
from linter.models import Document


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # mz-22678133: a row of kinds, an abbreviation spelt out
        (
            "Ông Bùi Thanh Trúc, Tổng Giám đốc Liên hiệp HTX Dịch vụ nông nghiệp tổng hợp "
            "Đồng Nai (Donacoop), người đã gửi đơn.",
            [("Donacoop", ("liên hiệp", "hợp tác xã"), "dịch vụ nông nghiệp tổng hợp đồng nai")],
        ),
        # mz-22430360: the legal form is no part of the name
        (
            "Chủ tịch Công ty TNHH một thành viên Lọc hóa dầu Bình Sơn (BSR) cho biết.",
            [("BSR", ("công ty",), "lọc hóa dầu bình sơn")],
        ),
        # mz-21479725: "Tổng Công ty" is one kind; the body after "thuộc" is the named one
        (
            "Xí nghiệp buýt nhanh BRT thuộc Tổng Công ty Vận tải Hà Nội (Transerco) cho biết.",
            [("Transerco", ("tổng công ty",), "vận tải hà nội")],
        ),
        # a reporter's agency after her name, a place, a kind with one word after it
        ("Tin: Kim Anh (TTXVN). Sở Y tế quận Ba Đình (Hà Nội). Tập đoàn Vingroup (VIC).", []),
    ],
)
def test_a_body_before_its_short_name(text: str, expected: list[tuple[object, ...]]) -> None:
    found = body_names(Document(path="a.txt", original=text, text=text))
    assert [(b.short, b.kinds, b.rest) for b in found] == expected


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        # T108: Donacoop is a Liên minh of cooperatives in two reports, a Liên hiệp in a third
        (
            ["dong-nai/mz-22495894.txt", "dong-nai/mz-22670237.txt", "dong-nai/mz-22678133.txt"],
            [["dong-nai/mz-22495894.txt", "dong-nai/mz-22670237.txt", "dong-nai/mz-22678133.txt"]],
        ),
        # Bình Sơn's refinery with and without its legal form: one name
        (
            [
                "quang-ngai/mz-22226404.txt",
                "quang-ngai/mz-22430360.txt",
                "quang-ngai/mz-22713729.txt",
            ],
            [],
        ),
        # Hà Nội's transport corporation, "Tổng Công ty" and "Tổng công ty": one kind
        (["ha-noi/mz-21479725.txt", "ha-noi/mz-22648237.txt"], []),
    ],
)
def test_one_body_named_two_ways_in_real_reports(
    news: Path, files: list[str], expected: list[list[str]]
) -> None:
    result = run([news / f for f in files], Options(select=["BD01"]), root=news)
    found = [[e.path for e in f.evidence] for f in result.findings]
    assert found == expected
    assert all(f.severity.value == "info" for f in result.findings)
