"""The gazetteer's tables kept on disk: built once per version, read back in milliseconds.

Building the tables from the dataset folds some 15,000 names (about 0.25 s),
which every run that parses anything paid, a draft checked against a warm cache
included, where it was a quarter of the whole process. The engine names a file
in its cache folder and a key (the parser's fingerprint, which changes with
linter's code and data and the dataset's version, and the dataset file's size
and time); `read` returns the tables when the file holds that key, and `write`
saves them after a build.

The file is JSON, never pickle (a cache folder is untrusted input): each unit
is a row of its fields, each table maps a key to the row numbers of its units.
Every field is type-checked when read back, so a damaged file cannot put
anything but a string or a flag where a name is expected. A file that is
missing, foreign, of another key or damaged reads as None: the caller builds
the tables again and rewrites it. Writing is atomic (a temporary file
renamed), and a folder that cannot be written is skipped silently, as the run
goes on without it.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any, TypeVar

from linter.metadata.units import District, Gazetteer, Province, Ward

FORMAT = 1  # changes when the layout of the file does
_U = TypeVar("_U", Province, District, Ward)
_NONE = type(None)
# The type of each field, in the order of the dataclass: what a row must hold.
_TYPES: dict[type, tuple[type | tuple[type, ...], ...]] = {
    Province: (str, str, bool, bool),
    District: (str, str, str, str),
    Ward: (str, str, (str, _NONE), str, bool, bool),
}
_TABLES = ("provinces", "districts", "wards")


@dataclass(frozen=True)
class Store:
    path: Path
    key: str  # what the tables were built from: a file of another key is stale


def read(store: Store) -> Gazetteer | None:
    """The tables saved in `store.path` under `store.key`, or None."""
    try:
        data = json.loads(store.path.read_bytes())
        if data.get("format") != FORMAT or data.get("key") != store.key:
            return None
        return _decode(data)
    except (OSError, ValueError, TypeError, KeyError, IndexError, AttributeError):
        return None


def write(store: Store, gaz: Gazetteer) -> None:
    """Save `gaz` in `store.path` (atomically; nothing when the folder cannot be written)."""
    text = json.dumps({"format": FORMAT, "key": store.key, **_encode(gaz)}, ensure_ascii=False)
    folder = store.path.parent
    with contextlib.suppress(OSError):
        handle, temporary = tempfile.mkstemp(prefix=".gazetteer-", dir=folder)
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                out.write(text)
            Path(temporary).replace(store.path)
        finally:
            with contextlib.suppress(FileNotFoundError):
                Path(temporary).unlink()


def _encode(gaz: Gazetteer) -> dict[str, Any]:
    data: dict[str, Any] = {}
    numbers: dict[str, dict[Any, int]] = {}
    for name in _TABLES:
        table = getattr(gaz, name)
        units = list(dict.fromkeys(u for found in table.values() for u in found))
        numbers[name] = {u: n for n, u in enumerate(units)}
        data[name] = [[getattr(u, f.name) for f in fields(u)] for u in units]
        data[f"{name}_by_key"] = {
            key: [numbers[name][u] for u in found] for key, found in table.items()
        }
    numbered = numbers["districts"]
    data["district_of"] = [[p, full, numbered[d]] for (p, full), d in gaz.district_of.items()]
    data["merger"] = gaz.merger
    return data


def _decode(data: dict[str, Any]) -> Gazetteer:
    tables: dict[str, dict[str, tuple[Any, ...]]] = {}
    units: dict[str, list[Any]] = {}
    for name, kind in zip(_TABLES, (Province, District, Ward), strict=True):
        units[name] = _rows(kind, data[name])
        tables[name] = {
            _text(key): tuple(units[name][n] for n in found)
            for key, found in data[f"{name}_by_key"].items()
        }
    districts = units["districts"]
    return Gazetteer(
        provinces=tables["provinces"],
        districts=tables["districts"],
        wards=tables["wards"],
        district_of={(_text(p), _text(f)): districts[n] for p, f, n in data["district_of"]},
        merger={_text(k): _text(v) for k, v in data["merger"].items()},
    )


def _rows(kind: type[_U], rows: list[list[Any]]) -> list[_U]:
    types = _TYPES[kind]
    width = len(types)
    units = []
    for row in rows:
        if len(row) != width or not all(map(isinstance, row, types)):
            raise ValueError(f"not a {kind.__name__}: {row!r}")
        units.append(kind(*row))
    return units


def _text(value: object) -> str:
    if not isinstance(value, str):
        raise TypeError(f"not a name: {value!r}")
    return value
