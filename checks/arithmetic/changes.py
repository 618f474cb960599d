"""A change (a rate, an amount, a ratio, "từ A lên B") against the two levels it links."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from itertools import pairwise

from checks.arithmetic.figures import _Figure, _last_digit
from checks.arithmetic.result import _Arithmetic, _in, _number, _stated

_BEFORE_CHANGE = re.compile(r"^\s*[,(]?\s*(?:và\s+)?(?:ước\s+)?(?:tăng|giảm)(?:\s+thêm)?\s*$")
# "... so với trước kiểm toán và giảm ": one change of a level, then the next one.
_CHAINED_CHANGE = re.compile(
    r"^\s*,?\s*so\s+với\s+[^,;:()]{1,40}?\s*(?:,|\s+và)\s*(?:tăng|giảm)(?:\s+thêm)?\s*$"
)
# "so với cùng kỳ (L0)", "so với năm 2016 là L0": the base level right after its base;
# "(đạt L)" after the base is the new level, so "đạt" is never part of it.
_BASE_LEVEL = re.compile(
    r"^\s*,?\s*so\s+với\s+(?:(?!(?<!\w)(?:là|với|đạt|của|và)(?!\w))[^,;:()]){1,40}?"
    r"\s*(?:\(\s*|,?\s+là\s+)$"
)


# "bằng 120% dự toán (L0)", "đạt 95% kế hoạch năm (L0)": a ratio's base named by what
# it is (a plan, an estimate, the same period), its level in brackets right after.
_PLAN_BASE = re.compile(
    r"^\s*(?:so\s+với\s+)?(?:dự toán|kế hoạch|chỉ tiêu|mục tiêu|cùng kỳ)"
    r"(?:\s+(?:năm|giao|được giao|đề ra|hđnd|năm nay|năm trước|năm \d{4}))*\s*\(\s*$"
)


def _changes(folded: str, figures: list[_Figure]) -> Iterator[_Arithmetic]:
    """A change ("L, tăng g% so với cùng kỳ (L0)") or a ratio ("L, gấp 2,5 lần so
    với cùng kỳ (L0)", "L, bằng 120% so với năm trước (L0)", "L, bằng 120% dự toán
    (L0)"): the level, the change and its base level in a row; other changes of L may stand between ("L, giảm 86%
    so với X và giảm 62% so với năm 2015 (L0)")."""
    for i, change in enumerate(figures[1:-1], start=1):
        base = figures[i + 1]
        gap = folded[change.end : base.start]
        ratio = change.claim.measure not in ("increase", "decrease")
        # "bằng 120% dự toán (L0)": the parser keeps the plan word in the unit.
        of_plan = change.unit.startswith("% ") and re.fullmatch(r"\s*\(\s*", gap)
        if not base.is_level or not (
            _BASE_LEVEL.match(gap) or (ratio and (_PLAN_BASE.match(gap) or of_plan))
        ):
            continue
        if change.claim.measure in ("increase", "decrease"):
            level = _changed_level(folded, figures[:i], change)
            verb = None
        else:
            level = figures[i - 1]
            verb = _ratio_verb(folded[level.end : change.start], change)
            if verb is None:
                continue
        if level is None or not level.is_level or level.unit != base.unit:
            continue
        if level.unit == "%" or "/" in level.unit:
            continue  # a change of a share is in points or in percent: unknowable
        if verb is not None:
            yield from _ratio(level, base, change, verb)
        elif change.unit == "%":
            yield from _relative(level, base, change)
        elif change.unit == level.unit:
            yield _absolute(level, base, change)


_BEFORE_RATIO = re.compile(
    r"^\s*[,(]?\s*(?:và\s+)?(?P<verb>(?:tăng|cao|lớn)\s+gấp|gấp|bằng|đạt)\s*$"
)


def _ratio_verb(between: str, change: _Figure) -> str | None:
    """The ratio's verb: "gấp" before a multiple (lần), "bằng / đạt" before a percentage."""
    m = _BEFORE_RATIO.match(between)
    if m is None:
        return None
    verb = m.group("verb")
    if change.unit == "lần" and change.claim.measure == "multiple" and "gấp" in verb:
        return verb
    if change.unit.startswith("%") and change.is_level and "gấp" not in verb:
        return verb
    return None


def _ratio(level: _Figure, base: _Figure, change: _Figure, verb: str) -> Iterator[_Arithmetic]:
    """L/L0 against "gấp N lần" (N) or "bằng x%" (x/100). "Tăng gấp 3 lần" is read as
    3 or 4 times: writers use it for both."""
    if base.low <= 0 or level.low < 0:
        return
    per = 100.0 if change.unit.startswith("%") else 1.0
    ratio = level.claim.value / base.claim.value * per
    stated_high = change.high + (1.0 if verb.startswith("tăng") else 0.0)
    yield _Arithmetic(
        "change",
        ((level, "level"), (change, "change"), (base, "base")),
        level.low / base.high * per,
        level.high / base.low * per,
        change.low,
        stated_high,
        f"{_in(level, base)} / {_in(base, base)} = {_number(ratio)} {change.unit}".replace(
            " %", "%"
        ),
        f"«{' '.join(verb.split())} {_stated(change)}»",
    )


# "có hơn 12.000 hành khách đi buýt nhanh, tăng 8,4%", "còn 208 đơn vị sự nghiệp, giảm
# 121 đơn vị": the level's noun (and its verb) may go on before the comma.
_NOUN_THEN_CHANGE = re.compile(r"(?:\s+[^\W\d]+){1,4}\s*,\s*(?:tăng|giảm)(?:\s+thêm)?\s*")


def _changed_level(folded: str, before: list[_Figure], change: _Figure) -> _Figure | None:
    """The level a change is of: the figure right before "tăng / giảm" (its noun's
    words may come first, then a comma), walking back over other changes of the same
    level chained by "và" or ","."""
    after = change
    for f in reversed(before):
        between = folded[f.end : after.start]
        if f.is_level:
            if _BEFORE_CHANGE.match(between):
                return f
            named = after is change and _NOUN_THEN_CHANGE.fullmatch(between)
            return f if named else None
        if not _CHAINED_CHANGE.match(between):
            return None
        after = f
    return None


def _signed_number(value: float) -> str:
    return ("+" if value >= 0 else "") + _number(value)


def _change_stated(change: _Figure) -> str:
    """The change as stated, with its verb: "giảm 62%"."""
    verb = "tăng" if change.claim.measure == "increase" else "giảm"
    return f"«{verb} {_stated(change)}»"


def _signed(change: _Figure) -> tuple[float, float]:
    """The stated change as a signed interval: "giảm 5%" is −5 %."""
    if change.claim.measure == "increase":
        return change.low, change.high
    return -change.high, -change.low


def _relative(level: _Figure, base: _Figure, change: _Figure) -> Iterator[_Arithmetic]:
    """L/L0 − 1 against a stated growth (or fall) of g %."""
    if base.low <= 0 or level.low < 0:
        return
    growth = (level.claim.value / base.claim.value - 1) * 100
    yield _Arithmetic(
        "change",
        ((level, "level"), (change, "change"), (base, "base")),
        (level.low / base.high - 1) * 100,
        (level.high / base.low - 1) * 100,
        *_signed(change),
        f"{_in(level, base)} / {_in(base, base)} − 1 = {_signed_number(growth)}%",
        _change_stated(change),
    )


def _absolute(level: _Figure, base: _Figure, change: _Figure) -> _Arithmetic:
    """L − L0 against a stated increase (or decrease) of d."""
    diff = level.claim.value - base.claim.value
    return _Arithmetic(
        "change",
        ((level, "level"), (change, "change"), (base, "base")),
        level.low - base.high,
        level.high - base.low,
        *_signed(change),
        f"{_in(level, change)} − {_in(base, change)} = {_signed_number(diff / change.scale)} "
        f"{change.unit_words}".rstrip(),
        _change_stated(change),
    )


# "tăng hơn 6 lần (từ 4.600 đồng lên 29.300 đồng)", "giảm từ 19.921 tỷ đồng xuống
# 17.884 tỷ đồng, giảm 10,2%": a change stated with both of its levels. A few words
# may name the years: "từ 1.200 triệu USD năm 2015 lên 1.500 triệu USD năm 2016".
_FROM_TO = re.compile(r"^[^,;:()]{0,20}?\s(?:lên|xuống)(?:\s+còn)?\s*$")
# "từ cao trình 545,28 m xuống 543,85 m", "từ mức 17.000 đồng lên 18.000 đồng": a
# word naming what the level is may stand between "từ" and its figure.
# A plain "từ " too: the parser leaves it out of a figure it does not read as "from
# A on" ("giảm từ 401 xuống còn 208 đơn vị": "401" bare, see `figures._bare_from`).
_FROM_NAMED = re.compile(r"(?<!\w)từ\s+(?:(?:mức|cao trình|con số|ngưỡng)\s*)?$")
_CHANGE_AFTER = re.compile(r"^[^,;:()]{0,20}?[,(]\s*(?:tức\s+)?(?:tăng|giảm)(?:\s+thêm)?\s*$")


def _from_to(folded: str, figures: list[_Figure]) -> Iterator[_Arithmetic]:
    """A change next to "từ A lên / xuống B": B − A, B / A − 1 or B / A must be it."""
    for i, (a, b) in enumerate(pairwise(figures)):
        named = _FROM_NAMED.search(folded, max(a.sentence_start, a.start - 20), a.start)
        if not (folded.startswith("từ", a.start) or named) or not b.is_level or a.unit != b.unit:
            continue
        if not _FROM_TO.match(folded[a.end : b.start]) or "/" in a.unit:
            continue
        before = figures[i - 1] if i > 0 else None
        after = figures[i + 2] if i + 2 < len(figures) else None
        change = None
        opens = named.start() if named else a.start  # where "từ ..." begins
        if before is not None and re.fullmatch(r"\s*[,(]?\s*", folded[before.end : opens]):
            change = before
        elif after is not None and _CHANGE_AFTER.match(folded[b.end : after.start]):
            change = after
        if change is None or change.is_level:
            continue
        base = _exact(a)  # "từ A" is read as "A or more"; here A is the level it left
        if a.unit == "%":  # a share changes in points ("giảm 1,4 điểm phần trăm") or is unknowable
            if change.unit == "pp" and change.claim.measure in ("increase", "decrease"):
                yield _absolute(b, base, change)
            continue
        if change.unit == "lần" and change.claim.measure != "decrease":
            verb = "tăng" if change.claim.measure == "increase" else "gấp"
            yield from _ratio(b, base, change, verb)
        elif change.unit == "%" and change.claim.measure != "multiple":
            yield from _relative(b, base, change)
        elif change.unit == a.unit and change.claim.measure != "multiple":
            yield _absolute(b, base, change)


def _exact(f: _Figure) -> _Figure:
    """The figure as the number it writes, whatever comparator the parser gave it."""
    half = 0.5 * _last_digit(f.number) * abs(f.scale)
    return replace(f, low=f.claim.value - half, high=f.claim.value + half)
