"""The unit after a number: which unit of the table, per what, and how long.

The unit table is `linter/data/units.yaml`; longer words are tried first, and a
word may be glued to its number ("77ha", "10km"). After the unit word:

- a rate: "1.046 tỉ đồng/ngày", "45 triệu khách/năm" and "56 triệu khách mỗi
  năm" are per day or year, never a total ("20%/năm" stays a percent);
- a share of a plan: "đạt 101% kế hoạch";
- a compound duration: "16 năm 2 tháng" is one duration, 16 years and 2 months
  (in years, as the larger unit says), not 16 years and a stray "2 tháng";
- a year or a date: "20 tỷ năm 2017", "12 tháng 7": the duration word names a
  period, so it is no unit of the number before it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from linter.claims.numbers import tidy
from linter.data import alternation
from linter.data.unit_table import units
from linter.models import Dimension

UnitTable = dict[str, tuple[str, float, Dimension]]


@dataclass(frozen=True)
class Unit:
    """A unit read after a number: its base name, factor, dimension and where it ends."""

    name: str
    factor: float
    end: int
    dimension: Dimension
    value_added: float = 0.0  # the smaller part of a compound duration, in the larger unit


def _unit_pattern() -> tuple[re.Pattern[str], UnitTable, str]:
    """The unit pattern, the table of unit words, and the alternation of unit
    words that may be glued to a number ("77ha", "10km"). No alternation is ever
    empty (`linter.data.alternation`) nor any word blank (the model refuses one,
    `unit_table._UnitsFile`): either would be a unit after every number."""
    specs, per_pop = units()
    table: UnitTable = {}
    guards: dict[str, str] = {}
    for spec in specs:
        for word in spec.words:
            table[word] = (spec.unit, spec.factor, spec.dimension)
            guards[word] = "".join(rf"(?!\s+{re.escape(n)}(?!\w))" for n in spec.not_before)
    words = sorted(table, key=len, reverse=True)
    alternatives = alternation(
        words, write=lambda w: re.escape(w) + (r"(?!\w)" if w[-1].isalnum() else "") + guards[w]
    )
    per = alternation(per_pop)
    pattern = re.compile(
        rf"\s*(?:(?P<rate>[^\W\d][\w ]{{1,30}}?)\s*/\s*(?:{per})(?!\w)"
        rf"|(?P<unit>{alternatives})(?P<plan>\s+kế hoạch|\s+dự toán)?)"
    )
    glued = alternation(w for w in words if w[0].isalpha())
    return pattern, table, glued


UNIT, UNIT_TABLE, GLUED = _unit_pattern()
# Per what a figure is counted: "/ngày", "/năm", "mỗi năm". Several may follow
# one another ("tấn/ha/năm").
_PER = re.compile(
    r"(?:\s*/\s*(?:ngày|tháng|năm|người|hộ|lao động|ha|tấn)|\s+(?:mỗi|một)\s+(?:ngày|tháng|năm))+"
    r"(?!\w)"
)
# The smaller unit of a compound duration and how many of it make the larger one.
# Calendar arithmetic, not domain knowledge: a month is taken as 30 days.
_SMALLER = {"năm": ("tháng", 12), "tháng": ("ngày", 30), "tuần": ("ngày", 7)}
_THEN_NUMBER = re.compile(r"\s+\d")


def read_per(folded: str, pos: int) -> tuple[str, int] | None:
    """The "/năm" after a unit at `pos`, written as "/năm" whichever way it was
    said ("mỗi năm", "một năm"), and where it ends."""
    m = _PER.match(folded, pos)
    if not m:
        return None
    return re.sub(r"\s*(?:/|mỗi|một)\s*", "/", m.group()).replace(" ", ""), m.end()


def read_unit(folded: str, pos: int) -> Unit | None:
    """The unit of the table (or a rate per population) right after `pos`."""
    m = UNIT.match(folded, pos)
    if not m:
        return None
    if m.group("rate"):
        return Unit(f"{m.group('rate').strip()}/vạn dân", 1.0, m.end(), Dimension.RATE)
    unit, factor, dimension = UNIT_TABLE[m.group("unit")]
    if m.group("plan") and unit == "%":  # "đạt 101% kế hoạch": a share of the plan
        return Unit(f"% {m.group('plan').strip()}", 1.0, m.end(), dimension)
    if dimension is Dimension.DURATION:
        duration = _duration(folded, m.end("unit"), unit, factor)
        if duration is None or duration.value_added or not read_per(folded, duration.end):
            return duration
    per = read_per(folded, m.end("unit"))
    if per:  # "1.046 tỉ đồng/ngày" is a daily rate, not a total; "20%/năm" is still a percent
        rate = dimension if dimension is Dimension.PERCENT else Dimension.RATE
        return Unit(unit + per[0], factor, per[1], rate)
    return Unit(unit, factor, m.end("unit"), dimension)


_COMPOUND = {
    larger: re.compile(rf"\s+(?P<n>\d{{1,2}})\s+{smaller}(?!\w)(?!\s+\d)")
    for larger, (smaller, _) in _SMALLER.items()
}


def _duration(folded: str, end: int, unit: str, factor: float) -> Unit | None:
    """A duration, with its smaller part ("16 năm 2 tháng"); none when the word
    names a year or a date ("20 tỷ năm 2017", "12 tháng 7")."""
    if unit in _SMALLER:
        smaller = _COMPOUND[unit].match(folded, end)
        if smaller and int(smaller.group("n")) < _SMALLER[unit][1]:
            added = tidy(int(smaller.group("n")) / _SMALLER[unit][1])
            return Unit(unit, factor, smaller.end(), Dimension.DURATION, added)
    if _THEN_NUMBER.match(folded, end):
        return None
    return Unit(unit, factor, end, Dimension.DURATION)
