"""The reading set of the real-news benchmark: its data files, and how findings meet them.

In: tests/realnews/split.yaml (the halves' clusters), verdicts.yaml (a verdict per
finding, keyed by code and the (file, quote) pairs of its evidence) and
<half>_inconsistencies.yaml (what a careful reader found). Out: validated frozen
values (`Cluster`, `Verdict`, `Inconsistency`, `Judged`) and `Measurement`
(precision, findings per 100 articles, recall). How findings meet the entries
(`judge`, `covers`, `check_quotes`) is `realnews_match.py`. A malformed file
raises `DataError`, which `realnews.py` turns into exit status 2.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Literal, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from linter.models import Finding, Severity

ENGINE_PREFIXES = ("DC", "EN")
VERDICTS = ("true", "false", "debatable")
DATA = Path(__file__).resolve().parents[1] / "tests" / "realnews"


M = TypeVar("M", bound="Frozen")


class DataError(Exception):
    """A data file of the harness is missing or malformed (exit status 2)."""


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Quote(Frozen):
    """Exact text of one file; `file` is its path relative to the corpus."""

    file: str
    quote: str = Field(min_length=1)


class Verdict(Frozen):
    code: str
    evidence: tuple[Quote, ...] = Field(min_length=1)
    verdict: Literal["true", "false", "debatable"]
    why: str = Field(min_length=1)
    # A finding judged false that is still reported at warning+ (it counts
    # against precision). Once it is fixed this must be set back to false, so
    # that the test notices if it ever comes back.
    known_at_warning: bool = False

    @field_validator("verdict", mode="before")
    @classmethod
    def _yaml_booleans(cls, value: object) -> object:
        # `verdict: true` is a YAML boolean; the reader means the word.
        return str(value).lower() if isinstance(value, bool) else value

    @property
    def key(self) -> tuple[str, frozenset[tuple[str, str]]]:
        return self.code, frozenset((q.file, q.quote) for q in self.evidence)


class Inconsistency(Frozen):
    """A genuine inconsistency a careful reader found in the articles."""

    id: str
    cluster: str | None = None
    kind: Literal["figure-conflict", "arithmetic", "date-or-citation", "other"]
    quotes: tuple[Quote, ...] = Field(min_length=1)
    why: str = Field(min_length=1)

    @property
    def files(self) -> tuple[str, ...]:
        return tuple(sorted({q.file for q in self.quotes}))

    @property
    def confidence(self) -> str:
        """The reader's confidence, the tag `why` opens with ("[likely, name]"), or "untagged"."""
        tag = re.match(r"\[(certain|likely|debatable)\b", self.why)
        return tag.group(1) if tag else "untagged"


class Cluster(Frozen):
    id: str
    kind: str
    province: str
    topic: str
    files: tuple[str, ...]


class Judged(Frozen):
    """One finding of the run with its verdict, if someone wrote one."""

    finding: Finding
    verdict: Verdict | None


class Measurement(Frozen):
    half: str
    articles: int
    clusters: int
    findings: tuple[Judged, ...]
    found: tuple[tuple[Inconsistency, tuple[str, ...]], ...]  # entry, codes that found it
    # Verdicts on this half's files that match no finding of the run: the finding
    # is gone or its evidence changed, so the verdict no longer counts anywhere.
    unused_verdicts: int = 0

    def warning_plus(self) -> list[Judged]:
        return [
            j
            for j in self.findings
            if j.finding.severity.rank >= Severity.WARNING.rank and not is_engine(j.finding)
        ]

    def tally(self, judged: Iterable[Judged]) -> dict[str, int]:
        counts = Counter(j.verdict.verdict if j.verdict else "unjudged" for j in judged)
        return {name: counts[name] for name in (*VERDICTS, "unjudged")}

    def precision(self, strict: bool = False) -> float | None:
        t = self.tally(self.warning_plus())
        wrong = t["false"] + (t["debatable"] if strict else 0)
        return t["true"] / (t["true"] + wrong) if t["true"] + wrong else None

    def true_per_100(self, warning_only: bool) -> float:
        pool = (
            self.warning_plus()
            if warning_only
            else [j for j in self.findings if not is_engine(j.finding)]
        )
        true = sum(1 for j in pool if j.verdict and j.verdict.verdict == "true")
        return 100 * true / self.articles if self.articles else 0.0

    def recall(self) -> float | None:
        hits = sum(1 for _, codes in self.found if codes)
        return hits / len(self.found) if self.found else None

    def recall_by(self, facet: Literal["kind", "confidence"]) -> dict[str, tuple[int, int]]:
        """Entries found and entries in all, per kind or per the reader's confidence: a
        reader's "[debatable]" entry missed weighs less than a "[certain]" one."""
        counts: dict[str, tuple[int, int]] = {}
        for entry, codes in self.found:
            hit, total = counts.get(getattr(entry, facet), (0, 0))
            counts[getattr(entry, facet)] = (hit + bool(codes), total + 1)
        return dict(sorted(counts.items()))


def is_engine(finding: Finding) -> bool:
    return finding.code.startswith(ENGINE_PREFIXES)


# --- data files ------------------------------------------------------------------------------


def _load_yaml(path: Path) -> Any:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, yaml.YAMLError) as exc:
        raise DataError(f"{path}: {exc}".splitlines()[0]) from exc


def _validated(path: Path, model: type[M], raw: Any) -> list[M]:
    if raw is None:
        return []
    if not isinstance(raw, list):
        raise DataError(f"{path}: expected a list of entries, got {type(raw).__name__}")
    items = []
    for i, item in enumerate(raw, 1):
        try:
            items.append(model.model_validate(item))
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first["loc"])
            raise DataError(f"{path}: entry {i}: {where}: {first['msg']}") from exc
    return items


def load_split(half: str, data: Path = DATA) -> list[Cluster]:
    path = data / "split.yaml"
    raw = _load_yaml(path)
    if not isinstance(raw, dict) or half not in raw:
        raise DataError(f"{path}: no half named {half!r}")
    return _validated(path, Cluster, raw[half])


def half_files(half: str, corpus: Path, data: Path = DATA) -> list[str]:
    """The news2017 files (relative to `corpus`) a half reads: its clusters' files,
    for "tune" also the articles of no cluster (tuning material: the held-out half
    is its clusters only), for "none" those alone (the news a table is made from)."""
    chosen = {f for c in load_split(half, data) for f in c.files} if half != "none" else set()
    if half in ("tune", "none"):
        clustered = {f for h in ("tune", "heldout") for c in load_split(h, data) for f in c.files}
        every = {p.relative_to(corpus).as_posix() for p in corpus.glob("*/*.txt") if p.is_file()}
        chosen |= every - clustered
    return sorted(chosen)


def load_verdicts(path: Path) -> list[Verdict]:
    verdicts = _validated(path, Verdict, _load_yaml(path))
    seen: set[object] = set()
    for v in verdicts:
        if v.key in seen:  # two verdicts for one finding: which one counts?
            raise DataError(f"{path}: two verdicts for {v.code} {sorted(v.key[1])}")
        seen.add(v.key)
    return verdicts


def load_inconsistencies(path: Path) -> list[Inconsistency]:
    entries = _validated(path, Inconsistency, _load_yaml(path))
    ids = Counter(e.id for e in entries)
    if doubled := [i for i, n in ids.items() if n > 1]:
        raise DataError(f"{path}: ids used twice: {', '.join(sorted(doubled))}")
    return entries
