"""The garbage collector waits while the province groups are checked
(`linter.engine.checkpool._collector_paused`): the checks' caches, alive and
growing with the archive, were scanned again and again (issue 15). It runs again
once the groups are done, a caller that turned it off keeps it off, and only a
process that ends with its run (the command line's `check`, not a library's
call) freezes what the check phase left alive. The group is EV01's example (two
reports of one press conference, 48 ha against 4,8 ha), checked by the real
check."""

from __future__ import annotations

import gc
import platform
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from checks.events import EventFigureConflict
from conftest import run_corpus, write_corpus
from linter.checking import DocumentClaims, Group
from linter.data.lexicon import default_lexicon
from linter.engine import checkpool
from linter.engine.checkpool import check_groups
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
    return check_groups([group, group], checks, settings, jobs=1)[0][0]


def test_no_collection_while_a_group_is_checked_and_one_after(group: Group) -> None:
    gc.enable()
    found = _check(group, Watched)
    assert [(f.code, f.severity.value) for f in found] == [("EV01", "warning")]
    assert "48 ha và 4,8 ha (nhầm gấp 10 lần)" in found[0].message
    assert seen == [False, False]  # one per group
    assert gc.isenabled()


def test_a_crashing_check_leaves_the_collector_running(group: Group) -> None:
    gc.enable()
    found = _check(group, Broken, Watched)
    assert [f.code for f in found] == ["EN01", "EV01"]
    assert seen == [False, False, False, False]
    assert gc.isenabled()


def test_a_collector_turned_off_stays_off(group: Group) -> None:
    gc.disable()
    assert [f.code for f in _check(group, Watched)] == ["EV01"]
    assert seen == [False, False]
    assert not gc.isenabled()


# The command line's `check` in a process of its own, as `doichieu check` runs it
# (`may_end`), then as a library or a test calls it (`main(argv)`): only the first
# freezes; neither leaves the collector off.
SCRIPT = """
import gc, sys
from linter.app import cli
frozen = gc.get_freeze_count()
status = cli._command(["check", sys.argv[1], "--no-cache", "--format", "json"], may_end=sys.argv[2] == "1")
print(status, gc.get_freeze_count() > frozen, gc.isenabled())
"""


@pytest.mark.skipif(platform.python_implementation() != "CPython", reason="CPython's collector")
@pytest.mark.parametrize(("may_end", "frozen"), [(True, "True"), (False, "False")])
def test_only_a_process_that_ends_with_its_run_freezes(
    tmp_path: Path, may_end: bool, frozen: str
) -> None:
    write_corpus(
        tmp_path,
        {"a.md": REPORT.format(day=0, area="48 ha"), "b.md": REPORT.format(day=1, area="4,8 ha")},
    )
    args = [sys.executable, "-c", SCRIPT, str(tmp_path), "1" if may_end else "0"]
    out = subprocess.run(args, capture_output=True, text=True, check=True).stdout
    assert out.splitlines()[-1] == f"1 {frozen} True"  # 1: the EV01 warning fails the run


def test_a_worker_freezes_what_each_group_leaves(
    group: Group, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A forked worker ends with its pool: what a group's checks leave alive there is
    frozen after the group, never scanned by the worker's later collections."""
    gc.enable()
    settings = {Watched.code: settings_of(Watched, Config())}
    monkeypatch.setattr(checkpool, "_SHARED", ([group], (Watched,), settings))
    frozen = gc.get_freeze_count()
    try:
        found, _ = checkpool._check_shared(0)
        assert [f.code for f in found] == ["EV01"]
        assert seen == [False]
        assert gc.get_freeze_count() > frozen
        assert gc.isenabled()
    finally:
        gc.unfreeze()  # this test process goes on
