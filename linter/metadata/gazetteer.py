"""Vietnamese administrative units from the `vietnamadminunits` dataset, looked up by name.

Both generations are loaded (once per process): the 63 provinces, ~700
districts and ~10,000 wards before the merger of 1 July 2025 (`legacy`) and
the 34 provinces and ~3,300 wards after it (`current`); the wards' table the
first time a ward is looked up (`Gazetteer.wards`). Documents are grouped
by the province they were written for, so lookups return both and the caller
keeps the name the text uses; `merged_into` is for display only. Lookup keys
are `name_key`s, so "Hoà Bình", "HÒA BÌNH" and "Bà Rịa–Vũng Tàu" all match, and
so do "Cư M'gar" and "Cư Mgar". Names the dataset tells apart by a note of their
type ("Cai Lậy (Huyện)", "Cai Lậy (Thị xã)") share one key: the unit word of
the text decides between them. With `loose=True` a lookup matches spellings
that differ in marks or spacing ("Đăk Glong", "Krông Ana"); see `loose_key`.

The words around names (unit words, aliases) come from `linter.data.places`; `scan`,
which finds units named in a text, lives in `linter.metadata.mentions` and is offered
here too, next to the lookups it relies on.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Iterable
from functools import cache, lru_cache
from importlib.util import find_spec
from pathlib import Path
from typing import TypeVar

from linter.data.places import UnitWord, loose_key, loosened, name_key, places, unit_words
from linter.metadata import gazstore
from linter.metadata.units import District, Gazetteer, Province, Ward

__all__ = [
    "District",
    "Gazetteer",
    "Province",
    "UnitWord",
    "Ward",
    "canonical_province",
    "district_of",
    "districts_named",
    "load",
    "merged_into",
    "name_key",
    "places",
    "province",
    "provinces_named",
    "wards_named",
]

_U = TypeVar("_U")


def _dataset_path() -> Path:
    # `importlib.resources.files` would import the package, whose parsers load
    # geopy and two large JSON files (~0.3 s); the spec finds it without that.
    spec = find_spec("vietnamadminunits")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("vietnamadminunits")
    return Path(spec.submodule_search_locations[0], "data", "dataset.db")


def _index(pairs: Iterable[tuple[str, _U]]) -> dict[str, tuple[_U, ...]]:
    table: defaultdict[str, list[_U]] = defaultdict(list)
    for key, unit in pairs:
        table[key].append(unit)
    return {k: tuple(v) for k, v in table.items()}


@cache  # ward names repeat across the country
def _short_key(short: str, unit_type: str) -> str:
    """The key of a dataset short name. Some keep their type word ("Quận 1",
    "Phường 14") where the text says "quận 1": the key drops it."""
    key, prefix = name_key(short), name_key(unit_type) + " "
    return key.removeprefix(prefix) if key.startswith(prefix) and key != prefix else key


_STORE: gazstore.Store | None = None


def keep_in(path: Path | None, key: str = "") -> None:
    """Keep the built tables in the file `path` (in a cache folder), valid for `key`
    (a fingerprint of the code and data that build them); None keeps them in memory
    only. Only a process's first `load` reads or writes the file."""
    global _STORE
    if path is None:
        _STORE = None
        return
    dataset = _dataset_path().stat()
    _STORE = gazstore.Store(path, f"{key}|{dataset.st_size}|{dataset.st_mtime_ns}")


@lru_cache(maxsize=1)
def load() -> Gazetteer:
    """Both generations of units (once per process): from the file `keep_in` named
    when it holds them, else read from the dataset, and then saved in that file."""
    store = _STORE
    if store is not None:
        kept = gazstore.read(store, lambda: _rebuilt_wards(store))
        if kept is not None:
            return kept
    gaz = _build()
    if store is not None:
        gazstore.write(store, gaz)
    return gaz


def _rebuilt_wards(store: gazstore.Store) -> dict[str, tuple[Ward, ...]]:
    """The wards' table when the other tables were read back but its own file is
    missing, stale or damaged: everything built again and both files rewritten."""
    gaz = _build()
    gazstore.write(store, gaz)
    return gaz.wards


def _build() -> Gazetteer:
    """Read both generations of units from the dataset and index them by name key."""
    con = sqlite3.connect(f"file:{_dataset_path()}?mode=ro", uri=True)
    try:
        old = con.execute(
            "SELECT provinceShort, province, districtShort, district, districtType,"
            " wardShort, wardType, wardCode FROM admin_units_legacy"
        ).fetchall()
        new = con.execute(
            "SELECT provinceShort, province, wardShort, wardType, wardCode FROM admin_units"
        ).fetchall()
    finally:
        con.close()
    full = {r[0]: r[1] for r in old} | {r[0]: r[1] for r in new}
    legacy, current = {r[0] for r in old}, {r[0] for r in new}
    provinces = {
        short: Province(short, name, short in legacy, short in current)
        for short, name in full.items()
    }
    # A district's row is one of its wards': each district made once, from its last
    # row as a comprehension over the rows would keep (10,000 rows, 700 districts).
    last_row = {(r[0], r[3]): r for r in old}
    districts = {key: District(r[3], r[2], r[4], r[0]) for key, r in last_row.items()}
    # Built here, not when a ward is first looked up: every corpus at hand names a ward
    # (news2017's 1,000 articles, the 51 real ones, the seeds), so a lazy table only
    # moved its 60 ms; it made each forked parse worker build its own (the parent may
    # load the gazetteer before them), and a run with a cache file built it anyway to
    # write it (`gazstore.write`).
    wards = [Ward(r[5], r[6], r[3], r[0], True, False) for r in old if r[5] is not None]
    wards += [Ward(r[2], r[3], None, r[0], False, True) for r in new]
    # The new ward that kept an old ward's code is its successor: this is how
    # the dataset links the generations, and it gives the province merger.
    successor = {r[4]: r[0] for r in new}
    merger = {r[0]: successor[r[7]] for r in old if r[7] in successor}

    named = sorted(provinces.values(), key=lambda p: not p.legacy)
    aliases = [(name_key(a), provinces[s]) for a, s in places().province_aliases.items()]
    by_key = _index((_short_key(w.short, w.type), w) for w in wards)
    return Gazetteer(
        provinces=_index([*((name_key(p.name), p) for p in named), *aliases]),
        districts=_index((_short_key(d.short, d.type), d) for d in districts.values()),
        district_of=districts,
        merger=merger,
        read_wards=lambda: by_key,
    )


def provinces_named(name: str, loose: bool = False) -> tuple[Province, ...]:
    """Provinces whose short name or alias is `name` (folded or not), legacy first."""
    if loose:
        return _loose("provinces").get(_looked_up(name), ())  # type: ignore[return-value]
    return load().provinces.get(name_key(name), ())


@lru_cache(maxsize=1)
def province_first_words() -> frozenset[str]:
    """The first word of every province's key (name or alias): a name whose first
    word is none of these names no province, without joining or looking it up."""
    return frozenset(key.split()[0] for key in load().provinces if key)


def districts_named(name: str, loose: bool = False) -> tuple[District, ...]:
    """Pre-merger districts of any province whose short name is `name`."""
    if loose:
        return _loose("districts").get(_looked_up(name), ())  # type: ignore[return-value]
    return load().districts.get(name_key(name), ())


def wards_named(name: str, loose: bool = False) -> tuple[Ward, ...]:
    """Wards of either generation whose short name is `name`."""
    if loose:
        return _loose("wards").get(_looked_up(name), ())  # type: ignore[return-value]
    return load().wards.get(name_key(name), ())


@lru_cache(maxsize=1 << 14)
def _looked_up(name: str) -> str:
    """`loose_key` of a name looked up loosely: texts ask for the same few names over
    and over (a person's name is checked against places word by word)."""
    return loose_key(name)


def _loosely(table: dict[str, tuple[_U, ...]]) -> dict[str, tuple[_U, ...]]:
    # Each key `loosened`, not given to `loose_key` (its `name_key` again): the two
    # agree on every key (tests/test_loose_keys.py: loosened(key) == loose_key(key)).
    pairs = ((loosened(key), unit) for key, units in table.items() for unit in units)
    return {k: tuple(dict.fromkeys(v)) for k, v in _index(pairs).items()}


@cache
def _loose(table: str) -> dict[str, tuple[Province | District | Ward, ...]]:
    """A table by `loose_key`, built the first time a name needs it: the scanner asks
    loosely for provinces and districts only, and the wards' table would take 0.1 s."""
    return _loosely(getattr(load(), table))


def district_of(ward: Ward) -> District | None:
    """The pre-merger district of a legacy ward."""
    return load().district_of.get((ward.province, ward.district or ""))


def province(name: str) -> Province | None:
    """The province called `name`: "Quảng Ninh", "Tỉnh Quảng Ninh", "TP. Hồ Chí Minh"."""
    words = name_key(name).split()
    for n in (0, 1, 2):  # words of a leading unit word ("tp", "thành phố") to skip
        unit = unit_words().get(" ".join(words[:n])) if n else None
        if n and (unit is None or unit.level not in ("province", "city")):
            continue
        if found := provinces_named(" ".join(words[n:])):
            return found[0]
    return None


def canonical_province(name: str) -> Province | None:
    """The province a person names (in front matter, the configuration, the editor's
    form): as `province` reads it ("tỉnh Quảng Ninh", "QUẢNG NINH", "TP. Hồ Chí Minh"),
    else the one province named when marks are left out, of the unit word too
    ("Quang Ninh", "tinh Quang Nam"); None when no unit or several have the name.
    Documents are compared within a province by its name: one written otherwise was
    compared with nothing. Texts are not read with it: "Quang" in a sentence is no one's."""
    if found := province(name):
        return found
    words = name_key(name).split()
    for n in (0, 1, 2):  # words of a leading unit word to skip, as `province` does
        if n and loose_key(" ".join(words[:n])) not in _loose_province_words():
            continue
        if named := {unit.name: unit for unit in provinces_named(" ".join(words[n:]), True)}:
            return next(iter(named.values())) if len(named) == 1 else None
    return None


@cache
def _loose_province_words() -> frozenset[str]:
    """The unit words of a province or a centrally-run city, by `loose_key`."""
    words = unit_words().items()
    return frozenset(loose_key(w) for w, unit in words if unit.level in ("province", "city"))


def merged_into(province_short: str) -> str:
    """Short name of the post-merger province that `province_short` became part of."""
    unit = province(province_short)
    if unit is None:
        raise KeyError(province_short)
    return load().merger.get(unit.name, unit.name)
