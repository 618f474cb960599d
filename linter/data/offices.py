"""The words of `linter/data/offices.yaml`: titles, bodies, departments, and the
words around personal names (family names, honorifics), validated on load."""

from __future__ import annotations

from functools import lru_cache
from typing import Literal

from pydantic import BaseModel, ConfigDict

from linter.data import load


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


@lru_cache(maxsize=1)
def offices() -> Offices:
    """`linter/data/offices.yaml`, read once per process."""
    return load("offices.yaml", Offices)
