"""What is true in the synthetic archive: places, figures, resolutions, people,
and what each document states. Everything is a pure function of the seed.

`World` holds the one value of every (province, district, indicator, period,
status), rounded as announcements round it; `Registry` the resolutions of
every province and district, numbered uniquely per type and year; `Doc` what
one document states and cites, and where a contradiction was planted in it.
Sizes of provinces, spellings of districts and people's names come from
benchmarks/data/ (`archive_data.wording`), the provinces and districts from
the linter's gazetteer, the indicators from `archive_data.catalogue`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import random
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from archive_data import Catalogue, Indicator, wording

from linter.metadata import gazetteer

YEARS = tuple(range(2016, 2026))

# --------------------------------------------------------------------------- numbers


def vn_number(value: float, decimals: int) -> str:
    """56000 -> "56.000", 6.33 -> "6,33" (trailing zeros of the decimals dropped)."""
    text = f"{value:.{decimals}f}"
    whole, _, frac = text.partition(".")
    frac = frac.rstrip("0")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    return ".".join(groups) + ("," + frac if frac else "")


def round_sig(value: float, digits: int) -> float:
    if value <= 0:
        return 0.0
    exponent = math.floor(math.log10(value)) - digits + 1
    step = 10.0**exponent
    return round(round(value / step) * step, 6)


def decimals_of(value: float) -> int:
    text = f"{value:.6f}".rstrip("0")
    return len(text.split(".")[1]) if "." in text else 0


def lower_bound_below(value: float) -> float | None:
    """A rounder number strictly below `value` ("ước đạt trên 6,3%" for 6,33)."""
    for digits in (3, 2, 1):
        candidate = math.floor(value / 10 ** (math.floor(math.log10(value)) - digits + 1))
        candidate *= 10 ** (math.floor(math.log10(value)) - digits + 1)
        candidate = round(candidate, 6)
        if 0 < candidate < value and candidate >= value * 0.8:
            return candidate
    return None


def stable_rng(*parts: object) -> random.Random:
    digest = hashlib.blake2b("|".join(map(str, parts)).encode(), digest_size=8).digest()
    return random.Random(int.from_bytes(digest, "big"))


def slug(text: str) -> str:
    text = text.replace("đ", "d").replace("Đ", "D")
    text = unicodedata.normalize("NFD", text)
    text = "".join(c for c in text if unicodedata.category(c) != "Mn").lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


# --------------------------------------------------------------------------- truth

Fact = tuple[str, str | None, str, str, str]  # province, district, indicator, period, status


@dataclass(frozen=True)
class Truth:
    value: float  # the figure as announcements round it; for ranges the low end
    decimals: int
    strict: bool = False  # the true value lies strictly beyond `value` ("trên x")
    high: float | None = None  # ranges: the high end


class World:
    """The one truth every document restates, a pure function of the seed."""

    def __init__(self, seed: int, catalogue: Catalogue) -> None:
        self.seed, self.catalogue = seed, catalogue
        self.sizes = wording().places.sizes
        self._cache: dict[Fact, Truth] = {}

    def size(self, province: str, district: str | None) -> float:
        rng = stable_rng(self.seed, "size", province)
        size = self.sizes.get(province, rng.uniform(0.6, 3.5))
        if district:
            size *= stable_rng(self.seed, "dsize", province, district).uniform(0.06, 0.16)
        return size

    def level(self, province: str, district: str | None, ind: Indicator, year: int) -> float:
        """The underlying yearly value the figures of all statuses are close to."""
        rng = stable_rng(self.seed, "level", province, district, ind.id)
        start = rng.uniform(ind.lo, ind.hi)
        if ind.kind == "growth":
            return stable_rng(self.seed, "g", province, district, ind.id, year).uniform(
                ind.lo, ind.hi
            )
        if ind.kind == "rate":
            drift = ind.drift * rng.uniform(0.5, 1.5)
            return min(99.0, max(0.8, start + drift * (year - 2016)))
        scale = self.size(province, district) if ind.unit not in ("xã",) else 1.0
        if district and ind.unit == "xã":
            scale = 0.3
        return start * scale * (1 + ind.growth) ** (year - 2016)

    def truth(self, fact: Fact) -> Truth:
        found = self._cache.get(fact)
        if found is None:
            found = self._cache[fact] = self._truth(fact)
        return found

    def _truth(self, fact: Fact) -> Truth:
        province, district, ind_id, period, status = fact
        ind = self.catalogue.by_id[ind_id]
        rng = stable_rng(self.seed, "truth", *map(str, fact))
        year = int(period[-4:])
        if ind.parent and ind.share[1]:
            parent = self.truth((province, district, ind.parent, period, status))
            raw = parent.value * rng.uniform(*ind.share)
            return self._rounded(ind, raw, status, rng, allow_strict=False)
        if ind.direction == "range":
            low = rng.choice((1.0, 1.5, 2.0, 2.5, 3.0, 3.5))
            width = rng.choice((0.5, 0.5, 1.0))
            return Truth(low, 1, high=low + width)
        if period.startswith("T"):  # five-year plan: the average or end-of-term level
            year = int(period[1:5]) + 4 if ind.kind == "rate" else year
        raw = self.level(province, district, ind, year)
        if ind.kind != "growth" or period.startswith(("Y", "T")):
            raw *= rng.uniform(1.0, 1.06) if status == "target" else rng.uniform(0.95, 1.04)
        if period.startswith("H"):
            raw *= rng.uniform(0.42, 0.5) if ind.flow else rng.uniform(0.93, 1.0)
        if period.startswith("Q"):
            raw *= rng.uniform(0.2, 0.25) if ind.flow else rng.uniform(0.9, 1.0)
        if ind.kind == "rate" and ind.direction == "up":
            raw = min(raw, 98.4)
        return self._rounded(ind, raw, status, rng, allow_strict=status == "target")

    def _rounded(
        self, ind: Indicator, raw: float, status: str, rng: random.Random, allow_strict: bool
    ) -> Truth:
        target = status == "target"
        if ind.unit == "%" or ind.unit.endswith("vạn dân"):
            decimals = ind.target_digits if target else ind.result_digits
            if target and decimals and rng.random() < 0.4:
                decimals -= 1
            value = round(raw, decimals)
        else:
            digits = ind.target_digits if target else ind.result_digits
            if ind.unit in self.catalogue.counts:
                value = round_sig(raw, digits) if raw >= 100 else float(round(raw))
            else:
                value = round_sig(raw, digits) if raw >= 10 else round(raw, 1)
            value = max(value, 1.0)
            decimals = decimals_of(value)
        strict = allow_strict and rng.random() < ind.strict
        return Truth(value, decimals, strict)


# --------------------------------------------------------------------------- places


@dataclass(frozen=True)
class Place:
    province: str
    city: bool  # a centrally-run city ("thành phố") rather than a "tỉnh"
    district: str | None = None  # full name, "Huyện Tiên Yên"

    @property
    def unit(self) -> str:
        """How the text calls the unit the document is about: tỉnh, thành phố, huyện, thị xã."""
        if self.district:
            return (
                self.district.split()[0].lower()
                if not self.district.startswith("Thị xã")
                else "thị xã"
            )
        return "thành phố" if self.city else "tỉnh"

    @property
    def short(self) -> str:
        if self.district:
            return self.district.removeprefix("Huyện ").removeprefix("Thị xã ")
        return self.province


def spelled(name: str, rng: random.Random) -> str:
    """`name` as one document writes it: a variant spelling, an apostrophe as ' or ’
    or none ("Cư M’gar", "Cư Mgar")."""
    name = rng.choice((name, *wording().places.spellings.get(name, ())))
    return name.replace("'", rng.choice(("'", "’", "’", "")))


def hard(name: str, others: tuple[str, ...]) -> bool:
    """A district name that scoping gets wrong easily: an apostrophe, a variant
    spelling, or a short name shared with another district of the province."""
    short = Place("", False, name).short
    twins = [o for o in others if o != name and Place("", False, o).short == short]
    return "'" in short or short in wording().places.spellings or bool(twins)


@lru_cache(maxsize=1)
def provinces() -> tuple[tuple[str, bool, tuple[str, ...]], ...]:
    """(name, is a city, districts of type Huyện or Thị xã) of the 63 pre-2025 provinces."""
    gaz = gazetteer.load()
    legacy = {p.name: p for units in gaz.provinces.values() for p in units if p.legacy}
    districts: dict[str, list[str]] = defaultdict(list)
    for d in gaz.district_of.values():
        if d.type in ("Huyện", "Thị xã"):
            districts[d.province].append(d.name)
    return tuple(
        (name, legacy[name].kind == "thành phố", tuple(sorted(districts[name])))
        for name in sorted(legacy)
    )


# --------------------------------------------------------------------------- resolutions


@dataclass(frozen=True)
class Resolution:
    id: str
    doc_type: str  # Nghị quyết, Quyết định, Kế hoạch
    number: int
    symbol: str  # "/NQ-HĐND", "/2023/NQ-HĐND", "-NQ/TU", "/QĐ-UBND"
    date: dt.date
    body: str  # hdnd, ubnd, party, district_hdnd, government
    subject: str


def party_term(day: dt.date) -> int:
    """The first year of the five-year term (khóa) of the Party committee that sits
    on `day`: provincial congresses meet in the autumn of 2015, 2020 and 2025."""
    return (day.year - (day.month < 10)) // 5 * 5  # before October, a congress year is the old term


class Registry:
    """The resolutions of every province and district; numbers unique per type and
    year, and a Party committee's ("-NQ/TU") unique through its term as well."""

    def __init__(self, seed: int) -> None:
        self.seed = seed
        self.by_id: dict[str, Resolution] = {}
        self._used: dict[tuple[str, str, int], set[int]] = defaultdict(set)
        # A Party committee numbers its resolutions through its term, not a year:
        # "13-NQ/TU" on 24/11/2017 and on 24/11/2018 are one resolution cited with a
        # mistyped year (VB02), not two. Numbers of one term, per owner.
        self._term_used: dict[tuple[str, int], set[int]] = defaultdict(set)
        self.themes: dict[str, list[Resolution]] = defaultdict(list)

    def _number(
        self, owner: str, doc_type: str, year: int, lo: int, hi: int, term: int | None = None
    ) -> int:
        used = self._used[(owner, doc_type, year)]
        in_term = self._term_used[(owner, term)] if term is not None else set()
        rng = stable_rng(self.seed, "number", owner, doc_type, year, len(used))
        while True:
            n = rng.randint(lo, hi)
            if n not in used and n not in in_term:
                used.add(n)
                in_term.add(n)
                return n

    def wrong_number(self, res: Resolution, owner: str, rng: random.Random) -> int:
        """Another number of the same type and year (a Party resolution's: and term)
        that no document of `owner` uses."""
        used = self._used[(owner, res.doc_type, res.date.year)]
        party = res.symbol == "-NQ/TU"
        in_term = self._term_used[(owner, party_term(res.date))] if party else set()
        for _ in range(100):
            n = res.number + rng.choice((-1, 1)) * rng.randint(1, 9)
            if n > 0 and n not in used and n not in in_term:
                used.add(n)
                in_term.add(n)
                return n
        raise RuntimeError("no free number")

    def _add(self, res: Resolution) -> Resolution:
        self.by_id[res.id] = res
        return res

    def build(self, province: str, districts: tuple[str, ...]) -> None:
        rng = stable_rng(self.seed, "registry", province)
        data = wording().resolutions
        subject = data.subjects
        for year in (*YEARS, YEARS[-1] + 1):
            before = year - 1
            party_day = dt.date(before, 11, rng.randint(20, 30))
            council_day = dt.date(before, 12, rng.randint(5, 11))
            decision_day = council_day + dt.timedelta(days=rng.randint(3, 9))
            normative = rng.random() < 0.3
            number = self._number(province, "Nghị quyết", before, 60, 220)
            self._add(Resolution(
                f"{province}|hdnd|{year}", "Nghị quyết", number,
                f"/{before}/NQ-HĐND" if normative else "/NQ-HĐND", council_day, "hdnd",
                subject["hdnd"].format(year=year)))  # fmt: skip
            number = self._number(province, "Nghị quyết", before, 8, 45, party_term(party_day))
            self._add(Resolution(
                f"{province}|party|{year}", "Nghị quyết", number, "-NQ/TU", party_day, "party",
                subject["party"].format(year=year)))  # fmt: skip
            number = self._number(province, "Quyết định", before, 1800, 3600)
            self._add(Resolution(
                f"{province}|ubnd|{year}", "Quyết định", number, "/QĐ-UBND", decision_day,
                "ubnd", subject["ubnd"].format(year=year)))  # fmt: skip
            for district in districts:
                day = dt.date(before, 12, rng.randint(15, 22))
                number = self._number(province, "Nghị quyết", before, 30, 140)
                about = subject["district_hdnd"].format(year=year, dv=district.split()[0].lower())
                self._add(Resolution(
                    f"{province}|{district}|{year}", "Nghị quyết", number, "/NQ-HĐND", day,
                    "district_hdnd", about))  # fmt: skip
        for t, theme in enumerate(data.themes):
            year = rng.choice(YEARS[:-1])
            day = dt.date(year, rng.randint(2, 11), rng.randint(1, 28))
            doc_type, body = theme.type, theme.body
            if doc_type == "Kế hoạch":
                number, symbol = self._number(province, doc_type, year, 40, 400), "/KH-UBND"
            elif body == "party":
                number = self._number(province, doc_type, year, 1, 40, party_term(day))
                symbol = "-NQ/TU"
            else:
                number = self._number(province, doc_type, year, 1, 59)
                symbol = f"/{year}/NQ-HĐND"
            # The subject keeps its {dv}: the citing document fills in its own unit.
            res = Resolution(f"{province}|theme{t}", doc_type, number, symbol, day, body,
                             theme.subject)  # fmt: skip
            self.themes[province].append(self._add(res))

    def government(self, year: int) -> Resolution:
        key = f"government|{year}"
        if key not in self.by_id:
            rng = stable_rng(self.seed, "government", year)
            self._add(Resolution(
                key, "Nghị quyết", 1, "/NQ-CP", dt.date(year, 1, rng.randint(3, 9)), "government",
                wording().resolutions.subjects["government"].format(year=year)))  # fmt: skip
        return self.by_id[key]


# --------------------------------------------------------------------------- people


def heads_term(year: int, day: dt.date) -> int:
    """The term (year // 5) whose heads a document about `year`, dated `day`, names.
    A term's heads take office with its first plans (2020, 2025: a district's plan
    from September, the province's December sessions) and hold it from December
    on: a report of 24/12/2024 names the chair that the 2025 plan of 23/12/2024
    names, and a new head is named at once by several reports, or months after
    the last report of the one before (a district's review of June, its plan of
    September), never by one lone report weeks after the old head's last."""
    return max(year, day.year + (day.month == 12)) // 5


def person(*parts: object) -> str:
    """A leader's name, the same for the same parts (province, district, term)."""
    rng, names = stable_rng(*parts), wording().people
    return f"{rng.choice(names.surnames)} {rng.choice(names.middle)} {rng.choice(names.given)}"


# --------------------------------------------------------------------------- documents


@dataclass
class Doc:
    index: int
    kind: str
    place: Place
    year: int  # the year the document is about
    date: dt.date
    path: str
    targets: list[str] = field(default_factory=list)  # indicators with a target of `year`
    results: list[tuple[str, str, str]] = field(default_factory=list)  # (ind, period, status)
    term: list[str] = field(default_factory=list)  # targets of the five-year plan
    cites: list[str] = field(default_factory=list)  # resolution ids, cited in full
    theme: int | None = None
    wrong: dict[str, float] = field(default_factory=dict)  # fact id -> a wrong figure
    wrong_number: dict[str, int] = field(default_factory=dict)  # resolution id -> number
    quotes: dict[str, str] = field(default_factory=dict)  # resolution id -> first citation
    stated: list[tuple[str, str]] = field(default_factory=list)  # (fact id, figure) rendered

    def fact(self, ind: str, period: str, status: str) -> Fact:
        return (self.place.province, self.place.district, ind, period, status)


def fact_id(fact: Fact) -> str:
    return "|".join(str(p) for p in fact)


def term_of(year: int) -> str:
    first = 2016 if year <= 2020 else 2021
    return f"T{first}-{first + 4}"
