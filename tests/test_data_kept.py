"""The data files' YAML kept parsed beside the cache (`linter.data.kept`): read back
exactly as PyYAML parsed it, without parsing; a changed file, a damaged entry or a
damaged file is parsed again and rewritten, never a crash and never other data."""

from __future__ import annotations

import datetime
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import REPO
from linter import data
from linter.app import cli
from linter.data import kept
from linter.engine.cache import Cache, clear

FILES = sorted(p.name for p in (REPO / "linter" / "data").glob("*.yaml"))


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A kept file in `tmp_path`, the process's own setting put back afterwards."""
    monkeypatch.setattr(kept, "_path", None)
    monkeypatch.setattr(kept, "_entries", None)
    path = tmp_path / "data.json"
    kept.keep_in(path)
    return path


def _again(path: Path) -> None:
    """As a new process would: the file read afresh."""
    kept.keep_in(None)
    kept.keep_in(path)


def _no_parse(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(text: str) -> object:
        raise AssertionError("parsed the YAML although it was kept")

    monkeypatch.setattr(data, "_parse", refuse)


def test_every_data_file_comes_back_as_parsed(store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = {name: data.load(name, object) for name in FILES}  # misses: parsed and kept
    _again(store)
    entries = json.loads(store.read_text(encoding="utf-8"))["files"]
    # Kept unless JSON cannot hold its parse (lunar_months.yaml's keys are years).
    assert {"syllables.yaml", "indicators.yaml", "units.yaml", "cli_help.yaml"} <= set(entries)
    assert set(entries) == {name for name in FILES if kept._plain(first[name])}
    _no_parse(monkeypatch)
    for name in entries:
        assert data.load(name, object) == first[name], name


def test_a_changed_file_is_parsed_again(store: Path) -> None:
    kept.keep("x.yaml", b"a: 1\n", {"a": 1})
    _again(store)
    assert kept.parsed("x.yaml", b"a: 1\n") == {"a": 1}
    assert kept.parsed("x.yaml", b"a: 2\n") is kept.MISS


@pytest.mark.parametrize(
    "damage",
    [
        lambda entry: entry.update(raw=entry["raw"].replace("tấn", "tẫn")),  # a changed value
        lambda entry: entry.update(raw=entry["raw"][:-5]),  # cut short
        lambda entry: entry.update(check="0" * 64),
        lambda entry: entry.update(raw=None),
        lambda entry: entry.clear(),
    ],
)
def test_a_damaged_entry_is_parsed_again_and_rewritten(
    store: Path, damage: Callable[[dict], None]
) -> None:
    truth = data.load("units.yaml", object)
    whole = json.loads(store.read_text(encoding="utf-8"))
    damage(whole["files"]["units.yaml"])
    store.write_text(json.dumps(whole, ensure_ascii=False), encoding="utf-8")
    _again(store)
    assert kept.parsed("units.yaml", (REPO / "linter/data/units.yaml").read_bytes()) is kept.MISS
    assert data.load("units.yaml", object) == truth
    _again(store)
    assert kept.parsed("units.yaml", (REPO / "linter/data/units.yaml").read_bytes()) == truth


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"\x00\xff garbage",
        b"[1, 2]",
        b'{"format": 999, "files": {}}',
        b'{"format": 1}',
        b"[" * 5000,
    ],
)
def test_a_damaged_file_is_rebuilt(store: Path, content: bytes) -> None:
    store.write_bytes(content)
    _again(store)
    truth = data.load("status.yaml", object)
    _again(store)
    assert kept.parsed("status.yaml", (REPO / "linter/data/status.yaml").read_bytes()) == truth


@pytest.mark.parametrize(
    "value", [{"day": datetime.date(2017, 1, 1)}, {2017: "năm"}, [float("nan")], {"a": (1, 2)}]
)
def test_what_json_cannot_give_back_is_never_kept(store: Path, value: object) -> None:
    kept.keep("odd.yaml", b"odd", value)
    assert not store.exists()
    assert kept.parsed("odd.yaml", b"odd") is kept.MISS


def test_a_missing_folder_is_left_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(kept, "_path", None)
    monkeypatch.setattr(kept, "_entries", None)
    kept.keep_in(tmp_path / "none" / "data.json")
    assert data.load("amounts.yaml", object)
    assert not (tmp_path / "none").exists()


def test_cache_clear_removes_it(tmp_path: Path) -> None:
    Cache(tmp_path).commit()
    (tmp_path / "data.json").write_text("{}", encoding="utf-8")
    assert clear(tmp_path)
    assert not (tmp_path / "data.json").exists()


def test_the_command_line_names_the_folder_before_it_is_parsed() -> None:
    assert cli.scan_cache(["check", "."]) == cli.DEFAULT_CACHE
    assert cli.scan_cache(["check", "--cache-dir", "C", "."]) == Path("C")
    assert cli.scan_cache(["check", "--cache=C", "--ca", "D"]) == Path("D")  # the last counts
    assert cli.scan_cache(["check", "--cache-dir", "C", "--no-cache"]) is None
    assert cli.scan_cache(["check", "--", "--no-cache"]) == cli.DEFAULT_CACHE
