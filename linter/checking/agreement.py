"""Whether two figures of one subject can both hold, and what slip tells them apart.

In: two `Quantity`s already judged alike (`linter.checking.likeness.match`) and
the configured tolerance of "khoảng" / "gần". Out: whether they agree
(`agree`): their intervals overlap once the rounding of the last written digit
is allowed (`rounding`), or they name the same number with another
comparator ("trên 30,9%" / "30,9%") unless the two comparators put it on two
sides ("hơn 1 triệu" / "gần 1 triệu"); two bounds of the same kind ("hơn 1.680
ha" / "hơn 1.841 ha") agree only when they are the same figure. A disagreement
that is a power-of-ten slip, a unit slip or two swapped digits is named
(`slip`). A figure with its decimal part or whole groups "000" cut ("347.000
tỷ" for 347.882 tỷ, "98 ha" for 98,7 ha) is the other shortened (`truncated`):
the checks that report pairs (NU01, EV01) leave it out.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

from linter.claims.numbers import DIGITS, decimal_step, parse_digits
from linter.claims.quantities import intervals_overlap
from linter.models import Op, Quantity


def agree(a: Quantity, b: Quantity, tolerance: float) -> bool:
    if _same_bound(a, b):
        return _same_side(a, b, tolerance)
    if a.op is b.op and a.op in ONE_SIDED:
        # "hơn 1.680 ha" and "hơn 1.841 ha" overlap as intervals, but a report's
        # "hơn" sits just above its figure: two bounds mean two figures.
        return _near(a, b)
    return intervals_overlap(_interval(a, tolerance), _interval(b, tolerance))


ONE_SIDED = frozenset({Op.GT, Op.GE, Op.LT, Op.LE})


def _near(a: Quantity, b: Quantity) -> bool:
    low, high = sorted((a.value, b.value))
    return high - low <= max(rounding(a), rounding(b))


def stated_interval(q: Quantity, tolerance: float) -> tuple[float | None, float | None, bool, bool]:
    """The figure's interval as stated; "khoảng" and "gần" take the configured
    tolerance ("gần x" stops at x)."""
    if q.op is Op.APPROX:
        high = q.value if q.high == q.value else q.value * (1 + tolerance)
        return (q.value * (1 - tolerance), high, True, True)
    return (q.low, q.high, q.low_inclusive, q.high_inclusive)


def _interval(q: Quantity, tolerance: float) -> tuple[float | None, float | None, bool, bool]:
    if q.op is Op.EQ:  # news rounds: "15 độ" may be the 15,5 độ of another report
        half = rounding(q)
        return (q.value - half, q.value + half, True, True)
    return stated_interval(q, tolerance)


_FIRST_NUMBER = re.compile(DIGITS)


def rounding(q: Quantity) -> float:
    """Half a unit of the last digit written: 15 -> 0,5; 4,8 -> 0,05 (times the scale)."""
    # Only the last digit written is rounded: "14.000" is not "about 13.000"
    # (that would need "khoảng"), and 15 may be 15,4.
    return 0.5 * _unit(q)[0]


def _unit(q: Quantity) -> tuple[float, str]:
    """What one unit of the last digit written is worth (0,1 for "98,7", 1 for
    "120", 1 tỷ for "347.000 tỷ"), and the figure's token; 0 without digits
    ("một triệu")."""
    m = _FIRST_NUMBER.search(q.span.quote)
    if not m or not (written := parse_digits(m.group())):
        return 0.0, ""
    return (decimal_step(m.group()) or 1.0) * q.value / written, m.group()


def _same_bound(a: Quantity, b: Quantity) -> bool:
    """ "trên 30,9%" and "30,9%" name the same number with other wording."""
    return a.value == b.value


def _same_side(a: Quantity, b: Quantity, tolerance: float) -> bool:
    """Whether two wordings of one number can both hold: a plain figure fits any
    comparator ("trên 30,9%" / "30,9%" is wording), but "hơn 1 triệu" and "gần 1
    triệu", or "trên" and "dưới", put the true figure on two sides of it."""
    if Op.EQ in (a.op, b.op):
        return True
    return intervals_overlap(stated_interval(a, tolerance), stated_interval(b, tolerance))


def slip(a: Quantity, b: Quantity, exact: bool) -> str | None:
    """ "tenfold" when one figure is the other times a power of ten with the same
    digits (48 ha / 4,8 ha), "unit" when the same digits carry another scale word."""
    if a.value <= 0 or b.value <= 0:
        return None
    if _transposed(a.span.quote, b.span.quote):
        return "transposed"
    ratio = math.log10(max(a.value, b.value) / min(a.value, b.value))
    if ratio < 0.5 or abs(ratio - round(ratio)) > 1e-9:
        return None
    digits_a, digits_b = (_digits(q.span.quote) for q in (a, b))
    if digits_a != digits_b or (len(digits_a) < 2 and not exact):
        return None  # "10 tấn" / "100.000 tấn" of two subjects share one digit, not a slip
    if round(ratio) < 3 and a.op is not b.op and {a.op, b.op} - {Op.EQ, Op.APPROX}:
        # "hơn 48 ha" may be far more than 4,8; a thousandfold gap never is, and two
        # bounds of one kind ("hơn 18.000 m2" / "trên 1.800 m 2") say the same digits.
        return None
    return "tenfold" if round(ratio) < 3 else "unit"


def slip_key(q: Quantity) -> str:
    """The non-zero digits of a figure's number, sorted: equal for any two figures
    `slip` names (a power of ten keeps the digits, two swapped keep them all), so
    figures indexed by it are paired only where a slip can be. Read from the digits
    `slip` compares (`_digits`), its zeros dropped: a power of ten adds or takes
    only zeros, two neighbours swapped may move one inside."""
    return _sorted_digits(q.span.quote)


@lru_cache(maxsize=4096)  # EV01 keys each figure of every linked report: quotes recur
def _sorted_digits(quote: str) -> str:
    return "".join(sorted(_digits(quote).replace("0", "")))


def _digits(quote: str) -> str:
    """The significant digits of a quote's number: "1.800 m 2" is 18, not its unit's 2."""
    m = _FIRST_NUMBER.search(quote)
    return re.sub(r"\D", "", m.group()).strip("0") if m else ""


def _transposed(a: str, b: str) -> bool:
    """20.108 / 20.018: the same digits with two neighbours swapped (3 or more digits)."""
    da, db = (_FIRST_NUMBER.search(x) for x in (a, b))
    if not da or not db or len(da.group()) != len(db.group()):
        return False
    x, y = da.group(), db.group()
    diff = [i for i in range(len(x)) if x[i] != y[i]]
    digits = len(re.sub(r"\D", "", x))
    return (
        digits >= 3
        and len(diff) == 2
        and diff[1] == diff[0] + 1
        and (x[diff[0]], x[diff[1]]) == (y[diff[1]], y[diff[0]])
    )


# Measured on every pair NU01 and EV01 weigh on the readable files (the 778 of
# news2017 and corpus/real): the figures cut are 188.017 / "hơn 188.000",
# 347.882 / 347.000 and 376.780 / 376.000 tỷ (0.01-0.25 % apart: whole groups of
# three digits dropped) and 98,7 / 98 ha twice (0.7 %: the decimal part dropped),
# each one figure shortened; those further apart or cut to one digit ("khoảng
# 700" for 745 tấn, 6 %; "4 triệu" for 4,5, 11 %) are not, and "4 triệu" / "4,5
# triệu" was judged a true conflict. A whole number's other zeros are its own
# figure: "120 người" is not 122 cut, nor "1.200" 1.215 ("1.000" / "1.015" alike).
TRUNCATED_MAX = 0.02
TRUNCATED_DIGITS = 2  # "98", "347.000": one digit kept ("700") is a round figure, not a cut
_ZERO_GROUPS = re.compile(r"(?:\.000)+$")  # "347.000", "2.000.000": whole groups of three


def truncated(a: Quantity, b: Quantity) -> bool:
    """Whether the less precise figure is the other with its decimal part or whole
    groups of three digits dropped (not rounded), keeping at least
    `TRUNCATED_DIGITS` significant digits and within `TRUNCATED_MAX`: how writers
    shorten a precise figure."""
    if a.value <= 0 or b.value <= 0:
        return False
    (step, kept, coarse), (fine_step, _, fine) = sorted(
        ((*_cut(q), q) for q in (a, b)), key=lambda p: p[0], reverse=True
    )
    if not fine_step or fine_step >= step or coarse.op in (Op.LT, Op.LE):
        return False  # as precise as each other, or "dưới 347.000" puts it below
    if kept < TRUNCATED_DIGITS:
        return False
    if fine.value - coarse.value > TRUNCATED_MAX * fine.value:
        return False
    cut = math.floor(fine.value / step + 1e-9) * step
    return abs(cut - coarse.value) <= 1e-9 * coarse.value


def _cut(q: Quantity) -> tuple[float, int]:
    """The unit a figure may have been cut at (its last digit's, or for a whole
    number ending in groups "000" the unit before them: 1.000 tỷ for "347.000
    tỷ") and how many digits it keeps: "20" keeps two, where `_digits`, which
    drops every end zero, would count one."""
    unit, token = _unit(q)
    zeros = _ZERO_GROUPS.search(token) if decimal_step(token) is None else None
    groups = len(zeros.group()) // 4 if zeros else 0
    kept = token[: zeros.start()] if zeros else token
    return unit * 1000**groups, len(re.sub(r"\D", "", kept).lstrip("0"))
