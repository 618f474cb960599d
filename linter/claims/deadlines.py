"""Deadlines named as two years: "Tới 2020 - 2021, sẽ giảm 10%", "Đến năm 2025-2027".

In: a folded sentence. Out: its deadlines of either year (`either_year_deadlines`).
Such a deadline is by one year or the other, so it names no period of its own
(`linter.claims.periods` drops the years inside it) and leaves a figure after it
without one (`linter.claims.context`); one that has not begun at publication still
makes that figure a target (`linter.claims.status`).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

_YEAR = r"(?:19|20)\d{2}"
_DASH = r"\s*[-–—]\s*"  # the dashes `linter.claims.periods` reads in "2020—2021"
# A deadline named as two years ("Tới 2020 - 2021", "đến hết năm 2020 - 2021", "đến
# năm 2020- 2025") is by one or the other: the figure's period is left open, but one
# that has not begun still makes a target. Two readings of "đến" name no deadline,
# and the match then opens before it and is dropped: the end of a range, whatever
# period its start names ("Từ năm học 2010-2011 đến 2016-2017", "Từ tháng 1/2016
# đến 2017 - 2018"), and a time things are counted up to ("Tính đến năm 2016 - 2017").
_PERIOD_WORD = r"(?:năm|học|tháng|quý|ngày|đầu|cuối|giữa|[ivx]+|\d{1,2})(?:\s*[/.\-]\s*|\s+)"
_BY_EITHER_YEAR = re.compile(
    rf"(?:(?P<range>(?<!\w)từ\s+(?:{_PERIOD_WORD}){{0,5}}{_YEAR}(?:{_DASH}{_YEAR})?\s+)"
    rf"|(?P<as_of>(?<!\w)tính\s+))?"
    rf"(?<!\w)(?:tới|đến)(?:\s+hết)?(?:\s+năm)?\s+(?P<first>{_YEAR}){_DASH}{_YEAR}(?!\d)"
)


@dataclass(frozen=True)
class Deadline:
    """A deadline named as two years ("Đến năm 2020 - 2021"): by one or the other."""

    start: int
    end: int
    first: dt.date  # the first year's first day: before it, the deadline has not begun


@lru_cache(maxsize=16)
def either_year_deadlines(folded: str) -> tuple[Deadline, ...]:
    """The sentence's deadlines of either year, ranges' ends and as-of times left
    out. Kept for the last few sentences: its periods and each of its figures ask
    for them."""
    if "đến" not in folded and "tới" not in folded:
        return ()
    return tuple(
        Deadline(m.start(), m.end(), dt.date(int(m.group("first")), 1, 1))
        for m in _BY_EITHER_YEAR.finditer(folded)
        if m.group("range") is None and m.group("as_of") is None
    )
