"""Between the claims and the engine: what a check is, what it is given, what checks share.

In: documents with their claims, grouped by the engine. Out: `Finding`s from
the checks in `checks/`. This package holds the `Check` contract (below), the
registry of `doichieu.checks` entry points (`registry`), what several checks
share (`events`, `linking`, `distinctive`, `wording`: which reports are of one event;
`likeness`, `usable`, `agreement`, `apart`: when two figures say the same
thing, and when they are two; `align`, `slipped`, `sides`, `companions`,
`running`: EV01's other ways of pairing figures; `side_by_side`: a figure and
its equivalent stated next to it; `kept`: a served draft's published reports'
claims grouped once, in a `memo`) and the documentation read from each check (`docs`).

A check is a class with a stable `code` ("NU01"), a `name` slug
("figure.conflict"), a default `severity`, and a docstring whose first line is
its one-line summary and whose body explains the contradiction with a
"Ví dụ mâu thuẫn" / "Ví dụ nhất quán" pair (run as tests). The engine calls
`run()` once per province group with every document of that province (or of a
single document, when its province is unknown) and collects the `Finding`s.

Checks are registered under the `doichieu.checks` entry-point group, built-in
ones exactly like a third party's.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import ClassVar, Literal, TypeVar

from linter.data.lexicon import Lexicon
from linter.models import Claim, Document, Evidence, Finding, Severity, Span

CODE = re.compile(r"^[A-Z]{2}\d{2}$")
NAME = re.compile(r"^[a-z]+(?:[.-][a-z]+)+$")

C = TypeVar("C")


@dataclass(frozen=True)
class DocumentClaims:
    """A document and the claims the parser found in it."""

    document: Document
    claims: tuple[Claim, ...]
    # Each kind's claims once asked (`of`): a cache, no part of what the document is.
    _of: dict[type, tuple[Claim, ...]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def of(self, kind: type[C]) -> Iterator[C]:
        """The claims of one kind, in order. Kept per kind: the checks ask a document
        for its quantities or dates again and again (6,872 asks of 81 documents in a
        draft's run: 4 ms of that run spent filtering, without this)."""
        found = self._of.get(kind)
        if found is None:
            found = self._of[kind] = tuple(c for c in self.claims if isinstance(c, kind))
        return iter(found)  # type: ignore[arg-type]


@dataclass(frozen=True)
class Group:
    """The documents of one province (checks never look across groups)."""

    province: str | None
    items: tuple[DocumentClaims, ...]
    lexicon: Lexicon
    lang: str = "vi"
    # The configured "khoảng" tolerance; a check declares "approx-tolerance" in its
    # `options` and reads `self.option(...)` instead (kept for third-party checks).
    tolerance: float = 0.05
    # In a focused run whose group findings are not cached (a draft), the paths whose
    # findings are wanted: `index` then keeps only the buckets holding one of them,
    # since a finding from any other bucket would be dropped unread.
    focus: frozenset[str] | None = None


Option = float | int | str | bool


@dataclass(frozen=True)
class Bound:
    """The range a numeric setting of a check must be in, checked when the
    configuration is read (`linter.engine.policy.check_settings`): a negative window
    links nothing, a tolerance of 1 accepts any two figures, each a check silenced
    without a word. A setting no bound is declared for takes any finite number."""

    minimum: float | None = None  # the least value allowed
    below: float | None = None  # every value must be less than this


SHARE = Bound(minimum=0, below=1)  # "approx-tolerance": a relative share, as the global one
DAYS = Bound(minimum=0)  # "window-days": a negative window links nothing


class Check:
    code: ClassVar[str]
    name: ClassVar[str]
    severity: ClassVar[Severity] = Severity.WARNING
    # The settings a check reads, with their defaults (sqlfluff's config_keywords):
    # `[tool.doichieu.checks.<CODE>]` in the configuration may set them, and nothing
    # else; the global `approx-tolerance` sets every check's "approx-tolerance".
    options: ClassVar[Mapping[str, Option]] = {}
    # The range of a numeric option, when it has one ("window-days": DAYS).
    bounds: ClassVar[Mapping[str, Bound]] = {}
    # "document": each finding is about one document and is found from that document
    # alone (a count of years, a weekday, a lead against its own body). A draft's
    # findings of such a check need the draft only: `doichieu serve` runs it on the
    # draft, not on the draft's whole province (linter.engine.warm; tests/test_serve_warm.py
    # holds every check that says so to it, on real text).
    scope: ClassVar[Literal["group", "document"]] = "group"

    def __init__(self, settings: Mapping[str, Option] | None = None) -> None:
        self.settings = {**self.options, **(settings or {})}

    def option(self, name: str) -> Option:
        return self.settings[name]

    def run(self, group: Group) -> Iterable[Finding]:
        raise NotImplementedError

    @classmethod
    def summary(cls) -> str:
        return (cls.__doc__ or "").strip().splitlines()[0].strip() if cls.__doc__ else ""

    def finding(
        self,
        message: str,
        evidence: Iterable[Evidence],
        group: Group,
        severity: Severity | None = None,
        district: str | None = None,
        *,
        key: str,
    ) -> Finding:
        return Finding(
            key=key,
            code=self.code,
            name=self.name,
            severity=severity or self.severity,
            message=message,
            evidence=tuple(evidence),
            province=group.province,
            district=district,
        )


def evidence(item: DocumentClaims, span: Span, note: str | None = None) -> Evidence:
    """Evidence for a span of a document, with the document's date and title."""
    meta = item.document.meta
    return Evidence(
        **span.model_dump(), document_date=meta.date, document_title=meta.title, note=note
    )


def index(
    group: Group, kind: type[C], key: Callable[[DocumentClaims, C], Hashable | None]
) -> list[list[tuple[DocumentClaims, C]]]:
    """Claims of `kind` bucketed by `key` (None leaves a claim out), buckets in a
    stable order. Checks compare within a bucket, never every pair of a corpus, and
    a finding from a bucket cites claims of that bucket only: with a `group.focus`,
    the buckets that hold no focused document are left out."""
    buckets: dict[Hashable, list[tuple[DocumentClaims, C]]] = defaultdict(list)
    for item in group.items:
        for claim in item.of(kind):
            k = key(item, claim)
            if k is not None:
                buckets[k].append((item, claim))
    keys = sorted(buckets, key=repr)
    if group.focus is not None:
        focus = group.focus
        keys = [k for k in keys if any(item.document.path in focus for item, _ in buckets[k])]
    return [buckets[k] for k in keys]


# Documents cited for each side of a finding: a few places to correct, not a corpus.
EVIDENCE_PER_NAME = 5


def per_document(
    mentions: Iterable[tuple[DocumentClaims, C]],
    limit: int | None = None,
    *,
    key: Callable[[C], object] | None = None,
    better: Callable[[C, C], bool] | None = None,
) -> list[tuple[DocumentClaims, C]]:
    """One mention per document (per document and `key` of its claim, with a `key`):
    the first, or a later one `better(later, kept)` prefers, in the place of the
    first; those of the first `limit` documents. A document saying one thing five
    times is one piece of evidence, not five."""
    kept: dict[tuple[str, object], tuple[DocumentClaims, C]] = {}
    documents: dict[str, None] = {}
    for item, claim in mentions:
        path = item.document.path
        if limit is not None and path not in documents and len(documents) >= limit:
            continue
        documents[path] = None
        at = (path, key(claim) if key else None)
        if at not in kept or (better is not None and better(claim, kept[at][1])):
            kept[at] = (item, claim)
    return list(kept.values())


def by_date(pairs: Iterable[tuple[DocumentClaims, C]]) -> list[tuple[DocumentClaims, C]]:
    """Order (document, claim) pairs oldest first, undated last, then by path and place."""

    def key(pair: tuple[DocumentClaims, object]) -> tuple[object, ...]:
        item, claim = pair
        date = item.document.meta.date
        span = getattr(claim, "span", None)
        where = (span.line, span.column) if span else (0, 0)
        return (date is None, date.isoformat() if date else "", item.document.path, where)

    return sorted(pairs, key=key)


def format_date(value: object, lang: str = "vi") -> str:
    """The one way a date is written in messages: dd/mm/yyyy, or "unknown" in words."""
    if hasattr(value, "strftime"):
        return value.strftime("%d/%m/%Y")
    return "unknown date" if lang == "en" else "không rõ ngày"


_YEAR_IN_TEXT = re.compile(r"(?<![\d/])\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*((?:19|20)\d\d)(?!\d)")


def document_year(item: DocumentClaims, folded: str | None = None) -> int | None:
    """The year a date without one belongs to: the one the text writes in full
    dates most often, else the document's own year (`meta.year`), else the year a "Tết Đinh
    Dậu" names (a stem and a branch name one year in sixty)."""
    folded = folded if folded is not None else item.document.text.lower()
    years = Counter(int(y) for y in _YEAR_IN_TEXT.findall(folded))
    if years:
        return years.most_common(1)[0][0]
    meta = item.document.meta
    if meta.date or meta.year:  # the year of an undated text, read in linter.metadata
        return meta.date.year if meta.date else meta.year
    named = {_can_chi_year(m.group(1), m.group(2)) for m in _TET_NAMED.finditer(folded)}
    named.discard(None)
    return named.pop() if len(named) == 1 else None


STEMS = ("canh", "tân", "nhâm", "quý", "giáp", "ất", "bính", "đinh", "mậu", "kỷ")  # year % 10
BRANCHES = (
    "thân", "dậu", "tuất", "hợi", "tý", "sửu", "dần", "mão", "thìn", "tỵ", "ngọ", "mùi",
)  # fmt: skip  # year % 12
_TET_NAMED = re.compile(
    rf"(?<!\w)tết\s+(?:nguyên đán\s+)?({'|'.join(STEMS)})\s+({'|'.join(BRANCHES)}|mẹo|tị)(?!\w)"
)


def _can_chi_year(stem: str, branch: str) -> int | None:
    branch = {"mẹo": "mão", "tị": "tỵ"}.get(branch, branch)
    for year in range(1990, 2050):  # one sixty-year cycle: one answer
        if STEMS[year % 10] == stem and BRANCHES[year % 12] == branch:
            return year
    return None
