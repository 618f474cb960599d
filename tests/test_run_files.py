"""The files of a run and of a server (`config.run_files`): the listing shown from the
root, a named file always taken, a folder's file when the configuration takes it, and
neither the named files shown nor `Config.takes` asked without include or exclude."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from linter.engine import config as config_module
from linter.engine.config import Config, run_files
from linter.read.listing import collect_shown

NAMES = ("press/a.md", "press/b.txt", "press/old/c.md", "press/old/d.md", "other/e.md")


@pytest.fixture
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name in NAMES:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("Năm 2024", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize(
    ("table", "expected"),
    [
        ({"exclude": ["press/old/**"]}, ["press/a.md", "press/b.txt", "press/old/c.md"]),
        ({"include": ["**/*.txt"]}, ["press/b.txt", "press/old/c.md"]),
        (
            {"include": ["press/**"], "exclude": ["**/a.md"]},
            ["press/b.txt", "press/old/c.md", "press/old/d.md"],
        ),
    ],
)
def test_a_named_file_is_taken_whatever_the_configuration_says(
    root: Path, table: dict[str, list[str]], expected: list[str]
) -> None:
    """press/old/c.md is named as well as its folder: taken even where excluded, or
    not included; the folder's other files as include and exclude say."""
    config = Config.model_validate(table)
    named = [Path("press"), Path("press/old/c.md")]
    files = run_files(config, named, root, os.getcwd())  # noqa: PTH109
    assert files == [(n, n) for n in expected]


def test_without_include_or_exclude_every_file_is_taken_unasked(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Nothing to filter: the listing as `collect_shown` gives it, no named file shown
    and no file asked of `Config.takes`."""
    named = [Path("press"), Path("other/e.md")]
    expected = collect_shown(named, root, str(root))
    monkeypatch.setattr(config_module, "display_path", lambda *a: pytest.fail(f"shown {a}"))
    monkeypatch.setattr(Config, "takes", lambda self, path: pytest.fail(f"asked {path}"))
    files = run_files(Config(), named, root, str(root))
    assert files == expected
    assert files == [(n, n) for n in ("other/e.md", *NAMES[:4])]
