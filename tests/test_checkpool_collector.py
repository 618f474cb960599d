"""The garbage collector waits while a province group is checked
(`linter.engine.checkpool._collector_paused`): a collection then would scan the
whole archive's documents and claims, a cost that grew faster than the archive
(issue 15). It runs again once the group is done, and a caller that turned it off
keeps it off. The group is EV01's example (two reports of one press conference,
48 ha against 4,8 ha), checked by the real check."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest

from checks.events import EventFigureConflict
from conftest import run_corpus
from linter.checking import DocumentClaims, Group
from linter.data.lexicon import default_lexicon
from linter.engine.checkpool import check_group
from linter.engine.config import Config
from linter.engine.policy import settings_of
from linter.models import Finding

REPORT = """---
date: 2017-06-2{day}
province: Bình Định
title: Họp báo về dự án Khu đô thị mới Nhơn Hội
---
Tại buổi họp báo, lãnh đạo sở cho biết dự án Khu đô thị mới Nhơn Hội có tổng vốn đầu tư 1.520 tỷ đồng, diện tích đất thu hồi {area} đất nông nghiệp.
"""

seen: list[bool] = []  # whether the collector was enabled while each check ran


class Watched(EventFigureConflict):
    """EV01, noting whether the collector could run while it checked."""

    def run(self, group: Group) -> Iterator[Finding]:
        seen.append(gc.isenabled())
        yield from super().run(group)


class Broken(EventFigureConflict):
    def run(self, group: Group) -> Iterator[Finding]:
        seen.append(gc.isenabled())
        raise RuntimeError("broken")


@pytest.fixture
def group(tmp_path: Path) -> Group:
    files = {
        "a.md": REPORT.format(day=0, area="48 ha"),
        "b.md": REPORT.format(day=1, area="4,8 ha"),
    }
    result = run_corpus(tmp_path, files)
    items = tuple(DocumentClaims(d, tuple(result.claims[d.path])) for d in result.documents)
    return Group("Bình Định", items, default_lexicon())


@pytest.fixture(autouse=True)
def collector() -> Iterator[None]:
    enabled = gc.isenabled()
    seen.clear()
    yield
    (gc.enable if enabled else gc.disable)()


def _check(group: Group, *checks: type[EventFigureConflict]) -> list[Finding]:
    settings = {c.code: settings_of(c, Config()) for c in checks}
    return check_group(group, checks, settings)[0]


def test_no_collection_while_a_group_is_checked_and_one_after(group: Group) -> None:
    gc.enable()
    found = _check(group, Watched)
    assert [(f.code, f.severity.value) for f in found] == [("EV01", "warning")]
    assert "48 ha và 4,8 ha (nhầm gấp 10 lần)" in found[0].message
    assert seen == [False]
    assert gc.isenabled()


def test_a_crashing_check_leaves_the_collector_running(group: Group) -> None:
    gc.enable()
    found = _check(group, Broken, Watched)
    assert [f.code for f in found] == ["EN01", "EV01"]
    assert seen == [False, False]
    assert gc.isenabled()


def test_a_collector_turned_off_stays_off(group: Group) -> None:
    gc.disable()
    assert [f.code for f in _check(group, Watched)] == ["EV01"]
    assert seen == [False]
    assert not gc.isenabled()
