"""Machine-readable report: findings with structured evidence, and the documents read."""

from __future__ import annotations

import json
from collections.abc import Iterable

from linter import __version__
from linter.models import Claim, Document, RunResult
from reports.base import Rendered, RenderOptions

SCHEMA_VERSION = 1


def _document(doc: Document) -> dict[str, object]:
    meta = doc.meta.model_dump(mode="json")
    return {"path": doc.path, **meta}


def payload(result: RunResult, documents: Iterable[Document] | None = None) -> dict[str, object]:
    """The report as JSON values, listing `documents` (by default every document read).
    The editor's page of `doichieu serve` takes it as it is, with only the documents
    it shows, rather than parsing this report's text back: at each pause in typing."""
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "doichieu", "version": __version__},
        "settings": dict(sorted(result.settings.items())),
        # `reason` is how the message was made (already in the run's language): not output.
        "findings": [
            {**f.model_dump(mode="json", exclude={"reason"}), "fingerprint": f.fingerprint}
            for f in result.findings
        ],
        "documents": [_document(d) for d in (result.documents if documents is None else documents)],
        "unreadable": list(result.unreadable),
        "checks": [c.model_dump(mode="json") for c in result.checks],
    }


def render_json(result: RunResult) -> str:
    return json.dumps(payload(result), ensure_ascii=False, indent=2) + "\n"


def claim_record(claim: Claim) -> dict[str, object]:
    """A claim as `doichieu claims --format json` prints it: span fields flattened."""
    data = claim.model_dump(mode="json", exclude={"span", "sentence"})
    span = claim.span
    record: dict[str, object] = {
        "kind": claim.kind,
        "path": span.path,
        "line": span.line,
        "column": span.column,
        "end_line": span.end_line,
        "end_column": span.end_column,
        "quote": span.quote,
    }
    if claim.kind == "quantity":
        record["year"] = claim.year
    record.update({k: v for k, v in data.items() if k != "kind"})
    return record


def render_claims_json(claims: dict[str, tuple[Claim, ...]]) -> str:
    records = [claim_record(c) for path in sorted(claims) for c in claims[path]]
    return (
        json.dumps(
            {"schema_version": SCHEMA_VERSION, "claims": records}, ensure_ascii=False, indent=2
        )
        + "\n"
    )


def render(result: RunResult, options: RenderOptions) -> Rendered:
    """The `json` output format: the same bytes whatever the language of the run."""
    return Rendered(text=render_json(result))
