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
- a group's findings, of one province (or one document of none) under one parser and
  one set of settings (`group_key`): an edit in the province, or of a check,
  replaces them.
The rows of another configuration or language are another version's, never
replaced: runs with different settings share a folder without parsing again after
each other. A range of the primary key finds the older versions: no column or
index to keep, one statement per row written, and a key not of that shape (twice
keys.HALF hex digits; for a stats row, more than keys.FILE_BYTES bytes) is replaced
only by itself.

What one version per thing costs, never a wrong report: an edit undone (a revert, a
branch switched back) parses the file again, as ruff's cache, one entry per file,
does; two checkouts sharing one folder parse the files they differ in after each
other, and check again after each other when their checks differ; two runs over
different files of one province (a folder, then its parent) check that province
again after each other, parsing nothing.

Rows of another parser fingerprint are never read by this one. Each row names its
version (`versions`, by id); a write marks its own as written last, and once its rows
are in, the rows of any version older than the KEEP_VERSIONS written last are removed.
Not at once: two installs that share a folder (a pre-commit hook's environment and the
shell's, a server started before an upgrade and the command line after) would each
parse the other's whole archive again at every turn. Only from cache schema 8 on: a
doichieu of schema 7 or before and one after it throw away each other's cache file
(its schema is not theirs, `linter.engine.cache`). Not by age: a count bounds the cache
however fast the fingerprint changes (it changes with every edit of linter/), and
needs no write from a warm run to say a version is still used.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import TypeVar

from linter.engine.keys import FILE_BYTES, HALF, parser_fingerprint
from linter.engine.rows import Row

# The parser versions whose rows are kept: the one written with last and the one before.
KEEP_VERSIONS = 2
# The rows a write is handed: an entry (key, *rows.Row), a stats row (key, entry,
# province), a group (key, findings).
EntryRow = tuple[str, *Row]
StatsRow = tuple[bytes, str, str | None]
GroupRow = tuple[str, str]
_Key = TypeVar("_Key", str, bytes)


def write(
    db: sqlite3.Connection,
    entries: Sequence[EntryRow],
    stats: Sequence[StatsRow],
    groups: Sequence[GroupRow],
) -> None:
    """Write the rows in the transaction open on `db`, each replacing its older versions
    (an entry its kept features too), then retire the parser versions too old to keep.
    After the inserts: a run keeps its reports' features (`keptfeatures.keep`) before
    their entries are written, and a retirement keeps the features of entries there."""
    version = _mark(db)
    shown = [_older(key, HALF, "g") for key, *_ in entries if _hex(key)]
    _delete_older(db, "features", shown)
    _replace(db, "entries", shown, [(key, version, *row) for key, *row in entries])
    # "\xff" after a stats key's FILE_BYTES is past every key they open (ASCII follows)
    files = [_older(key, FILE_BYTES, b"\xff") for key, _, _ in stats if len(key) > FILE_BYTES]
    _replace(db, "stats", files, [(*row, version) for row in stats])
    scopes = [_older(key, HALF, "g") for key, _ in groups if _hex(key)]
    _replace(db, "groups", scopes, [(key, version, findings) for key, findings in groups])
    _retire(db)


_Range = tuple[_Key, _Key, _Key]


def _replace(
    db: sqlite3.Connection, table: str, older: Sequence[_Range], rows: Sequence[tuple]
) -> None:
    """Delete the older versions of `rows` (`older`: `_older` of each key), then insert them
    (each row in its table's column order, `linter.engine.cachefile.TABLES`)."""
    _delete_older(db, table, older)
    if rows:
        marks = ", ".join("?" * len(rows[0]))
        db.executemany(f"INSERT OR REPLACE INTO {table} VALUES ({marks})", rows)


def _delete_older(db: sqlite3.Connection, table: str, older: Sequence[_Range]) -> None:
    db.executemany(f"DELETE FROM {table} WHERE key > ? AND key < ? AND key != ?", older)


def _older(key: _Key, half: int, past: _Key) -> _Range:
    """The range of the keys that open with `key`'s first `half`, and `key`, which is
    left out of it. What follows the first half is never `past` or above: a hex digit
    ("g" is past them) or, in a stats key, the ASCII of its metadata (b"\\xff" is)."""
    return key[:half], key[:half] + past, key


def _mark(db: sqlite3.Connection) -> int:
    """The id of this parser's version, marked as written last (a run that writes on
    after another run retired its version gets a new id for its later rows)."""
    parser = parser_fingerprint()
    last = "(SELECT coalesce(max(used), 0) + 1 FROM versions)"
    db.execute(f"INSERT OR IGNORE INTO versions (parser, used) VALUES (?, {last})", (parser,))
    db.execute(
        f"UPDATE versions SET used = {last} WHERE parser = ?"
        " AND used < (SELECT max(used) FROM versions)",
        (parser,),
    )
    (found,) = db.execute("SELECT id FROM versions WHERE parser = ?", (parser,)).fetchone()
    return found


def _retire(db: sqlite3.Connection) -> None:
    """Remove the rows of the versions before the KEEP_VERSIONS written last, and of any
    no longer listed, with the features of entries no longer there."""
    retired = "SELECT id FROM versions ORDER BY used DESC LIMIT -1 OFFSET ?"
    if not db.execute(retired, (KEEP_VERSIONS,)).fetchall():
        return
    db.execute(f"DELETE FROM versions WHERE id IN ({retired})", (KEEP_VERSIONS,))
    for table in ("entries", "stats", "groups"):  # a pass over each: once per retirement
        db.execute(f"DELETE FROM {table} WHERE version NOT IN (SELECT id FROM versions)")
    db.execute("DELETE FROM features WHERE key NOT IN (SELECT key FROM entries)")


def _hex(key: str) -> bool:
    """A key as `keys` makes them (twice HALF hex digits), whose first half names what it
    is a version of; any other (a test's, a plugin's) is replaced by itself alone."""
    return len(key) == 2 * HALF and not key.strip("0123456789abcdef")
