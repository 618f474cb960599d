"""Figures for the same indicator that cannot both be true.

Figures are compared within one scope, read from the document metadata
(`DocumentMeta.scope`): the province, one district or one commune. A document
issued by or about a district or commune whose unit was not resolved has no
scope, and its figures are compared with nobody's, least of all the province's.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Mapping
from typing import ClassVar

from linter.checking import SHARE, Bound, Check, DocumentClaims, Group, Option, by_date, evidence
from linter.checking.kept import focused_index
from linter.checking.likeness import ONE_SIDED, stated_interval, truncated
from linter.claims.quantities import APPROX_TOLERANCE, intervals_overlap
from linter.models import Finding, Quantity, Severity, Status

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

    Severity follows what an editor would do: the same number with another
    comparator ("trên 30,9%" / "30,9%") is wording, info; one target with two
    floors or ceilings ("tối thiểu 1.200" / "tối thiểu 1.500 doanh nghiệp") is a
    warning although the intervals overlap; an estimate revised more than two
    weeks later is info; any other disagreement is a warning. A figure with
    whole groups "000" or its decimal part cut ("376.000" for the plan's 376.780
    tỷ, within 2 % and keeping two digits: `linter.checking.agreement.truncated`)
    is that figure shortened, as EV01 takes "98 ha" for 98,7 ha, and no finding;
    "56.000" for 55.600 is raised, not cut, and "1.200" for 1.215 is a figure of
    its own: another target. Distinct statements are compared once each,
    however often they are repeated.

    Why it matters: the figures of a province's plan are quoted for a year by
    every body below it; two versions in circulation mean one is wrong.

    Known problems: only indicators named in `linter/data/indicators.yaml` are
    compared (other figures: EV01 within one event); a figure whose period or
    status the parser cannot read is left out rather than guessed.

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
    options: ClassVar[Mapping[str, Option]] = {"approx-tolerance": APPROX_TOLERANCE}
    bounds: ClassVar[Mapping[str, Bound]] = {"approx-tolerance": SHARE}

    def run(self, group: Group) -> Iterator[Finding]:
        shares = {
            k
            for k, spec in group.lexicon.indicators.items()
            if spec.dimension in ("money", "count", "per_population")
        }
        keyed = (self.code, frozenset(shares))  # what _key reads besides a report
        for pairs in focused_index(group, Quantity, lambda i, q: _key(i, q, shares), keyed):
            pairs = by_date(pairs)
            severity = _severity(pairs, float(self.option("approx-tolerance")))
            if severity is not None:
                yield self._finding(pairs, group, severity)

    def _finding(
        self, pairs: list[tuple[DocumentClaims, Quantity]], group: Group, severity: Severity
    ) -> Finding:
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
        return self.finding(message, notes, group, severity, district=district, key=key)


def _key(
    item: DocumentClaims, q: Quantity, not_percent: Collection[str] = ()
) -> tuple[object, ...] | None:
    """Figures are comparable only when all of this is equal. A level in % of an
    indicator that is no percentage (`not_percent`) is a share of something else
    ("thu ngân sách ... chiếm 31% GRDP", "bằng 27,52% tổng thu"), never its value."""
    # A district or commune document whose unit is unknown has no scope: its
    # figures are not the province's, and nobody else's for sure.
    scope = item.document.meta.scope
    if not (q.indicator and q.period and q.status) or scope is None:
        return None
    if q.indicator in not_percent and q.unit == "%" and q.measure == "level":
        return None
    district, commune = scope
    period = (q.period.start, q.period.end)
    key = (q.indicator, q.measure, q.unit, period, q.status, district, q.part_of, q.base)
    return (*key, commune) if commune else key


def _severity(
    pairs: Iterable[tuple[DocumentClaims, Quantity]], tolerance: float
) -> Severity | None:
    """The worst disagreement among the figures of one key, or None if they agree.

    Figures are compared once per distinct statement (interval and comparator),
    never pair by pair: a sentence repeated ten thousand times is one figure.
    """
    statements: dict[tuple[object, ...], list[tuple[DocumentClaims, Quantity]]] = {}
    for item, q in pairs:
        statements.setdefault((q.op, q.low, q.high, q.low_inclusive, q.high_inclusive), []).append(
            (item, q)
        )
    worst: Severity | None = None
    groups = list(statements.values())
    for i, first in enumerate(groups):
        for second in groups[i + 1 :]:
            paths = {item.document.path for item, _ in first + second}
            if len(paths) < 2:
                continue  # a document that states two figures is not this check's business
            found = _disagreement(first, second, tolerance)
            if found is not None and (worst is None or found.rank > worst.rank):
                worst = found
    return worst


def _disagreement(
    first: list[tuple[DocumentClaims, Quantity]],
    second: list[tuple[DocumentClaims, Quantity]],
    tolerance: float,
) -> Severity | None:
    (doc_a, a), (doc_b, b) = first[0], second[0]
    if intervals_overlap(stated_interval(a, tolerance), stated_interval(b, tolerance)):
        # "tối thiểu 1.200 doanh nghiệp" and "tối thiểu 1.500 doanh nghiệp" overlap, but
        # one target cannot have two floors.
        same_bound_kind = a.op is b.op and a.op in ONE_SIDED
        if same_bound_kind and a.value != b.value and a.status is Status.TARGET:
            return Severity.WARNING
        return None
    if truncated(a, b):
        return None  # "376.000 tỉ" for the 376.780 of the plan: shortened, not another
    if a.value == b.value:
        return Severity.INFO  # "trên 30,9%" and "30,9%": the same number, worded two ways
    dates = [d for d in (doc_a.document.meta.date, doc_b.document.meta.date) if d]
    if a.status is Status.ESTIMATE and len(dates) == 2 and abs((dates[0] - dates[1]).days) > 14:
        return Severity.INFO  # an estimate revised weeks later
    return Severity.WARNING
