"""Figures counted in a noun the unit table does not know.

"25 tàu", "4.000 cây", "32 hành khách", "303,83 triệu cổ phiếu", "hàng trăm
chậu mai", "15 điểm sụp lún": the unit is the noun's first syllable (a
lowercase word in the original text, so "222 Trần Duy Hưng" is an address),
or the noun after a classifier ("17 chiếc tàu" counts what "18 tàu" counts);
a noun whose first syllable alone names another thing is the unit whole
("1.500 học sinh", "11 đơn vị", "200 căn hộ": `linter.claims.nouns`).
Such a figure is read like one in a unit of the table: its scale words ("1,64
triệu khách"), a range ("10-15 triệu hành khách"), per what it is counted ("45
triệu khách/năm", "56 triệu khách mỗi năm" are rates), its comparator and the
change it states ("tăng 11 điểm so với năm 2015").

"điểm" is a counted noun when a noun follows it ("15 điểm sụp lún", "153 điểm
thi") and a score otherwise ("15,5 điểm", "từ 18 điểm trở lên"); both are in
unit "điểm", told apart by their subjects.
"""

from __future__ import annotations

import re

from linter import nlp
from linter.claims.amounts import Vague, find_vague
from linter.claims.figure_words import (
    BOUND_AFTER,
    RANGE,
    base_after,
    change_before,
    difference_before,
)
from linter.claims.intervals import RawQuantity, interval_of
from linter.claims.nouns import noun_end
from linter.claims.numbers import AMOUNT, DIGITS, parse_amount, tidy
from linter.claims.subject_words import AFTER_STOP
from linter.claims.units import read_per, read_unit
from linter.models import Dimension, Op

# Character windows, on folded text: what makes a number no count ("quốc lộ",
# "điện thoại") and a count's comparator ("khoảng", "ít nhất") stand right before it.
GUARD_WINDOW = 16
COMPARATOR_WINDOW = 12

_OPEN_NUMBER = re.compile(rf"(?<![\w/.,:-])(?:{DIGITS})(?![\w/])")
# After the number, these are times, dates, ranks, connectives or units of the
# table, never a counted noun.
_NOT_A_COUNT_NOUN = frozenset(
    (
        "năm tháng ngày giờ phút giây tuần quý đợt kỳ lần thứ và hoặc hay đến tới so với "
        "của trên dưới trong ngoài là đã được có thì mà để khi cho tại ở từ sau trước "
        "tuổi đồng triệu tỷ nghìn ngàn vạn trăm mươi chục phần giai số trở xuống lên còn "
        "vì do nữa cũng đều vẫn chưa không phải cần nên bị một mỗi sang"
    ).split()
)
# Classifier nouns stand before what is counted: the count is of the noun after them.
_CLASSIFIERS = frozenset("chiếc con cái căn ngôi tấm bức quả cây cuộc bộ".split())
# "hotline: 1900", "8:30": a colon right before a number; "Ngữ văn: 33,0 điểm" is a score.
_NOT_A_COUNT_BEFORE = re.compile(
    r"(?:(?:năm|quý|tháng|ngày|mồng|mùng|(?<!dân )(?<!con )(?<!doanh )(?<!tổng )(?<!trong )số|"
    r"khóa|khoá|thứ|kỳ|đợt|điều|khoản|chương|mục|giai đoạn|nhiệm kỳ|lần thứ|hôm nay|quốc lộ|"
    r"tỉnh lộ|đường|tuyến|phòng|lô|tầng|km|hotline|điện thoại|mã|lớp|top|[/\-–.#])\s*|:)$"
)
_WORD_AFTER = re.compile(r"\s+([^\W\d_]+)")


def find_open_counts(f: str, original: str, taken: list[tuple[int, int]]) -> list[RawQuantity]:
    """Figures counted in a noun outside the unit table, outside the `taken` spans."""
    # tried only where a run of digits starts: a pattern opening on a lookbehind is
    # tried at every character
    numbers = nlp.finditer_at(_OPEN_NUMBER, nlp.RUN_START, f)
    starts: list[tuple[int, Vague | None]] = [(m.start(), None) for m in numbers]
    starts.extend((v.start, v) for v in find_vague(f))
    found: list[RawQuantity] = []
    end = 0
    for start, vague in sorted(starts, key=lambda s: s[0]):
        if start < end or any(a <= start < b for a, b in taken):
            continue
        q = _count_at(f, original, start, vague)
        if q is not None:
            found.append(q)
            end = q.end
    return found


def _count_at(f: str, original: str, start: int, vague: Vague | None) -> RawQuantity | None:
    amount = _amount_at(f, start, vague)
    if amount is None:
        return None
    value, high, end = amount
    noun = _WORD_AFTER.match(f, end)
    if not noun or noun.group(1) in _NOT_A_COUNT_NOUN:
        return None
    if not original[noun.start(1)].islower():
        return None  # "222 Trần Hưng Đạo", "3 Chi cục": a name, not a counted noun
    end, unit = noun.end(1), noun.group(1)
    second = _WORD_AFTER.match(f, end)
    if whole := _whole_noun(f, original, noun.start(1)):
        unit, end = whole  # "1.500 học sinh", "16 phòng khám"; "hành khách": "lượt khách"
    elif second and _second_syllable(second.group(1)) and original[second.start(1)].islower():
        end = second.end(1)  # "22 tàu cá", "5 phòng học": the head is what is counted
        if unit in _CLASSIFIERS:  # "17 chiếc tàu" counts what "18 tàu" counts
            unit, end = _after_classifier(f, original, second.start(1), second.group(1))
    dimension = Dimension.COUNT
    if per := read_per(f, end):  # "45 triệu khách/năm" is a yearly capacity, not a total
        unit, end, dimension = unit + per[0], per[1], Dimension.RATE
    elif f.startswith("/", end):
        return None  # "bình quân 41,5 khách/lượt xe": a ratio, neither a count nor a rate
    quote_start, op, interval = _open_comparator(f, start, value)
    if vague is not None:
        op, interval = Op.APPROX, (value, high, True, False)
    elif high is not None:
        op, interval = Op.RANGE, (value, high, True, True)
    for words, bound in BOUND_AFTER.items():
        if f.startswith(words, end):  # "từ 18 điểm trở lên"
            end, op, interval = end + len(words), bound, interval_of(bound, value)
            quote_start = start
    measure = change_before(f, quote_start)
    if difference := difference_before(f, start):  # "cao hơn 1 điểm so với năm 2016"
        quote_start, op, interval, measure = start, Op.EQ, interval_of(Op.EQ, value), difference
    return RawQuantity(
        start=quote_start,
        end=end,
        number_start=start,
        value=value,
        unit=unit,
        op=op,
        low=interval[0],
        high=interval[1],
        low_inclusive=interval[2],
        high_inclusive=interval[3],
        measure=measure,
        base=base_after(f, end) if measure != "level" else None,
        dimension=dimension,
    )


def _amount_at(f: str, start: int, vague: Vague | None) -> tuple[float, float | None, int] | None:
    """The value of the amount at `start`, the high end of its range (or of its
    order of magnitude), and where it ends; None where it is no count's amount."""
    if vague is not None:
        return vague.low, vague.high, vague.end
    if _NOT_A_COUNT_BEFORE.search(f, max(0, start - GUARD_WINDOW), start):
        return None
    amount = AMOUNT.match(f, start)
    parsed = parse_amount(amount.group()) if amount else None
    if amount is None or parsed is None or re.fullmatch(r"(?:19|20)\d\d", amount.group()):
        return None  # a year
    value, scale = parsed
    end, high = amount.end(), None
    rng = RANGE.match(f, end)
    second = AMOUNT.match(f, rng.end()) if rng else None
    if second and second.group()[0].isdigit() and (top := parse_amount(second.group())):
        if scale == 1.0 and top[1] > 1.0:
            value = tidy(value * top[1])  # "10-15 triệu hành khách": the scale said once
        if top[0] > value:
            high, end = top[0], second.end()
    return tidy(value), high, end


def _after_classifier(f: str, original: str, start: int, word: str) -> tuple[str, int]:
    """The noun a classifier counts and where it ends: a noun counted whole ("12
    chiếc máy bay"), a count of the unit table ("50 chiếc ôtô" counts "ô tô"), else
    the word after it."""
    if whole := _whole_noun(f, original, start):
        return whole
    table = read_unit(f, start)
    if table is not None and table.dimension is Dimension.COUNT and table.name != "lượt":
        return table.name, table.end
    return word, start + len(word)


def _whole_noun(f: str, original: str, start: int) -> tuple[str, int] | None:
    """A noun counted whole (`linter.claims.nouns.noun_end`) at `start`, written in
    lowercase ("2 Công ty" is a name): the unit it is counted in ("hành khách"
    counts "lượt khách") and where it ends."""
    found = noun_end(f, start)
    if found is None or not original[start : found[0]].islower():
        return None
    end, unit = found
    return unit, end


def _second_syllable(word: str) -> bool:
    """Whether `word` goes on the counted noun: "hợp đồng", "cộng đồng" end in "đồng"."""
    return (word == "đồng" or word not in _NOT_A_COUNT_NOUN) and not AFTER_STOP.fullmatch(word)


_OPEN_CMP = re.compile(
    r"(?:^|(?<=\W))(?P<cmp>khoảng|gần|hơn|trên|dưới|ít nhất|tối thiểu|tối đa|chưa đến|"
    r"không quá|xấp xỉ|hàng)\s+$"
)
_OPEN_OPS = {
    **dict.fromkeys(("hơn", "trên"), Op.GT),
    **dict.fromkeys(("ít nhất", "tối thiểu"), Op.GE),
    **dict.fromkeys(("dưới", "chưa đến"), Op.LT),
    **dict.fromkeys(("tối đa", "không quá"), Op.LE),
    **dict.fromkeys(("khoảng", "xấp xỉ", "hàng", "gần"), Op.APPROX),
}


def _open_comparator(
    f: str, start: int, x: float
) -> tuple[int, Op, tuple[float | None, float | None, bool, bool]]:
    """Where a count's quote starts (its comparator included), the comparator, and
    the interval it allows (`intervals.interval_of`; "gần x" stops at x)."""
    m = _OPEN_CMP.search(f, max(0, start - COMPARATOR_WINDOW), start)
    if m is None:
        return start, Op.EQ, interval_of(Op.EQ, x)
    op = _OPEN_OPS[m.group("cmp")]
    low, high, lo_inc, hi_inc = interval_of(op, x)
    if m.group("cmp") == "gần":
        high = x
    return m.start("cmp"), op, (low, high, lo_inc, hi_inc)
