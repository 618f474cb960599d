"""An amount converted to another currency at a rate the year never had."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Mapping
from functools import lru_cache
from typing import ClassVar

from pydantic import BaseModel, ConfigDict

from linter.checking import Check, DocumentClaims, Group, Option, document_year, evidence
from linter.data import load
from linter.models import Finding, Op, Quantity, Severity

FOREIGN = ("USD", "EUR")
# What may stand between an amount and its conversion: "250 triệu USD (hơn 570 tỷ
# đồng)", "507 triệu USD, tương đương 11.525 tỷ đồng", "(tức khoảng 40 triệu USD)".
_BETWEEN = re.compile(r"^\s*[,(]?\s*(?:(?:tương đương|tức là|tức|khoảng|hơn|gần|trên|là)\s*)*$")


class _Rates(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    USD: dict[int, tuple[float, float]]
    EUR: dict[int, tuple[float, float]]


@lru_cache(maxsize=1)
def _rates() -> _Rates:
    return load("exchange_rates.yaml", _Rates)


class CurrencyConversion(Check):
    """An amount is converted to another currency at a rate its year never had.

    "250 triệu USD (hơn 570 tỷ đồng)" in 2017 implies 22.800 đồng per dollar:
    plausible. "368 tỉ đồng, tương đương 18 triệu USD" implies 20.400, below
    anything 2017 saw (22.400-22.900): one of the two figures is wrong. The
    yearly ranges of the dollar and the euro are in
    `linter/data/exchange_rates.yaml`; a conversion passes within
    `rate-tolerance` of them, more for "khoảng", "hơn", "gần". A rate off by a
    power of ten is named as such. The year is the figure's period, else the
    year of the document's full dates or its own date (`checking.document_year`).

    Why it matters: a conversion is quoted as a fact beside the figure; a wrong
    one misstates the figure itself by as much.

    Known problems: a document without a date and a figure without a period are
    not checked; the ranges are yearly, so a conversion at an old rate early in
    a year of a steep change may pass.

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

    def run(self, group: Group) -> Iterator[Finding]:
        for item in group.items:
            for dong, foreign in _conversions(item):
                finding = self._judge(item, dong, foreign, group)
                if finding is not None:
                    yield finding

    def _judge(
        self, item: DocumentClaims, dong: Quantity, foreign: Quantity, group: Group
    ) -> Finding | None:
        year = dong.year or foreign.year or document_year(item)
        low_high = getattr(_rates(), foreign.unit).get(year) if year else None
        if not low_high or foreign.value <= 0:
            return None
        rate = dong.value / foreign.value
        loose = any(q.op is not Op.EQ for q in (dong, foreign))
        slack = float(self.option("rate-tolerance")) * (2 if loose else 1)
        low, high = low_high[0] * (1 - slack), low_high[1] * (1 + slack)
        if low <= rate <= high:
            return None
        tenfold = any(low <= rate * k <= high for k in (10, 0.1, 1000, 0.001))
        shown = f"{rate:,.0f}".replace(",", ".")
        expected = "-".join(f"{v:,.0f}".replace(",", ".") for v in low_high)
        if group.lang == "en":
            message = (
                f"{dong.span.quote} = {foreign.span.quote} implies {shown} đồng per "
                f"{foreign.unit}; {year} saw {expected}"
                f"{' (a slip by a power of ten)' if tenfold else ''}."
            )
        else:
            message = (
                f"{dong.span.quote} = {foreign.span.quote} nghĩa là {shown} đồng/{foreign.unit}; "
                f"năm {year} tỷ giá chỉ từ {expected}{' (nhầm gấp 10 lần)' if tenfold else ''}."
            )
        in_order = sorted((dong, foreign), key=lambda q: (q.span.line, q.span.column))
        notes = [evidence(item, q.span, q.span.quote) for q in in_order]
        key = f"{self.code}|{dong.value}|{foreign.value}|{foreign.unit}|{year}"
        district = item.document.meta.district
        return self.finding(message, notes, group, district=district, key=key)


def _conversions(item: DocumentClaims) -> Iterator[tuple[Quantity, Quantity]]:
    """(amount in đồng, the same in a foreign currency) stated side by side."""
    text = item.document.text
    by_sentence: dict[tuple[int, int], list[Quantity]] = {}
    for q in item.of(Quantity):
        if q.unit in ("VND", *FOREIGN) and q.measure == "level":
            by_sentence.setdefault(q.sentence, []).append(q)
    for (start, end), figures in by_sentence.items():
        sentence, at = text[start:end], 0
        placed = []
        for q in figures:  # in text order: find each quote after the one before
            found = sentence.find(q.span.quote, at)
            if found < 0:
                break
            placed.append((found, found + len(q.span.quote), q))
            at = found + len(q.span.quote)
        for (_, a_end, a), (b_start, _, b) in itertools.pairwise(placed):
            units = {a.unit, b.unit}
            converted = "VND" in units and len(units & set(FOREIGN)) == 1
            if converted and _BETWEEN.match(sentence[a_end:b_start].lower()):
                yield (a, b) if a.unit == "VND" else (b, a)
