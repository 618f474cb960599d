"""A persistent cache of parsed documents, in SQLite (`.doichieu_cache/cache.sqlite`).

An entry is keyed by the file's content hash, the path it is shown under (spans
carry it), the parser's own fingerprint (a hash of linter's code and data files
and the versions of the libraries it reads with), and the configuration that
affects parsing. Entries are JSON validated on the way back in, never pickle: a
cache file is untrusted input. A file that is not our cache (corrupt, foreign,
another schema) is discarded and rebuilt with a notice, never trusted and never
a crash. Writes happen in one transaction per run.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import sys
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from pydantic import TypeAdapter, ValidationError

from linter.config import Config
from linter.models import Claim, Document, Finding

MAGIC = "doichieu-cache"
SCHEMA = 3
_CLAIMS = TypeAdapter(list[Claim])
_FINDINGS = TypeAdapter(list[Finding])
Entry = tuple[Document | None, tuple[Claim, ...], list[Finding]]


@lru_cache(maxsize=1)
def parser_fingerprint() -> str:
    """Changes whenever the code or data that turns a file into claims changes."""
    digest = hashlib.sha256()
    package = Path(__file__).parent
    for path in sorted([*package.rglob("*.py"), *package.rglob("*.yaml")]):
        digest.update(path.relative_to(package).as_posix().encode())
        digest.update(path.read_bytes())
    for dist in ("underthesea", "vietnamadminunits", "pydantic", "python-docx"):
        try:
            digest.update(f"{dist}={version(dist)}".encode())
        except PackageNotFoundError:
            digest.update(dist.encode())
    return digest.hexdigest()


def config_fingerprint(config: Config) -> str:
    """Only what changes parsing: extra indicators and metadata overrides."""
    data = {
        "indicators": {k: v.model_dump() for k, v in sorted(config.indicators.items())},
        "metadata": [m.model_dump() for m in config.metadata],
    }
    return hashlib.sha256(json.dumps(data, sort_keys=True, default=str).encode()).hexdigest()


def entry_key(content: bytes, display: str, config_key: str) -> str:
    digest = hashlib.sha256(content).hexdigest()
    raw = f"{digest}|{display}|{parser_fingerprint()}|{config_key}"
    return hashlib.sha256(raw.encode()).hexdigest()


class Cache:
    def __init__(self, folder: Path) -> None:
        self.path = folder / "cache.sqlite"
        folder.mkdir(parents=True, exist_ok=True)
        self._db = self._open()
        self._pending: list[tuple[str, str | None, str | None, str, str]] = []

    def _open(self) -> sqlite3.Connection:
        if not self.path.exists():
            return self._create()
        try:
            db = sqlite3.connect(self.path)
            row = db.execute("SELECT value FROM meta WHERE key = 'magic'").fetchone()
            schema = db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
            if row == (MAGIC,) and schema == (str(SCHEMA),):
                return db
            db.close()
            reason = "it belongs to another program or version"
        except sqlite3.DatabaseError as exc:
            reason = f"it is not a readable cache ({exc})"
        print(f"doichieu: notice: discarding {self.path}: {reason}; rebuilding", file=sys.stderr)
        self.path.unlink()
        return self._create()

    def _create(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path)
        with db:
            db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
            db.execute(
                "CREATE TABLE entries (key TEXT PRIMARY KEY, province TEXT, document TEXT,"
                " claims TEXT NOT NULL, findings TEXT NOT NULL)"
            )
            rows = [("magic", MAGIC), ("schema", str(SCHEMA))]
            db.executemany("INSERT INTO meta VALUES (?, ?)", rows)
        return db

    def get(self, key: str) -> Entry | None:
        try:
            row = self._db.execute(
                "SELECT document, claims, findings FROM entries WHERE key = ?", (key,)
            ).fetchone()  # fmt: skip
        except sqlite3.DatabaseError:
            return None
        if row is None:
            return None
        try:  # pydantic parses and validates the JSON in one pass (no json.loads first)
            document = Document.model_validate_json(row[0]) if row[0] else None
            claims = tuple(_CLAIMS.validate_json(row[1]))
            return document, claims, _FINDINGS.validate_json(row[2])
        except (ValueError, TypeError, ValidationError):
            return None  # a damaged entry is a miss, and will be overwritten

    def province(self, key: str) -> str | bool | None:
        """The province of a cached document, without loading it; False if not cached."""
        try:
            row = self._db.execute("SELECT province FROM entries WHERE key = ?", (key,)).fetchone()
        except sqlite3.DatabaseError:
            return False
        return False if row is None else row[0]

    def put(self, key: str, entry: Entry) -> None:
        document, claims, findings = entry
        self._pending.append(
            (
                key,
                document.meta.province if document else None,
                document.model_dump_json() if document else None,
                _CLAIMS.dump_json(list(claims)).decode(),
                _FINDINGS.dump_json(findings).decode(),
            )
        )

    def commit(self) -> None:
        try:
            with self._db:
                self._db.executemany(
                    "INSERT OR REPLACE INTO entries VALUES (?, ?, ?, ?, ?)", self._pending
                )
        except sqlite3.DatabaseError as exc:  # a full disk must not lose the run's results
            print(f"doichieu: notice: could not write the cache: {exc}", file=sys.stderr)
        self._pending.clear()
        self._db.close()


def clear(folder: Path) -> bool:
    path = folder / "cache.sqlite"
    if path.exists():
        path.unlink()
        return True
    return False
