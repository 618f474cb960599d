"""`likeness.conflicts` tries only the figures of one unit, measure and base, and
reads each figure's subject words once: the same pairs as trying every figure of
one side against every figure of the other, as it did before (news2017, tuning
half: every two reports of Đà Nẵng and Hải Phòng, linked or not).

The corpus lives in ../shared (outside the repo); without it these tests skip.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import load_script
from linter.checking import likeness
from linter.checking.likeness import ambiguous, confirms, conflicts, distinct, match
from linter.engine.run import Options, run
from linter.models import Quantity

APPROX = 0.02
PROVINCES = {"da-nang", "hai-phong"}


def every_pair(
    first: Iterable[Quantity], second: Iterable[Quantity], tolerance: float
) -> Iterator[tuple[Quantity, Quantity]]:
    """`conflicts` as it was: every figure of one side against every one of the other."""
    ours, theirs = distinct(first), distinct(second)
    for qa in ours:
        matches = [(score, qb) for qb in theirs if (score := match(qa, qb)) > 0]
        if not matches or any(confirms(qb, qa, tolerance) for qb in theirs):
            continue
        best = max(score for score, _ in matches)
        qb = next(qb for score, qb in matches if score == best)
        if any(confirms(other, qb, tolerance) for other in ours):
            continue
        if ambiguous(qa, ours, tolerance) or ambiguous(qb, theirs, tolerance):
            continue
        yield qa, qb


def test_conflicts_pairs_as_every_pair_did(news: Path) -> None:
    chosen = [news / f for f in _tuning_reports(news)]
    result = run(chosen, Options(select=["EV01"]), root=news)
    figures = {
        path: [c for c in claims if isinstance(c, Quantity)]
        for path, claims in sorted(result.claims.items())
    }
    compared = found = 0
    for a, fa in figures.items():
        for b, fb in figures.items():
            if a == b:
                continue
            got = list(conflicts(fa, fb, APPROX))
            assert got == list(every_pair(fa, fb, APPROX)), (a, b)
            compared += 1
            found += len(got)
    assert compared == len(chosen) * (len(chosen) - 1) > 1000
    # Two reports of one event disagree on a figure somewhere (the 13.000 and 14.000
    # cơ sở y tế, ...): the comparison is not one of empty sides.
    assert found > 0


def test_conflicts_weighs_only_figures_of_one_kind(
    news: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What `conflicts` leaves untried: every pair it weighs (`likeness._like`, what
    `match` asks of two figures once their unit, measure and base are equal) is of
    one unit, measure and base, on reports whose figures are of many."""
    result = run([news / f for f in _tuning_reports(news)], Options(select=["EV01"]), root=news)
    figures = [
        [c for c in claims if isinstance(c, Quantity)]
        for _, claims in sorted(result.claims.items())
    ]
    assert len({_kind(q) for side in figures for q in side}) > 10
    weighed: list[tuple[tuple[object, ...], tuple[object, ...]]] = []
    like = likeness._like

    def recording(a: Quantity, b: Quantity, wa: Any, wb: Any) -> float:
        weighed.append((_kind(a), _kind(b)))
        return like(a, b, wa, wb)

    monkeypatch.setattr(likeness, "_like", recording)
    for a, fa in enumerate(figures):
        for b, fb in enumerate(figures):
            if a != b:
                list(conflicts(fa, fb, APPROX))
    assert len(weighed) > 1000
    assert [pair for pair in weighed if pair[0] != pair[1]] == []


def _kind(q: Quantity) -> tuple[object, ...]:
    return q.unit, q.measure, q.base


def _tuning_reports(news: Path) -> list[str]:
    return [
        f
        for f in load_script("realnews_data").half_files("tune", news)
        if f.split("/")[0] in PROVINCES
    ]
