"""An amount converted to another currency at a rate the year never had."""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import ClassVar

from pydantic import BaseModel, ConfigDict

from linter.checking import (
    Bound,
    Check,
    DocumentClaims,
    Group,
    Option,
    document_year,
    evidence,
)
from linter.checking.events import linked_paths
from linter.checking.side_by_side import equivalence, side_by_side
from linter.data import load
from linter.models import Finding, Op, Quantity, Severity

FOREIGN = ("USD", "EUR")
# What may stand between an amount and its conversion: "250 triệu USD (hơn 570 tỷ
# đồng)", "507 triệu USD, tương đương (với) 11.525 tỷ đồng", "(tức khoảng 40 triệu USD)".
_BETWEEN = re.compile(
    rf"\s*[,(]?\s*(?:(?:{equivalence('tương đương với', 'khoảng', 'hơn', 'gần', 'trên', 'là')})\s*)*"
)


class _Rates(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    USD: dict[int, tuple[float, float]]
    EUR: dict[int, tuple[float, float]]


@lru_cache(maxsize=1)
def _rates() -> _Rates:
    return load("exchange_rates.yaml", _Rates)


def _all_years(table: dict[int, tuple[float, float]]) -> tuple[float, float] | None:
    """The band of an undated conversion: from the lowest rate of any year to the highest."""
    if not table:
        return None
    return min(low for low, _ in table.values()), max(high for _, high in table.values())


class CurrencyConversion(Check):
    """An amount is converted to another currency at a rate its year never had.

    "250 triệu USD (hơn 570 tỷ đồng)" in 2017 implies 22.800 đồng per dollar:
    plausible. "368 tỉ đồng, tương đương 18 triệu USD" implies 20.400, below
    anything 2017 saw (22.400-22.900): one of the two figures is wrong. The
    yearly ranges of the dollar and the euro are in
    `linter/data/exchange_rates.yaml`; a conversion passes within
    `rate-tolerance` of them, more for "khoảng", "hơn", "gần". A rate off by a
    power of ten is named as such. The year is the figure's period, else the
    year of the document's full dates or its own date (`checking.document_year`);
    a conversion of no known year is held to the lowest and the highest rate of
    all the years of the table, so only a rate no year came near (a slip by a
    power of ten: "507 triệu USD, tương đương 1.152 tỷ đồng") is reported.

    Across reports of one event (`linter.checking.events` links them), the same
    foreign amount is compared: a wrong conversion's message says how another
    report converts it ("311 triệu USD (hơn 706 tỷ đồng)" beside another
    outlet's "311 triệu USD (6.842 tỷ đồng)"), and two plausible conversions
    further apart than `rate-tolerance` are an info finding: each passes alone,
    but one event's amount should read the same in every report.

    Why it matters: a conversion is quoted as a fact beside the figure; a wrong
    one misstates the figure itself by as much.

    Known problems: a conversion of no known year is checked only against all
    the years of the table, so "368 tỉ đồng, tương đương 18 triệu USD" in an
    undated 2017 report (the rate of 2012) passes; the ranges are yearly, so a
    conversion at an old rate early in a year of a steep change may pass. Across reports only the same foreign
    amount is compared: "311 triệu USD" and "hơn 310 triệu USD" are not paired.

    Ví dụ mâu thuẫn::

        === a.md
        ---
        date: 2017-05-10
        province: Cần Thơ
        ---
        Vụ cháy gây thiệt hại 368 tỉ đồng, tương đương 18 triệu USD.

    Ví dụ nhất quán::

        === a.md
        ---
        date: 2017-05-10
        province: Cần Thơ
        ---
        Vụ cháy gây thiệt hại 368 tỉ đồng, tương đương 16 triệu USD.
    """

    code = "FX01"
    name = "currency.conversion"
    severity = Severity.WARNING
    options: ClassVar[Mapping[str, Option]] = {"rate-tolerance": 0.05}
    # Only widens the rates of the table upwards (× (1 + slack)): 1 or more is no error.
    bounds: ClassVar[Mapping[str, Bound]] = {"rate-tolerance": Bound(minimum=0)}

    def run(self, group: Group) -> Iterator[Finding]:
        found = [
            self._read(item, dong, foreign)
            for item in group.items
            for dong, foreign in _conversions(item)
        ]
        twins = _twins(found)
        for i, c in enumerate(found):
            if c.plausible is False:
                others = [found[j] for j in twins.get(i, []) if found[j].trusted]
                yield self._implausible(c, others, group)
        for i, js in sorted(twins.items()):
            for j in js:
                a, b = found[i], found[j]
                if i < j and a.trusted and b.trusted and not _same_amount(a, b, self._slack(a, b)):
                    yield self._two_ways(a, b, group)

    def _slack(self, *conversions: _Conversion) -> float:
        loose = any(q.op is not Op.EQ for c in conversions for q in (c.dong, c.foreign))
        return float(self.option("rate-tolerance")) * (2 if loose else 1)

    def _read(self, item: DocumentClaims, dong: Quantity, foreign: Quantity) -> _Conversion:
        year = dong.year or foreign.year or document_year(item)
        table = getattr(_rates(), foreign.unit)
        # Without a year, the lowest and the highest rate any year of the table saw:
        # only a rate no year came near (a slip by a power of ten) is wrong for sure.
        low_high = table.get(year) if year else _all_years(table)
        if not low_high or foreign.value <= 0:
            return _Conversion(item, dong, foreign, year, None)
        rate = dong.value / foreign.value
        slack = self._slack(_Conversion(item, dong, foreign, year, None))
        plausible = low_high[0] * (1 - slack) <= rate <= low_high[1] * (1 + slack)
        span = None if year else (min(table), max(table))  # the years an undated one spans
        return _Conversion(item, dong, foreign, year, plausible, low_high, slack, span)

    def _implausible(self, c: _Conversion, others: list[_Conversion], group: Group) -> Finding:
        dong, foreign, (low, high) = c.dong, c.foreign, c.low_high
        rate = dong.value / foreign.value
        tenfold = any(
            low * (1 - c.slack) <= rate * k <= high * (1 + c.slack) for k in (10, 0.1, 1000, 0.001)
        )
        shown = f"{rate:,.0f}".replace(",", ".")
        expected = "-".join(f"{v:,.0f}".replace(",", ".") for v in (low, high))
        first, last = c.years or (c.year, c.year)
        if group.lang == "en":
            when = str(c.year) if c.year else f"the years {first}-{last}"
            message = (
                f"{dong.span.quote} = {foreign.span.quote} implies {shown} đồng per "
                f"{foreign.unit}; {when} saw {expected}"
                f"{' (a slip by a power of ten)' if tenfold else ''}."
            )
        else:
            when = f"năm {c.year}" if c.year else f"các năm {first}-{last}"
            message = (
                f"{dong.span.quote} = {foreign.span.quote} nghĩa là {shown} đồng/{foreign.unit}; "
                f"{when} tỷ giá chỉ từ {expected}{' (nhầm gấp 10 lần)' if tenfold else ''}."
            )
        if others:  # what the other reports of the event say: the editor need not open them
            other = others[0]
            said = f"{other.foreign.span.quote} = {other.dong.span.quote}"
            message += (
                f" Another report of the event gives {said}."
                if group.lang == "en"
                else f" Một bài khác về cùng sự kiện ghi {said}."
            )
        in_order = sorted((dong, foreign), key=lambda q: (q.span.line, q.span.column))
        notes = [evidence(c.item, q.span, q.span.quote) for q in in_order]
        key = f"{self.code}|{dong.value}|{foreign.value}|{foreign.unit}|{c.year}"
        district = c.item.document.meta.district
        return self.finding(message, notes, group, district=district, key=key)

    def _two_ways(self, a: _Conversion, b: _Conversion, group: Group) -> Finding:
        amount = a.foreign.span.quote
        if group.lang == "en":
            message = (
                f"Two reports of one event convert {amount} differently: "
                f"{a.dong.span.quote} and {b.dong.span.quote}."
            )
        else:
            message = (
                f"Hai bài về cùng sự kiện quy đổi {amount} khác nhau: "
                f"{a.dong.span.quote} và {b.dong.span.quote}."
            )
        notes = [
            evidence(c.item, q.span, q.span.quote)
            for c in (a, b)
            for q in sorted((c.dong, c.foreign), key=lambda q: (q.span.line, q.span.column))
        ]
        key = f"{self.code}|{a.foreign.value}|{a.foreign.unit}|{a.dong.value}|{b.dong.value}"
        districts = {a.item.document.meta.district, b.item.document.meta.district}
        district = districts.pop() if len(districts) == 1 else None
        return self.finding(message, notes, group, Severity.INFO, district, key=key)


@dataclass(frozen=True)
class _Conversion:
    """A sum in dong and the same sum in a foreign currency, in one report."""

    item: DocumentClaims
    dong: Quantity
    foreign: Quantity
    year: int | None
    plausible: bool | None  # None: no rates known for its year
    low_high: tuple[float, float] = (0.0, 0.0)
    slack: float = 0.0
    years: tuple[int, int] | None = None  # the first and last year of the table, if undated

    @property
    def trusted(self) -> bool:
        """Plausible for its own year. An undated conversion is plausible when any
        year of the table had its rate, which tells nothing of the event's year: it
        is never the other report a wrong one is shown, nor one side of a pair."""
        return self.year is not None and bool(self.plausible)


def _twins(found: list[_Conversion]) -> dict[int, list[int]]:
    """For each conversion, the conversions of the same foreign amount in other
    reports of the same event (`linter.checking.events`). Linking runs only on
    the documents that convert one amount, which is rarely more than a few."""
    by_amount: dict[tuple[float, str], list[int]] = defaultdict(list)
    for i, c in enumerate(found):
        by_amount[(c.foreign.value, c.foreign.unit)].append(i)
    twins: dict[int, list[int]] = defaultdict(list)
    for members in by_amount.values():
        docs = {found[i].item.document.path: found[i].item.document for i in members}
        if len(docs) < 2:
            continue
        linked = linked_paths(docs.values())
        for i, j in itertools.permutations(members, 2):
            pair = frozenset((found[i].item.document.path, found[j].item.document.path))
            if pair in linked:
                twins[i].append(j)
    return dict(twins)


def _same_amount(a: _Conversion, b: _Conversion, slack: float) -> bool:
    """Two conversions of one amount agree when their đồng differ by no more than
    rates of one year do (`rate-tolerance`, doubled for "khoảng", "hơn")."""
    low, high = sorted((a.dong.value, b.dong.value))
    return high <= low * (1 + slack)


def _conversions(item: DocumentClaims) -> Iterator[tuple[Quantity, Quantity]]:
    """(amount in đồng, the same in a foreign currency) stated side by side."""
    money = [q for q in item.of(Quantity) if q.unit in ("VND", *FOREIGN) and q.measure == "level"]
    for pair in side_by_side(item.document.text, money):
        a, b = pair.first, pair.second
        units = {a.unit, b.unit}
        converted = "VND" in units and len(units & set(FOREIGN)) == 1
        if converted and _BETWEEN.fullmatch(pair.between.lower()):
            yield (a, b) if a.unit == "VND" else (b, a)
