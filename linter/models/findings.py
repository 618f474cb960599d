"""What checks find (`Finding`, with its `Evidence`) and what a run returns (`RunResult`)."""

from __future__ import annotations

import datetime as dt
import hashlib

from linter.models.base import Frozen, Severity, Span
from linter.models.claims import Claim
from linter.models.documents import Document


class Evidence(Span):
    """A span that supports a finding, with what a reader needs to weigh it."""

    document_date: dt.date | None = None
    document_title: str | None = None
    note: str | None = None  # what this piece shows, e.g. "56.000 tỷ đồng, mục tiêu 2024"


class Reason(Frozen):
    """An engine finding's message as data (`linter/data/engine_messages.yaml`): a
    cached finding is rendered in the language of the run that shows it."""

    id: str
    params: tuple[tuple[str, str | int], ...] = ()  # put in as they are
    words: tuple[tuple[str, str], ...] = ()  # parameter -> a word of the messages file


class Finding(Frozen):
    code: str
    name: str
    severity: Severity
    message: str
    evidence: tuple[Evidence, ...]
    province: str | None = None
    district: str | None = None
    # The normalised claims involved (indicator, period, figures, citation...),
    # never line numbers: the fingerprint survives edits and moves of documents.
    key: str = ""
    reason: Reason | None = None  # engine findings (DC01, DC02): `message` as data

    @property
    def fingerprint(self) -> str:
        raw = "|".join(
            (self.code, self.province or "", self.district or "", self.key or self.message)
        )
        return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:20]

    def sort_key(self) -> tuple[object, ...]:
        first = self.evidence[0] if self.evidence else None
        return (
            (first.path, first.line, first.column) if first else ("", 0, 0),
            self.code,
            self.message,
        )


class CheckInfo(Frozen):
    """What reports and `doichieu checks` show about one check."""

    code: str
    name: str  # slug, e.g. "figure.conflict"
    summary: str  # first line of the check's docstring
    severity: Severity
    package: str  # distribution that registered it


class RunResult(Frozen):
    """Everything one run produced; the single input of every reporter."""

    # Every document read, sorted by path; a run that returns no claims (`Options.claims`
    # False) and has no focus returns them as summaries: metadata, without their texts.
    documents: tuple[Document, ...]
    claims: dict[str, tuple[Claim, ...]]  # by document path, in text order
    findings: tuple[Finding, ...]  # sorted, deterministic
    checks: tuple[CheckInfo, ...]
    indicator_labels: dict[str, str]  # indicator key -> human label in the run's language
    settings: dict[str, str]  # e.g. {"fail_on": "warning", "lang": "vi"}
    unreadable: tuple[str, ...] = ()  # paths that could not be read at all
    skipped: int = 0  # cached documents of other provinces, not needed by a focused run
