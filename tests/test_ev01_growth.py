"""EV01 as a province grows (issue 15: 5,000 -> 20,000 documents): what grows with
the linked pairs (the square of a province's reports) is comparing figures, not
reading reports. Each report's figures are read for `likeness.conflicts` once per
run (`likeness.side`, kept in `event_pairs.ReportReads`), not once per linked pair; and
`slipped.slips` tries the shared subject words, its cheapest test, before `match`,
and pairs only figures whose digits may be one slipped (`agreement.slip_key`: each
report's figures are indexed by them once per run). The findings are those of
before: EV01's on real reports, and `slips` against its tests before these
changes, on every two reports.

news2017's tuning half (../shared, outside the repo); without it these tests skip.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import load_script
from linter.checking import likeness, slipped
from linter.checking.agreement import slip_key
from linter.checking.align import apart
from linter.checking.events import linked_pairs
from linter.checking.likeness import MIN_SUBJECT_WORDS, match, province_figure, slip, words
from linter.engine.run import Options, RunResult, run
from linter.models import Quantity

PROVINCES = {"da-nang", "hai-phong"}
# Two reports of Hồ Chí Minh city's ring road (23.000 / 230.000 tỷ, the example of
# slipped.py) and three of one night's towed cars (203 / 230 ô tô).
SLIPPED = [
    "tp-ho-chi-minh/mz-22489927.txt",
    "tp-ho-chi-minh/mz-22490055.txt",
    "tp-ho-chi-minh/mz-22529736.txt",
    "tp-ho-chi-minh/mz-22531770.txt",
    "tp-ho-chi-minh/mz-22536340.txt",
]


@pytest.fixture(scope="module")
def checked(news: Path) -> tuple[RunResult, list[int]]:
    """EV01 on the tuning reports of two provinces and the five above, counting the
    times a side of figures is read (`likeness.distinct`, whoever calls it)."""
    tuning = load_script("realnews_data").half_files("tune", news)
    assert set(SLIPPED) <= set(tuning)  # never a held-out report
    chosen = [f for f in tuning if f.split("/")[0] in PROVINCES] + SLIPPED
    calls: list[int] = []
    distinct = likeness.distinct

    def counted(quantities: Iterable[Quantity]) -> list[Quantity]:
        calls.append(1)
        return distinct(quantities)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(likeness, "distinct", counted)
        result = run([news / f for f in chosen], Options(select=["EV01"]), root=news)
    return result, calls


def test_ev01_reads_each_linked_report_once(checked: tuple[RunResult, list[int]]) -> None:
    result, calls = checked
    pairs = [
        pair
        for province in {d.meta.province for d in result.documents}
        for pair in linked_pairs(d for d in result.documents if d.meta.province == province)
    ]
    reports = {doc.path for a, b, _ in pairs for doc in (a, b)}
    # Before: both sides of every pair were read again (2 x 25 pairs).
    assert (len(pairs), len(reports)) == (25, 30)
    assert len(calls) == len(reports)
    found = sorted(
        (f.severity.value, f.message, tuple(e.path for e in f.evidence))
        for f in result.findings
        if f.code == "EV01"
    )
    same_event = "Các bản tin về cùng một sự kiện"
    revenue = "nêu «Tổng thu ngân sách nhà nước trên địa bàn» là trên 20.000 tỷ đồng và gần 20"
    assert found == [
        (
            "info",
            f"{same_event} (chung 0 số liệu, 13 tên riêng) nêu «thì đủ giải phóng mặt bằng» "
            "là 230.000 tỷ và 23.000 tỉ đồng (nhầm gấp 10 lần).",
            _hcm_paths("22489927", "22490055"),
        ),
        (
            "info",
            f"{same_event} (chung 0 số liệu, 3 tên riêng) {revenue}.000 tỉ đồng.",
            ("da-nang/mz-21511518.txt", "da-nang/mz-21511856.txt"),
        ),
        (
            "info",
            f"{same_event} (chung 1 số liệu, 5 tên riêng) nêu «dự án tổng diện tích» là "
            "5,07ha và gần 6ha.",
            ("da-nang/mz-21489944.txt", "da-nang/mz-21491903.txt"),
        ),
        (
            "info",
            f"{same_event} (chung 2 số liệu, 2 tên riêng) nêu «xử lý ô tô» là 203 ôtô và "
            "203 xe ô tô và 230 ô tô (đảo chữ số).",
            _hcm_paths("22529736", "22531770", "22536340"),
        ),
        (
            "warning",
            f"{same_event} (chung 0 số liệu, 4 tên riêng) {revenue} tỷ đồng và gần "
            "20.000 tỉ đồng (nhầm đơn vị).",
            ("da-nang/mz-21511518.txt", "da-nang/mz-21511655.txt", "da-nang/mz-21511856.txt"),
        ),
    ]


def unstated(first: list[Quantity], second: list[Quantity]) -> Iterator[tuple[Quantity, ...]]:
    """Every pair of one unit and measure whose values the other side does not state,
    of the figures with a subject: what `slips` paired before it indexed a report's
    figures by their digits (`agreement.slip_key`)."""
    return every_unstated(slipped._with_subject(first), slipped._with_subject(second))


def every_unstated(ours: list[Quantity], theirs: list[Quantity]) -> Iterator[tuple[Quantity, ...]]:
    """`unstated` of figures already chosen (with a subject, or alone)."""
    values_ours = {(q.unit, q.value) for q in ours}
    values_theirs = {(q.unit, q.value) for q in theirs}
    for qa in ours:
        for qb in theirs:
            if (qa.unit, qa.measure) != (qb.unit, qb.measure):
                continue
            if (qa.unit, qa.value) not in values_theirs and (qb.unit, qb.value) not in values_ours:
                yield qa, qb


def old_slips(first: list[Quantity], second: list[Quantity]) -> Iterator[tuple[Quantity, ...]]:
    """`slipped.slips` before both changes: `match` asked of every pair of one unit
    and measure, the shared words after it."""
    for qa, qb in unstated(first, second):
        if match(qa, qb) > 0 or province_figure(qa, qb):
            continue
        if len(words(qa) & words(qb)) >= MIN_SUBJECT_WORDS and slip(qa, qb, exact=False):
            yield qa, qb


def old_paraphrased(ours: list[Quantity], theirs: list[Quantity]) -> Iterator[tuple[Quantity, ...]]:
    """`slipped.paraphrased` before `slip_key`: every pair of one unit and measure of
    two reports' `alone` figures."""
    for qa, qb in every_unstated(ours, theirs):
        if (qa.scope, qa.base) != (qb.scope, qb.base) or apart(qa, qb):
            continue
        if qa.indicator and qb.indicator and qa.indicator != qb.indicator:
            continue
        if match(qa, qb) == 0 and slip(qa, qb, exact=False):
            yield qa, qb


def test_slips_as_before_and_match_only_on_shared_words(
    checked: tuple[RunResult, list[int]], monkeypatch: pytest.MonkeyPatch
) -> None:
    result = checked[0]
    figures = {
        path: [c for c in claims if isinstance(c, Quantity)]
        for path, claims in sorted(result.claims.items())
    }
    asked: list[int] = []

    def counted(a: Quantity, b: Quantity) -> float:
        asked.append(1)
        return match(a, b)

    monkeypatch.setattr(slipped, "match", counted)
    found, sharing, digits = [], 0, 0
    for a, fa in figures.items():
        for b, fb in figures.items():
            if a == b:
                continue
            got = list(slipped.slips(slipped.with_subject(fa), slipped.with_subject(fb)))
            assert got == list(old_slips(fa, fb)), (a, b)
            found += [(a, qa.span.quote, b, qb.span.quote) for qa, qb in got]

            shared = [
                (qa, qb)
                for qa, qb in unstated(fa, fb)
                if len(words(qa) & words(qb)) >= MIN_SUBJECT_WORDS
            ]
            sharing += len(shared)
            digits += sum(slip_key(qa) == slip_key(qb) for qa, qb in shared)
    assert found == [
        (*_hcm("22489927", "230.000 tỷ"), *_hcm("22490055", "23.000 tỉ đồng")),
        (*_hcm("22490055", "23.000 tỉ đồng"), *_hcm("22489927", "230.000 tỷ")),
        (*_hcm("22529736", "203 ôtô"), *_hcm("22536340", "230 ô tô")),
        (*_hcm("22531770", "203 xe ô tô"), *_hcm("22536340", "230 ô tô")),
        (*_hcm("22536340", "230 ô tô"), *_hcm("22529736", "203 ôtô")),
        (*_hcm("22536340", "230 ô tô"), *_hcm("22531770", "203 xe ô tô")),
    ]
    # Before, `match` was asked of every pair of one unit and measure (thousands here);
    # then of those sharing subject words; now only of those whose digits may slip.
    assert 0 < len(asked) == digits < sharing < 400


def test_paraphrased_as_before(checked: tuple[RunResult, list[int]]) -> None:
    """`paraphrased` on every two reports' `alone` figures (linked or not, so many
    more pairs than EV01 asks) pairs what it paired before `slip_key`."""
    result = checked[0]
    alone = {
        path: slipped.alone(c for c in claims if isinstance(c, Quantity))
        for path, claims in sorted(result.claims.items())
    }
    found: list[tuple[str, ...]] = []
    for a, la in alone.items():
        for b, lb in alone.items():
            if a == b:
                continue
            got = list(slipped.paraphrased(slipped.slippable(la), slipped.slippable(lb)))
            assert got == list(old_paraphrased(la, lb)), (a, b)
            found += [(a, qa.span.quote, b, qb.span.quote) for qa, qb in got]
    # 28 pairs of other places' figures too (every two reports are asked here), the
    # ring road's among them, each "230.000 tỷ" of the report (three places).
    assert len(found) == 28
    ring_road = (*_hcm("22489927", "230.000 tỷ"), *_hcm("22490055", "23.000 tỉ đồng"))
    assert found.count(ring_road) == 3


def _hcm(report: str, quote: str) -> tuple[Any, ...]:
    return f"tp-ho-chi-minh/mz-{report}.txt", quote


def _hcm_paths(*reports: str) -> tuple[str, ...]:
    return tuple(f"tp-ho-chi-minh/mz-{report}.txt" for report in reports)
