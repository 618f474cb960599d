"""What the cache tests count and watch on real runs: the rows of the cache's tables,
and the files a run parses and the provinces it checks (test_cache_prune,
test_cache_retire)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from linter.engine import checkpool, parsing

TABLES = ("entries", "stats", "groups", "features", "versions")


def rows(folder: Path, tables: tuple[str, ...] = TABLES) -> tuple[int, ...]:
    """The number of rows of each of `tables` in the cache in `folder`."""
    with sqlite3.connect(folder / "cache.sqlite") as db:
        return tuple(db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables)


def watch(monkeypatch: pytest.MonkeyPatch) -> tuple[list[str], list[str | None]]:
    """The files parsed and the provinces checked from now on."""
    parsed: list[str] = []
    real_parse = parsing._parse_file
    monkeypatch.setattr(parsing, "_parse_file", lambda t: parsed.append(t[1]) or real_parse(t))
    checked: list[str | None] = []
    real_check = checkpool._run_check
    monkeypatch.setattr(
        checkpool, "_run_check", lambda c, g, s: checked.append(g.province) or real_check(c, g, s)
    )
    return parsed, checked
