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
# A deadline named as two years ("Tới 2020 - 2021", "đến hết năm 2020 - 2021", "đến
# năm 2020- 2025") is by one or the other: the figure's period is left open, but one
# that has not begun still makes a target. The end of a range ("Từ năm học 2010-2011
# đến 2016-2017") is no deadline: the match then opens at "từ" and is dropped.
_BY_EITHER_YEAR = re.compile(
    rf"(?P<range>(?<!\w)từ\s+(?:năm\s+(?:học\s+)?)?{_YEAR}(?:\s*[-–]\s*{_YEAR})?\s+)?"
    rf"(?<!\w)(?:tới|đến)(?:\s+hết)?(?:\s+năm)?\s+(?P<first>{_YEAR})\s*[-–]\s*{_YEAR}(?!\d)"
)


@dataclass(frozen=True)
class Deadline:
    """A deadline named as two years ("Đến năm 2020 - 2021"): by one or the other."""

    start: int
    end: int
    first: dt.date  # the first year's first day: before it, the deadline has not begun


@lru_cache(maxsize=16)
def either_year_deadlines(folded: str) -> tuple[Deadline, ...]:
    """The sentence's deadlines of either year, ranges' ends left out. Kept for the
    last few sentences: its periods and each of its figures ask for them."""
    if "đến" not in folded and "tới" not in folded:
        return ()
    return tuple(
        Deadline(m.start(), m.end(), dt.date(int(m.group("first")), 1, 1))
        for m in _BY_EITHER_YEAR.finditer(folded)
        if m.group("range") is None
    )
