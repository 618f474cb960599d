"""The data of the synthetic archive: benchmarks/data/*.yaml, validated, and the
indicators the archive states, taken from the linter's own lexicon.

An indicator's key, its names, the phrases after its figure, its dimension,
whether it is a growth rate and its parent come from linter/data/indicators.yaml
(through `linter.data.lexicon`), so a new indicator of the lexicon reaches the archive
with no change here; benchmarks/data/indicators.yaml adds how big its figures
are and how news spells them. Everything else the archive writes (prose,
titles, leads, citations, people, places) is in the other files of
benchmarks/data/. Every file is validated when loaded: a problem is a
`DataError` naming the file, the entry and the problem, and a template with a
slot its sentence never fills ("{tne}") is one.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from string import Formatter
from typing import Annotated, Any, Literal, TypeVar

import yaml
from pydantic import AfterValidator, BaseModel, ConfigDict, ValidationError, model_validator

from linter.data.lexicon import IndicatorSpec, Lexicon

DATA = Path(__file__).resolve().parent / "data"
LEXICON_FILE = "linter/data/indicators.yaml"


class DataError(Exception):
    """A file of benchmarks/data/ (or the lexicon it refers to) is not usable."""


# --------------------------------------------------------------------------- templates


def _template(*slots: str) -> Any:
    """A `str.format` template that may only use `slots`."""
    allowed = frozenset(slots)

    def check(text: str) -> str:
        used = {name.split(".")[0].split("[")[0] for _, name, _, _ in Formatter().parse(text)
                if name is not None}  # fmt: skip
        unknown = sorted(used - allowed)
        if unknown:
            slots = ", ".join(sorted(allowed))
            raise ValueError(f"unknown slot {{{unknown[0]}}}; slots here: {slots}")
        return text

    return Annotated[str, AfterValidator(check)]


# The slots of a document (`Renderer.slots`); prose also gets a department, a
# place and a deadline, drawn for each sentence (see prose.yaml).
SLOTS = ("dv", "ten", "lang", "bt", "ct", "cthd", "pct", "nganh", "ubnd", "hdnd", "party")
Prose = _template(*SLOTS, "coquan", "noi", "han")
DocText = _template(*SLOTS, "y", "prev", "Dv")


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


# --------------------------------------------------------------------------- indicators

Kind = Literal["level", "rate", "growth"]
Status = Literal["target", "estimate", "actual"]


class IndicatorEntry(_Model):
    """How the archive states one indicator, beside what the lexicon says of it
    (fields: see the head of benchmarks/data/indicators.yaml)."""

    reads_as: str | None = None
    names: tuple[_template("dv"), ...] | None = None  # type: ignore[valid-type]
    forms: tuple[_template("name", "v", "p", "f"), ...] | None = None  # type: ignore[valid-type]
    unit: str | None = None
    kind: Kind | None = None
    lo: float
    hi: float
    domain: Literal["econ", "social", "env"] = "econ"
    growth: float = 0.08
    drift: float = 0.0
    verb: str = "dat"
    direction: Literal["up", "down", "range"] = "up"
    strict: float = 0.3
    target_digits: int = 2
    result_digits: int = 3
    results: bool = True
    flow: bool = False
    district: bool = False
    share: tuple[float, float] = (0.0, 0.0)
    term: bool = False
    in_districts: dict[str, str] = {}


class Verb(_Model):
    target: tuple[str, ...]
    estimate: tuple[str, ...]
    actual: tuple[str, ...]


Figure = _template("n")


class Comparators(_Model):
    floor: tuple[Figure, ...]  # type: ignore[valid-type]
    floor_strict: tuple[Figure, ...]  # type: ignore[valid-type]
    ceiling: tuple[Figure, ...]  # type: ignore[valid-type]
    ceiling_strict: tuple[Figure, ...]  # type: ignore[valid-type]
    mid_clause: dict[Literal["plain", "strict"], Figure]  # type: ignore[valid-type]
    about: Figure  # type: ignore[valid-type]
    above: tuple[Figure, ...]  # type: ignore[valid-type]
    range: tuple[_template("low", "high"), ...]  # type: ignore[valid-type]

    @model_validator(mode="after")
    def _clause_goes_on(self) -> Comparators:
        for key, text in self.mid_clause.items():
            if not text.endswith("{n}"):
                raise ValueError(f"mid_clause.{key}: nothing may follow {{n}} inside a clause")
        return self


class IndicatorsFile(_Model):
    verbs: dict[str, Verb]
    comparators: Comparators
    counts: frozenset[str]
    half_year: tuple[str, ...]
    left_out: dict[str, str]
    defaults: dict[Literal["growth", "growth_part", "part", "percent", "per_population", "money",
                           "count", "any"], IndicatorEntry]  # fmt: skip
    indicators: dict[str, IndicatorEntry]

    @model_validator(mode="after")
    def _consistent(self) -> IndicatorsFile:
        for key, entry in [*self.indicators.items(), *self.defaults.items()]:
            if entry.verb not in self.verbs:
                raise ValueError(f"{key}: verb {entry.verb!r} is not one of {sorted(self.verbs)}")
        both = sorted(set(self.indicators) & set(self.left_out))
        if both:
            raise ValueError(f"left_out: {both[0]} is also described in indicators")
        return self


@dataclass(frozen=True)
class Indicator:
    """How announcements state one statistic: the lexicon's view and the entry's."""

    id: str
    reads_as: str  # its key in the lexicon: `id`, or the indicator it states another way
    names: tuple[str, ...]
    forms: tuple[str, ...]
    unit: str
    kind: Kind
    parent: str | None
    lo: float
    hi: float
    domain: str
    growth: float
    drift: float
    verb: str
    direction: str
    strict: float
    target_digits: int
    result_digits: int
    results: bool
    flow: bool
    district: bool
    share: tuple[float, float]
    term: bool
    in_districts: dict[str, str]  # district news writes a name holding the key as the value


@dataclass(frozen=True)
class Catalogue:
    """The indicators the archive states, in the order their draws are made."""

    indicators: tuple[Indicator, ...]
    by_id: dict[str, Indicator]
    parts: dict[str, tuple[str, ...]]  # parent -> its parts, stated after "trong đó"
    verbs: dict[str, Verb]
    comparators: Comparators
    counts: frozenset[str]
    half_year: tuple[str, ...]

    @cached_property
    def top(self) -> tuple[str, ...]:
        return tuple(i.id for i in self.indicators if i.parent is None)

    @cached_property
    def result_top(self) -> tuple[str, ...]:
        return tuple(i.id for i in self.indicators if i.parent is None and i.results)

    @cached_property
    def term(self) -> tuple[str, ...]:
        return tuple(i.id for i in self.indicators if i.term)

    @cached_property
    def district(self) -> tuple[str, ...]:
        return tuple(i.id for i in self.indicators if i.district)


def _unit(spec: IndicatorSpec) -> str | None:
    """The unit the lexicon implies: % for a percent, "<noun>/vạn dân" for a
    figure per population, the counted noun after a count (or a bare number)."""
    after = spec.after[0] if spec.after else ""
    return {"percent": "%", "per_population": f"{after}/vạn dân", "count": after}.get(
        spec.dimension
    )


def _kind(spec: IndicatorSpec) -> Kind:
    if spec.kind == "growth":
        return "growth"
    return "rate" if spec.dimension in ("percent", "per_population") else "level"


def _indicator(key: str, entry: IndicatorEntry, spec: IndicatorSpec) -> Indicator:
    names = spec.names if entry.names is None else entry.names
    forms = entry.forms or (("{name} {v}{f}",) if names else ("{v}{f}",))
    unit = entry.unit if entry.unit is not None else _unit(spec)
    if unit is None:
        raise DataError(f"benchmarks/data/indicators.yaml: indicators.{key}: no unit (a "
                        f"{spec.dimension} indicator needs `unit`)")  # fmt: skip
    stats = entry.model_dump(exclude={"reads_as", "names", "forms", "unit", "kind"})
    kind = entry.kind or _kind(spec)
    return Indicator(key, entry.reads_as or key, tuple(names), tuple(forms), unit, kind,
                     spec.parent, **stats)  # fmt: skip


def _unknown(where: str, key: str, known: dict[str, Any]) -> DataError:
    close = difflib.get_close_matches(key, list(known), n=3)
    hint = f"; closest: {', '.join(close)}" if close else ""
    return DataError(f"benchmarks/data/indicators.yaml: {where}: {key!r} is not an indicator of "
                     f"{LEXICON_FILE}{hint}")  # fmt: skip


@lru_cache(maxsize=4)  # keyed by the lexicon: a test may give another one
def catalogue(lexicon: Lexicon) -> Catalogue:
    """The archive's indicators: those described in benchmarks/data/indicators.yaml
    in its order, then every other indicator of the lexicon not left out, with
    the defaults of its kind. A part whose parent the archive does not state is
    left out too: there is no sentence to state it in."""
    data = load("indicators.yaml", IndicatorsFile)
    lexicon_specs = lexicon.indicators
    found: list[Indicator] = []
    for key, entry in data.indicators.items():
        spec = lexicon_specs.get(entry.reads_as or key)
        if spec is None:
            where = f"indicators.{key}" + (".reads_as" if entry.reads_as else "")
            raise _unknown(where, entry.reads_as or key, lexicon_specs)
        found.append(_indicator(key, entry, spec))
    for key in data.left_out:
        if key not in lexicon_specs:
            raise _unknown(f"left_out.{key}", key, lexicon_specs)
    for key, spec in lexicon_specs.items():
        if key in data.indicators or key in data.left_out or not (spec.names or spec.after):
            continue
        growth = "growth" if spec.kind == "growth" else ""
        default = f"{growth}_part".lstrip("_") if spec.parent else growth or spec.dimension
        found.append(_indicator(key, data.defaults[default], spec))  # type: ignore[index]
    stated = {i.id for i in found}
    found = [i for i in found if i.parent is None or i.parent in stated]
    for key in data.half_year:
        if key not in stated:
            raise _unknown("half_year", key, {i.id: i for i in found})
    for t, theme in enumerate(wording().resolutions.themes):
        for key in theme.indicators:
            if key not in stated:
                raise DataError(f"benchmarks/data/resolutions.yaml: themes.{t}.indicators: "
                                f"{key!r} is not an indicator the archive states")  # fmt: skip
    parts: dict[str, tuple[str, ...]] = {}
    for ind in found:
        if ind.parent:
            parts[ind.parent] = (*parts.get(ind.parent, ()), ind.id)
    by_id = {i.id: i for i in found}
    return Catalogue(
        tuple(found), by_id, parts, data.verbs, data.comparators, data.counts, data.half_year
    )


# --------------------------------------------------------------------------- wording


class ProseFile(_Model):
    speech: tuple[Prose, ...]  # type: ignore[valid-type]
    tasks: tuple[Prose, ...]  # type: ignore[valid-type]
    conference: tuple[Prose, ...]  # type: ignore[valid-type]
    scene: tuple[Prose, ...]  # type: ignore[valid-type]
    closing: tuple[Prose, ...]  # type: ignore[valid-type]
    session: tuple[Prose, ...]  # type: ignore[valid-type]
    district_talk: tuple[Prose, ...]  # type: ignore[valid-type]
    neighbour: tuple[Prose, ...]  # type: ignore[valid-type]
    openings: dict[str, tuple[Prose, ...]]  # type: ignore[valid-type]


class PeopleFile(_Model):
    surnames: tuple[str, ...]
    middle: tuple[str, ...]
    given: tuple[str, ...]
    sectors: tuple[str, ...]
    offices: tuple[str, ...]


class PlacesFile(_Model):
    sizes: dict[str, float]
    spellings: dict[str, tuple[str, ...]]


Body = Literal["hdnd", "party", "ubnd", "district_hdnd", "government"]


class Theme(_Model):
    type: Literal["Nghị quyết", "Kế hoạch"]
    body: Literal["hdnd", "party", "ubnd"]
    subject: _template("dv")  # type: ignore[valid-type]
    indicators: tuple[str, ...]


class ResolutionsFile(_Model):
    subjects: dict[Body, _template("year", "dv")]  # type: ignore[valid-type]
    themes: tuple[Theme, ...]
    citation: _template("doc_type", "number", "symbol", "date", "issuer")  # type: ignore[valid-type]
    issuers: dict[Literal["hdnd", "district_hdnd", "ubnd", "party_city", "party_province",
                          "government"], tuple[_template("dv"), ...]]  # type: ignore[valid-type]  # fmt: skip
    leads: tuple[str, ...]
    cite_rest: tuple[Prose, ...]  # type: ignore[valid-type]
    short_form: _template("doc_type", "number", "body", "ubnd", "han")  # type: ignore[valid-type]


Unit = Literal["tỉnh", "thành phố", "huyện", "thị xã"]


class Bodies(_Model):
    ubnd: _template("dv")  # type: ignore[valid-type]
    ubnd_town: str
    hdnd: _template("dv")  # type: ignore[valid-type]
    party: dict[Unit, str]
    departments: dict[Literal["province", "district"], str]
    department: _template("sector")  # type: ignore[valid-type]


class DocumentsFile(_Model):
    bodies: Bodies
    neighbours: str
    kinds: tuple[str, ...]
    titles: dict[str, tuple[DocText, ...]]  # type: ignore[valid-type]
    when: tuple[_template("day", "month", "date_year"), ...]  # type: ignore[valid-type]
    intros: dict[str, DocText]  # type: ignore[valid-type]
    province_after_unit: tuple[_template("province", "kind"), ...]  # type: ignore[valid-type]
    periods: dict[Literal["Y", "H1", "Q1"], _template("year")]  # type: ignore[valid-type]
    target_leads: dict[Literal["district", "province"], tuple[_template("y", "dv", "Dv"), ...]]  # type: ignore[valid-type]
    topics: dict[Literal["econ", "social", "env"], str]
    topic_years: tuple[_template("y"), ...]  # type: ignore[valid-type]
    result_leads: dict[Literal["estimate", "estimate_year", "actual"],
                       tuple[_template("label", "low", "dv"), ...]]  # type: ignore[valid-type]  # fmt: skip
    plan_summary: _template("prev", "dv", "met", "total", "missed")  # type: ignore[valid-type]
    term_leads: tuple[_template("first", "last"), ...]  # type: ignore[valid-type]

    @model_validator(mode="after")
    def _every_kind_written(self) -> DocumentsFile:
        for field in ("titles", "intros"):
            missing = sorted(set(self.kinds) - set(getattr(self, field)))
            if missing:
                raise ValueError(f"{field}: no entry for the kind {missing[0]!r}")
        return self


@dataclass(frozen=True)
class Wording:
    prose: ProseFile
    people: PeopleFile
    places: PlacesFile
    resolutions: ResolutionsFile
    documents: DocumentsFile


@lru_cache(maxsize=1)
def wording() -> Wording:
    documents = load("documents.yaml", DocumentsFile)
    prose = load("prose.yaml", ProseFile)
    stray = sorted(set(prose.openings) - set(documents.kinds))
    if stray:
        raise DataError(f"benchmarks/data/prose.yaml: openings.{stray[0]}: not a kind of "
                        f"documents.yaml ({', '.join(sorted(set(documents.kinds)))})")  # fmt: skip
    return Wording(prose, load("people.yaml", PeopleFile), load("places.yaml", PlacesFile),
                   load("resolutions.yaml", ResolutionsFile), documents)  # fmt: skip


# --------------------------------------------------------------------------- loading

M = TypeVar("M", bound=BaseModel)


def load(name: str, model: type[M]) -> M:
    """benchmarks/data/<name> validated as `model`; any problem is a `DataError`
    naming the file, the entry and the problem."""
    where = f"benchmarks/data/{name}"
    try:
        raw = yaml.safe_load((DATA / name).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise DataError(f"{where}: {exc}") from exc
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        problems = [f"{'.'.join(map(str, e['loc'])) or '(top level)'}: {e['msg']}"
                    for e in exc.errors()[:3]]  # fmt: skip
        raise DataError(f"{where}: {'; '.join(problems)}") from exc
