"""Acceptance on the sample corpus: the three contradictions the product exists for,
and none of the false alarms it must never raise."""

from __future__ import annotations

import datetime as dt

from linter.models import Provenance, Quantity, RunResult, Severity, Status, TargetCount

S000 = "seeds/000_46a754388d49c070.txt"
S001 = "seeds/001_82f02cea0d5a5bc1.txt"
S002 = "seeds/002_a7f90958ecc3109b.txt"
S003 = "seeds/003_fe3163c27ec6920d.txt"
S004 = "seeds/004_7c16cafb3a7db5e6.txt"


def _loud(result: RunResult) -> list[tuple[object, ...]]:
    return [
        (f.code, f.severity, tuple((e.path, e.line, e.column, e.quote) for e in f.evidence))
        for f in result.findings
        if f.severity.rank >= Severity.WARNING.rank
    ]


def test_exactly_the_three_named_contradictions(seeds_result: RunResult) -> None:
    assert _loud(seeds_result) == [
        (
            "NU01",
            Severity.WARNING,
            ((S001, 2, 553, "55.600 tỷ đồng"), (S000, 2, 377, "56.000 tỷ đồng")),
        ),
        (
            "VB01",
            Severity.WARNING,
            (
                (S001, 4, 451, "Nghị quyết số 13 ngày 30/3/2023 của HĐND tỉnh"),
                (S000, 2, 773, "Nghị quyết số 12/2023/NQ-HĐND ngày 30/3/2023 của HĐND tỉnh"),
            ),
        ),
        (
            "TG01",
            Severity.WARNING,
            ((S001, 8, 286, "kế hoạch phát triển kinh tế – xã hội năm 2023"),),
        ),
    ]


def test_evidence_carries_document_dates(seeds_result: RunResult) -> None:
    nu01 = next(f for f in seeds_result.findings if f.code == "NU01")
    assert [e.document_date for e in nu01.evidence] == [
        dt.date(2023, 12, 14),
        dt.date(2023, 12, 23),
    ]
    assert nu01.province == "Quảng Ninh"


def test_nothing_links_other_province_or_the_town(seeds_result: RunResult) -> None:
    for finding in seeds_result.findings:
        paths = {e.path for e in finding.evidence}
        assert not (paths & {S003} and paths - {S003}), finding
        assert not (paths & {S004} and paths - {S004}), finding


def test_metadata_inferred_without_front_matter(seeds_result: RunResult) -> None:
    meta = {d.path: d.meta for d in seeds_result.documents}
    assert (meta[S000].date, meta[S000].date_source) == (dt.date(2023, 12, 23), Provenance.TEXT)
    assert (meta[S001].date, meta[S001].province) == (dt.date(2023, 12, 14), "Quảng Ninh")
    assert (meta[S003].date, meta[S003].province) == (dt.date(2023, 12, 13), "Bắc Kạn")
    assert (meta[S004].province, meta[S004].district) == ("Quảng Ninh", "Thị xã Quảng Yên")
    assert meta[S004].date == dt.date(2023, 9, 15)
    assert meta[S002].district is None and meta[S002].province == "Quảng Ninh"
    assert {m.plan_year for m in meta.values()} == {2024}


def _quantities(result: RunResult, path: str, quote: str) -> list[Quantity]:
    return [c for c in result.claims[path] if isinstance(c, Quantity) and c.span.quote == quote]


def test_grdp_targets_agree_and_results_are_other_periods(seeds_result: RunResult) -> None:
    (q000,) = _quantities(seeds_result, S000, "trên 10%")[:1]
    (q002,) = _quantities(seeds_result, S002, "hơn 10%")
    for q in (q000, q002):
        assert (q.indicator, q.year, q.status, q.low, q.high) == (
            "grdp_growth",
            2024,
            Status.TARGET,
            10.0,
            None,
        )
    (quarter,) = _quantities(seeds_result, S002, "8,79%")
    assert (quarter.period.grain, quarter.status) == ("quarter", Status.ACTUAL)
    (year2023,) = _quantities(seeds_result, S002, "11,03%")
    assert (year2023.year, year2023.status, year2023.indicator) == (
        2023,
        Status.ACTUAL,
        "grdp_growth",
    )


def test_import_export_revenue_is_a_part(seeds_result: RunResult) -> None:
    (part,) = _quantities(seeds_result, S001, "trên 13.000 tỷ đồng")
    assert part.indicator == "budget_revenue_import_export"
    assert part.part_of == "state_budget_revenue"


def test_town_figures_are_scoped_to_the_town(seeds_result: RunResult) -> None:
    (revenue,) = _quantities(seeds_result, S004, "khoảng 1.000\xa0 tỷ đồng")
    assert revenue.scope.value == "district" and revenue.indicator == "state_budget_revenue"


def test_target_counts_keep_their_years(seeds_result: RunResult) -> None:
    counts = {
        c.span.quote: c.year
        for path in (S001, S002, S003)
        for c in seeds_result.claims[path]
        if isinstance(c, TargetCount)
    }
    assert counts == {
        "12/12 chỉ tiêu": 2024,
        "15/15 chỉ tiêu": 2023,
        "23/26 chỉ tiêu": 2023,
        "03 chỉ tiêu": 2023,
        "24 chỉ tiêu": 2024,
    }
