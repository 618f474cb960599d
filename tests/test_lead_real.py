"""EV02 (checks/lead.py) on real reports of news2017's tuning half: what a lead and its
body state differently, exactly, and the explicable differences that stay quiet.

The fixture cases (tests/fixtures/checks/EV02.yml) hold the same wording cut short;
here the whole articles are read, as the linter meets them."""

from __future__ import annotations

import pytest

from conftest import SHARED
from linter.engine.run import Options, run
from linter.models import Severity

NEWS = SHARED / "corpus" / "news2017"

# Each was an EV02 info on the tuning material, false by reading.
QUIET = [
    # 51 fishing teams "với 1.369 lao động" in the lead, 39 cooperatives "với gần 3.000
    # lao động" in the body: two groups
    "tien-giang/mz-21480097.txt",
    # "60 hộ kinh doanh" in the lead, "hàng chục hộ kinh doanh" (tens) in the body
    "lang-son/mz-22721011.txt",
    # "hơn 2.000 ha" in the lead, "hàng nghìn hecta" (thousands) in the body
    "phu-yen/mz-21474164.txt",
]


def _ev02(names: list[str]) -> list[tuple[Severity, str, tuple[str, ...]]]:
    paths = [NEWS / name for name in names]
    missing = [p for p in paths if not p.is_file()]
    if missing:
        pytest.skip(f"news2017 not present at {missing[0]} (it lives in ../shared)")
    result = run(paths, Options(select={"EV02"}), root=SHARED)
    assert len(result.documents) == len(paths)
    return [
        (f.severity, f.message, tuple(e.quote for e in f.evidence))
        for f in result.findings
        if f.code == "EV02"
    ]


@pytest.mark.parametrize("name", QUIET)
def test_explicable_lead_and_body_stay_quiet(name: str) -> None:
    assert _ev02([name]) == []


def test_two_days_called_today_are_reported() -> None:
    """T32 of the tuning reading set: "Sáng nay (30/7)" in the lead, "vào sáng nay
    (30/6)" further down; the trial ran on 30/6."""
    assert _ev02(["ha-noi/mz-22645868.txt"]) == [
        (
            Severity.WARNING,
            "Văn bản gọi hai ngày khác nhau là hôm nay: 30/7 và 30/6.",
            ("Sáng nay (30/7", "sáng nay (30/6"),
        )
    ]


def test_a_title_dating_the_stock_picks_otherwise_than_its_lead_is_reported() -> None:
    """T79 of the tuning reading set: "3 cổ phiếu cần quan tâm ngày 9/2" in the title,
    "một số cổ phiếu cần quan tâm trước phiên 8/2" in the lead."""
    assert _ev02(["tp-ho-chi-minh/mz-21494940.txt"]) == [
        (
            Severity.INFO,
            "Tiêu đề ghi ngày 9/2, phần mở đầu ghi ngày 8/2.",
            ("cổ phiếu cần quan tâm ngày 9/2", "trước phiên 8/2"),
        )
    ]


# Titles of the tuning material that date what their lead dates alike, or another thing.
TITLED = [
    "ha-noi/mz-21507068.txt",  # "Hà Nội thi vào lớp 10 từ ngày 9.6" / "diễn ra vào ngày 9.6"
    "lao-cai/mz-22589015.txt",  # "Từ 1/7, phạt nặng ..." / "Ngày 22/6, VEC cho biết, từ 1/7/2017"
    "quang-tri/mz-22619179.txt",  # "... xong trước 30/6" / "Ngày 26/6, ... trước ngày 30/6"
    "tp-ho-chi-minh/mz-22220769.txt",  # "Giá vàng hôm nay 9/5" / "Giá vàng hôm nay( 9/5)"
]


@pytest.mark.parametrize("name", TITLED)
def test_titles_dating_alike_stay_quiet(name: str) -> None:
    assert _ev02([name]) == []
