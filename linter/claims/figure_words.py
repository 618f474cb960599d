"""The words around a figure that say how it is meant (`linter.claims.quantities`,
`linter.claims.counts`).

In: a folded sentence and where a figure's number starts or its quote ends.
Out: the comparator right before it and the interval side it allows ("không quá
30" is at most 30), whether it states a change ("tăng 12%": increase, "gấp 2
lần": multiple) or a difference ("cao hơn 1 điểm"), what a change is measured
against ("so với dự toán 2018"), and the words that join a range ("từ 86 đến 88")
or close a bound after it ("trở lên", "trở xuống").
"""

from __future__ import annotations

import re

from linter.models import Op

# Character windows, on folded text: a comparator ("không vượt quá", the longest)
# or a plan's kind ("chiến lược") stands right before its figure; a change verb
# ("tăng thêm") right before the comparator.
COMPARATOR_WINDOW = 20
CHANGE_WINDOW = 12

_COMPARATORS: tuple[tuple[str, Op], ...] = (
    ("không dưới", Op.GE),
    ("ít nhất", Op.GE),
    ("tối thiểu", Op.GE),
    ("không vượt quá", Op.LE),
    ("vượt quá", Op.GT),
    ("không quá", Op.LE),
    ("tối đa", Op.LE),
    ("chưa đến", Op.LT),
    ("chưa tới", Op.LT),
    ("xấp xỉ", Op.APPROX),
    ("khoảng", Op.APPROX),
    ("gần", Op.APPROX),
    ("trên", Op.GT),
    ("hơn", Op.GT),
    ("vượt", Op.GT),
    ("dưới", Op.LT),
    ("từ", Op.GE),
)
_CMP_BEFORE = re.compile(r"(?:^|(?<=\W))(?P<cmp>" + "|".join(c for c, _ in _COMPARATORS) + r")\s+$")
_OPS = dict(_COMPARATORS)
# Between the two amounts of a range, and after a bound ("từ 100 triệu trở xuống").
RANGE = re.compile(r"\s*(?:-|–|—|đến|tới)\s*")
BOUND_AFTER = {" trở lên": Op.GE, " trở xuống": Op.LE}
_CHANGE = re.compile(r"(?:^|(?<=\W))(?P<verb>tăng|giảm|gấp)(?:\s+(?:gấp|thêm))?\s+$")
_BASE = re.compile(
    r"\s*,?\s*so(?: với)?\s+(?P<base>[^,;.()]{1,60}?)\s*(?=[,;.()]|$| và | trong đó)"
)


def comparator_before(folded: str, start: int) -> re.Match[str] | None:
    """The comparator ending right before the number at `start` (group "cmp"), if any."""
    return _CMP_BEFORE.search(folded, max(0, start - COMPARATOR_WINDOW), start)


def comparator_op(comparator: re.Match[str]) -> Op:
    """The side of the interval a comparator of `comparator_before` allows."""
    return _OPS[comparator.group("cmp")]


def base_after(folded: str, pos: int) -> str | None:
    """What a change is measured against: "tăng 5,93% so với dự toán 2018"."""
    m = _BASE.match(folded, pos)
    return re.sub(r"\s+", " ", m.group("base")).strip() if m else None


# "cao hơn 1 điểm so với năm 2016", "thấp hơn 5%": the difference, not a bound;
# "giá trị lớn hơn 103 tỷ đồng", "nhỏ hơn 1.000 đồng", "ít hơn 5 người" are bounds.
_DIFFERENCE = re.compile(r"(?:^|(?<=\W))(?P<way>cao|thấp)\s+hơn\s+$")


def difference_before(folded: str, start: int) -> str | None:
    """ "increase" or "decrease" when the number at `start` is a difference stated
    with a comparative ("cao hơn 1 điểm"), else None."""
    m = _DIFFERENCE.search(folded, max(0, start - COMPARATOR_WINDOW), start)
    if not m:
        return None
    return "increase" if m.group("way") == "cao" else "decrease"


def change_before(folded: str, quote_start: int) -> str:
    """Level, or the change a verb right before the figure states ("tăng 12%")."""
    change = _CHANGE.search(folded, max(0, quote_start - CHANGE_WINDOW), quote_start)
    if not change:
        return "level"
    if "gấp" in change.group():  # "gấp 2 lần", "tăng gấp 3": a multiple whatever the verb
        return "multiple"
    return "increase" if change.group("verb") == "tăng" else "decrease"
