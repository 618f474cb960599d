"""Vietnamese administrative units from the `vietnamadminunits` dataset, and
`scan`, which finds them named in a text.

Both generations are loaded (once per process): the 63 provinces, ~700
districts and ~10,000 wards before the merger of 1 July 2025 (`legacy`) and
the 34 provinces and ~3,300 wards after it (`current`). Documents are grouped
by the province they were written for, so lookups return both and the caller
keeps the name the text uses; `merged_into` is for display only. Lookup keys
are `name_key`s, so "Hoà Bình", "HÒA BÌNH" and "Bà Rịa–Vũng Tàu" all match.
"""

from __future__ import annotations

import re
import sqlite3
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from importlib.util import find_spec
from pathlib import Path
from typing import Literal, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from linter.errors import LexiconError
from linter.nlp import fold

_WORD = re.compile(r"\w+")
# Between a unit word and its name ("TP.HCM", "TP. Hà Nội") and inside a name
# ("Bà Rịa - Vũng Tàu", "Bà Rịa-Vũng Tàu").
_GAP_BEFORE_NAME = re.compile(r"\s+|\.\s*")
_GAP_IN_NAME = re.compile(r" |\s*[-–]\s*")
_MAX_NAME_WORDS = 5
_U = TypeVar("_U")


def name_key(name: str) -> str:
    """The lookup form of a place name: folded words, single spaces, no punctuation."""
    return " ".join(_WORD.findall(fold(name)))


@cache  # ward names repeat across the country
def _short_key(short: str, unit_type: str) -> str:
    """The key of a dataset short name. Some keep their type word ("Quận 1",
    "Phường 14") where the text says "quận 1": the key drops it."""
    key, prefix = name_key(short), name_key(unit_type) + " "
    return key.removeprefix(prefix) if key.startswith(prefix) and key != prefix else key


class UnitWord(BaseModel):
    """A word that introduces a unit's name ("thị xã", "Thành ủy"); see places.yaml."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    words: tuple[str, ...]
    level: Literal["province", "city", "district", "ward", "place"]
    type: str | None = None
    label: str = ""
    committee: bool = False


class Places(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    units: tuple[UnitWord, ...]
    province_aliases: dict[str, str]
    bodies: dict[str, tuple[str, ...]]
    not_acting: tuple[str, ...]
    plan_words: tuple[str, ...]
    deadline: tuple[str, ...]
    reported: tuple[str, ...]
    intended: tuple[str, ...]


@lru_cache(maxsize=1)
def places() -> Places:
    """The word lists of `linter/data/places.yaml`."""
    text = resources.files("linter").joinpath("data", "places.yaml").read_text(encoding="utf-8")
    try:
        return Places.model_validate(yaml.safe_load(text))
    except ValidationError as exc:
        raise LexiconError(f"linter/data/places.yaml: {exc}") from exc


@lru_cache(maxsize=1)
def unit_words() -> dict[str, UnitWord]:
    """Every unit word of places.yaml, folded."""
    return {fold(w): unit for unit in places().units for w in unit.words}


@dataclass(frozen=True, slots=True)
class Province:
    name: str  # short, e.g. "Quảng Ninh"
    full: str  # e.g. "Tỉnh Quảng Ninh"
    legacy: bool  # existed before 1 July 2025
    current: bool  # exists after 1 July 2025

    @property
    def kind(self) -> str:
        """Either "tỉnh" or "thành phố" (a centrally-run city)."""
        return "thành phố" if self.full.startswith("Thành phố") else "tỉnh"


@dataclass(frozen=True, slots=True)
class District:
    name: str  # full, e.g. "Thị xã Quảng Yên"
    short: str  # e.g. "Quảng Yên"
    type: str  # "Quận", "Huyện", "Thị xã" or "Thành phố"
    province: str  # short name of its (pre-merger) province


@dataclass(frozen=True, slots=True)
class Ward:
    short: str
    type: str  # "Phường", "Xã", "Thị trấn" or "Đặc khu"
    district: str | None  # full district name; None after the merger
    province: str
    legacy: bool
    current: bool


@dataclass(frozen=True)
class Gazetteer:
    provinces: dict[str, tuple[Province, ...]]  # by name key (aliases too), legacy first
    districts: dict[str, tuple[District, ...]]  # by short-name key
    wards: dict[str, tuple[Ward, ...]]  # by short-name key
    district_of: dict[tuple[str, str], District]  # by (province, full name)
    merger: dict[str, str]  # legacy province -> current province


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


@lru_cache(maxsize=1)
def load() -> Gazetteer:
    """Read both generations of units from the dataset (once per process)."""
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
    districts = {(r[0], r[3]): District(r[3], r[2], r[4], r[0]) for r in old}
    wards = [Ward(r[5], r[6], r[3], r[0], True, False) for r in old if r[5] is not None]
    wards += [Ward(r[2], r[3], None, r[0], False, True) for r in new]
    # The new ward that kept an old ward's code is its successor: this is how
    # the dataset links the generations, and it gives the province merger.
    successor = {r[4]: r[0] for r in new}
    merger = {r[0]: successor[r[7]] for r in old if r[7] in successor}

    named = sorted(provinces.values(), key=lambda p: not p.legacy)
    aliases = [(name_key(a), provinces[s]) for a, s in places().province_aliases.items()]
    return Gazetteer(
        provinces=_index([*((name_key(p.name), p) for p in named), *aliases]),
        districts=_index((_short_key(d.short, d.type), d) for d in districts.values()),
        wards=_index((_short_key(w.short, w.type), w) for w in wards),
        district_of=districts,
        merger=merger,
    )


def provinces_named(name: str) -> tuple[Province, ...]:
    """Provinces whose short name or alias is `name` (folded or not), legacy first."""
    return load().provinces.get(name_key(name), ())


def districts_named(name: str) -> tuple[District, ...]:
    """Pre-merger districts of any province whose short name is `name`."""
    return load().districts.get(name_key(name), ())


def wards_named(name: str) -> tuple[Ward, ...]:
    """Wards of either generation whose short name is `name`."""
    return load().wards.get(name_key(name), ())


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


def merged_into(province_short: str) -> str:
    """Short name of the post-merger province that `province_short` became part of."""
    unit = province(province_short)
    if unit is None:
        raise KeyError(province_short)
    return load().merger.get(unit.name, unit.name)


@dataclass(frozen=True, slots=True)
class Mention:
    """A unit named in a text, at `text[start:end]`.

    `unit` is the word before the name, None for a bare province name; `name`
    is the name's key, None when no known name follows the unit word. Only the
    candidates of the level that the name resolved to are filled in.
    """

    start: int
    end: int
    unit: UnitWord | None
    name: str | None = None
    alias: bool = False  # named by an alias such as "TP.HCM": as sure as a unit word
    provinces: tuple[Province, ...] = ()
    districts: tuple[District, ...] = ()
    wards: tuple[Ward, ...] = ()


class _Scanner:
    """Word-level matching over a text and its folded form (same offsets)."""

    def __init__(self, text: str, folded: str) -> None:
        self.text = text
        self.spans = [m.span() for m in _WORD.finditer(folded)]
        self.keys = [folded[a:b] for a, b in self.spans]
        self.aliases = {name_key(a) for a in places().province_aliases}

    def gap(self, i: int) -> str:
        """The characters between word i-1 and word i."""
        return self.text[self.spans[i - 1][1] : self.spans[i][0]]

    def capital(self, i: int, digits: bool = False) -> bool:
        first = self.text[self.spans[i][0]] if i < len(self.spans) else ""
        return first.isupper() or (digits and first.isdigit())

    def unit_at(self, i: int) -> tuple[UnitWord | None, int]:
        for n in (3, 2, 1):  # longest first: "thị xã" before "xã"
            words = self.keys[i : i + n]
            spaced = all(self.gap(k).isspace() for k in range(i + 1, i + len(words)))
            if len(words) == n and spaced and (unit := unit_words().get(" ".join(words))):
                return unit, n
        return None, 0

    def names_at(self, i: int, digits: bool) -> list[tuple[str, int]]:
        """Candidate name keys starting at word i, longest first, with their end index."""
        found: list[tuple[str, int]] = []
        j = i
        while j - i < _MAX_NAME_WORDS and self.capital(j, digits):
            if j > i and not _GAP_IN_NAME.fullmatch(self.gap(j)):
                break
            j += 1
            found.append((" ".join(self.keys[i:j]), j))
        return found[::-1]

    def resolve(self, unit: UnitWord, key: str, start: int, end: int) -> Mention | None:
        """The mention of `key` after `unit`, if the gazetteer knows such a unit."""
        provinces = provinces_named(key) if unit.level in ("province", "city") else ()
        if unit.level == "city":  # "thành phố Hạ Long" is a district, not a province
            provinces = tuple(p for p in provinces if p.kind == "thành phố")
        districts: tuple[District, ...] = ()
        if unit.level in ("city", "district") and not provinces:
            districts = tuple(d for d in districts_named(key) if d.type == unit.type)
        wards: tuple[Ward, ...] = ()
        if unit.level == "ward":
            wards = tuple(w for w in wards_named(key) if w.type == unit.type)
        if not (provinces or districts or wards):
            return None
        return Mention(start, end, unit, key, key in self.aliases, provinces, districts, wards)

    def typed(self, i: int, unit: UnitWord, n: int) -> tuple[Mention, int]:
        """The unit word of n words at word i, with the name after it if known."""
        start, end, j = self.spans[i][0], self.spans[i + n - 1][1], i + n
        if j < len(self.keys) and _GAP_BEFORE_NAME.fullmatch(self.gap(j)):
            for key, stop in self.names_at(j, digits=True):
                if mention := self.resolve(unit, key, start, self.spans[stop - 1][1]):
                    return mention, stop
        # An unknown name after a unit word is that unit's, never a bare province.
        while self.capital(j, digits=True) and self.gap(j).isspace():
            j += 1
        return Mention(start, end, unit), j

    def bare(self, i: int) -> tuple[Mention | None, int]:
        """A province named without a unit word at word i ("Quảng Ninh đề ra")."""
        for key, stop in self.names_at(i, digits=False):
            if provinces := provinces_named(key):
                start, end = self.spans[i][0], self.spans[stop - 1][1]
                return Mention(start, end, None, key, key in self.aliases, provinces), stop
        return None, i + 1


def scan(text: str, folded: str) -> list[Mention]:
    """Units named in `text` (whose folded form is `folded`), in text order."""
    scanner = _Scanner(text, folded)
    mentions: list[Mention] = []
    i = 0
    while i < len(scanner.keys):
        unit, n = scanner.unit_at(i)
        mention, i = scanner.typed(i, unit, n) if unit is not None else scanner.bare(i)
        if mention is not None:
            mentions.append(mention)
    return mentions
