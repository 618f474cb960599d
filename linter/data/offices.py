"""The words of `linter/data/offices.yaml`: titles, bodies, departments, and the
words around personal names (family names, honorifics), validated on load."""

from __future__ import annotations

from functools import lru_cache
from typing import Literal

from pydantic import BaseModel, ConfigDict, model_validator

from linter.data import load, words_are_words


class _Entry(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Role(_Entry):
    title: str
    words: tuple[str, ...]
    single: bool
    body: str | None = None  # the body the title implies ("Thủ tướng": Chính phủ)
    bare_level: str | None = None  # "Chủ tịch tỉnh" is the chair of this body
    bare_province: str | None = None  # "Bí thư Đà Nẵng": of this body (Thành ủy in a city)


class Body(_Entry):
    label: str
    words: tuple[str, ...]
    units: bool = False  # a unit word follows: "UBND tỉnh", "HĐND huyện"
    level: Literal["national", "province", "city", "district"] | None = None


class Department(_Entry):
    label: str
    words: tuple[str, ...]


class Offices(_Entry):
    roles: tuple[Role, ...]
    former: tuple[str, ...]
    acting: tuple[str, ...]
    standing: tuple[str, ...]
    bodies: tuple[Body, ...]
    departments: tuple[Department, ...]
    honorifics: tuple[str, ...]
    surnames: tuple[str, ...]
    foreign: tuple[str, ...]
    memberships: tuple[str, ...]
    inside: tuple[str, ...]
    not_names: tuple[str, ...]
    namesakes: tuple[str, ...]
    central: tuple[str, ...]

    @model_validator(mode="after")
    def _words_are_words(self) -> Offices:
        """Every word of a list holds a letter or a digit: an empty title made the
        reader of offices match nothing at every position of a text, without end (its
        parse is kept in a cache, `linter.data.KEPT_FILES`: the model says all that
        `office_mentions.Tables` and `names.words_` rely on; the rest is strings)."""
        lists = {
            **{f"roles.{r.title}": r.words for r in self.roles},
            **{f"bodies.{b.label}": b.words for b in self.bodies},
            **{f"departments.{d.label}": d.words for d in self.departments},
            **{name: getattr(self, name) for name in _WORD_LISTS},
        }
        words_are_words(lists)
        return self


_WORD_LISTS = (
    "former", "acting", "standing", "honorifics", "surnames", "foreign",
    "memberships", "inside", "not_names", "namesakes", "central",
)  # fmt: skip


@lru_cache(maxsize=1)
def offices() -> Offices:
    """`linter/data/offices.yaml`, read once per process."""
    return load("offices.yaml", Offices)
