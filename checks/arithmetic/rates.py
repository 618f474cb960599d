"""A change stated both as an amount and as a percent, against the level it led to.

"Doanh thu đạt 7.800 tỷ đồng, giảm 200 tỷ đồng so với năm 2015 (giảm 2,5%)": the
level before was 7.800 + 200 = 8.000, and 200 of 8.000 is 2,5 %: it holds.
"Còn 208 đơn vị, giảm 121 đơn vị (30,2%)": 208 + 121 = 329, and 121 of 329 is
36,8 %, not 30,2 %. No base needs to be stated: the amount and the level give it,
so the rate can be redone from the sentence alone. A level that is the B of "từ A
lên / xuống B" is not read: the rate is of A, and `changes._from_to` checks the
change against both ("giảm từ 401 xuống còn 208 đơn vị, giảm 121 đơn vị (30,2%)":
401 − 208 = 193, not 121; the 30,2 % is of the 401).

The level is the figure right before "tăng / giảm d" (`changes._changed_level`;
its noun may go on before the comma: "còn 208 đơn vị sự nghiệp, giảm 121 đơn vị"),
the rate the percent right after d, in brackets or after a comma, with its own
"tăng / giảm" (the same way) or none, or after "so với ..." ("giảm 200 tỷ đồng
so với năm 2015 (giảm 2,5%)"). Reported at info: a level before the change may
be another figure's ("đạt 6.783 tỷ đồng" of a whole when "tăng 1.888 tỷ đồng"
is this year's part), which only the words tell.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Iterator
from functools import lru_cache

from checks.arithmetic.changes import _changed_level
from checks.arithmetic.figures import _CLAUSE_END, _Figure
from checks.arithmetic.result import _Arithmetic, _in, _number, _stated
from linter.data.lexicon import Lexicon
from linter.models import Severity

_CHANGES = ("increase", "decrease")
# "giảm 121 đơn vị (30,2%)", "tăng 1.093 người (tăng 19,3%)", "giảm 200 tỷ đồng so với
# năm 2015 (giảm 2,5%)", "tăng 50 tỷ đồng, tương đương 12%". After a comma the rate
# needs its word: a bare percent there may open the next item ("..., 51% là nữ");
# "bằng x%" after a change is the new level's ratio to the old one, not the rate.
_RATE_WORD = r"(?:tăng|giảm|tương\s+đương(?:\s+với)?|tức(?:\s+là)?|hay)(?:\s+thêm)?"
_RATE_AFTER = re.compile(
    r"\s*(?:,?\s*so\s+với\s+[^,;:()%]{1,40}?)?\s*"
    rf"(?:\(\s*(?:{_RATE_WORD}\s*)?|,\s*{_RATE_WORD}\s*)"
)


# "giảm từ 401 xuống còn 208 đơn vị": the level is the B of "từ A lên / xuống B".
_LED_TO = re.compile(r"(?<!\w)từ\s+[^,;:()]{1,40}?\s(?:lên|xuống)(?:\s+còn)?\s*$")


# Read once per lexicon, not once per document: `candidates` asks it for each (a lexicon
# is read once and never changed; the run and a server use one or two).
@lru_cache(maxsize=8)
def _rated_counts(lexicon: Lexicon) -> frozenset[str]:
    """Counted indicators of linter/data/indicators.yaml that have a rate of their own
    ("hộ nghèo" and "tỷ lệ hộ nghèo"): a percent beside a change of one is as often that
    rate's change, in points ("còn 12.000 hộ nghèo, giảm 2.000 hộ (1,5%)": the poverty
    rate fell 1,5 points), as the count's own, and the words do not tell which."""
    rates = {n for s in lexicon.indicators.values() if s.dimension == "percent" for n in s.names}
    return frozenset(
        key
        for key, spec in lexicon.indicators.items()
        if spec.dimension == "count" and any(f"tỷ lệ {n}" in rates for n in spec.names)
    )


def _rates(folded: str, figures: list[_Figure], rated: frozenset[str]) -> Iterator[_Arithmetic]:
    """d / (L ∓ d) must be the rate stated beside the amount d of a change of L; the
    rate must end its clause ("tăng 200 tỷ đồng (2,5% tổng thu)" is a share of what
    its words name), and a count with a rate of its own (`_rated_counts`) is not read."""
    for i, (amount, rate) in enumerate(itertools.pairwise(figures)):
        if amount.claim.measure not in _CHANGES or rate.unit != "%":
            continue
        if not _CLAUSE_END.match(folded, rate.end) or amount.claim.indicator in rated:
            continue
        if amount.unit == "%" or "/" in amount.unit:
            continue
        if rate.claim.measure not in (amount.claim.measure, "level"):
            continue  # "tăng 5 tỷ đồng (giảm 2%)" is two things
        if not _RATE_AFTER.fullmatch(folded, amount.end, rate.start):
            continue
        level = _changed_level(folded, figures[:i], amount)
        if level is None or level.unit != amount.unit or level.low <= 0:
            continue
        if level.claim.indicator in rated:
            continue
        if _LED_TO.search(folded, max(level.sentence_start, level.start - 60), level.start):
            continue  # "từ A xuống B, giảm d (x%)": x is of A, and `_from_to` checks d
        yield from _rate_of(level, amount, rate)


def _rate_of(level: _Figure, amount: _Figure, rate: _Figure) -> Iterator[_Arithmetic]:
    up = amount.claim.measure == "increase"
    sign = -1.0 if up else 1.0  # the level before: L − d after a rise, L + d after a fall
    base = level.claim.value + sign * amount.claim.value
    base_low = level.low + sign * (amount.high if up else amount.low)
    base_high = level.high + sign * (amount.low if up else amount.high)
    if base <= 0 or base_low <= 0 or not math.isfinite(amount.high):
        return  # an open amount ("hơn 200 tỷ") or one past its level bounds nothing
    low = amount.low / base_high * 100 if math.isfinite(base_high) else 0.0
    high = amount.high / base_low * 100
    before = f"{_in(level, amount)} {'−' if up else '+'} {_in(amount, amount)}"
    yield _Arithmetic(
        "rate",
        ((level, "level"), (amount, "change"), (rate, "rate")),
        low,
        high,
        rate.low,
        rate.high,
        f"{_in(amount, amount)} / ({before}) = {_number(amount.claim.value / base * 100)}%",
        f"«{_stated(rate)}»",
        over=Severity.INFO,
        under=Severity.INFO,
    )
