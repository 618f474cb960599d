"""A plan handed out for a year that is over or about to be."""

from __future__ import annotations

from collections.abc import Iterator

from linter.checking import Check, DocumentClaims, Group, evidence, format_date
from linter.models import Finding, PlanRef, Severity


class StalePlanYear(Check):
    """A plan, target or assignment names a year that contradicts the year the document is about.

    A document published in December 2023 about the 2024 plan that asks to
    "hoàn thành việc giao kế hoạch phát triển kinh tế – xã hội năm 2023" most
    likely means 2024: the 2023 plan was handed out a year earlier. Only plans
    being handed out or carried out are checked, never ones looked back on
    ("đánh giá kết quả kế hoạch năm 2023" is fine).

    Why it matters: a plan handed out for the wrong year is the most common
    copy-and-paste slip of a December document that starts from last year's.

    Known problems: the year a document is about comes from its date and the
    periods it names; a document without either is not checked.

    Ví dụ mâu thuẫn::

        === a.md
        ---
        date: 2023-12-14
        province: Quảng Ninh
        plan_year: 2024
        ---
        Triển khai nhiệm vụ năm 2024: cấp huyện chậm nhất đến ngày 20/12/2023 phải hoàn thành việc giao kế hoạch phát triển kinh tế – xã hội năm 2023.

    Ví dụ nhất quán::

        === a.md
        ---
        date: 2023-12-14
        province: Quảng Ninh
        plan_year: 2024
        ---
        Triển khai nhiệm vụ năm 2024: cấp huyện chậm nhất đến ngày 20/12/2023 phải hoàn thành việc giao kế hoạch phát triển kinh tế – xã hội năm 2024.
    """

    code = "TG01"
    name = "plan.stale-year"
    severity = Severity.WARNING

    def run(self, group: Group) -> Iterator[Finding]:
        for item in group.items:
            meta = item.document.meta
            if meta.plan_year is None or meta.date is None:
                continue
            for plan in item.of(PlanRef):
                if plan.year >= meta.plan_year:
                    continue
                # Handing out a plan for a year that has begun is late; carrying
                # one out is normal until that year is over.
                stale_from = plan.year if plan.action == "handout" else plan.year + 1
                if plan.action != "mention" and meta.date.year >= stale_from:
                    yield self._finding(item, plan, meta.plan_year, meta.date, group)

    def _finding(
        self, item: DocumentClaims, plan: PlanRef, plan_year: int, published: object, group: Group
    ) -> Finding:
        if group.lang == "en":
            message = (
                f"The document is about the {plan_year} plan (published {format_date(published)}) "
                f"but hands out the plan for {plan.year}: should it be {plan_year}?"
            )
        else:
            message = (
                f"Văn bản về kế hoạch năm {plan_year} (công bố {format_date(published)}) lại giao "
                f"kế hoạch năm {plan.year}: có phải là năm {plan_year}?"
            )
        note = f"năm {plan.year}" if group.lang != "en" else f"year {plan.year}"
        key = f"{plan.year}|{plan_year}|{published}|{' '.join(plan.span.quote.lower().split())}"
        district = item.document.meta.district
        return self.finding(
            message, [evidence(item, plan.span, note)], group, district=district, key=key
        )
