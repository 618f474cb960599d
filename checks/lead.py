"""A report's lead states a figure that its body states differently, calls two days today,
or dates what its title dates otherwise."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import ClassVar

from checks import lead_days
from checks.event_conflicts import two
from checks.lead_filters import apart, in_magnitude
from linter.checking import SHARE, Bound, Check, DocumentClaims, Group, Option, evidence
from linter.checking.likeness import conflicts, match, slip
from linter.claims.quantities import APPROX_TOLERANCE
from linter.models import Finding, Provenance, Quantity, Severity


class LeadBodyConflict(Check):
    """The lead of a report gives a figure that its body gives differently.

    A news report or announcement opens with a lead (sapo) that repeats the
    key facts of its body. When the lead says "sau 45 ngày thi công" and the
    body "sau 60 ngày thi công", or the lead 48 ha and the body 4,8 ha,
    one of them was changed without the other. The lead is the document's
    first paragraph; figures of the lead and of the rest with the same subject,
    unit, measure and compatible period and status that cannot both hold are
    reported (`linter.checking.likeness`), unless the other part also states an
    agreeing figure. A power-of-ten slip, a unit slip or two swapped digits is
    a warning; any other difference is info, since a lead may round or
    summarise.

    A report also says which day it calls today: "Sáng nay (30/7), Tổng
    Công ty Vận tải Hà Nội tổ chức chạy thử" and further down "vào sáng nay
    (30/6)" cannot both hold. Two different days given to "hôm nay / sáng
    nay / chiều nay / tối nay ..." in one text are a warning; two days in a
    row are info (a night report runs past midnight: "đêm nay (30/6)",
    "rạng sáng nay (1/7)"). So is the first day it calls today against the
    date it is dated with in its front matter or dated header line (one day
    apart: info, a report may go out after midnight).

    A title that dates something ("3 cổ phiếu cần quan tâm ngày 9/2") the
    lead dates a few days off in the same words ("một số cổ phiếu cần quan
    tâm trước phiên 8/2") is info: the words before each date in its clause
    share three pairs, the days are one to three apart (or one day number
    of two months next to each other), and the lead never
    gives the title's day (`checks/lead_days.py`). Of the nine titles of
    news2017's tuning articles that hold a day, one is reported (T79); the
    others date what their lead dates alike or another thing.

    Why it matters: readers and aggregators quote the lead; a figure or a
    day that disagrees with the body spreads the wrong one.

    Figures whose sentences each name someone the other does not (two
    companies fined), are dated and share no date (the first day against
    the month), or are each what another counted group has ("51 tổ ... với
    1.369 lao động", "39 tổ hợp tác ... với gần 3.000 lao động"), are not
    compared; nor is an order of magnitude with a figure inside it ("hàng
    chục hộ" and "60 hộ"); nor are figures the context keeps apart (a whole
    and its part, two periods, two markets, one occasion and a year) or values more than
    five times apart that are no named slip ("Bán 100 kg bí đỏ mua 1 tô
    phở" in the title, "thu mua 20 tấn bí đỏ" in the body:
    `linter.checking.apart`).

    Known problems: a document whose first paragraph is not a lead (a table of
    contents, a dateline only) is compared all the same; a lead that gives a
    whole and a body that gives one of its parts under similar words is
    reported as info.

    Ví dụ mâu thuẫn::

        === a.md
        ---
        date: 2017-06-20
        province: Hải Phòng
        ---
        Dự án khu tái định cư Vĩnh Niệm thu hồi 48 ha đất nông nghiệp, tổng vốn 2.300 tỷ đồng.
        Sáng nay, thành phố công bố quyết định thu hồi 4,8 ha đất nông nghiệp cho dự án khu tái định cư Vĩnh Niệm, tổng vốn 2.300 tỷ đồng.

    Ví dụ nhất quán::

        === a.md
        ---
        date: 2017-06-20
        province: Hải Phòng
        ---
        Dự án khu tái định cư Vĩnh Niệm thu hồi 48 ha đất nông nghiệp, tổng vốn 2.300 tỷ đồng.
        Sáng nay, thành phố công bố quyết định thu hồi 48 ha đất nông nghiệp cho dự án khu tái định cư Vĩnh Niệm, tổng vốn 2.300 tỷ đồng.
    """

    code = "EV02"
    name = "lead.figure-conflict"
    severity = Severity.WARNING
    options: ClassVar[Mapping[str, Option]] = {"approx-tolerance": APPROX_TOLERANCE}
    bounds: ClassVar[Mapping[str, Bound]] = {"approx-tolerance": SHARE}
    scope = "document"  # a finding is one document's, found from it alone

    def run(self, group: Group) -> Iterator[Finding]:
        for item in group.items:
            yield from self._todays(item, group)
            yield from self._title_slip(item, group)
            lead, body = _split(item)
            seen: set[str] = set()
            for qa, qb in conflicts(lead, body, float(self.option("approx-tolerance"))):
                if apart(item.document.text, qa, qb) or in_magnitude(qa, qb) or two(qa, qb):
                    continue  # "100 kg bí đỏ" (a bowl of phở's worth) and "20 tấn bí đỏ"
                finding = self._finding(item, qa, qb, group)
                if finding.key not in seen:
                    seen.add(finding.key)
                    yield finding

    def _finding(self, item: DocumentClaims, qa: Quantity, qb: Quantity, group: Group) -> Finding:
        named = slip(qa, qb, exact=match(qa, qb) == 1.0)
        subject = min((qa.subject or "", qb.subject or ""), key=lambda s: (len(s), s))
        if group.lang == "en":
            how = {"tenfold": " (a power of ten)", "unit": " (a unit)", "transposed": " (digits)"}
            message = (
                f"The lead gives '{subject}' as {qa.span.quote}, the body as "
                f"{qb.span.quote}{' — a slip' + how[named] if named else ''}."
            )
        else:
            how = {"tenfold": " gấp 10 lần", "unit": " đơn vị", "transposed": " đảo chữ số"}
            message = (
                f"Phần mở đầu nêu «{subject}» là {qa.span.quote}, phần thân bài là "
                f"{qb.span.quote}{' — nhầm' + how[named] if named else ''}."
            )
        notes = [
            evidence(item, qa.span, "mở đầu" if group.lang == "vi" else "lead"),
            evidence(item, qb.span, "thân bài" if group.lang == "vi" else "body"),
        ]
        values = sorted(f"{q.low}:{q.high}" for q in (qa, qb))
        key = "|".join((self.code, subject, qa.unit, qa.measure, *values))
        severity = Severity.WARNING if named else Severity.INFO
        district = item.document.meta.district
        return self.finding(message, notes, group, severity, district=district, key=key)

    def _todays(self, item: DocumentClaims, group: Group) -> Iterator[Finding]:
        """The first day the text calls today against each other day it calls so."""
        todays = lead_days.todays(item.document.text)
        if not todays:
            return
        first, *others = todays
        year = item.document.meta.year or 2000  # a leap year: 29/2 stays a day
        seen: set[tuple[int, int]] = {first[2]}
        for start, end, day in others:
            if day in seen:
                continue
            seen.add(day)
            gap = lead_days.gap(first[2], day, year)
            if gap is None or gap == 0:
                continue
            spans = [item.document.span(a, b) for a, b, _ in (first, (start, end, day))]
            a, b = (f"{d}/{m}" for d, m in (first[2], day))
            if group.lang == "en":
                message = f"The text calls two different days today: {a} and {b}."
            else:
                message = f"Văn bản gọi hai ngày khác nhau là hôm nay: {a} và {b}."
            notes = [evidence(item, span) for span in spans]
            key = "|".join((self.code, "today", a, b))
            severity = Severity.INFO if gap == 1 else Severity.WARNING
            district = item.document.meta.district
            yield self.finding(message, notes, group, severity, district=district, key=key)
        yield from self._dated_otherwise(item, first, group)

    def _title_slip(self, item: DocumentClaims, group: Group) -> Iterator[Finding]:
        """The title dates something the lead dates a few days off (`lead_days`)."""
        slip = lead_days.title_slip(item.document)
        if slip is None:
            return
        a, b = slip.said
        if group.lang == "en":
            message = f"The title dates it {a}, the lead {b}."
        else:
            message = f"Tiêu đề ghi ngày {a}, phần mở đầu ghi ngày {b}."
        notes = [evidence(item, slip.title), evidence(item, slip.lead)]
        key = "|".join((self.code, "title", a, b))
        district = item.document.meta.district
        yield self.finding(message, notes, group, Severity.INFO, district=district, key=key)

    def _dated_otherwise(
        self, item: DocumentClaims, today: tuple[int, int, tuple[int, int]], group: Group
    ) -> Iterator[Finding]:
        """The day the text calls today against the date it is dated with (front
        matter, a dated header line, the configuration: not a date read from its text)."""
        meta = item.document.meta
        if meta.date is None or meta.date_source not in _STATED:
            return
        gap = lead_days.gap(today[2], (meta.date.day, meta.date.month), meta.date.year)
        if gap is None or gap == 0:
            return
        said, dated = f"{today[2][0]}/{today[2][1]}", f"{meta.date:%d/%m/%Y}"
        if group.lang == "en":
            message = f"The text calls {said} today, but it is dated {dated}."
        else:
            message = f"Văn bản gọi ngày {said} là hôm nay, nhưng ghi ngày {dated}."
        notes = [evidence(item, item.document.span(today[0], today[1]))]
        key = "|".join((self.code, "dated", said, dated))
        severity = Severity.INFO if gap == 1 else Severity.WARNING
        yield self.finding(message, notes, group, severity, district=meta.district, key=key)


_STATED = (Provenance.FRONT_MATTER, Provenance.HEADER, Provenance.CONFIG)


def _split(item: DocumentClaims) -> tuple[list[Quantity], list[Quantity]]:
    """Figures of the first paragraph and of the rest; a one-paragraph document has no lead."""
    text = item.document.text
    start = len(text) - len(text.lstrip())
    end = text.find("\n", start)
    if end < 0 or not text[end:].strip():
        return [], []
    lead, body = [], []
    for q in item.of(Quantity):
        (lead if q.sentence[0] < end else body).append(q)
    return lead, body
