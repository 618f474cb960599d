"""What keeps the cache bounded: a row replaces the rows it is a newer version of, and
the rows of old parser versions go. Each write of `linter.engine.cache` goes through
`write`, in its transaction.

A row is a version of something, named by the first half of its key
(`linter.engine.keys`):
- an entry, of a shown file under one parser and configuration (`entry_key`): an
  edit parses the file again, and its new entry replaces the old, with the old
  one's linking features (`keptfeatures`' table, keyed by the entry's key). One
  entry per shown file, written or not with a stats row: a file written in the last
  seconds (the racy rule) or a draft keeps its entry until its next version, so a
  run after it parses nothing, and a checkout in CI, whose files are all too new to
  be remembered by their metadata, no longer leaves every old version behind;
- a stats row, of a file on disk (its absolute path and shown name) under one parser
  and configuration (`stat_keys`): the row of its new metadata replaces the old;
- a group's findings, of one province under one set of checks and settings
  (`group_key`): an edit in the province replaces them.
The rows of another configuration or language are another version's, never
replaced: runs with different settings share a folder without parsing again after
each other. A range of the primary key finds the older versions: no column or
index to keep, one statement per row written, and a key not of that shape (64 hex
digits; for a stats row, more than 16 bytes) is replaced only by itself.

What one version per thing costs, never a wrong report: an edit undone (a revert, a
branch switched back) parses the file again, as ruff's cache, one entry per file,
does; two checkouts sharing one folder parse the files they differ in after each
other; two runs over different files of one province (a folder, then its parent)
check that province again after each other, parsing nothing.

Rows of another parser fingerprint are never read by this one. Each row names its
version (`versions`, by id); a write marks its own as written last, and the rows of
any version older than the KEEP_VERSIONS written last are removed. Not at once: two
installs that share a folder (a pre-commit hook's environment and the shell's, a
server started before an upgrade and the command line after) would each parse the
other's whole archive again at every turn. Not by age: a count bounds the cache
however fast the fingerprint changes (it changes with every edit of linter/), and
needs no write from a warm run to say a version is still used.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from linter.engine.keys import parser_fingerprint

# The parser versions whose rows are kept: the one written with last and the one before.
KEEP_VERSIONS = 2
FEATURES = "features"  # `linter.engine.keptfeatures`' table, made by its first write
# The rows a write is handed: entries (key, *rows.Row), stats rows (key, entry,
# province), groups (key, findings).
Entries = Sequence[tuple[str, str | None, str | None, str, str, str | None]]
Stats = Sequence[tuple[bytes, str, str | None]]
Groups = Sequence[tuple[str, str]]


def write(db: sqlite3.Connection, entries: Entries, stats: Stats, groups: Groups) -> None:
    """Write the rows in the transaction open on `db`, each replacing its older versions."""
    version = _mark(db)
    old = [(key[:32], f"{key[:32]}g", key) for key, *_ in entries if _hex(key)]
    db.executemany("DELETE FROM entries WHERE key > ? AND key < ? AND key != ?", old)
    if old and _has(db, FEATURES):
        db.executemany(f"DELETE FROM {FEATURES} WHERE key > ? AND key < ? AND key != ?", old)
    db.executemany(
        "INSERT OR REPLACE INTO entries (key, version, province, summary, findings, claims,"
        " document) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [(key, version, *row) for key, *row in entries],
    )
    # 16 bytes, then ASCII (`stat_keys`): "\xff" after them is past every key they open
    files = [(key[:16], key[:16] + b"\xff", key) for key, _, _ in stats if len(key) > 16]
    db.executemany("DELETE FROM stats WHERE key > ? AND key < ? AND key != ?", files)
    db.executemany(
        "INSERT OR REPLACE INTO stats (key, entry, province, version) VALUES (?, ?, ?, ?)",
        [(*row, version) for row in stats],
    )
    scopes = [(key[:32], f"{key[:32]}g", key) for key, _ in groups if _hex(key)]
    db.executemany("DELETE FROM groups WHERE key > ? AND key < ? AND key != ?", scopes)
    db.executemany(
        "INSERT OR REPLACE INTO groups (key, version, findings) VALUES (?, ?, ?)",
        [(key, version, findings) for key, findings in groups],
    )


def _mark(db: sqlite3.Connection) -> int:
    """The id of this parser's version, marked as written last; the rows of the versions
    before the KEEP_VERSIONS written last removed, and of any no longer listed (a run
    writes on after another run retired its version: its later rows get a new id)."""
    parser = parser_fingerprint()
    last = "(SELECT coalesce(max(used), 0) + 1 FROM versions)"
    db.execute(f"INSERT OR IGNORE INTO versions (parser, used) VALUES (?, {last})", (parser,))
    db.execute(
        f"UPDATE versions SET used = {last} WHERE parser = ?"
        " AND used < (SELECT max(used) FROM versions)",
        (parser,),
    )
    retired = "SELECT id FROM versions ORDER BY used DESC LIMIT -1 OFFSET ?"
    if db.execute(retired, (KEEP_VERSIONS,)).fetchall():
        db.execute(f"DELETE FROM versions WHERE id IN ({retired})", (KEEP_VERSIONS,))
        for table in ("entries", "stats", "groups"):  # a pass over each: once per retirement
            db.execute(f"DELETE FROM {table} WHERE version NOT IN (SELECT id FROM versions)")
        if _has(db, FEATURES):
            db.execute(f"DELETE FROM {FEATURES} WHERE key NOT IN (SELECT key FROM entries)")
    (found,) = db.execute("SELECT id FROM versions WHERE parser = ?", (parser,)).fetchone()
    return found


def _hex(key: str) -> bool:
    """A key as `keys` makes them (64 hex digits), whose first half names what it is a
    version of; any other (a test's, a plugin's) is replaced by itself alone."""
    return len(key) == 64 and not key.strip("0123456789abcdef")


def _has(db: sqlite3.Connection, table: str) -> bool:
    found = db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (table,))
    return found.fetchone() is not None
