"""Figures with a unit of the table and their comparator, turned into intervals.

A figure is a number (digits, scale words, number words: `linter.claims.numbers`),
its unit (`linter.claims.units`) and the words around it that say how it is meant
(`linter.claims.figure_words`: a comparator, a change, a range); the interval each
comparator allows is in `linter.claims.intervals`. Amounts said without a unit
or without a number ("bị phạt 65 triệu", "hàng chục tỷ đồng") are read by
`linter.claims.amounts`.
"""

from __future__ import annotations

import re

from linter import nlp
from linter.claims.amounts import money_meant, shared_unit_at, word_figures
from linter.claims.figure_words import (
    BOUND_AFTER,
    COMPARATOR_WINDOW,
    RANGE,
    base_after,
    change_before,
    comparator_before,
    comparator_op,
    difference_before,
)
from linter.claims.intervals import APPROX_TOLERANCE as APPROX_TOLERANCE
from linter.claims.intervals import RawQuantity as RawQuantity
from linter.claims.intervals import interval_of as interval_of
from linter.claims.intervals import intervals_overlap as intervals_overlap
from linter.claims.nouns import noun_end
from linter.claims.numbers import (
    AMOUNT,
    DIGITS,
    SCALE_WORD,
    SPELLED,
    SPELLED_FIRST_WORDS,
    is_figure,
    parse_amount,
    tidy,
)
from linter.claims.periods import period_spans
from linter.claims.units import GLUED, Unit, read_per, read_unit
from linter.models import Dimension, Op

# A number preceded by one of these is a date, an ordinal or a document number
# ("số 12"); "dân số 15 triệu người", "con số 500.000", "doanh số 105,5 triệu USD" and
# "tổng số 3932 nguồn" and "132 ha trong số 157 ha" are figures.
_NOT_A_FIGURE_BEFORE = re.compile(
    r"(?:năm|quý|tháng|ngày|(?<!dân )(?<!con )(?<!doanh )(?<!tổng )(?<!trong )số|khóa|khoá|thứ|"
    r"kỳ|đợt|điều|khoản|chương|mục|giai đoạn|nhiệm kỳ|lần thứ|hôm nay|truy cập|[/\-–.])\s*$"
)
_WORD_REACH = 12  # characters: more than the longest word of _NOT_A_FIGURE_BEFORE


# A number ends at a non-word character, or where a scale or unit word is glued
# to it: "77ha", "10km", "5tỷ" are written without the space as often as with
# it. "10^300" is a power, never the figure 300.
_NUMBER = re.compile(
    rf"(?<![\w/.,^])(?:(?:{DIGITS})(?:(?![\w/])|(?=(?:{SCALE_WORD}|{GLUED})(?!\w)))"
    rf"|(?:{SPELLED})(?![\w/]))"
)
# Where a number begins: _NUMBER opens on a lookbehind, which re tries everywhere.
# Its lookbehind refuses a letter or a digit before it, so only the first digit of
# a run is tried ("2017" once, not at each digit); and SPELLED's first word is
# followed by a space or no word character, so a digit word is tried only standing
# alone on both sides (not "ba" in "bao" nor "hai" in "khai").
_NUMBER_START = re.compile(rf"{nlp.RUN_START.pattern}|{nlp.alone(*SPELLED_FIRST_WORDS)}(?!\w)")
# Units a lone spelled number may carry: "một thập kỷ", "hai lần", "ba phần trăm".
_SPELLED_UNITS = frozenset({"năm", "lần", "%"})


def find_quantities(folded: str) -> list[RawQuantity]:
    """Every figure with a known unit in a folded sentence."""
    found: list[RawQuantity] = []
    pos = 0
    for m in nlp.finditer_at(_NUMBER, _NUMBER_START, folded):
        if m.start() < pos or _not_a_figure(folded, m.start()):
            continue
        quantity = _read_quantity(folded, m.start())
        if quantity is not None:
            found.append(quantity)
            pos = quantity.end
    found = _without_periods(folded, found)
    found.extend(word_figures(folded, [(q.start, q.end) for q in found]))
    return sorted(found, key=lambda q: q.start)


def _not_a_figure(folded: str, start: int) -> bool:
    """Whether a word of _NOT_A_FIGURE_BEFORE and spaces stand right before `start`.
    Searched from where that word can begin, after the spaces, not from the
    sentence's start: from there each number cost a search of all the text before it."""
    word_end = start
    while word_end and folded[word_end - 1].isspace():  # re's \s is str.isspace
        word_end -= 1
    return bool(_NOT_A_FIGURE_BEFORE.search(folded, max(0, word_end - _WORD_REACH), start))


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
    unit = read_unit(folded, end)
    rng = RANGE.match(folded, unit.end if unit else end)
    if rng and (second := AMOUNT.match(folded, rng.end())) and second.group()[0].isdigit():
        parsed_high = parse_amount(second.group())
        if parsed_high is not None and parsed[1] == 1.0 and parsed_high[1] > 1.0:
            value = tidy(value * parsed_high[1])  # "từ 86 đến 88 triệu đồng": scale said once
        if parsed_high is not None and parsed_high[0] > value:
            high_value, end = parsed_high[0], second.end()
            unit = read_unit(folded, end) or unit
    unit = unit or _bare_unit(folded, amount)
    if unit is None:
        return None
    unit = _occurrences_of(folded, unit)
    unit_name, factor, end = unit.name, unit.factor, unit.end
    words = amount.group().split()
    if not words[0][0].isdigit() and len(words) == 1 and unit_name not in _SPELLED_UNITS:
        return None  # "một người", "năm 2024": a lone number word is rarely a figure
    quote_start, op = start, Op.EQ
    before = comparator_before(folded, start)
    difference = difference_before(folded, start)
    if before and not difference:
        quote_start = before.start("cmp")
        op = comparator_op(before)
    from_to = bool(before) and before.group("cmp") == "từ" and bool(_FROM_TO.match(folded, end))
    if from_to:
        op = Op.EQ  # "giảm từ 20 tỷ năm 2017 còn 10 tỷ": the level it changed from
    for words, bound in BOUND_AFTER.items():
        if folded.startswith(words, end):  # "doanh thu từ 100 triệu trở xuống"
            end, op = end + len(words), bound
    value = tidy((value + unit.value_added) * factor)
    if not is_figure(value) or (high_value is not None and not is_figure(high_value * factor)):
        return None
    if high_value is not None:
        op = Op.RANGE
        low, high, lo_inc, hi_inc = value, tidy(high_value * factor), True, True
    else:
        low, high, lo_inc, hi_inc = interval_of(op, value)
        if before and before.group("cmp") == "gần":
            high, hi_inc = value, True
    measure = "level" if from_to else change_before(folded, quote_start)
    measure = difference or measure
    base = base_after(folded, end) if measure != "level" else None
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


# After a figure that "từ" opens, a word of change: "từ 35 triệu xuống còn 8 triệu".
_FROM_TO = re.compile(r"(?:\s+năm\s+\d{4})?\s*,?\s*(?:xuống còn|xuống|lên|còn)(?!\w)")
_BARE_SCALE = re.compile(r"(?<!\w)(?P<scale>tỷ|triệu|nghìn|ngàn)$")


def _bare_unit(folded: str, amount: re.Match[str]) -> Unit | None:
    """The unit of an amount said without one (`linter.claims.amounts`): the unit of
    the amount it is joined to ("35 triệu xuống còn 8 triệu đồng"), else money
    where money is meant. Billions in local news are always đồng ("230.000 tỷ giải
    phóng mặt bằng"): people and visitors never run to billions in a province."""
    bare = _BARE_SCALE.search(amount.group())
    if bare is None:
        return None
    end = amount.end()
    if (at := shared_unit_at(folded, end)) is not None and (second := AMOUNT.match(folded, at)):
        unit = read_unit(folded, second.end())
        if unit is not None and second.group().endswith(bare.group("scale")):
            return Unit(unit.name, unit.factor, end, unit.dimension)
    if bare.group("scale") == "tỷ" or money_meant(folded, amount.start(), end):
        return Unit("VND", 1.0, end, Dimension.MONEY)
    return None


_SPACES = re.compile(r"\s+")


def _occurrences_of(folded: str, unit: Unit) -> Unit:
    """ "lượt" followed by a noun counted whole counts occurrences of that noun:
    "1.600 lượt cán bộ" is in unit "lượt cán bộ", never met by "37.428 lượt xe";
    travellers are "lượt khách" (`linter/data/counted_nouns.yaml`, same_count)."""
    if unit.name != "lượt" or unit.dimension is not Dimension.COUNT:
        return unit
    space = _SPACES.match(folded, unit.end)
    found = noun_end(folded, space.end()) if space else None
    if found is None or read_per(folded, found[0]) or folded.startswith("/", found[0]):
        return unit  # "20.000 lượt chuyến xe/tháng": a rate, left to its reading
    end, noun = found
    # a traveller counts in "lượt khách" already: "lượt hành khách" is no "lượt lượt khách"
    name = noun if noun.startswith("lượt ") else f"lượt {noun}"
    return Unit(name, unit.factor, end, unit.dimension)
