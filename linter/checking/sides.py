"""One number put on two sides of it by two reports of one event.

"Đường hoa Nguyễn Huệ ... đã đón hơn một triệu lượt du khách" / "Đường hoa
Nguyễn Huệ Tết Đinh Dậu 2017 thu hút gần 1 triệu lượt khách tham quan": the
true figure cannot be both above and below one million. Such a pair is rarely
two things: the same number, in one unit, with "hơn" / "trên" in one report and
"gần" / "dưới" in the other is how a figure is rounded two ways, and only one
way is right. The subjects need only share `MIN_SUBJECT_WORDS` words besides
the counted noun ("hoa nguyễn huệ"), and the status read for each figure is not
asked: it is read from context ("TP.HCM sẽ tổ chức cuộc thi ..." two sentences
before the visitor count made that count a target), and the number itself says
they are one figure.

Measured on news2017's tuning half (every linked pair of its 778 readable
files): five pairs of linked figures state one number on two sides, four of
them the flower street's visitors and one Đà Nẵng's budget revenue (already
found); with the shared words, two pairs of the visitors remain, both one
figure.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from linter.checking.apart import disjoint
from linter.checking.likeness import MIN_SUBJECT_WORDS, ONE_SIDED, qualifiers, stated_interval
from linter.claims.quantities import intervals_overlap
from linter.models import Op, Quantity


def two_sides(
    ours: Bounds, theirs: Bounds, tolerance: float
) -> Iterator[tuple[Quantity, Quantity]]:
    """Pairs of figures, one of each report, that state one number with bounds on
    its two sides, share `MIN_SUBJECT_WORDS` subject words besides their own
    quotes' ("gian hàng" says which kind of thing, not which) and are of one scope,
    part, base and period; a report that states the number on both sides itself
    (a range, a correction) is left alone. Each side is read by `bounds`."""
    for key, found in ours.items():
        their = theirs.get(key, [])
        if not their or _sides(found) > 1 or _sides(their) > 1:
            continue  # nothing to pair, or a report that states both sides itself
        for qa in found:
            for qb in their:
                if _below(qa) == _below(qb):
                    continue
                stated = stated_interval(qa, tolerance), stated_interval(qb, tolerance)
                if intervals_overlap(*stated):
                    continue
                if len(qualifiers(qa) & qualifiers(qb)) < MIN_SUBJECT_WORDS:
                    continue
                if disjoint(qa.period, qb.period):
                    continue
                yield qa, qb


# One report's figures with a bound ("hơn", "gần", "dưới"), by what they state and
# of what: read once per report by EV01, whose linked pairs grow with the square
# of a province's reports.
Bounds = dict[tuple[object, ...], list[Quantity]]


def bounds(quantities: Iterable[Quantity]) -> Bounds:
    found: Bounds = {}
    for q in quantities:
        if q.scope.value != "national" and (q.op in ONE_SIDED or _below(q)):
            key = (q.unit, q.measure, q.value, q.scope, q.part_of, q.base)
            found.setdefault(key, []).append(q)
    return found


def _below(q: Quantity) -> bool:
    """ "dưới x", "chưa đến x", "gần x" (which stops at x): below the number."""
    return q.op in (Op.LT, Op.LE) or (q.op is Op.APPROX and q.high == q.value)


def _sides(found: list[Quantity]) -> int:
    return len({_below(q) for q in found})
