"""The gazetteer's tables kept on disk: built once per version, read back in milliseconds.

Building the tables from the dataset folds some 15,000 names (about 0.25 s),
which every run that parses anything paid, a draft checked against a warm cache
included, where it was a quarter of the whole process. The engine names a file
in its cache folder and a key (the parser's fingerprint, which changes with
linter's code and data and the dataset's version, and the dataset file's size
and time); `read` returns the tables when the file holds that key, and `write`
saves them after a build.

The wards (nine tenths of the tables, some 40 ms to read back) are a file of their
own beside it (`wards_path`), of the same key, read the first time a lookup asks
for a ward: a draft's run seldom does. When that file is missing, stale or
damaged, the `rebuild` function `read` was given makes the wards' table instead.

The files are JSON, never pickle (a cache folder is untrusted input): each unit
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
from collections.abc import Callable
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any, TypeVar

from linter.metadata.units import District, Gazetteer, Province, Ward

FORMAT = 2  # changes when the layout of the files does (2: the wards apart)
_U = TypeVar("_U", Province, District, Ward)
_NONE = type(None)
# The type of each field, in the order of the dataclass: what a row must hold.
_TYPES: dict[type, tuple[type | tuple[type, ...], ...]] = {
    Province: (str, str, bool, bool),
    District: (str, str, str, str),
    Ward: (str, str, (str, _NONE), str, bool, bool),
}
_TABLES = ("provinces", "districts", "wards")
_WARDS = ("wards", "wards_by_key")  # the keys of the wards' file
# What decoding a damaged file raises (`read`, `_read_wards`): it reads as nothing.
_DAMAGED = (ValueError, TypeError, KeyError, IndexError, AttributeError)


@dataclass(frozen=True)
class Store:
    """Where the built tables are kept, and the key they must have been built for."""

    path: Path
    key: str  # what the tables were built from: a file of another key is stale


Wards = dict[str, tuple[Ward, ...]]


def wards_path(path: Path) -> Path:
    """The wards' file beside the tables' file `path`."""
    return path.with_name(f"{path.stem}-wards{path.suffix}")


def read(store: Store, rebuild: Callable[[], Wards]) -> Gazetteer | None:
    """The tables saved in `store.path` under `store.key`, or None; the wards are read
    from their file when first asked for, made by `rebuild` when it holds none."""
    data = _load(store.path, store.key)
    if data is None:
        return None
    try:
        return _decode(data, lambda: _read_wards(store) or rebuild())
    except _DAMAGED:
        return None


def _read_wards(store: Store) -> Wards | None:
    data = _load(wards_path(store.path), store.key)
    try:
        return None if data is None else _table(_rows(Ward, data["wards"]), data["wards_by_key"])
    except _DAMAGED:
        return None


def _load(path: Path, key: str) -> dict[str, Any] | None:
    """The JSON object in `path` when it is of this format and `key`, else None."""
    try:
        data = json.loads(path.read_bytes())
        if data.get("format") != FORMAT or data.get("key") != key:
            return None
    except (OSError, ValueError, AttributeError, RecursionError):
        return None
    return data  # type: ignore[no-any-return]


def write(store: Store, gaz: Gazetteer) -> None:
    """Save `gaz` in `store.path` and the wards beside it (each atomically; nothing
    when the folder cannot be written). The wards first: tables read back always
    find theirs, or none."""
    data = {"format": FORMAT, "key": store.key, **_encode(gaz)}
    wards = {"format": FORMAT, "key": store.key, **{k: data.pop(k) for k in _WARDS}}
    _write(wards_path(store.path), wards)
    _write(store.path, data)


def _write(path: Path, data: dict[str, Any]) -> None:
    text = json.dumps(data, ensure_ascii=False)
    folder = path.parent
    with contextlib.suppress(OSError):
        handle, temporary = tempfile.mkstemp(prefix=".gazetteer-", dir=folder)
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                out.write(text)
            Path(temporary).replace(path)
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


def _decode(data: dict[str, Any], wards: Callable[[], Wards]) -> Gazetteer:
    districts = _rows(District, data["districts"])
    return Gazetteer(
        provinces=_table(_rows(Province, data["provinces"]), data["provinces_by_key"]),
        districts=_table(districts, data["districts_by_key"]),
        district_of={(_text(p), _text(f)): districts[n] for p, f, n in data["district_of"]},
        merger={_text(k): _text(v) for k, v in data["merger"].items()},
        read_wards=wards,
    )


def _table(units: list[_U], by_key: dict[str, list[int]]) -> dict[str, tuple[_U, ...]]:
    """A table by key of `units`, as the file numbers them."""
    return {_text(key): tuple(units[n] for n in found) for key, found in by_key.items()}


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
