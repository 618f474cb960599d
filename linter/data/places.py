"""The words around place names, from `linter/data/places.yaml`, and `name_key`.

The gazetteer knows the names of the administrative units; this module knows
how texts talk about them: the words that introduce a unit ("thị xã", "Tỉnh
ủy"), aliases such as "TP.HCM", the acting bodies ("UBND") and the words that
metadata inference reads dates and plan years by. `name_key` is the one
matching form of a name, shared by the gazetteer's tables and the scanner.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from linter.data import Words, alternation, load, words_are_words
from linter.nlp import fold

# An apostrophe inside a word is part of it: "Cư M'gar", "Ea H’leo", "Đắk R‘Lấp"
# are written with one of ' ’ ‘ ʼ ` ´, or without it ("Cư Mgar").
APOSTROPHES = "'’‘ʼ`´"
WORD = re.compile(rf"\w+(?:[{APOSTROPHES}]\w+)*")
_APOSTROPHE = re.compile(f"[{APOSTROPHES}]")
# A dataset name may say its type ("Kỳ Anh (Huyện)") where two units share it.
_TYPE_NOTE = re.compile(r"\s*\([^)]*\)")


@lru_cache(maxsize=1 << 16)  # the scanner looks up the same few thousand names over and over
def name_key(name: str) -> str:
    """The lookup form of a place name: folded words, single spaces, no punctuation,
    no apostrophe inside a word ("Cư M'gar" and "Cư Mgar" meet) nor a note of its type."""
    words = WORD.findall(fold(_TYPE_NOTE.sub("", name)))
    return " ".join(_APOSTROPHE.sub("", w) for w in words)


def without_type_note(name: str) -> str:
    """ "Cai Lậy (Huyện)" -> "Cai Lậy"."""
    return _TYPE_NOTE.sub("", name)


def loose_key(name: str) -> str:
    """A looser form for names that texts spell several ways: no tone or vowel marks,
    "đ" as "d", "k" as "c" and no spaces, so that "Đăk Glong", "Đắk Glong" and "Dak
    Glong", "Krông Pắk" and "Krông Pắc", "Krông A Na" and "Krông Ana" meet.
    Only a fallback for a name after a unit word that no exact key knows."""
    return loosened(name_key(name))


def loosened(key: str) -> str:
    """`loose_key` of a name that is a `name_key` already, as the gazetteer's keys
    are (tests/test_loose_keys.py holds `loosened(key) == loose_key(key)` for each):
    its loose tables are built from their keys, and folding 700 keys again was most
    of a draft's first loose lookup."""
    return "".join(map(_loose_letter, key))


@lru_cache(maxsize=1024)
def _loose_letter(letter: str) -> str:
    """What `loosened` keeps of one letter. Letter by letter is the same as the whole
    name at once: NFD only splits a letter (and reorders marks, which go), "đ" and "k"
    are letters, and the rest is a test of each character."""
    plain = unicodedata.normalize("NFD", letter.replace("đ", "d"))
    return "".join(c for c in plain if c.isalnum() and c.isascii()).replace("k", "c")


def alternatives(phrases: Iterable[str]) -> str:
    """A regex alternation of the folded `phrases`, longest first so that it wins;
    `linter.data.NOTHING` for none (`linter.data.alternation`)."""
    return alternation(escaped(phrases), write=str)


def escaped(phrases: Iterable[str]) -> list[str]:
    """The folded `phrases`, longest first, each escaped, a blank one left out (it
    would match at every position): `alternatives`' parts."""
    return [re.escape(fold(p)) for p in sorted(phrases, key=len, reverse=True) if p.strip()]


class UnitWord(BaseModel):
    """A word that introduces a unit's name ("thị xã", "Thành ủy"); see places.yaml."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    words: Words
    level: Literal["province", "city", "district", "ward", "place"]
    type: str | None = None
    label: str = ""
    committee: bool = False
    became: tuple[str, ...] = ()  # types a unit of this word may have been raised to


class Places(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    units: tuple[UnitWord, ...] = Field(min_length=1)
    province_aliases: dict[str, str]
    bodies: dict[str, Words] = Field(min_length=1)
    not_acting: Words
    plan_words: Words
    deadline: Words
    reported: Words
    intended: Words
    this_year: Words
    year_to_date: Words
    last_year: Words
    future_year: Words

    @model_validator(mode="after")
    def _words_are_words(self) -> Places:
        """An empty word would be a unit word, a body or a cue at every position, and
        so would an empty list of them, which the file never holds (the parse is kept
        in a cache, `linter.data.KEPT_FILES`: the model says all that this module, the
        gazetteer and the metadata's readers rely on). The word lists are its fields
        that are tuples of strings, read as `linter.claims.cues` reads status.yaml's."""
        lists: dict[str, Iterable[str]] = {
            **{f"units.{n}.words": unit.words for n, unit in enumerate(self.units)},
            "province_aliases": [*self.province_aliases, *self.province_aliases.values()],
            **{f"bodies.{key}": words for key, words in self.bodies.items()},
        }
        fields = type(self).model_fields.items()
        lists |= {
            name: getattr(self, name) for name, f in fields if f.annotation == tuple[str, ...]
        }
        words_are_words(lists)
        return self


@lru_cache(maxsize=1)
def places() -> Places:
    """The word lists of `linter/data/places.yaml`."""
    return load("places.yaml", Places)


@lru_cache(maxsize=1)
def unit_words() -> dict[str, UnitWord]:
    """Every unit word of places.yaml, folded."""
    return {fold(w): unit for unit in places().units for w in unit.words}


def unit_word_at(
    words: Sequence[str], last: bool, keep: Callable[[UnitWord], bool] = lambda _: True
) -> tuple[int, UnitWord | None]:
    """The unit word that starts `words` ("Xã Tân Tiến"), or ends them when `last`
    ("Hội Khuyến học thị xã"), of two words before one and one `keep` accepts: how
    many words it is, and it; (0, None) for none. "TP." is "tp"."""
    for n in (2, 1):
        if len(words) < n:
            continue
        part = words[-n:] if last else words[:n]
        unit = unit_words().get(" ".join(fold(w).rstrip(".") for w in part))
        if unit is not None and keep(unit):
            return n, unit
    return 0, None


def names_province(level: str | None, kind: str) -> bool:
    """Whether a unit word of `level` before a province's name (a province of
    `kind`) names the province: a province's word ("tỉnh") always, a city's ("TP",
    "thành phố") only a centrally-run city ("TP Đà Nẵng"): "TP Hà Tĩnh" is the
    province's city, a district."""
    return level == "province" or (level == "city" and kind == "thành phố")
