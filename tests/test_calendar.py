"""The lunar calendar table against the library that generated it, and known dates."""

from __future__ import annotations

import datetime as dt

import pytest

from linter.data import lunar

KNOWN_TET = {  # the Vietnamese calendar (UTC+7) differs from China's in 1985 and 2007
    1985: dt.date(1985, 1, 21),
    2007: dt.date(2007, 2, 17),
    2017: dt.date(2017, 1, 28),
    2024: dt.date(2024, 2, 10),
    2026: dt.date(2026, 2, 17),
}


@pytest.mark.parametrize(("year", "day"), [(y, d) for y, d in KNOWN_TET.items() if y >= 1990])
def test_tet(year: int, day: dt.date) -> None:
    assert lunar.tet(year) == day
    assert lunar.to_lunar(day) == lunar.LunarDate(1, 1, year)


def test_days_around_tet_2017() -> None:
    assert lunar.to_lunar(dt.date(2017, 2, 3)) == lunar.LunarDate(7, 1, 2017)
    assert lunar.to_lunar(dt.date(2017, 1, 27)) == lunar.LunarDate(30, 12, 2016)
    assert lunar.to_lunar(dt.date(2017, 8, 1)) == lunar.LunarDate(10, 6, 2017, leap=True)


def test_outside_the_table_there_is_no_answer() -> None:
    assert lunar.to_lunar(dt.date(1980, 1, 1)) is None
    assert lunar.to_lunar(dt.date(2099, 1, 1)) is None


def test_table_matches_the_library_that_made_it() -> None:
    lunar_vn = pytest.importorskip("lunar_vn", reason="lunar-vn is a development dependency")
    for day in (dt.date(1990, 3, 1) + dt.timedelta(days=n) for n in range(0, 25000, 7)):
        expected = lunar_vn.solar_to_lunar(day)
        got = lunar.to_lunar(day)
        assert got is not None, day
        assert (got.day, got.month, got.year, got.leap) == (
            expected.day,
            expected.month,
            expected.year,
            expected.leap,
        ), day
