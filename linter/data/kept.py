"""The data files' YAML kept parsed beside the cache, read back without a YAML parser.

Every process that starts reads a dozen of the YAML files of `linter/data/`:
parsing them took about 30 ms of CPU (syllables.yaml alone 19 ms, with
libyaml), a thirtieth of a draft checked against a warm archive. The engine
names a file beside its cache (`keep_in`); `linter.data.load` then asks
`parsed` for what PyYAML made of a data file's bytes, kept there as JSON, and
on a miss parses the YAML and gives it to `keep`.

What comes back is exactly what PyYAML gave (plain JSON values only: a file
whose parse holds anything else, a date, a key that is not a string, a float
that is not finite, is never kept), and it is validated by the file's model as
the YAML's parse always was: the file saves the parse, never the validation.

Never trusted blindly: the file has a format version, and each entry holds the
SHA-256 of the YAML bytes it was parsed from and of its own JSON text, so a
stale, foreign or damaged entry is a miss (parsed again and rewritten), never
a crash and never other data. Written atomically (a temporary file renamed);
a folder that is missing or cannot be written is left alone, and the run goes
on without it. Two runs adding entries at once may lose one's: it is added
again by the next run that misses it.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import math
import os
import tempfile
from pathlib import Path
from typing import Any

FORMAT = 1  # changes when the layout of the file does


class Miss:
    """`parsed` found nothing sound for the file: parse its YAML."""


MISS = Miss()

_path: Path | None = None  # the file, or None: nothing kept, nothing read
_entries: dict[str, Any] | None = None  # its entries, read once per process


def keep_in(path: Path | None) -> None:
    """Keep the parsed data files in `path` (None: nowhere) from now on."""
    global _path, _entries
    if path != _path:
        _path, _entries = path, None


def parsed(name: str, data: bytes) -> object:
    """What PyYAML made of `data`, the bytes of the data file `name`, or MISS."""
    global _entries
    if _path is None:
        return MISS
    if _entries is None:
        _entries = _read(_path)
    entry = _entries.get(name)
    if not isinstance(entry, dict):
        return MISS
    raw = entry.get("raw")
    if (
        not isinstance(raw, str)
        or entry.get("source") != _digest(data)
        or entry.get("check") != _digest(raw.encode())
    ):
        return MISS
    try:
        return json.loads(raw)
    except (ValueError, RecursionError):
        return MISS


def keep(name: str, data: bytes, value: object) -> None:
    """Keep `value`, what PyYAML made of `data`, for the data file `name`."""
    global _entries
    if _path is None or not _path.parent.is_dir() or not _plain(value):
        return
    raw = json.dumps(value, ensure_ascii=False)
    entries = _read(_path)  # afresh: another run may have added entries since
    entries[name] = {"source": _digest(data), "check": _digest(raw.encode()), "raw": raw}
    _entries = entries
    text = json.dumps({"format": FORMAT, "files": entries}, ensure_ascii=False)
    with contextlib.suppress(OSError, ValueError):  # ValueError: a lone surrogate, say
        handle, temporary = tempfile.mkstemp(prefix=".data-", dir=_path.parent)
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                out.write(text)
            Path(temporary).replace(_path)
        finally:
            with contextlib.suppress(FileNotFoundError):
                Path(temporary).unlink()


def _read(path: Path) -> dict[str, Any]:
    """The entries of the file; none when it is missing, foreign or damaged."""
    try:
        data = json.loads(path.read_bytes())
    except (OSError, ValueError, RecursionError):
        return {}
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        return {}
    files = data.get("files")
    return dict(files) if isinstance(files, dict) else {}


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _plain(value: object) -> bool:
    """Whether JSON gives `value` back exactly: the types PyYAML's safe loader makes
    that JSON has too. A date or an integer key would come back as a string."""
    try:
        return _plain_value(value)
    except RecursionError:
        return False


def _plain_value(value: object) -> bool:
    if value is None or isinstance(value, str | bool | int):
        return True
    if isinstance(value, float):
        return math.isfinite(value)
    if isinstance(value, list):
        return all(_plain_value(item) for item in value)
    if isinstance(value, dict):
        return all(isinstance(k, str) and _plain_value(v) for k, v in value.items())
    return False
