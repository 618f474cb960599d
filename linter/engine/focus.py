"""What a focused run (a draft, the files changed since a revision) does to a finding:
the focused document's evidence first, labelled, and the message saying what the
published documents say."""

from __future__ import annotations

from linter.checking import format_date
from linter.models import Evidence, Finding

# How a focused run labels its documents, and what it adds to the message.
_ROLES = {
    ("draft", "vi"): ("bản thảo", "Bản thảo ghi {ours}; văn bản đã công bố ghi {theirs}."),
    ("draft", "en"): ("draft", "The draft says {ours}; the published documents say {theirs}."),
    ("changed", "vi"): (
        "tệp đã thay đổi",
        "Tệp đã thay đổi ghi {ours}; văn bản đã công bố ghi {theirs}.",
    ),
    ("changed", "en"): (
        "changed file",
        "The changed file says {ours}; the published documents say {theirs}.",
    ),
}


def lead_with_focus(finding: Finding, focus: frozenset[str], role: str, lang: str) -> Finding:
    """The focused document's evidence first, labelled, and the message saying what
    the published documents say. Done here, once, rather than in every check:
    checks order evidence oldest first, but on a pull request or at the editor's
    desk the annotation must land on the document being written."""
    label, template = _ROLES[(role, "en" if lang == "en" else "vi")]
    ours = [e for e in finding.evidence if e.path in focus]
    theirs = [e for e in finding.evidence if e.path not in focus]
    labelled = [
        e.model_copy(update={"note": f"{label}: {e.note}" if e.note else label}) for e in ours
    ]
    message = finding.message
    if any(e.quote for e in ours) and any(e.quote for e in theirs):
        said = ", ".join(dict.fromkeys(f"«{e.quote}»" for e in ours if e.quote))
        published = "; ".join(dict.fromkeys(_cited(e) for e in theirs if e.quote))
        message = f"{message} {template.format(ours=said, theirs=published)}"
    return finding.model_copy(update={"evidence": (*labelled, *theirs), "message": message})


def _cited(evidence: Evidence) -> str:
    date = f", {format_date(evidence.document_date)}" if evidence.document_date else ""
    return f"«{evidence.quote}» ({evidence.path}{date})"
