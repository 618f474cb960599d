"""EV01 on real reports of one event (news2017, tuning half): each pair below is two
articles of one press conference or debate that a reader found giving one figure
two ways; the check must report exactly that figure, and nothing else in the pair.

The corpus lives in ../shared (outside the repo); without it these tests skip.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from linter.checking.events import linked_pairs
from linter.engine.run import Options, run

CASES = [
    # "khoảng 13.000 cơ sở y tế hoạt động" / "xử phạt 14.000 cơ sở y tế tư nhân": the
    # verb after the counted noun ("hoạt động") is no part of what is counted (T18).
    (
        ("tp-ho-chi-minh/mz-21766374.txt", "khoảng 13.000 cơ sở"),
        ("tp-ho-chi-minh/mz-22259377.txt", "14.000 cơ sở"),
    ),
    # "nguồn lực nào để có 230.000 tỷ giải phóng mặt bằng" / "nếu ... thì sẽ đủ 23.000
    # tỉ đồng để giải phóng mặt bằng": a tenfold slip that the conditional's status
    # would hide; named, at info (T22).
    (
        ("tp-ho-chi-minh/mz-22489927.txt", "230.000 tỷ"),
        ("tp-ho-chi-minh/mz-22490055.txt", "23.000 tỉ đồng"),
    ),
    # "thu ngân sách đạt trên 20.000 tỷ đồng" / "tổng thu ngân sách năm 2016 đạt gần
    # 20.000 tỉ đồng": one number, on two sides of it (T27).
    (
        ("da-nang/mz-21511518.txt", "trên 20.000 tỷ đồng"),
        ("da-nang/mz-21511856.txt", "gần 20.000 tỉ đồng"),
    ),
]


@pytest.mark.parametrize(("first", "second"), CASES, ids=lambda c: c[1])
def test_one_figure_given_two_ways_in_two_reports(
    news: Path, first: tuple[str, str], second: tuple[str, str]
) -> None:
    result = run([news / first[0], news / second[0]], Options(select=["EV01"]), root=news)
    found = [(f.severity.value, [(e.path, e.quote) for e in f.evidence]) for f in result.findings]
    assert found == [("info", [first, second])]


LINKED = [
    # Two reports of the Kwong Lung - Meko fire: no figure or title words in common,
    # but the company, the industrial park, the ward and the neighbouring provinces.
    ("can-tho/mz-21866862.txt", "can-tho/mz-22292353.txt"),
    # Two reports of one meeting of Đà Nẵng's party secretary with businesses: the
    # years 2016 and 2017 and three names (the speaker, "chiều 10").
    ("da-nang/mz-21511518.txt", "da-nang/mz-21511856.txt"),
]
NOT_LINKED = [
    # Two Đà Nẵng stories of one year, months apart: years alone link nothing.
    ("da-nang/mz-21511518.txt", "da-nang/mz-22701032.txt"),
]


@pytest.mark.parametrize(
    ("pair", "linked"), [(p, True) for p in LINKED] + [(p, False) for p in NOT_LINKED]
)
def test_reports_of_one_event_are_linked(news: Path, pair: tuple[str, str], linked: bool) -> None:
    result = run([news / p for p in pair], Options(select=["EV01"]), root=news)
    found = [(a.path, b.path) for a, b, _ in linked_pairs(result.documents)]
    assert found == ([pair] if linked else [])


QUIET = [
    # Linked by names only: a fishing ship's "trọng tải trên 120 tấn" and a weak
    # bridge's "tải trọng nhỏ hơn 2 tấn" share two generic words, not one subject.
    ("phu-yen/mz-22267744.txt", "phu-yen/mz-22495327.txt"),
    # A company's plan "sẽ tăng tổng diện tích trái cây lên 20.800 ha" and its
    # present "20.000 ha trồng trái cây", in two interviews linked by names only.
    ("gia-lai/mz-22587751.txt", "gia-lai/mz-22648258.txt"),
    # "bề rộng 10m" of a flyover and "tổng bề rộng khoảng 31 - 36 m" of the road.
    ("ha-noi/mz-22572176.txt", "ha-noi/mz-22572830.txt"),
]


@pytest.mark.parametrize("pair", QUIET, ids=lambda p: p[0])
def test_different_things_in_linked_reports_are_not_compared(
    news: Path, pair: tuple[str, str]
) -> None:
    result = run([news / p for p in pair], Options(select=["EV01"]), root=news)
    assert [f.message for f in result.findings] == []
