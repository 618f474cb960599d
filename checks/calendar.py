"""A date written with a weekday or a lunar date that the calendar contradicts."""

from __future__ import annotations

from collections.abc import Iterator

from checks.calendar_slips import Slip, slips
from linter.checking import Check, DocumentClaims, Group, evidence
from linter.models import Finding, Severity


class CalendarMismatch(Check):
    """A date is given a weekday or a lunar date that the calendar contradicts.

    "Sáng thứ Hai (22/5/2017)" is right, "thứ Sáu (22/5/2017)" is not: 22/5/2017
    was a Monday. "3/2 (mùng 6 Tết)" in a 2017 report is wrong: Tết Đinh Dậu
    fell on 28/1/2017, so 3/2 was mùng 7 and mùng 6 was 2/2. A day its month
    does not have is reported too ("nợ BHXH đến 31/6 là hơn 3.811 tỷ đồng":
    June has 30 days), when a word makes the numbers a date ("ngày, đến, từ,
    trước, sau, sáng, chiều, nay ...") or a year follows; 29/2 only with a
    year written that is not a leap year. A date without its
    year takes the year written in the document's other full dates, else the
    document's date; lunar dates come from the Vietnamese calendar (UTC+7,
    `linter/data/lunar_months.yaml`, 1990-2060).

    Why it matters: readers plan by the weekday and by the lunar date of a
    festival; a mismatch means one of the two was mistyped.

    Known problems: a date whose year is neither written nor known from the
    document is not checked; "thứ hai" meaning "second" right before a date in
    brackets is read as Monday unless a word like "lần", "kỳ", "khóa" precedes it.
    Weekdays are not compared across documents: each dated document fixes the
    year of its own dates, and two reports giving one event different days is a
    conflict of dates that a weekday, right in each report, cannot settle.

    Ví dụ mâu thuẫn::

        === a.md
        ---
        date: 2017-02-03
        province: Hà Nội
        ---
        Sáng 3/2 (mùng 6 Tết), Chủ tịch UBND thành phố đi thăm, chúc Tết các đơn vị.

    Ví dụ nhất quán::

        === a.md
        ---
        date: 2017-02-03
        province: Hà Nội
        ---
        Sáng 3/2 (mùng 7 Tết), Chủ tịch UBND thành phố đi thăm, chúc Tết các đơn vị.
    """

    code = "CL01"
    name = "calendar.mismatch"
    severity = Severity.WARNING
    scope = "document"  # a finding is one document's, found from it alone

    def run(self, group: Group) -> Iterator[Finding]:
        for item in group.items:
            for slip in slips(item, group.lang):
                yield self._finding(item, slip, group)

    def _finding(self, item: DocumentClaims, slip: Slip, group: Group) -> Finding:
        span = item.document.span(slip.start, slip.end)
        if group.lang == "en":
            message = f"The calendar says {slip.actual}, the text says {slip.written}."
            note = "year from the document" if not slip.year_from_text else None
        else:
            message = f"Theo lịch, {slip.actual}; văn bản ghi {slip.written}."
            note = "năm lấy theo văn bản" if not slip.year_from_text else None
        key = f"{self.code}|{slip.written}|{slip.actual}"
        district = item.document.meta.district
        return self.finding(
            message, [evidence(item, span, note)], group, district=district, key=key
        )
