"""The values that flow through doichieu: documents, claims, findings.

Everything here is a frozen pydantic model. Loading produces `Document`s, the
parser turns each into `Claim`s, checks turn claims into `Finding`s, and the
reporters only format findings. Locations are always structured (`Span`,
`Evidence`) and never packed into message text.

The models live in four modules, read in this order: `base` (spans, severities,
provenance), `documents`, `claims`, `findings` (and the `RunResult`). Every
public name is re-exported here: import sites say `from linter.models import X`.
The modules import one another directly, never this package, so that none of
them depends on the others' order of loading.
"""

from __future__ import annotations

from linter.models.base import Frozen, IssuerName, Level, Provenance, Severity, Span
from linter.models.claims import (
    Claim,
    ClaimBase,
    DateRef,
    Dimension,
    LegalRef,
    OfficialRef,
    Op,
    Period,
    PeriodRef,
    PersonRef,
    PlanRef,
    Quantity,
    Scope,
    SessionRef,
    Status,
    TargetCount,
)
from linter.models.documents import Document, DocumentMeta
from linter.models.findings import CheckInfo, Evidence, Finding, Reason, RunResult

__all__ = [
    "CheckInfo",
    "Claim",
    "ClaimBase",
    "DateRef",
    "Dimension",
    "Document",
    "DocumentMeta",
    "Evidence",
    "Finding",
    "Frozen",
    "IssuerName",
    "LegalRef",
    "Level",
    "OfficialRef",
    "Op",
    "Period",
    "PeriodRef",
    "PersonRef",
    "PlanRef",
    "Provenance",
    "Quantity",
    "Reason",
    "RunResult",
    "Scope",
    "SessionRef",
    "Severity",
    "Span",
    "Status",
    "TargetCount",
]
