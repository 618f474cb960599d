"""When two figures under one noun are two figures, whatever their subjects say.

`linter.checking.likeness` pairs figures by their subjects; news puts many
figures under one noun that a reader keeps apart without thinking. Measured on
news2017's tuning half and the unclustered articles, each of these made EV01 or
EV02 report two things as one:

- two periods of different length: "khoảng 43,99 tỷ đồng" of fire damage in
  the police's half-year against "hơn 300 tỉ đồng" since 2016; a year's total
  against a month's. Periods read from context are loose, so only a period
  less than half as long as the other, one inside the other and of a finer
  grain (a quarter inside a half-year, either half-year inside its year), or
  one that does not overlap it sets two figures apart; a year and a school
  year ("năm học 2017-2018") do not;
- a whole and what is counted out of it: "hơn 685 ha trong tổng số 956 ha
  nuôi tôm" (`linter.claims.roles`) against another report's "gần 600 ha nuôi
  tôm" (the part again): a whole is kept apart from a smaller figure that is
  no whole, and compared with a larger one (the whole restated without "trong
  tổng số");
- one part singled out ("Riêng huyện Kim Sơn có ...", `linter.claims.roles`)
  against a larger figure not singled out (the whole); a smaller one may be
  the part again;
- a running total since one time against a total since another or a period
  that starts elsewhere ("từ năm 2016 đến nay" / "6 tháng đầu năm 2017");
- one product's prices at two markets: "giá tại ruộng" against "giá bán lẻ
  tại chợ" (`linter.claims.roles`);
- what was given at one occasion against a total over a period: "Cũng trong
  buổi họp mặt, các DN đã ủng hộ hơn 3,7 tỷ đồng" against "ủng hộ hơn 10 tỉ
  đồng" of the year;
- values too far apart to be one figure misstated (`far`): "dài 3.800 m" and
  "cách ... 395 m", "100 kg bí đỏ" (the price of a bowl of phở) and "20 tấn bí
  đỏ". A reporter's slip of one figure keeps its digits (a power of ten, a
  unit, two digits swapped: `likeness.slip`, named and reported) or its size;
  a figure more than `MAX_RATIO` times another is another figure.
"""

from __future__ import annotations

from linter.models import Op, Period, Quantity

# A half-year against a year (181 / 365 days) is two periods; a year against a
# school year written "2017-2018" (365 / 730) is how news names one season.
PERIOD_RATIO = 2.0
# A period's grain by its length in days: a month, a quarter, a half-year, a year
# or more (a school year "2017-2018" is a year's). Day ratios cannot separate
# them: the second half-year is 184 / 365 days of its year, a year 365 / 730 of a
# school year; a period inside another of a coarser grain is a part of it.
GRAIN_DAYS = (31, 92, 184)
# Measured on the EV01 and EV02 findings of news2017's tuning half and unclustered
# articles: true differences that are no named slip are at most 2,3 times apart
# (1.701 / 745 tấn of fuel oil); false ones 6,8 (43,99 / 300 tỷ of damage), 9,6
# (two runways) and 200 (a bowl of phở's pumpkins against a purchase).
MAX_RATIO = 5.0


def disjoint(a: Period | None, b: Period | None) -> bool:
    """Whether two periods, both known, share no day."""
    return a is not None and b is not None and (a.end < b.start or b.end < a.start)


def periods_apart(a: Period | None, b: Period | None) -> bool:
    """Whether two figures' periods make them two figures: disjoint, one less than
    half as long as the other, or one inside the other and of a finer grain (quý
    II in 6 tháng đầu năm, 6 tháng cuối năm in năm 2017)."""
    if a is None or b is None:
        return False
    if disjoint(a, b):
        return True
    days = sorted((_days(a), _days(b)))
    if days[0] * PERIOD_RATIO < days[1]:
        return True
    return grain(a) != grain(b) and (_inside(a, b) or _inside(b, a))


def grain(p: Period) -> int:
    """0 a month, 1 a quarter, 2 a half-year, 3 a year or longer (by `GRAIN_DAYS`)."""
    return sum(_days(p) > most for most in GRAIN_DAYS)


def _days(p: Period) -> int:
    return (p.end - p.start).days + 1


def _inside(a: Period, b: Period) -> bool:
    return b.start <= a.start and a.end <= b.end


def context_apart(a: Quantity, b: Quantity) -> bool:
    """Whether their context makes two figures two: periods or roles apart. The one
    test `likeness.match`, `align.apart` and EV01's `two` share."""
    return periods_apart(a.period, b.period) or roles_apart(a, b)


def roles_apart(a: Quantity, b: Quantity) -> bool:
    """A whole against a smaller figure that is not one, a part singled out against
    a larger figure that is not; running totals from two starts; prices at two
    markets; one occasion's figure against a figure of a period that is no
    occasion's."""
    for one, other in ((a, b), (b, a)):
        # A part is smaller than its whole: a plain figure above the whole ("965 ha"
        # against "trong tổng số 956 ha") is the whole restated, a plain figure
        # below one singled out ("Riêng huyện X" 300 ha, another's "huyện X" 320 ha)
        # is that part again: both are compared.
        if one.whole and not other.whole and other.value < one.value:
            return True
        if one.part and not other.part and other.value > one.value:
            return True
    if _since_apart(a, b):
        return True  # "từ năm 2016 đến nay" against "6 tháng đầu năm 2017"
    if a.market and b.market and a.market != b.market:
        return True  # "giá tại ruộng 800 đồng/kg" / "giá bán lẻ tại chợ 8.000 đồng/kg"
    for one, other in ((a, b), (b, a)):
        if one.occasion and not other.occasion and other.period is not None:
            return True
    return False


def far(a: Quantity, b: Quantity) -> bool:
    """Whether two figures are more than `MAX_RATIO` times apart, each taken at the
    end of its interval nearest the other. An order of magnitude ("hàng chục hộ",
    "hàng trăm ngàn lượt khách") is never far: "hàng chục" for 600 is the slip."""
    if magnitude(a) or magnitude(b):
        return False
    low = max(_low(a), _low(b))
    high = min(_high(a), _high(b))
    if high <= 0 or low <= high:
        return False
    return low > MAX_RATIO * high


def _low(q: Quantity) -> float:
    return q.low if q.low is not None else q.value


def _high(q: Quantity) -> float:
    return q.high if q.high is not None else q.value


def magnitude(q: Quantity) -> bool:
    """Whether `q` is an order of magnitude ("hàng chục hộ": 10 to 100), an
    interval wider than `MAX_RATIO`: it holds figures, it states none."""
    return bool(q.op is Op.APPROX and q.low and q.high and q.high >= MAX_RATIO * q.low)


def _since_apart(a: Quantity, b: Quantity) -> bool:
    """Running totals from two starts, or one from a start its other's period does
    not begin at ("từ năm 2016 đến nay" and "năm 2016" are one start)."""
    if a.since and b.since:
        return a.since != b.since
    for one, other in ((a, b), (b, a)):
        if one.since and other.period and other.period.start != one.since:
            return True
    return False
