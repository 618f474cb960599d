"""cachefile.select: the rows of the keys asked, whether it finds them one by one in
the index (a few keys, or a long column) or reads the table through (most of its
rows of a short column: a warm run's lookups)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from linter.engine import cachefile

ROWS = 3 * cachefile.FEW


class Recorded:
    """A connection that records the SQL it is asked, to tell the two ways apart."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db, self.asked = db, []

    def execute(self, sql: str, *args: object) -> sqlite3.Cursor:
        self.asked.append(sql)
        return self.db.execute(sql, *args)


@pytest.fixture
def db(tmp_path: Path) -> sqlite3.Connection:
    db = cachefile.connect(tmp_path / "c.sqlite")
    db.execute("CREATE TABLE stats (key TEXT PRIMARY KEY, entry TEXT NOT NULL)")
    db.executemany("INSERT INTO stats VALUES (?, ?)", [(f"s{n}", f"e{n}") for n in range(ROWS)])
    db.commit()
    return db


def test_a_few_keys_are_found_in_the_index(db: sqlite3.Connection) -> None:
    recorded = Recorded(db)
    keys = ["s1", "s3", "missing"]  # a few: the index, though a pass over all is allowed
    found = dict(cachefile.select(recorded, "stats", "entry", keys, through=True))  # type: ignore[arg-type]
    assert found == {"s1": "e1", "s3": "e3"}
    assert any("WHERE key IN (?,?,?)" in sql for sql in recorded.asked)


def test_most_keys_read_the_table_through(db: sqlite3.Connection) -> None:
    recorded = Recorded(db)
    most = [f"s{n}" for n in range(ROWS - 20)] + ["missing"]
    found = dict(cachefile.select(recorded, "stats", "entry", most, through=True))  # type: ignore[arg-type]
    assert found == {f"s{n}": f"e{n}" for n in range(ROWS - 20)}
    assert not any("IN (" in sql for sql in recorded.asked)


def test_a_few_keys_are_found_in_the_index_of_a_small_table(tmp_path: Path) -> None:
    """Even all of a table's rows: counting them to choose would cost more."""
    db = cachefile.connect(tmp_path / "c.sqlite")
    db.execute("CREATE TABLE stats (key TEXT PRIMARY KEY, entry TEXT NOT NULL)")
    db.executemany("INSERT INTO stats VALUES (?, ?)", [("s1", "e1"), ("s2", "e2")])
    recorded = Recorded(db)
    assert dict(cachefile.select(recorded, "stats", "entry", ["s1", "s2"], through=True)) == {  # type: ignore[arg-type]
        "s1": "e1",
        "s2": "e2",
    }
    assert len(recorded.asked) == 1 and "WHERE key IN (?,?)" in recorded.asked[0]


def test_a_long_column_is_never_read_through(db: sqlite3.Connection) -> None:
    """Claims and documents (`read_claims`, `read_documents`): only the rows asked."""
    recorded = Recorded(db)
    most = [f"s{n}" for n in range(ROWS - 20)]
    found = dict(cachefile.select(recorded, "stats", "entry", most))  # type: ignore[arg-type]
    assert found == {f"s{n}": f"e{n}" for n in range(ROWS - 20)}
    assert any("WHERE key IN (" in sql for sql in recorded.asked)


def test_rows_are_counted_however_often_replaced(db: sqlite3.Connection) -> None:
    for _ in range(5):  # each replacement takes a new rowid: max(rowid) would be ROWS + 10
        db.executemany("INSERT OR REPLACE INTO stats VALUES (?, ?)", [("s1", "x"), ("s2", "y")])
    assert cachefile._rows(db, "stats") == ROWS
    recorded = Recorded(db)
    half = [f"s{n}" for n in range(ROWS // 2)]  # half of the rows still reads the table through
    assert len(dict(cachefile.select(recorded, "stats", "entry", half, through=True))) == ROWS // 2  # type: ignore[arg-type]
    assert not any("IN (" in sql for sql in recorded.asked)
    db.execute("CREATE TABLE empty (key TEXT PRIMARY KEY, v TEXT)")
    assert cachefile._rows(db, "empty") == 0
    assert list(cachefile.select(db, "empty", "v", ["a"], through=True)) == []


def test_the_provinces_are_read_from_their_own_index(tmp_path: Path) -> None:
    """A warm run reads the province of every entry: from a covering index, not a page
    of each long row; a cache made before the index gets it when opened, and one that
    cannot be written is read without it. So the features table, which a cache's write
    deletes from (`prune`): made before it was made with the others, it gets it too."""
    from linter.engine.cache import Cache

    Cache(tmp_path).commit()
    path = tmp_path / "cache.sqlite"
    with sqlite3.connect(path) as db:
        db.execute("DROP INDEX entry_provinces")  # as a cache made before it
        db.execute("DROP TABLE features")
        db.execute(
            "INSERT INTO entries VALUES ('k', 1, 'Bình Thuận', NULL, '[]', '[]', ?)", ("x" * 9000,)
        )
    read_only = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    cachefile.complete(read_only)  # cannot write it: goes on without
    assert read_only.execute("SELECT province FROM entries").fetchall() == [("Bình Thuận",)]
    read_only.close()
    cache = Cache(tmp_path)
    assert cache.provinces(["k"]) == {"k": "Bình Thuận"}
    cache.put_row("a" * 64, (None, None, "[]", "[]", None))
    cache.commit()
    with sqlite3.connect(path) as db:  # written, with the features table it now has
        assert db.execute("SELECT key FROM entries ORDER BY key").fetchall() == [
            ("a" * 64,),
            ("k",),
        ]
        assert db.execute("SELECT count(*) FROM features").fetchone() == (0,)
    with sqlite3.connect(path) as db:
        plan = db.execute("EXPLAIN QUERY PLAN SELECT key, province FROM entries").fetchall()
    assert "COVERING INDEX entry_provinces" in str(plan)
