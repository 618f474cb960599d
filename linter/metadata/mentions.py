"""`scan`: the administrative units a text names, resolved against the gazetteer.

A unit is named either after a unit word ("tỉnh Quảng Ninh", "thị xã Quảng
Yên") or, for a province only, bare or by an alias ("Quảng Ninh đề ra",
"TP.HCM"). A name after a unit word resolves only to units that word can
introduce: "xã Hiệp Hòa" is a ward, never the district of that name. Matching
runs over the folded text, whose offsets are those of the text. A word keeps
its apostrophes ("M'gar") and its key drops them, as `name_key` does. A name
that no unit of the word's level has is looked up again loosely (`loose_key`:
"huyện Đăk Glong", "huyện Krông Ana"), never a bare one nor a ward: only the unit word of
a province or district makes a loose match safe (ten thousand ward names
include many that differ in one mark).
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TypeVar

from linter.data.places import (
    APOSTROPHES,
    WORD,
    UnitWord,
    name_key,
    names_province,
    places,
    unit_words,
)
from linter.metadata.gazetteer import (
    District,
    Province,
    Ward,
    districts_named,
    province_first_words,
    provinces_named,
    wards_named,
)

# Between a unit word and its name ("TP.HCM", "TP. Hà Nội") and inside a name
# ("Bà Rịa - Vũng Tàu", "Bà Rịa-Vũng Tàu").
_GAP_BEFORE_NAME = re.compile(r"\s+|\.\s*")
_GAP_IN_NAME = re.compile(r" |\s*[-–]\s*")
_MAX_NAME_WORDS = 5
_WORD_SPLIT = re.compile(f"({WORD.pattern})")  # split keeps the words, at odd indexes
_INNER_APOSTROPHE = re.compile(rf"(?<=\w)[{APOSTROPHES}](?=\w)")


@dataclass(frozen=True, slots=True)
class PlaceMention:
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


def scan(text: str, folded: str) -> list[PlaceMention]:
    """Units named in `text` (whose folded form is `folded`), in text order."""
    scanner = _Scanner(text, folded)
    mentions: list[PlaceMention] = []
    starts = _unit_first_words()
    # Most words neither start a unit word nor are capitalised (so they start no
    # bare name): skipped in one pass, without the two calls that would say so (a
    # third of a cold parse's metadata time), nor a step of the loop below each.
    candidates = [
        k
        for k, (key, first) in enumerate(zip(scanner.keys, scanner.firsts, strict=True))
        if first.isupper() or key in starts
    ]
    i = 0
    for candidate in candidates:
        if candidate < i:
            continue  # inside the mention just read
        i = candidate
        unit, n = scanner.unit_at(i)
        mention, i = scanner.typed(i, unit, n) if unit is not None else scanner.bare(i)
        if mention is not None:
            mentions.append(mention)
    return mentions


@lru_cache(maxsize=1)
def _unit_first_words() -> frozenset[str]:
    return frozenset(words.split()[0] for words in unit_words())


_Unit = TypeVar("_Unit", District, Ward)


def in_province(units: Sequence[_Unit], province: str | None) -> tuple[_Unit, ...]:
    """The units of the province (the document's) when it has any of the name, else
    all: a name is read as the home province's unit first. No province: all."""
    home = tuple(u for u in units if u.province == province) if province else ()
    return home or tuple(units)


def of_type(units: tuple[_Unit, ...], unit: UnitWord) -> tuple[_Unit, ...]:
    """The units of the word's type; if none, of the first type it may have become."""
    for wanted in (unit.type, *unit.became):
        if found := tuple(u for u in units if u.type == wanted):
            return found
    return ()


class _Scanner:
    """Word-level matching over a text and its folded form (same offsets)."""

    def __init__(self, text: str, folded: str) -> None:
        self.text = text
        # The words and what stands between them, alternately (one pass of WORD, no
        # match object per word: a tenth of the metadata's time went into making them).
        parts = _WORD_SPLIT.split(folded)
        ends = list(itertools.accumulate(map(len, parts), initial=0))
        self.spans = list(zip(ends[1:-1:2], ends[2::2], strict=True))  # word k: parts[2k+1]
        self.keys = parts[1::2]
        self.firsts = [text[a] for a, _ in self.spans]  # each word's first character
        if any(c in folded for c in APOSTROPHES):
            # Only the few words with an apostrophe inside ("m'gar") lose it: most texts
            # have one somewhere (a quote's ‘’), and stripping every word cost a fifth
            # of the scan. An apostrophe between letters is always inside a word.
            strip = str.maketrans("", "", APOSTROPHES)
            starts = [a for a, _ in self.spans]
            for m in _INNER_APOSTROPHE.finditer(folded):
                k = bisect.bisect_right(starts, m.start()) - 1  # the word it is in
                self.keys[k] = self.keys[k].translate(strip)
        self.aliases = {name_key(a) for a in places().province_aliases}

    def gap(self, i: int) -> str:
        """The characters between word i-1 and word i."""
        return self.text[self.spans[i - 1][1] : self.spans[i][0]]

    def capital(self, i: int, digits: bool = False) -> bool:
        first = self.firsts[i] if i < len(self.firsts) else ""
        return first.isupper() or (digits and first.isdigit())

    def unit_at(self, i: int) -> tuple[UnitWord | None, int]:
        if self.keys[i] not in _unit_first_words():
            return None, 0  # most words start no unit word: skip the joins below
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

    def resolve(
        self, unit: UnitWord, key: str, start: int, end: int, loose: bool = False
    ) -> PlaceMention | None:
        """The mention of `key` after `unit`, if the gazetteer knows such a unit.

        The unit word decides between units of one name: "thị xã Cai Lậy" is
        never "huyện Cai Lậy", "thành phố Hạ Long" is a district, not a province.
        A name of no unit of the word's type may be one raised since
        (`UnitWord.became`): "thị xã Hồng Ngự" of 2017 is "Thành phố Hồng Ngự".
        """
        provinces = tuple(
            p
            for p in (provinces_named(key, loose) if unit.level in ("province", "city") else ())
            if names_province(unit.level, p.kind)
        )
        districts: tuple[District, ...] = ()
        if unit.level in ("city", "district") and not provinces:
            districts = of_type(districts_named(key, loose), unit)
        wards: tuple[Ward, ...] = ()
        if unit.level == "ward":
            wards = of_type(wards_named(key, loose), unit)
        if not (provinces or districts or wards):
            return None
        return PlaceMention(start, end, unit, key, key in self.aliases, provinces, districts, wards)

    def typed(self, i: int, unit: UnitWord, n: int) -> tuple[PlaceMention, int]:
        """The unit word of n words at word i, with the name after it if known."""
        start, end, j = self.spans[i][0], self.spans[i + n - 1][1], i + n
        if j < len(self.keys) and _GAP_BEFORE_NAME.fullmatch(self.gap(j)):
            for key, stop in self.names_at(j, digits=True):
                end = self.spans[stop - 1][1]
                mention = self.resolve(unit, key, start, end)
                if mention is None and unit.level != "ward":
                    mention = self.resolve(unit, key, start, end, loose=True)
                if mention is not None:
                    return mention, stop
        # An unknown name after a unit word is that unit's, never a bare province.
        while self.capital(j, digits=True) and self.gap(j).isspace():
            j += 1
        return PlaceMention(start, end, unit), j

    def bare(self, i: int) -> tuple[PlaceMention | None, int]:
        """A province named without a unit word at word i ("Quảng Ninh đề ra")."""
        # Most capitalised words ("Bộ", "Ông", "UBND") open no province's name: the
        # longer runs from them are neither joined nor looked up (a key's first word
        # is the first word's own key, so this drops no name).
        if name_key(self.keys[i]) not in province_first_words():
            return None, i + 1
        for key, stop in self.names_at(i, digits=False):
            if provinces := provinces_named(key):
                start, end = self.spans[i][0], self.spans[stop - 1][1]
                return PlaceMention(start, end, None, key, key in self.aliases, provinces), stop
        return None, i + 1
