"""Where `linter.data` keeps its parsed data files between runs: a table of the cache.

Parsing the YAML files of linter/data/ was 26 ms of a draft's run (syllables.yaml
12); reading them back as JSON is about one. What is kept, and when a kept parse is
used, is `linter.data`'s (`keep_in`, `load`): here only one row per data file, its
name, the key of the text it was parsed from and the value, in the table `data` of
`cache.sqlite` (made by the first write, so a cache made before it is used as it
is). A new text of a file replaces its row, so the table never grows past the
files. All rows are read in one query when the first file is loaded; a miss is
written at once, in a transaction of its own (misses follow an edit of a data
file), and a cache that cannot be read or written is simply not used: the files
are parsed as before.
"""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

from linter.engine.cachefile import connect_existing


class KeptData:
    """The `data` table of the cache file `path`, as `linter.data.Kept` asks."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._rows: dict[str, tuple[str, str]] | None = None  # read at the first `get`

    def get(self, name: str) -> tuple[str, str] | None:
        """The key and value kept for the data file `name`, if any."""
        if self._rows is None:
            self._rows = {}
            with contextlib.suppress(sqlite3.Error), contextlib.closing(self._connect()) as db:
                rows = db.execute("SELECT name, key, value FROM data").fetchall()
                self._rows = {
                    row[0]: (row[1], row[2])
                    for row in rows
                    if all(isinstance(column, str) for column in row)  # damaged: a miss
                }
        return self._rows.get(name)

    def put(self, name: str, key: str, value: str) -> None:
        """Keep `value` for `name`, replacing what was kept of another text of it."""
        with contextlib.suppress(sqlite3.Error), contextlib.closing(self._connect()) as db, db:
            db.execute(
                "CREATE TABLE IF NOT EXISTS data"
                " (name TEXT PRIMARY KEY, key TEXT NOT NULL, value TEXT NOT NULL)"
            )
            db.execute("INSERT OR REPLACE INTO data VALUES (?, ?, ?)", (name, key, value))

    def _connect(self) -> sqlite3.Connection:
        """The cache file as it is: a cache cleared or never usable stays so."""
        return connect_existing(self.path)
