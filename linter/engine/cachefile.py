"""The cache's file: opening SQLite with a busy timeout, the folder and its lock,
notices, `doichieu cache clear`, and the cached claims and documents read on a
connection of their own (`read_claims`, `read_documents`). Kept apart from
`linter.engine.cache`, which says what is stored."""

from __future__ import annotations

import contextlib
import sqlite3
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from linter.errors import UsageError
from linter.metadata.gazstore import wards_path

try:
    import fcntl
except ImportError:  # Windows: runs sharing a cache rely on SQLite's own locking
    fcntl = None  # type: ignore[assignment]

BUSY_TIMEOUT = 60.0  # seconds a run waits for another run's write to the cache
GAZETTEER = "gazetteer.json"  # the places' tables, beside the cache, the wards beside it (gazstore)
BATCH = 500  # keys per query (SQLite allows 999 parameters at least)
FEW = 100  # keys found in the index whatever the table's size (`select`)
# The cache's tables (`Cache`), each row naming the parser version that wrote it
# (`prune`). An entry's short columns first: SQLite reaches a column of a long row
# through the overflow pages before it, so a summary, the findings and the claims are
# read without the pages of the long document after them. A stats row (`Cache.known`):
# a file's metadata digest, its entry key and that entry's province. A published
# report's linking features (`keptfeatures`), by its entry's key.
FEATURES = "CREATE TABLE IF NOT EXISTS features (key TEXT PRIMARY KEY, value TEXT NOT NULL)"
TABLES = (
    "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS entries (key TEXT PRIMARY KEY, version INTEGER, province TEXT,"
    " summary TEXT, findings TEXT NOT NULL, claims TEXT NOT NULL, document TEXT)",
    "CREATE TABLE IF NOT EXISTS stats"
    " (key BLOB PRIMARY KEY, entry TEXT NOT NULL, province TEXT, version INTEGER) WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS groups"
    " (key TEXT PRIMARY KEY, version INTEGER, findings TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS versions (id INTEGER PRIMARY KEY AUTOINCREMENT,"
    " parser TEXT UNIQUE NOT NULL, used INTEGER NOT NULL)",
    FEATURES,
)


def connect(path: Path) -> sqlite3.Connection:
    # A concurrent run may hold the write lock for a moment: wait rather than fail,
    # and let readers go on while it writes (the log mode is stored in the file).
    db = sqlite3.connect(path, timeout=BUSY_TIMEOUT)
    with contextlib.suppress(sqlite3.OperationalError):  # a read-only cache is still read
        db.execute("PRAGMA journal_mode=WAL")
    return db


def complete(db: sqlite3.Connection) -> None:
    """What a cache file made before them lacks, made as it is opened. A covering index
    of the entries' provinces: a run looks up the province of every file it lists (a
    draft's, to read its province only), and a pass over the entries themselves reads
    a page of each long row (11.6 -> 2.7 ms for 5,000; made once, in about 11 ms). The
    features table, made by `keptfeatures`' first write before it was made with the
    others. A cache that cannot be written goes on without them: the same rows, found
    more slowly; its writes fail as they would anyway."""
    with contextlib.suppress(sqlite3.Error):
        db.execute("CREATE INDEX IF NOT EXISTS entry_provinces ON entries (key, province)")
        db.execute(FEATURES)


def connect_existing(path: Path) -> sqlite3.Connection:
    """The cache file as it is, never created (the cache makes it, with its tables):
    the tables kept beside the entries (`keptdata`, `keptfeatures`) leave a cache
    that was cleared or never usable as it is."""
    uri = f"{path.absolute().as_uri()}?mode=rw"
    return sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT)


def prepare(folder: Path) -> None:
    """Create the folder, with a `.gitignore` holding `*` so that git ignores it (as ruff's)."""
    folder.mkdir(parents=True, exist_ok=True)
    with contextlib.suppress(FileExistsError), (folder / ".gitignore").open("x") as handle:
        handle.write("# Created by doichieu: the cache is never committed.\n*\n")


@contextlib.contextmanager
def locked(folder: Path) -> Iterator[None]:
    """An exclusive lock between runs sharing the folder (none where fcntl is missing)."""
    if fcntl is None:
        yield
        return
    with (folder / "lock").open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def notice(message: str) -> None:
    print(f"doichieu: notice: {message}", file=sys.stderr)


def clear(folder: Path) -> bool:
    """Remove the cache file (and its log, and the places' tables); False when there was none."""
    path = folder / "cache.sqlite"
    for tables in (folder / GAZETTEER, wards_path(folder / GAZETTEER)):
        with contextlib.suppress(OSError):
            tables.unlink(missing_ok=True)
    if not path.exists():
        return False
    if not path.is_file():
        raise UsageError(f"{path} is not a cache file: expected a file; remove it by hand")
    try:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    except OSError as exc:
        raise UsageError(f"cannot remove {path}: {exc.strerror or exc}") from exc
    return True


def select(
    db: sqlite3.Connection,
    table: str,
    columns: str,
    keys: Sequence[object],
    through: bool = False,
    chosen: Sequence[object] = (),
) -> list[tuple]:
    """The rows (key, *`columns`) of `table` whose key is among `keys` (`columns` may
    hold parameters, `chosen` their values), asked in batches of BATCH keys (one query
    per key was a tenth of a draft run). With `through`, for short columns only
    (`Cache.provinces`: the entries', `Cache.known`: the stats rows'), the table is read through in
    one pass when the keys are at least half of its rows, the rows of other keys
    picked out here: a warm run asks for every file it lists, and finding 5,000 keys
    one by one in the index cost twice as much. Never for claims or documents: a pass
    would read every row's long value, asked or not. A list, not a generator: a
    generator's step per row was a fifth of reading them. Fewer than FEW keys are
    always found in the index: counting the table's rows to choose cost more (a
    draft's run asks the cache of the draft alone, then of every file)."""
    if through and len(keys) >= FEW and 2 * len(keys) >= _rows(db, table):
        wanted = set(keys)
        rows = db.execute(f"SELECT key, {columns} FROM {table}", chosen)
        return [row for row in rows if row[0] in wanted]
    found: list[tuple] = []
    for start in range(0, len(keys), BATCH):
        chunk = keys[start : start + BATCH]
        marks = ",".join("?" * len(chunk))
        sql = f"SELECT key, {columns} FROM {table} WHERE key IN ({marks})"
        found += db.execute(sql, (*chosen, *chunk))
    return found


def _rows(db: sqlite3.Connection, table: str) -> int:
    """The number of rows of `table` (its largest rowid grows with every row replaced,
    which a cache of edited files does often)."""
    (count,) = db.execute(f"SELECT count(*) FROM {table}").fetchone()
    return count


def read_claims(path: Path, keys: Sequence[str]) -> dict[str, str]:
    """The claims of the cached entries of `keys` that are there, as their JSON, by
    key: one connection and one query per BATCH keys (a connection per document was
    a tenth of a draft's check phase). A connection of its own: it may be called in
    a forked worker, and an SQLite connection must not cross a fork."""
    return _read(path, "claims", keys)


def read_documents(path: Path, keys: Sequence[str]) -> dict[str, str]:
    """The whole documents of the cached entries of `keys`, as `read_claims` reads
    claims: a worker checking a province reads its summaries' texts itself."""
    return _read(path, "document", keys)


def _read(path: Path, column: str, keys: Sequence[str]) -> dict[str, str]:
    found: dict[str, str] = {}
    try:
        with contextlib.closing(connect(path)) as db:
            rows = select(db, "entries", column, keys)
            found.update((k, v) for k, v in rows if isinstance(v, str))
    except sqlite3.Error:
        pass  # what was read before the error is kept; the rest is a miss
    return found
