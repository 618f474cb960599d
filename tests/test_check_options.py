"""Settings a check declares (`options`), set per check in the configuration."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from conftest import write_corpus
from linter.app.cli import main

A = """---
date: 2017-06-20
province: Bình Định
title: Họp báo về dự án Khu đô thị mới Nhơn Hội
---
Dự án Khu đô thị mới Nhơn Hội có tổng vốn đầu tư 1.520 tỷ đồng, diện tích đất thu hồi 48 ha đất nông nghiệp.
"""
B = """---
date: 2017-06-25
province: Bình Định
title: Dự án Khu đô thị mới Nhơn Hội thu hồi đất nông nghiệp
---
Dự án Khu đô thị mới Nhơn Hội có tổng vốn đầu tư 1.520 tỷ đồng; diện tích đất thu hồi là 4,8 ha đất nông nghiệp.
"""


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    write_corpus(tmp_path / "corpus", {"a.md": A, "b.md": B})
    cwd = Path.cwd()
    os.chdir(tmp_path)
    yield tmp_path
    os.chdir(cwd)


def _codes(capsys, *args: str) -> tuple[int, list[str]]:
    status = main(["check", "corpus", "--select", "EV01", "--format", "json", *args])
    out = capsys.readouterr().out
    return status, [f["code"] for f in json.loads(out)["findings"]] if out else []


def test_a_declared_setting_changes_what_the_check_does(folder: Path, capsys) -> None:
    assert _codes(capsys) == (1, ["EV01"])  # 5 days apart: one event by default (10 days)
    write_corpus(folder, {"doichieu.toml": "[checks.EV01]\nwindow-days = 3\n"})
    assert _codes(capsys) == (0, [])  # 5 days apart is no longer one event


@pytest.mark.parametrize(
    ("toml", "said"),
    [
        (
            "[checks.EV01]\nwindow = 3\n",
            "checks.EV01 has no setting 'window' (it has: approx-tolerance, window-days)",
        ),
        ("[checks.EV01]\nwindow-days = 2.5\n", "checks.EV01.window-days must be int, not 2.5"),
        ("[checks.EV01]\nwindow-days = true\n", "checks.EV01.window-days must be int, not True"),
        (
            "[checks.CT01]\nwindow-days = 3\n",
            "checks.CT01 has no setting 'window-days' (it has: none)",
        ),
        ("[checks.EV09]\nwindow-days = 3\n", "unknown check code 'EV09'"),
    ],
)
def test_a_setting_no_check_declares_is_a_usage_error(
    folder: Path, capsys, toml: str, said: str
) -> None:
    write_corpus(folder, {"doichieu.toml": toml})
    assert main(["check", "corpus", "--lang", "en"]) == 2
    assert said in capsys.readouterr().err


def test_the_global_tolerance_sets_every_check_that_declares_one_unless_its_own_table_does() -> (
    None
):
    from checks.counts import TargetCountMismatch
    from checks.events import EventFigureConflict
    from checks.figures import FigureConflict
    from linter.engine.config import Config
    from linter.engine.policy import settings_of

    config = Config.model_validate(
        {"approx-tolerance": 0.2, "checks": {"NU01": {"approx-tolerance": 0.01}}}
    )
    assert settings_of(FigureConflict, config) == {"approx-tolerance": 0.01}
    assert settings_of(EventFigureConflict, config) == {"approx-tolerance": 0.2, "window-days": 10}
    assert settings_of(TargetCountMismatch, config) == {}
