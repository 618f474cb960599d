"""Figures of two reports of one event that are one figure slipped.

A figure whose digits are those of another report's figure up to a power of ten,
or with two neighbours swapped (`likeness.slip`: 48 ha / 4,8 ha, 20.108 / 20.018
tấn), is rarely another thing. EV01 pairs such figures by two ways that
`likeness.match` cannot, both doubtful (checks report them at info):

- `slips`: subjects that share `MIN_SUBJECT_WORDS` words though `match` keeps
  them apart (a status or a head read from a conditional clause: "nếu ... thì đủ
  23.000 tỉ đồng" / "230.000 tỷ giải phóng mặt bằng");
- `paraphrased`: subjects worded apart by two outlets that paraphrase one press
  release ("khu nhà xưởng ở tầng 5 ... rộng hơn 18.000 m2" / "Khu vực xuất cháy
  có diện tích trên 1.800 m 2"), or none read at all. Measured on news2017's
  tuning half, pairing such figures by their counted noun, their closeness, the
  rare syllables of their sentences or the headline paired hundreds of figures of
  two things for each one of the same thing; the slip itself is the evidence.
  Each figure must be the only value of its unit and measure in its sentence
  ("từ 12 tầng (55 m) xuống còn sáu tầng (25 m)" against another report's
  "250m": which one?), of one scope and base, not set apart by its context
  (`align.apart`).

In both ways neither value may be stated on the other side: then both exist.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from linter.checking.agreement import slip_key
from linter.checking.align import apart
from linter.checking.likeness import MIN_SUBJECT_WORDS, match, province_figure, slip, words
from linter.models import Quantity

_Kind = tuple[str, str, str]  # a figure's unit, measure and digits (`slip_key`)


def slips(ours: Slippable, theirs: Slippable) -> Iterator[tuple[Quantity, Quantity]]:
    """Slipped figures whose subjects share `MIN_SUBJECT_WORDS` words, though
    `match` keeps them apart, of two reports' figures read by `with_subject`."""
    for qa, qb in _unstated(ours, theirs):
        # The shared words first: the cheapest test, and most pairs of one unit and
        # measure of two linked reports (which grow with the square of a province's
        # reports) share fewer; `match` reads both subjects whole.
        if len(words(qa) & words(qb)) < MIN_SUBJECT_WORDS:
            continue
        if match(qa, qb) > 0 or province_figure(qa, qb):
            continue
        if slip(qa, qb, exact=False):
            yield qa, qb


def paraphrased(ours: Slippable, theirs: Slippable) -> Iterator[tuple[Quantity, Quantity]]:
    """Slipped figures whatever their subjects, of two reports' `alone` figures read
    by `slippable`."""
    for qa, qb in _unstated(ours, theirs):
        if (qa.scope, qa.base) != (qb.scope, qb.base) or apart(qa, qb):
            continue
        if qa.indicator and qb.indicator and qa.indicator != qb.indicator:
            continue  # "xuất khẩu 13.000 triệu USD" / "vốn FDI 1,3 tỷ USD": named apart
        if match(qa, qb) == 0 and slip(qa, qb, exact=False):
            yield qa, qb


@dataclass(frozen=True)
class Slippable:
    """One report's figures as `_unstated` pairs them, each with its kind (unit,
    measure and digits: `slip_key`, as figures of other digits cannot slip), the
    values they state, and those of each kind. EV01 reads a report once, not once
    per linked pair: the pairs grow with the square of a province's reports, and
    pairing every two figures of one unit was most of what a pair cost."""

    figures: list[tuple[Quantity, _Kind]]
    values: frozenset[tuple[str, float]]
    kinds: dict[_Kind, list[Quantity]]


def slippable(quantities: Iterable[Quantity]) -> Slippable:
    figures = [(q, (q.unit, q.measure, slip_key(q))) for q in quantities]
    kinds: dict[_Kind, list[Quantity]] = {}
    for q, kind in figures:
        kinds.setdefault(kind, []).append(q)
    return Slippable(figures, frozenset((q.unit, q.value) for q, _ in figures), kinds)


def with_subject(quantities: Iterable[Quantity]) -> Slippable:
    """`slippable` of the figures `slips` pairs: those with a subject (`_with_subject`)."""
    return slippable(_with_subject(quantities))


def _unstated(ours: Slippable, theirs: Slippable) -> Iterator[tuple[Quantity, Quantity]]:
    """Pairs of one unit and measure whose values the other side does not state and
    whose digits may be one slipped (a pair of other digits is no slip: every caller
    asks for one), in the order of `ours`, then of `theirs`."""
    for qa, kind in ours.figures:
        if (qa.unit, qa.value) not in theirs.values:
            for qb in theirs.kinds.get(kind, ()):
                if (qb.unit, qb.value) not in ours.values:
                    yield qa, qb


def _usable(q: Quantity) -> bool:
    """Not the country's, and no part of a larger figure."""
    return q.scope.value != "national" and q.part_of is None


def _with_subject(quantities: Iterable[Quantity]) -> list[Quantity]:
    """Figures with a subject, one per statement (as `likeness.distinct`)."""
    found: dict[tuple[object, ...], Quantity] = {}
    for q in quantities:
        if q.subject is not None and _usable(q):
            found.setdefault((q.subject, q.measured, q.unit, q.op, q.low, q.high), q)
    return list(found.values())


def _placed(quantities: Iterable[Quantity]) -> list[Quantity]:
    """Figures one per place in the text (a corpus may hold a claim twice)."""
    found: dict[tuple[str, int, int], Quantity] = {}
    for q in quantities:
        if _usable(q):
            found.setdefault((q.span.path, q.span.line, q.span.column), q)
    return list(found.values())


def alone(figures: Iterable[Quantity]) -> list[Quantity]:
    """A report's figures that are the only value of their unit and measure in their
    sentence, one per place in the text (read once per report, not once per link)."""
    quantities = _placed(figures)
    values: dict[tuple[object, ...], set[float]] = {}
    for q in quantities:
        values.setdefault((q.sentence, q.unit, q.measure), set()).add(q.value)
    return [q for q in quantities if len(values[(q.sentence, q.unit, q.measure)]) == 1]
