"""SARIF 2.1.0 report, shaped for GitHub code scanning (`github/codeql-action/upload-sarif`).

One run, one rule per check, one result per finding. The first piece of evidence is
the result's location; the others are related locations, linked from the message
text because GitHub only shows related locations that the message embeds.
"""

from __future__ import annotations

import json
from pathlib import Path, PurePosixPath
from urllib.parse import quote

import linter
from linter.models import CheckInfo, Evidence, Finding, RunResult, Severity
from reports.base import Rendered, RenderOptions

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT_KEY = "doichieuFingerprint/v1"  # bump the suffix only if the hash changes
SRCROOT = "%SRCROOT%"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}

Json = dict[str, object]


def rule_name(slug: str) -> str:
    """`citation.number-conflict` -> `CitationNumberConflict`, the usual SARIF rule name style."""
    words = slug.replace("-", ".").replace("_", ".").split(".")
    return "".join(w[:1].upper() + w[1:] for w in words if w)


def message_text(text: str) -> str:
    """Escape brackets: SARIF reads `[text](id)` in a message as an embedded link, and
    finding messages quote untrusted document text."""
    return text.replace("[", "\\[").replace("]", "\\]")


def _rule(check: CheckInfo) -> Json:
    help_text = f"{check.code} ({check.name}): {check.summary}"
    return {
        "id": check.code,
        "name": rule_name(check.name),
        "shortDescription": {"text": check.summary},
        "fullDescription": {"text": f"{check.summary} Reported by {check.package}."},
        "defaultConfiguration": {"level": LEVELS[check.severity]},
        # No helpUri: GitHub wants an absolute URL and the docs only live in the repo.
        "help": {
            "text": help_text,
            "markdown": f"**{check.code}** `{check.name}`: {check.summary}",
        },
        "properties": {"package": check.package, "slug": check.name},
    }


def _rules(result: RunResult) -> list[CheckInfo]:
    """The run's checks, plus a rule for any code a finding uses that no check declared
    (a plugin may emit a second code), so every result has a valid `ruleIndex`."""
    rules = list(result.checks)
    known = {c.code for c in rules}
    for f in sorted(result.findings, key=lambda f: f.code):
        if f.code not in known:
            known.add(f.code)
            rules.append(
                CheckInfo(
                    code=f.code, name=f.name, summary=f.name, severity=f.severity, package="?"
                )
            )
    return rules


def artifact_location(path: str, root: Path | None) -> Json:
    """A repo-relative path is resolved against %SRCROOT%; an absolute one becomes a file URI."""
    posix = PurePosixPath(path)
    base = PurePosixPath(root.resolve().as_posix()) if root is not None else None
    if base is not None and posix.is_absolute() and posix.is_relative_to(base):
        posix = posix.relative_to(base)
    if posix.is_absolute():
        return {"uri": posix.as_uri()}
    # Percent-encode: `uri` must be an RFC 3986 reference, and Vietnamese file names
    # or spaces are not; "/" stays so GitHub maps it onto the repository tree.
    return {"uri": quote(posix.as_posix(), safe="/"), "uriBaseId": SRCROOT}


def _region(ev: Evidence) -> Json:
    if not ev.quote and (ev.line, ev.column) == (1, 1):
        return {"startLine": 1}  # the finding is about the whole file (DC01, DC03, ...)
    # Both ends are 1-based with the end exclusive, exactly as SARIF counts them.
    return {
        "startLine": ev.line,
        "startColumn": ev.column,
        "endLine": ev.end_line,
        "endColumn": ev.end_column,
    }


def _location(ev: Evidence, root: Path | None, location_id: int | None = None) -> Json:
    location: Json = {
        "physicalLocation": {
            "artifactLocation": artifact_location(ev.path, root),
            "region": _region(ev),
        }
    }
    if location_id is not None:
        location["id"] = location_id
    label = ev.note or ev.quote
    if label:
        location["message"] = {"text": message_text(label)}
    return location


def _result(finding: Finding, index: int, fingerprint: str, root: Path | None) -> Json:
    first = finding.evidence[0] if finding.evidence else None
    others = finding.evidence[1:]
    text = message_text(finding.message)
    if others:
        links = ", ".join(
            f"[{message_text(f'{ev.path}:{ev.line}:{ev.column}')}]({n})"
            for n, ev in enumerate(others, 1)
        )
        text = f"{text} — {links}"
    result: Json = {
        "ruleId": finding.code,
        "ruleIndex": index,
        "level": LEVELS[finding.severity],
        "message": {"text": text},
        "locations": [_location(first, root)] if first else [],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint},
        "properties": {
            "province": finding.province,
            "district": finding.district,
            "severity": finding.severity.value,
        },
    }
    if others:
        result["relatedLocations"] = [_location(ev, root, n) for n, ev in enumerate(others, 1)]
    return result


def _fingerprints(findings: tuple[Finding, ...]) -> list[str]:
    """`finding.fingerprint`, with `:2`, `:3`... on repeats (as CodeQL suffixes its line
    hashes): two findings may share a key, and GitHub would then take them for one alert."""
    seen: dict[str, int] = {}
    out: list[str] = []
    for f in findings:
        seen[f.fingerprint] = seen.get(f.fingerprint, 0) + 1
        n = seen[f.fingerprint]
        out.append(f.fingerprint if n == 1 else f"{f.fingerprint}:{n}")
    return out


def sarif_log(result: RunResult, root: Path | None = None) -> Json:
    rules = _rules(result)
    index = {rule.code: i for i, rule in enumerate(rules)}
    prints = _fingerprints(result.findings)
    run: Json = {
        "tool": {
            "driver": {
                "name": "doichieu",
                "version": linter.__version__,
                "semanticVersion": linter.__version__,
                "rules": [_rule(r) for r in rules],
            }
        },
        # Our columns count code points (Python str indices), not SARIF's default UTF-16.
        "columnKind": "unicodeCodePoints",
        "results": [
            _result(f, index[f.code], fp, root)
            for f, fp in zip(result.findings, prints, strict=True)
        ],
    }
    if root is not None:
        # Only on request: an absolute path would make the log differ between machines.
        run["originalUriBaseIds"] = {SRCROOT: {"uri": root.resolve().as_uri().rstrip("/") + "/"}}
    return {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}


def render_sarif(result: RunResult, root: Path | None = None) -> str:
    log = sarif_log(result, root)
    return json.dumps(log, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def render(result: RunResult, options: RenderOptions) -> Rendered:
    """The `sarif` output format; paths stay relative (no `root`), as on every machine."""
    return Rendered(text=render_sarif(result))
