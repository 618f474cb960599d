"""The unit table of `linter/data/units.yaml`, validated on load.

In: units.yaml, through `linter.data.load`. Out: `units()`, the table's rows
(`UnitSpec`: the words of a unit, its name, its factor to that unit, the words
that make it another noun, its dimension) and the words that make a figure a
rate per population ("vạn dân"). `linter.claims.units` reads figures with it and
`linter.claims.nouns` knows its words for units, not nouns.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pydantic import BaseModel, ConfigDict, Field, model_validator

from linter.data import Words, load, words_are_words
from linter.models import Dimension


class UnitSpec(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    words: Words
    unit: str
    factor: float = 1.0
    not_before: tuple[str, ...] = ()  # words that make it another noun ("trường hợp")
    dimension: Dimension


_NOT_BLANK = re.compile(r"\S")  # what a unit's word holds: a symbol is one


class _UnitsFile(BaseModel):
    """units.yaml, all that `units` relies on validated here: an empty word would be a
    unit after any number, and so would an empty list of units or population words (an
    empty alternation). A unit's word may be a symbol ("%", "€"), never blank; only
    `not_before` may be empty."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    units: tuple[UnitSpec, ...] = Field(min_length=1)
    per_population: Words

    @model_validator(mode="after")
    def _no_blank_word(self) -> _UnitsFile:
        lists = {
            **{f"units.{n}.words": u.words for n, u in enumerate(self.units)},
            **{f"units.{n}.not_before": u.not_before for n, u in enumerate(self.units)},
            "per_population": self.per_population,
        }
        words_are_words(lists, word=_NOT_BLANK)
        return self


@lru_cache(maxsize=1)
def units() -> tuple[tuple[UnitSpec, ...], tuple[str, ...]]:
    data = load("units.yaml", _UnitsFile)
    return data.units, data.per_population
