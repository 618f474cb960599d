"""Figures with their unit and comparator, turned into intervals.

How each comparator maps to an interval for a stated figure x:

    đạt x, x (nothing)            [x, x]
    trên / hơn / vượt x           (x, +inf)
    ít nhất / tối thiểu / không dưới x, x trở lên, từ x trở lên   [x, +inf)
    dưới / chưa đến / chưa tới x  (-inf, x)
    tối đa / không quá x, x trở xuống   (-inf, x]
    khoảng / xấp xỉ x             [x·(1-t), x·(1+t)]   t = APPROX_TOLERANCE (5 %)
    gần x                         [x·(1-t), x]
    x - y, từ x đến y             [x, y]
    từ x lên / xuống (còn) y      [x, x] and [y, y]: the level before and after
    cao / thấp hơn x              [x, x], a difference (measure increase / decrease)
    hàng chục, hàng trăm ngàn ... [m, 10·m)  m the magnitude (op approx)
    2 con số (growth)             [10, 100)  %
    không còn hộ nghèo            [0, 0] hộ

"Khoảng" gets a relative tolerance of 5 %: an announcement that rounds
1.000 tỷ to "khoảng 1.000 tỷ" may mean 950 to 1.050 tỷ, not more.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from linter.models import Dimension, Op

APPROX_TOLERANCE = 0.05


@dataclass(frozen=True)
class RawQuantity:
    """A figure read in a sentence, before its indicator, period and status are given."""

    start: int  # quote start (comparator included), offset in the sentence
    end: int
    number_start: int
    value: float
    unit: str
    op: Op
    low: float | None
    high: float | None
    low_inclusive: bool
    high_inclusive: bool
    measure: str  # level / increase / decrease / multiple
    base: str | None = None  # "so với ..." of a change or multiple
    dimension: Dimension = Dimension.COUNT


def interval_of(op: Op, x: float) -> tuple[float | None, float | None, bool, bool]:
    """The interval a figure `x` stated with comparator `op` allows (table above)."""
    if op is Op.GT:
        return x, None, False, True
    if op is Op.GE:
        return x, None, True, True
    if op is Op.LT:
        return None, x, True, False
    if op is Op.LE:
        return None, x, True, True
    if op is Op.APPROX:
        return x * (1 - APPROX_TOLERANCE), x * (1 + APPROX_TOLERANCE), True, True
    return x, x, True, True


def intervals_overlap(
    a: tuple[float | None, float | None, bool, bool],
    b: tuple[float | None, float | None, bool, bool],
) -> bool:
    """Whether two intervals (low, high, low_inclusive, high_inclusive) can both hold."""
    lo_a = -math.inf if a[0] is None else a[0]
    hi_a = math.inf if a[1] is None else a[1]
    lo_b = -math.inf if b[0] is None else b[0]
    hi_b = math.inf if b[1] is None else b[1]
    lo, lo_inc = (
        (lo_a, a[2]) if lo_a > lo_b else (lo_b, b[2]) if lo_b > lo_a else (lo_a, a[2] and b[2])
    )
    hi, hi_inc = (
        (hi_a, a[3]) if hi_a < hi_b else (hi_b, b[3]) if hi_b < hi_a else (hi_a, a[3] and b[3])
    )
    if lo < hi:
        return True
    return lo == hi and lo_inc and hi_inc and not math.isinf(lo)
