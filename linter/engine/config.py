"""Configuration: `[tool.doichieu]` in pyproject.toml, or a `doichieu.toml`.

Found by walking up from the working directory (the first `doichieu.toml`, or
`pyproject.toml` with a `[tool.doichieu]` table, wins), or named with
`--config`. Unknown keys and bad values are errors that name the file, the
key and what is allowed::

    [tool.doichieu]
    select = ["NU", "VB01"]            # codes or prefixes; default: every check
    ignore = ["CT01"]
    extend-select = []
    severity = { NU01 = "error" }      # info | warning | error
    per-path-ignores = { "archive/**" = ["TG01"] }
    approx-tolerance = 0.05            # what "khoảng" allows either side, relative
    include = ["**/*.md", "**/*.txt"]  # files taken from folders (default: every supported file)
    exclude = ["drafts/**"]
    max-file-size = 5_000_000          # bytes; larger files are skipped (DC01 says so)
    max-docx-inflated-size = 50_000_000  # bytes a .docx may unzip to
    corpus = ["press/"]                # the context a draft or a changed file is checked against
    baseline = ".doichieu-baseline.json"  # findings accepted as they are (--write-baseline)

    [tool.doichieu.indicators.tourism_arrivals_intl]   # new indicators, or more names
    label = "Khách quốc tế"                           # for an existing key
    label_en = "International visitors"
    names = ["khách quốc tế"]

    [[tool.doichieu.metadata]]         # metadata overrides by path glob
    path = "quang-yen/**"
    province = "Quảng Ninh"
    district = "Thị xã Quảng Yên"
"""

from __future__ import annotations

import fnmatch
from collections.abc import Sequence
from pathlib import Path
from typing import Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
)

from linter.engine.config_errors import ConfigError, Refused, explain, in_file
from linter.models import Reason
from linter.read.listing import collect_shown, display_path
from linter.read.loading import kind_at

__all__ = ["Config", "ConfigError", "IndicatorEntry", "MetadataOverride", "load_config"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class IndicatorEntry(_Strict):
    label: str | None = None
    label_en: str | None = None
    kind: Literal["level", "growth"] | None = None
    dimension: Literal["money", "percent", "count", "per_population", "any"] | None = None
    parent: str | None = None
    names: tuple[str, ...] = ()
    after: tuple[str, ...] = ()


class MetadataOverride(_Strict):
    path: str
    province: str | None = None
    district: str | None = None
    issuer: str | None = None
    plan_year: int | None = Field(default=None, alias="plan-year")

    @field_validator("province")
    @classmethod
    def _known_province(cls, name: str | None) -> str | None:
        """The province as the gazetteer spells it, as front matter's and a served
        draft's are: documents are grouped by that name, so "tỉnh Quảng Ninh" as
        written would be a province of its own, compared with nothing. A name no
        unit has is an error here, where front matter keeps it: the configuration
        sets it for every file its glob takes, all of them compared with nothing."""
        if name is None:
            return None
        # The gazetteer, when a province is set only: most runs' configurations set none.
        from linter.metadata.gazetteer import canonical_province

        found = canonical_province(name)
        if found is None:
            raise Refused("config-unknown-province", found=repr(name))
        return found.name


class Config(_Strict):
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = Field(default=(), alias="extend-select")
    severity: dict[str, Literal["info", "warning", "error"]] = Field(default_factory=dict)
    per_path_ignores: dict[str, tuple[str, ...]] = Field(
        default_factory=dict, alias="per-path-ignores"
    )
    approx_tolerance: float = Field(default=0.05, ge=0, lt=1, alias="approx-tolerance")
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    corpus: tuple[str, ...] = ()
    baseline: str | None = None  # accepted findings, relative to this file's folder
    # Files above these sizes are skipped with a DC01 saying so (bytes; see linter.read.loading).
    max_file_size: int = Field(default=5_000_000, ge=1, alias="max-file-size")
    max_docx_inflated_size: int = Field(default=50_000_000, ge=1, alias="max-docx-inflated-size")
    indicators: dict[str, IndicatorEntry] = Field(default_factory=dict)
    metadata: tuple[MetadataOverride, ...] = ()
    # [tool.doichieu.checks.EV01] window-days = 7: settings a check declares in `options`,
    # each of its kind and in its `bounds` (`policy.check_settings`, once the checks are known).
    checks: dict[str, dict[str, float | int | str | bool]] = Field(default_factory=dict)
    source: str | None = Field(default=None, exclude=True)  # the file it came from
    root: Path | None = Field(default=None, exclude=True)  # its folder: globs are relative to it

    def enabled(self, code: str) -> bool:
        """ruff's rule: the longest matching prefix among select and ignore decides."""
        selected = (*(self.select if self.select is not None else ("",)), *self.extend_select)
        best_select = max((len(p) for p in selected if code.startswith(p)), default=-1)
        best_ignore = max((len(p) for p in self.ignore if code.startswith(p)), default=-1)
        return best_select > best_ignore

    def ignored_at(self, code: str, path: str) -> bool:
        return any(
            fnmatch.fnmatch(path, glob) and any(code.startswith(c) for c in codes)
            for glob, codes in self.per_path_ignores.items()
        )

    def overrides_for(self, path: str) -> list[MetadataOverride]:
        return [o for o in self.metadata if fnmatch.fnmatch(path, o.path)]

    def takes(self, path: str) -> bool:
        """Whether a file found in a folder is part of the run."""
        if any(fnmatch.fnmatch(path, g) for g in self.exclude):
            return False
        return not self.include or any(fnmatch.fnmatch(path, g) for g in self.include)


def run_files(config: Config, paths: Sequence[Path], base: Path, cwd: str) -> list[tuple[str, str]]:
    """The files a run (`linter.engine.run`) or a server (`linter.engine.warm`) reads
    under `paths`, as (name, displayed path from `base`) sorted by name
    (`collect_shown`): a file named is always taken, one found in a folder when the
    configuration `takes` it. Without include or exclude every file is taken, and
    neither the named files are shown nor `takes` asked of each (a tenth of listing
    5,000)."""
    shown = collect_shown(paths, base, cwd)
    if not (config.include or config.exclude):
        return shown
    named = {display_path(p, base, cwd) for p in paths if p.is_file()}
    return [(name, display) for name, display in shown if display in named or config.takes(display)]


def _table(path: Path) -> dict[str, object] | None:
    import tomllib  # here: a run without a configuration file never parses TOML (1.5 ms)

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        # The system's or the parser's own words; strerror, without "[Errno 13]".
        error = getattr(exc, "strerror", None) or str(exc)
        raise ConfigError(in_file(path, "config-unreadable", error=error)) from exc
    except RecursionError as exc:  # tomllib parses nested arrays and tables recursively
        raise ConfigError(in_file(path, "config-too-deep")) from exc
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        return tool.get("doichieu") if isinstance(tool, dict) else None
    return data


def find_config(start: Path) -> Path | None:
    for folder in [start.resolve(), *start.resolve().parents]:
        for name in ("doichieu.toml", "pyproject.toml"):
            candidate = folder / name
            if candidate.is_file() and (name == "doichieu.toml" or _table(candidate) is not None):
                return candidate
    return None


def load_config(path: Path | None = None, start: Path | None = None) -> Config:
    """The configuration named, or found from `start` (default: the working directory)."""
    if path is None:
        path = find_config(start or Path.cwd())
        if path is None:
            return Config()
    elif not path.is_file():
        raise ConfigError(_not_a_file(path))
    table = _table(path)
    try:
        config = Config.model_validate(table or {})
    except ValidationError as exc:
        raise ConfigError(*explain(exc, Config), path=path) from exc
    return config.model_copy(update={"source": str(path), "root": path.parent.resolve()})


def _not_a_file(path: Path) -> Reason:
    """What `--config` names when it is no file: nothing, or a folder, a FIFO ..."""
    kind = kind_at(path)
    if kind is None:
        return in_file(path, "config-not-found")
    return in_file(path, "config-not-file", words={"kind": kind})
