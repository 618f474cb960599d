"""Figures for the same indicator that cannot both be true.

Figures are compared within one scope, read from the document metadata
(`DocumentMeta.scope`): the province, one district or one commune. A document
issued by or about a district or commune whose unit was not resolved has no
scope, and its figures are compared with nobody's, least of all the province's.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from linter.checking import Check, DocumentClaims, Group, by_date, evidence, index
from linter.claims.quantities import intervals_overlap
from linter.models import Finding, Op, Quantity, Severity

STATUS_LABEL = {
    "vi": {"target": "mục tiêu", "estimate": "ước thực hiện", "actual": "thực hiện"},
    "en": {"target": "target", "estimate": "estimate", "actual": "actual"},
}


class FigureConflict(Check):
    """The same indicator, period, status and scope is stated with figures that cannot both hold.

    Two announcements of one province give the same statistic (same indicator,
    same period, both targets or both results, both for the province or both
    for the same district) with intervals that do not overlap: "trên 10%" and
    "hơn 10%" agree, "56.000 tỷ" and "55.600 tỷ" do not. A figure of another
    province, of a district, of another period or status, or a part of a larger
    figure ("trong đó ...") is never compared.

    Ví dụ mâu thuẫn::

        === a.md
        ---
        date: 2023-12-23
        province: Quảng Ninh
        ---
        Chỉ tiêu năm 2024: tổng thu ngân sách nhà nước đạt 56.000 tỷ đồng.
        === b.md
        ---
        date: 2023-12-14
        province: Quảng Ninh
        ---
        Các chỉ tiêu đặt ra trong năm 2024: tổng thu NSNN trên địa bàn đạt 55.600 tỷ đồng.

    Ví dụ nhất quán::

        === a.md
        ---
        date: 2023-12-23
        province: Quảng Ninh
        ---
        Chỉ tiêu năm 2024: tốc độ tăng trưởng GRDP đạt trên 10%.
        === b.md
        ---
        date: 2024-04-20
        province: Quảng Ninh
        ---
        Năm 2024, tỉnh đề ra mục tiêu tăng trưởng tổng sản phẩm trên địa bàn (GRDP) hơn 10%.
    """

    code = "NU01"
    name = "figure.conflict"
    severity = Severity.WARNING

    def run(self, group: Group) -> Iterator[Finding]:
        for pairs in index(group, Quantity, _key):
            pairs = by_date(pairs)
            if _conflicting(pairs, group.tolerance):
                yield self._finding(pairs, group)

    def _finding(self, pairs: list[tuple[DocumentClaims, Quantity]], group: Group) -> Finding:
        q = pairs[0][1]
        label = group.lexicon.label(q.indicator or "", group.lang)
        status = STATUS_LABEL[group.lang][q.status.value if q.status else "target"]
        period = q.period.label if q.period else ""
        figures = list(dict.fromkeys(p.span.quote for _, p in pairs))
        if group.lang == "en":
            message = (
                f"'{label}' ({period}, {status}) is stated as "
                f"{' and '.join(figures)}: these figures cannot both be right."
            )
        else:
            message = (
                f"«{label}» ({period}, {status}) được nêu là "
                f"{' và '.join(figures)}: các số liệu này không thể cùng đúng."
            )
        notes = [
            evidence(item, p.span, f"{p.span.quote} ({status}, {period})") for item, p in pairs
        ]
        figures_key = sorted({f"{p.low}:{p.high}" for _, p in pairs})
        key = "|".join(map(str, (*(_key(*pairs[0]) or ()), *figures_key)))
        district = pairs[0][0].document.meta.district
        return self.finding(message, notes, group, district=district, key=key)


def _key(item: DocumentClaims, q: Quantity) -> tuple[object, ...] | None:
    """Figures are comparable only when all of this is equal."""
    # A district or commune document whose unit is unknown has no scope: its
    # figures are not the province's, and nobody else's for sure.
    scope = item.document.meta.scope
    if not (q.indicator and q.period and q.status) or scope is None:
        return None
    district, commune = scope
    period = (q.period.start, q.period.end)
    key = (q.indicator, q.measure, q.unit, period, q.status, district, q.part_of, q.base)
    return (*key, commune) if commune else key


def _conflicting(pairs: Iterable[tuple[DocumentClaims, Quantity]], tolerance: float) -> bool:
    items = list(pairs)
    for i, (doc_a, a) in enumerate(items):
        for doc_b, b in items[i + 1 :]:
            if doc_a.document.path == doc_b.document.path:
                continue
            if not intervals_overlap(_interval(a, tolerance), _interval(b, tolerance)):
                return True
    return False


def _interval(q: Quantity, tolerance: float) -> tuple[float | None, float | None, bool, bool]:
    """The figure's interval; "khoảng" and "gần" take the configured tolerance."""
    if q.op is Op.APPROX:
        high = q.value if q.high == q.value else q.value * (1 + tolerance)  # "gần x" stops at x
        return (q.value * (1 - tolerance), high, True, True)
    return (q.low, q.high, q.low_inclusive, q.high_inclusive)
