"""A report's lead states a figure that its body states differently."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import ClassVar

from linter.checking import Check, DocumentClaims, Group, Option, evidence
from linter.checking.likeness import conflicts, match, slip
from linter.claims.quantities import APPROX_TOLERANCE
from linter.models import Finding, Quantity, Severity


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

    Why it matters: readers and aggregators quote the lead; a figure that
    disagrees with the body spreads the wrong one.

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

    def run(self, group: Group) -> Iterator[Finding]:
        for item in group.items:
            lead, body = _split(item)
            seen: set[str] = set()
            for qa, qb in conflicts(lead, body, float(self.option("approx-tolerance"))):
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
