"""Counts of targets inside one document that do not add up."""

from __future__ import annotations

from collections.abc import Iterator

from linter.checking import Check, DocumentClaims, Group, evidence
from linter.models import Finding, Severity, TargetCount


class TargetCountMismatch(Check):
    """Counts of targets met and not met do not add up to the total stated.

    "23/26 chỉ tiêu đạt và vượt kế hoạch, 03 chỉ tiêu không đạt" adds up
    (23 + 3 = 26); "23/26 chỉ tiêu đạt, 02 chỉ tiêu không đạt" does not, and
    neither does "27/26 chỉ tiêu". Only counts of the same year in the same
    document are added.

    Why it matters: a review's headline count ("23/26 chỉ tiêu") is what
    councils vote on and newspapers quote.

    Known problems: counts of targets met and not met must be stated in the same
    document and year; a count split over several sentences with other counts
    between may be added wrongly.

    Ví dụ mâu thuẫn::

        === a.md
        ---
        date: 2023-12-13
        province: Bắc Kạn
        ---
        Dự ước năm 2023 tỉnh có 23/26 chỉ tiêu chính đạt và vượt kế hoạch, 02 chỉ tiêu dự kiến không đạt kế hoạch đề ra.

    Ví dụ nhất quán::

        === a.md
        ---
        date: 2023-12-13
        province: Bắc Kạn
        ---
        Dự ước năm 2023 tỉnh có 23/26 chỉ tiêu chính đạt và vượt kế hoạch, 03 chỉ tiêu dự kiến không đạt kế hoạch đề ra.
    """

    code = "CT01"
    name = "count.mismatch"
    severity = Severity.WARNING

    def run(self, group: Group) -> Iterator[Finding]:
        for item in group.items:
            counts = list(item.of(TargetCount))
            for total in counts:
                if total.achieved is None or total.total is None:
                    continue
                if total.achieved > total.total:
                    yield self._finding(item, [total], group, total.achieved, 0, total.total)
                    continue
                groups = _other_groups(item, total, counts)
                if any(c.negative for c in groups):
                    counted = total.achieved + sum(c.count or 0 for c in groups)
                    if counted != total.total:
                        missed = sum(c.count or 0 for c in groups)
                        claims = [total, *groups]
                        yield self._finding(
                            item, claims, group, total.achieved, missed, total.total
                        )

    def _finding(
        self,
        item: DocumentClaims,
        claims: list[TargetCount],
        group: Group,
        met: int,
        missed: int,
        total: int,
    ) -> Finding:
        if group.lang == "en":
            message = f"Targets met ({met}) and missed ({missed}) do not add up to the {total} targets stated."
        else:
            message = f"Số chỉ tiêu đạt ({met}) và không đạt ({missed}) không khớp với tổng {total} chỉ tiêu."
        return self.finding(
            message,
            [evidence(item, c.span) for c in claims],
            group,
            district=item.document.meta.district,
            key=f"{claims[0].year}|{met}|{missed}|{total}",
        )


def _other_groups(
    item: DocumentClaims, total: TargetCount, counts: list[TargetCount]
) -> list[TargetCount]:
    """The other groups of targets after a total in its sentence and year ("02 chỉ
    tiêu cơ bản đạt, 01 chỉ tiêu không đạt"); a subset after "trong đó" is not one."""
    start, end = total.sentence
    sentence = item.document.text[start:end].lower()
    cursor = sentence.find(total.span.quote.lower())
    groups = []
    for c in counts:
        if c.count is None or c.sentence != total.sentence or c.year != total.year:
            continue
        at = sentence.find(c.span.quote.lower(), cursor + 1)
        if at <= cursor:
            continue
        if "trong đó" not in sentence[cursor:at]:
            groups.append(c)
    return groups
