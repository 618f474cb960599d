"""EV01's way through bounds: one number put on two sides of it by two reports of
one event ("hơn một triệu lượt du khách" / "gần 1 triệu lượt khách"), whatever
status each figure's context was read as (linter.checking.sides). On sentences
quoted here and on the real articles of news2017's tuning half (skipped without
../shared).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from linter.checking.sides import bounds, two_sides
from linter.claims.extract import extract_claims
from linter.engine.run import Options, run
from linter.models import Document, Quantity


def _figures(text: str) -> list[Quantity]:
    doc = Document(path="a.txt", original=text, text=text)
    return [c for c in extract_claims(doc) if isinstance(c, Quantity)]


@pytest.mark.parametrize(
    ("first", "second", "found"),
    [
        (
            "Đường hoa Nguyễn Huệ đã đón hơn một triệu lượt du khách.",
            "Đường hoa Nguyễn Huệ thu hút gần 1 triệu lượt khách tham quan.",
            [("hơn một triệu lượt du khách", "gần 1 triệu lượt khách")],
        ),
        (
            "Tổng thu ngân sách trên 20.000 tỷ đồng.",
            "Tổng thu ngân sách dưới 20.000 tỉ đồng.",
            [("trên 20.000 tỷ đồng", "dưới 20.000 tỉ đồng")],
        ),
        # One side twice, "khoảng" (around the number, not below it), two
        # numbers, or subjects that share one word: no finding.
        (
            "Đường hoa Nguyễn Huệ đã đón hơn 1 triệu lượt khách.",
            "Đường hoa Nguyễn Huệ đón trên 1 triệu lượt khách.",
            [],
        ),
        (
            "Đường hoa Nguyễn Huệ đã đón hơn 1 triệu lượt khách.",
            "Đường hoa Nguyễn Huệ đón khoảng 1 triệu lượt khách.",
            [],
        ),
        (
            "Đường hoa Nguyễn Huệ đã đón hơn 1 triệu lượt khách.",
            "Đường hoa Nguyễn Huệ đón gần 2 triệu lượt khách.",
            [],
        ),
        ("Hội chợ có hơn 300 gian hàng.", "Đêm bế mạc có gần 300 gian hàng.", []),
    ],
)
def test_one_number_on_two_sides(first: str, second: str, found: list[tuple[str, str]]) -> None:
    pairs = two_sides(bounds(_figures(first)), bounds(_figures(second)), 0.05)
    assert [(a.span.quote, b.span.quote) for a, b in pairs] == found


def test_a_report_that_puts_the_number_on_both_sides_is_left_alone() -> None:
    """One subject in all three sentences: the pair across the reports would be
    found (as in the first case above) but for the report that says both sides."""
    ours = _figures(
        "Đường hoa Nguyễn Huệ đã đón hơn 1 triệu lượt khách. "
        "Đường hoa Nguyễn Huệ đón gần 1 triệu lượt khách."
    )
    theirs = _figures("Đường hoa Nguyễn Huệ thu hút gần 1 triệu lượt khách.")
    assert list(two_sides(bounds(ours), bounds(theirs), 0.05)) == []


def test_the_flower_streets_visitors_above_and_below_a_million(news: Path) -> None:
    """Reading entry T15: the Nguyễn Huệ flower street's visitors, "hơn một triệu
    lượt du khách" in one report of the 6/2 review meeting and "gần 1 triệu lượt
    khách tham quan" in another, whose lead ("TP.HCM sẽ tổ chức cuộc thi ...")
    made its count a target. The second report's title, lead and first sentence say
    it short, "hơn 1 triệu khách tham quan": the same count (visitors are counted
    by trip, `linter/data/counted_nouns.yaml`)."""
    paths = ["tp-ho-chi-minh/mz-21474181.txt", "tp-ho-chi-minh/mz-21476077.txt"]
    result = run([news / p for p in paths], Options(select=["EV01"]), root=news)
    found = [(f.severity.value, [(e.path, e.quote) for e in f.evidence]) for f in result.findings]
    assert found == [
        (
            "info",
            [
                (paths[0], "gần 1 triệu lượt khách"),
                *[(paths[1], "hơn 1 triệu khách")] * 3,
                (paths[1], "hơn một triệu lượt du khách"),
            ],
        )
    ]
