"""Findings the engine itself reports: unreadable files, crashes, bad plugins.

They are not checks: they cannot be disabled, and they are listed by
`doichieu checks` after the checks.
"""

from __future__ import annotations

from linter.models import CheckInfo, Evidence, Finding, Severity

ENGINE_CODES: dict[str, tuple[str, Severity, str]] = {
    "DC01": ("document.unreadable", Severity.ERROR, "A file could not be read as a document."),
    "DC02": (
        "document.malformed",
        Severity.WARNING,
        "A document was read, but part of it is malformed.",
    ),
    "DC03": (
        "document.no-province",
        Severity.INFO,
        "No province could be inferred; the document is checked alone.",
    ),
    "DC04": (
        "suppression.unused",
        Severity.INFO,
        "A document suppresses a check that reports nothing there.",
    ),
    "EN01": (
        "engine.crash",
        Severity.ERROR,
        "A check or the parser crashed; the rest of the run went on.",
    ),
    "EN02": ("engine.bad-plugin", Severity.ERROR, "A registered check failed to load."),
}


def engine_finding(
    code: str, message: str, path: str, line: int = 1, column: int = 1, key: str | None = None
) -> Finding:
    """`key` (default: path and message) is what the baseline fingerprint is made
    of: give one that does not depend on the language of the message."""
    name, severity, _ = ENGINE_CODES[code]
    where = Evidence(
        path=path, line=line, column=column, end_line=line, end_column=column, quote=""
    )
    return Finding(
        code=code,
        name=name,
        severity=severity,
        message=message,
        evidence=(where,),
        key=key or f"{path}|{message}",
    )


def engine_infos() -> list[CheckInfo]:
    return [
        CheckInfo(
            code=code, name=name, summary=summary, severity=severity, package="doichieu (engine)"
        )
        for code, (name, severity, summary) in ENGINE_CODES.items()
    ]
