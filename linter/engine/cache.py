"""A persistent cache of parsed documents, in SQLite (`.doichieu_cache/cache.sqlite`).

An entry is keyed by the file's content hash, the path it is shown under (spans
carry it), the parser's own fingerprint (a hash of linter's code and data files
and the versions of the libraries it reads with), and the configuration that
affects parsing. A warm run does not read a file to find its key: as ruff's
cache does, it first looks the file's metadata up (path, size, modification and
change times in nanoseconds, inode, device; `keys.stat_keys`) in a table of what the
content key was when a file had exactly that metadata, and the province of its
entry (`known`: a draft's run reads only its province's documents, and asking each
entry's was a second pass over the cache), and reads and hashes only the files that
are not there. A file modified or changed within the last seconds before it
was read is not remembered by its metadata (git's "racy" rule: a write in the
same clock tick could leave its metadata unchanged; the change time too, as a
copy given back an old modification time was still written now); it is hashed
next time.

The findings of the checks on one province are cached too (`group_findings`),
keyed by all a check sees (`linter.engine.keys.group_key`): a warm run with
nothing changed runs no check, one edited file the checks of its province.

Entries are JSON validated on the way back in, never pickle: a cache file is
untrusted input. What a row holds, how an entry becomes one and how a document
is read back is `linter.engine.rows`; this module is the store. A file that is
not our cache (corrupt, foreign, another schema) is discarded and rebuilt with a
notice, never trusted and never a crash; a cache that cannot be used at all is
skipped with a notice. Rows are written in transactions of a few hundred (an
entry stands alone, so a run that stops half-way leaves a usable cache).

The cache is bounded (`linter.engine.prune`): a row written replaces the rows it is a
newer version of (a shown file's entry, a file's stats row, a province's findings
under the same settings), and the rows of parser versions older than the two written
with last go; a warm run still writes nothing. Freed pages are reused by later writes
(the file stops growing; it never shrinks: no VACUUM). Known problem: a file removed or
renamed leaves its last entry and stats row (a few KB), and a province or settings no
longer checked their findings, until two newer parser versions have written (an upgrade,
an edit of linter/) or `doichieu cache clear`: a file that comes back is not parsed.
"""

from __future__ import annotations

import errno
import sqlite3
from collections.abc import Collection, Sequence
from pathlib import Path

from pydantic import ValidationError

from linter.engine.cachefile import (
    BATCH,
    TABLES,
    complete,
    connect,
    locked,
    notice,
    prepare,
    select,
)
from linter.engine.prune import EntryRow, GroupRow, StatsRow, write
from linter.engine.rows import CLAIMS, FINDINGS, Entry, Row, ShallowEntry, decode_document
from linter.models import Finding

__all__ = ["Cache"]

MAGIC = "doichieu-cache"
# 6: a document's summary (metadata, no text); the long columns last. 7: a stats row
# names its entry's province, and is keyed by the digest's bytes (`keys.stat_keys`).
# 8: keys whose first half names what a row is a version of; rows name their parser
# version (`prune`).
SCHEMA = 8
# Parsed entries held before they are written (each write its own transaction): held
# until the end of a cold run, their JSON was a third of its peak memory.
FLUSH_ROWS = 256


class Cache:
    """The cache of one run. A cache that cannot be used (its folder is a file or
    read-only, `cache.sqlite` is a folder, the disk is full) is skipped with a
    notice: the run parses everything and gives the same output.

    Several runs may share one cache: opening (and discarding a bad file) happens
    under an exclusive lock on `lock` in the folder, and SQLite's write-ahead log
    with a busy timeout lets runs read while another writes.
    """

    def __init__(self, folder: Path) -> None:
        self.path = folder / "cache.sqlite"
        self._pending: list[EntryRow] = []
        self._stats: list[StatsRow] = []
        self._groups: list[GroupRow] = []
        # The keys `get_many` gave as summaries, which the check of their province reads
        # whole again (`linter.engine.held.whole_items`, told by `parse_files`): a
        # summary is known by where it came from, not by an empty text.
        self.summarised: set[str] = set()
        self._db: sqlite3.Connection | None = None
        try:
            prepare(folder)
            with locked(folder):
                self._db = self._open()
                complete(self._db)  # a cache made before its index or features table gets them
        except (OSError, sqlite3.Error) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
            notice(f"not using the cache {self.path}: {reason}; parsing every file")

    def _open(self) -> sqlite3.Connection:
        if not self.path.exists():
            return self._create()
        if not self.path.is_file():
            raise OSError(errno.EISDIR, "it is not a file (remove it to let the cache be rebuilt)")
        try:
            db = connect(self.path)
            row = db.execute("SELECT value FROM meta WHERE key = 'magic'").fetchone()
            schema = db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
            if row == (MAGIC,) and schema == (str(SCHEMA),):
                return db
            db.close()
            reason = "it belongs to another program or version"
        except sqlite3.DatabaseError as exc:
            reason = f"it is not a readable cache ({exc})"
        notice(f"discarding {self.path}: {reason}; rebuilding")
        for suffix in ("", "-wal", "-shm"):  # a stale log must not be replayed into the new file
            Path(f"{self.path}{suffix}").unlink(missing_ok=True)
        return self._create()

    def _create(self) -> sqlite3.Connection:
        db = connect(self.path)
        with db:
            for table in TABLES:
                db.execute(table)
            rows = [("magic", MAGIC), ("schema", str(SCHEMA))]
            db.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", rows)
        return db

    def get(self, key: str, lazy: bool = False) -> Entry | ShallowEntry | None:
        """The cached entry; with `lazy`, its claims are left in the file (None)."""
        return self.get_many([key], lazy).get(key)

    def get_many(
        self, keys: Sequence[str], lazy: bool = False, summaries: bool = False
    ) -> dict[str, Entry | ShallowEntry]:
        """The cached entries of `keys` that are there and sound, asked in batches;
        with `summaries`, a document without its text where it has a summary."""
        found: dict[str, Entry | ShallowEntry] = {}
        if self._db is None:
            return found
        column = "NULL" if lazy else "claims"  # half of the bytes of a row
        whole = "CASE WHEN summary IS NULL THEN document ELSE summary END"  # read lazily
        document, cut = (whole, "summary IS NOT NULL") if summaries else ("document", "0")
        sql = f"SELECT key, {document}, {column}, findings, {cut} FROM entries WHERE key IN ({{}})"
        for start in range(0, len(keys), BATCH):
            chunk = keys[start : start + BATCH]
            try:
                rows = self._db.execute(sql.format(",".join("?" * len(chunk))), chunk).fetchall()
            except sqlite3.Error:
                return found
            for key, document, claims, findings, summary in rows:  # decoded a batch at a time
                try:
                    found[key] = (
                        decode_document(document) if document else None,
                        None if lazy else tuple(CLAIMS.validate_json(claims)),
                        FINDINGS.validate_json(findings),
                    )
                except (ValueError, TypeError, ValidationError, RecursionError):
                    continue  # a damaged entry is a miss, and will be overwritten
                if summary:
                    self.summarised.add(key)
        return found

    def _value(self, sql: str, key: str) -> str | None:
        if self._db is None:
            return None
        try:
            row = self._db.execute(sql, (key,)).fetchone()
        except sqlite3.Error:
            return None
        return row[0] if row and isinstance(row[0], str) else None

    def provinces(self, keys: Sequence[str]) -> dict[str, str | None]:
        """The province of each entry of `keys` that is there, by entry key, from the
        entries' covering index (`cachefile.select`); a stats row's is `known`'s."""
        if self._db is None:
            return {}
        try:
            return dict(select(self._db, "entries", "province", keys, through=True))
        except sqlite3.Error:
            return {}

    def known(
        self, keys: Sequence[bytes], provinces: Collection[str | None] | None = None
    ) -> dict[bytes, str | None]:
        """The entry key of each file whose stats row is among `keys`, by stat key
        (`keys.stat_keys`), in one pass for many keys. With `provinces`, None for one
        whose entry's province is not among them: a draft's run leaves it out unread,
        and SQLite telling which (not 5,000 provinces and keys made into strings) was
        a third of the pass."""
        if self._db is None:
            return {}
        column, chosen = "entry", ()
        if provinces is not None:
            chosen = tuple(p for p in provinces if p is not None)
            among = f"province IN ({','.join('?' * len(chosen))})"
            if None in provinces:
                among += " OR province IS NULL"
            column = f"CASE WHEN {among} THEN entry END"
        try:
            return dict(select(self._db, "stats", column, keys, through=True, chosen=chosen))
        except sqlite3.Error:
            return {}

    def remember(self, key: bytes, entry: str, province: str | None) -> None:
        """That a file whose metadata has the stat key `key` holds the entry `entry` (of
        the province `province`, the entry's own: a function of the entry key)."""
        self._stats.append((key, entry, province))

    def group_findings(self, key: str) -> list[Finding] | None:
        """The cached findings of the checks on one province, if any."""
        found = self._value("SELECT findings FROM groups WHERE key = ?", key)
        try:
            return None if found is None else FINDINGS.validate_json(found)
        except (ValueError, TypeError, ValidationError):
            return None  # a damaged row is a miss, and will be overwritten

    def put_group(self, key: str, findings: list[Finding]) -> None:
        if self._db is not None:
            self._groups.append((key, FINDINGS.dump_json(findings).decode()))

    def put_row(self, key: str, row: Row) -> None:
        """An entry already made into its row (`rows.row_of`), as a parse worker makes it."""
        if self._db is None:
            return
        self._pending.append((key, *row))
        if len(self._pending) >= FLUSH_ROWS:
            self._write()

    def _write(self) -> None:
        """Write what is pending, in one transaction, replacing the older versions of
        its rows (`prune.write`); after a failure (a full disk, a lock held too long)
        the cache is left alone for the rest of the run, which keeps its results."""
        if self._db is None or not (self._pending or self._stats or self._groups):
            return
        try:
            with self._db:
                write(self._db, self._pending, self._stats, self._groups)
        except sqlite3.Error as exc:
            notice(f"could not write the cache: {exc}")
            self._db.close()
            self._db = None
        finally:
            self._pending.clear()
            self._stats.clear()
            self._groups.clear()

    def commit(self) -> None:
        self._write()
        if self._db is not None:
            self._db.close()
            self._db = None
