"""The administrative units the gazetteer returns, and the gazetteer's tables.

Plain frozen values, kept apart from `linter.metadata.gazetteer` (which reads
the dataset and answers lookups) so that `linter.metadata.gazstore`, which
writes the built tables to disk and reads them back, can make them too without
importing the module that calls it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property


@dataclass(frozen=True, slots=True)
class Province:
    """A province of either generation, by its short and full names."""

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
    """A pre-merger district, with its type and its province."""

    name: str  # full, e.g. "Thị xã Quảng Yên"
    short: str  # e.g. "Quảng Yên"
    type: str  # "Quận", "Huyện", "Thị xã" or "Thành phố"
    province: str  # short name of its (pre-merger) province


@dataclass(frozen=True, slots=True)
class Ward:
    """A ward, commune or township of either generation."""

    short: str
    type: str  # "Phường", "Xã", "Thị trấn" or "Đặc khu"
    district: str | None  # full district name; None after the merger
    province: str
    legacy: bool
    current: bool


@dataclass(frozen=True)
class Gazetteer:
    """Both generations of units indexed by name key; the wards' table read when first asked."""

    provinces: dict[str, tuple[Province, ...]]  # by name key (aliases too), legacy first
    districts: dict[str, tuple[District, ...]]  # by short-name key
    district_of: dict[tuple[str, str], District]  # by (province, full name)
    merger: dict[str, str]  # legacy province -> current province
    # The wards' table (by short-name key), given by a function called the first time
    # a lookup asks for a ward: its 13,000 units are nine tenths of the kept tables,
    # 40 ms to read back, and a draft's run seldom names a ward (`gazstore`).
    read_wards: Callable[[], dict[str, tuple[Ward, ...]]] = field(compare=False, repr=False)

    @cached_property
    def wards(self) -> dict[str, tuple[Ward, ...]]:
        return self.read_wards()
