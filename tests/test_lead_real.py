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
