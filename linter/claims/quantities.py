"""Figures with their unit and comparator, turned into intervals.

How each comparator maps to an interval for a stated figure x:

    đạt x, x (nothing)            [x, x]
    trên / hơn / vượt x           (x, +inf)
    ít nhất / tối thiểu / không dưới x, x trở lên, từ x trở lên   [x, +inf)
    dưới / chưa đến / chưa tới x  (-inf, x)
    tối đa / không quá x          (-inf, x]
    khoảng / xấp xỉ x             [x·(1-t), x·(1+t)]   t = APPROX_TOLERANCE (5 %)
    gần x                         [x·(1-t), x]
    x - y, từ x đến y             [x, y]
    2 con số (growth)             [10, 100)  %
    không còn hộ nghèo            [0, 0] hộ

"Khoảng" gets a relative tolerance of 5 %: an announcement that rounds
1.000 tỷ to "khoảng 1.000 tỷ" may mean 950 to 1.050 tỷ, not more.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from linter.claims.numbers import AMOUNT, DIGITS, SCALE_WORD, SPELLED, is_figure, parse_amount, tidy
from linter.claims.periods import period_spans
from linter.data.lexicon import units
from linter.models import Dimension, Op

# Character windows, on folded text: a comparator ("không vượt quá", the longest)
# or a plan's kind ("chiến lược") stands right before its figure; a change verb
# ("tăng thêm") right before the comparator.
COMPARATOR_WINDOW = 20
CHANGE_WINDOW = 12

APPROX_TOLERANCE = 0.05

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
# A number preceded by one of these is a date, an ordinal or a document number
# ("số 12"); "dân số 15 triệu người" and "con số 500.000" are figures.
_NOT_A_FIGURE_BEFORE = re.compile(
    r"(?:năm|quý|tháng|ngày|(?<!dân )(?<!con )số|khóa|khoá|thứ|kỳ|đợt|điều|khoản|chương|mục|"
    r"giai đoạn|nhiệm kỳ|lần thứ|hôm nay|truy cập|[/\-–.])\s*$"
)
_RANGE_SEP = r"\s*(?:-|–|—|đến|tới)\s*"
_CHANGE = re.compile(r"(?:^|(?<=\W))(?P<verb>tăng|giảm|gấp)(?:\s+(?:gấp|thêm))?\s+$")


@dataclass(frozen=True)
class RawQuantity:
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


UnitTable = dict[str, tuple[str, float, Dimension]]


def _unit_pattern() -> tuple[re.Pattern[str], UnitTable, str]:
    """The unit pattern, the table of unit words, and the alternation of unit
    words that may be glued to a number ("77ha", "10km")."""
    specs, per_pop = units()
    table: UnitTable = {}
    guards: dict[str, str] = {}
    for spec in specs:
        for word in spec.words:
            table[word] = (spec.unit, spec.factor, spec.dimension)
            guards[word] = "".join(rf"(?!\s+{re.escape(n)}(?!\w))" for n in spec.not_before)
    words = sorted(table, key=len, reverse=True)
    alternatives = "|".join(
        re.escape(w) + (r"(?!\w)" if w[-1].isalnum() else "") + guards[w] for w in words
    )
    per = "|".join(re.escape(p) for p in per_pop)
    pattern = re.compile(
        rf"\s*(?:(?P<rate>[^\W\d][\w ]{{1,30}}?)\s*/\s*(?:{per})(?!\w)"
        rf"|(?P<unit>{alternatives})(?P<plan>\s+kế hoạch|\s+dự toán)?)"
    )
    glued = "|".join(re.escape(w) for w in words if w[0].isalpha())
    return pattern, table, glued


_UNIT, _UNIT_TABLE, _GLUED = _unit_pattern()
# A number ends at a non-word character, or where a scale or unit word is glued
# to it: "77ha", "10km", "5tỷ" are written without the space as often as with
# it. "10^300" is a power, never the figure 300.
_NUMBER = re.compile(
    rf"(?<![\w/.,^])(?:(?:{DIGITS})(?:(?![\w/])|(?=(?:{SCALE_WORD}|{_GLUED})(?!\w)))"
    rf"|(?:{SPELLED})(?![\w/]))"
)
_PER = re.compile(r"(?:\s*/\s*(?:ngày|tháng|năm|người|hộ|lao động|ha|tấn))+(?!\w)")
_BASE = re.compile(
    r"\s*,?\s*so(?: với)?\s+(?P<base>[^,;.()]{1,60}?)\s*(?=[,;.()]|$| và | trong đó)"
)
# Units a lone spelled number may carry: "một thập kỷ", "hai lần", "ba phần trăm".
_SPELLED_UNITS = frozenset({"năm", "lần", "%"})
_TWO_DIGITS = re.compile(r"(?<!\w)(?P<n>2|hai)\s+con\s+số(?!\w)")
_NONE_LEFT = re.compile(r"(?<!\w)không\s+còn\s+(?P<what>hộ\s+(?:cận\s+)?nghèo)(?!\w)")


@dataclass(frozen=True)
class _Unit:
    name: str
    factor: float
    end: int
    dimension: Dimension


def _read_unit(folded: str, pos: int) -> _Unit | None:
    m = _UNIT.match(folded, pos)
    if not m:
        return None
    if m.group("rate"):
        return _Unit(f"{m.group('rate').strip()}/vạn dân", 1.0, m.end(), Dimension.RATE)
    unit, factor, dimension = _UNIT_TABLE[m.group("unit")]
    if m.group("plan") and unit == "%":  # "đạt 101% kế hoạch": a share of the plan
        return _Unit(f"% {m.group('plan').strip()}", 1.0, m.end(), dimension)
    per = _PER.match(folded, m.end("unit"))
    if per:  # "1.046 tỉ đồng/ngày" is a daily rate, not a total; "20%/năm" is still a percent
        rate = dimension if dimension is Dimension.PERCENT else Dimension.RATE
        return _Unit(unit + re.sub(r"\s+", "", per.group()), factor, per.end(), rate)
    return _Unit(unit, factor, m.end("unit"), dimension)


def _base(folded: str, pos: int) -> str | None:
    """What a change is measured against: "tăng 5,93% so với dự toán 2018"."""
    m = _BASE.match(folded, pos)
    return re.sub(r"\s+", " ", m.group("base")).strip() if m else None


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


_BARE_BILLIONS = re.compile(r"(?<!\w)tỷ$")


def find_quantities(folded: str) -> list[RawQuantity]:
    """Every figure with a known unit in a folded sentence."""
    found: list[RawQuantity] = []
    pos = 0
    for m in _NUMBER.finditer(folded):
        if m.start() < pos or _NOT_A_FIGURE_BEFORE.search(folded, 0, m.start()):
            continue
        quantity = _read_quantity(folded, m.start())
        if quantity is not None:
            found.append(quantity)
            pos = quantity.end
    found = _without_periods(folded, found)
    found.extend(_word_figures(folded))
    return sorted(found, key=lambda q: q.start)


# "kế hoạch 5 năm", "chiến lược 10 năm": the kind of plan, not a duration stated.
_PLAN_KIND_BEFORE = re.compile(r"(?:kế hoạch|quy hoạch|chiến lược|chương trình)\s+$")


def _without_periods(folded: str, found: list[RawQuantity]) -> list[RawQuantity]:
    """Durations that are part of a period name ("6 tháng đầu năm", "9 tháng năm
    2017", "12 tháng 7", "5 năm 2021-2025") are the period, not a figure."""
    if not any(q.dimension is Dimension.DURATION for q in found):
        return found
    spans = period_spans(folded)
    return [
        q
        for q in found
        if q.dimension is not Dimension.DURATION
        or not (
            any(a < q.end and q.number_start < b for a, b in spans)
            or _PLAN_KIND_BEFORE.search(folded, max(0, q.start - COMPARATOR_WINDOW), q.start)
        )
    ]


def _read_quantity(folded: str, start: int) -> RawQuantity | None:
    amount = AMOUNT.match(folded, start)
    if not amount or (parsed := parse_amount(amount.group())) is None:
        return None
    value, _ = parsed
    end = amount.end()
    high_value: float | None = None
    unit = _read_unit(folded, end)
    rng = re.compile(_RANGE_SEP).match(folded, unit.end if unit else end)
    if rng and (second := AMOUNT.match(folded, rng.end())) and second.group()[0].isdigit():
        parsed_high = parse_amount(second.group())
        if parsed_high is not None and parsed[1] == 1.0 and parsed_high[1] > 1.0:
            value = tidy(value * parsed_high[1])  # "từ 86 đến 88 triệu đồng": scale said once
        if parsed_high is not None and parsed_high[0] > value:
            high_value, end = parsed_high[0], second.end()
            unit = _read_unit(folded, end) or unit
    if unit is None and _BARE_BILLIONS.search(amount.group()):
        # "230.000 tỷ giải phóng mặt bằng", "khoảng hơn 948 tỷ": billions in local news
        # are always đồng (people and visitors never run to billions in a province).
        unit = _Unit("VND", 1.0, amount.end(), Dimension.MONEY)
    if unit is None:
        return None
    unit_name, factor, end = unit.name, unit.factor, unit.end
    words = amount.group().split()
    if not words[0][0].isdigit() and len(words) == 1 and unit_name not in _SPELLED_UNITS:
        return None  # "một người", "năm 2024": a lone number word is rarely a figure
    quote_start, op = start, Op.EQ
    before = _CMP_BEFORE.search(folded, max(0, start - COMPARATOR_WINDOW), start)
    if before:
        quote_start = before.start("cmp")
        op = dict(_COMPARATORS)[before.group("cmp")]
    if folded.startswith(" trở lên", end):
        end += len(" trở lên")
        op = Op.GE
    value = tidy(value * factor)
    if not is_figure(value) or (high_value is not None and not is_figure(high_value * factor)):
        return None
    if high_value is not None:
        op = Op.RANGE
        low, high, lo_inc, hi_inc = value, tidy(high_value * factor), True, True
    else:
        low, high, lo_inc, hi_inc = interval_of(op, value)
        if before and before.group("cmp") == "gần":
            high, hi_inc = value, True
    change = _CHANGE.search(folded, max(0, quote_start - CHANGE_WINDOW), quote_start)
    measure = "level"
    if change:
        measure = {"tăng": "increase", "giảm": "decrease", "gấp": "multiple"}[change.group("verb")]
        if "gấp" in change.group():
            measure = "multiple"
    base = _base(folded, end) if measure != "level" else None
    return RawQuantity(
        quote_start,
        end,
        start,
        value,
        unit_name,
        op,
        low,
        high,
        lo_inc,
        hi_inc,
        measure,
        base,
        unit.dimension,
    )


def _word_figures(folded: str) -> list[RawQuantity]:
    """Words that state a figure: `2 con số` (growth of 10 % or more), `không còn hộ nghèo`."""
    result = [
        RawQuantity(
            m.start(),
            m.end(),
            m.start(),
            10.0,
            "%",
            Op.GE,
            10.0,
            100.0,
            True,
            False,
            "level",
            dimension=Dimension.PERCENT,
        )
        for m in _TWO_DIGITS.finditer(folded)
    ]
    result.extend(
        RawQuantity(m.start(), m.end(), m.start(), 0.0, "hộ", Op.EQ, 0.0, 0.0, True, True, "level")
        for m in _NONE_LEFT.finditer(folded)
    )
    return result


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
