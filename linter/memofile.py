"""What is kept from one run of the command line to the next shares (the memos,
`linter.rxmemo`'s compiled patterns and `linter.codememo`'s compiled source text, and
`linter.engine.keys`' parser fingerprint): its file, a dict of records in marshal, as
.pyc files are, under a key naming what wrote it, in the package's `__pycache__`; and,
for the two memos, the catch of warnings while they compile.

A CRC comes first (marshal does not guard against damage): a damaged file, another
interpreter's or another format's, is no memo, and is rewritten whole at exit. Written
atomically (a temporary file renamed over it), never when `sys.dont_write_bytecode`;
any error leaves the file as it was. `writable` says at install whether it can be
written at all, so that a run that could never save keeps nothing new.

The warnings of a compile are caught for the memos to keep only what warned of
nothing (a replay would not warn). The catch is process-wide, so one at a time: both
memos take `lock`, as two threads catching at once may leave the catcher in place.
"""

from __future__ import annotations

import contextlib
import itertools
import marshal
import os
import sys
import threading
import warnings
import zlib
from collections.abc import Iterator
from importlib.util import cache_from_source
from pathlib import Path
from typing import Any

lock = threading.RLock()  # one catch of warnings (and one rxmemo recording) at a time


def folder() -> Path | None:
    """The folder of this package's .pyc files, wherever those go (`sys.pycache_prefix`);
    None when the interpreter keeps none, or is not CPython (whose code and `_sre` the
    memos hold)."""
    if sys.implementation.name != "cpython":
        return None
    try:
        return Path(cache_from_source(str(Path(__file__).with_name("x.py")))).parent
    except (NotImplementedError, ValueError):  # cache_tag None
        return None


def writable(path: Path) -> bool:
    """Whether `write` could write `path`: not under `sys.dont_write_bytecode`, and
    its folder (or the nearest that exists, where `write` makes it) one this process
    may write in."""
    if sys.dont_write_bytecode:
        return False
    existing = path.parent
    while not existing.exists() and existing.parent != existing:
        existing = existing.parent
    return existing.is_dir() and os.access(existing, os.W_OK | os.X_OK)


def read(path: Path, key: tuple[Any, ...], limit: int) -> dict[Any, Any]:
    """The records in `path`; none when it is missing, damaged, another's (not `key`)
    or holds more than `limit`."""
    try:
        blob = path.read_bytes()
    except OSError:
        return {}
    # A view, not a slice: a slice copied the file (0.5 ms a memo of 700 kB)
    body = memoryview(blob)[4:]
    if len(blob) < 4 or zlib.crc32(body) != int.from_bytes(blob[:4], "little"):
        return {}
    try:
        data = marshal.loads(body)
    except Exception:  # marshal says little of bad data: any error means none
        return {}
    if type(data) is not tuple or len(data) != 2 or data[0] != key:
        return {}
    records = data[1]
    return records if type(records) is dict and len(records) <= limit else {}


def save(
    path: Path, key: tuple[Any, ...], used: dict[Any, Any], known: dict[Any, Any], limit: int
) -> None:
    """Write the records this run `used` first (its hits are not bounded), then the
    file's other `known` ones, up to `limit`: records no longer met leave the file."""
    kept = dict(itertools.islice(used.items(), limit))
    for name, record in known.items():
        if len(kept) >= limit:
            break
        kept.setdefault(name, record)
    write(path, key, kept)


def write(path: Path, key: tuple[Any, ...], records: dict[Any, Any]) -> None:
    """Write `records` under `key`, unless the interpreter writes no compiled modules."""
    if sys.dont_write_bytecode:
        return
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        blob = marshal.dumps((key, records))
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_bytes(zlib.crc32(blob).to_bytes(4, "little") + blob)
        temporary.replace(path)
    except (OSError, ValueError):  # ValueError: marshal's, for what it cannot write
        with contextlib.suppress(OSError):
            temporary.unlink()


@contextlib.contextmanager
def warnings_caught() -> Iterator[list[warnings.WarningMessage]]:
    """Every warning given while the block runs (none shown, none filtered out), for
    the caller to give again; under `lock`."""
    with lock, warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        yield caught
