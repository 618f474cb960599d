"""Suppressions a document declares, and the baseline of accepted findings.

A document that is right on purpose says so for one check code, in a comment
(md, html, txt) or in its front matter::

    <!-- doichieu: bỏ qua NU01 -->        <!-- doichieu: ignore NU01, VB01 -->
    doichieu-ignore: [NU01]              # front matter

A finding is suppressed when a document it involves suppresses its code (the
editor has declared that difference intended). A suppression that suppresses
nothing is itself reported (DC04), so stale ones do not hide future problems.

A baseline file records the fingerprints of findings accepted as they are
(published articles cannot be edited); later runs report only new ones.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from linter.diagnostics import engine_finding
from linter.errors import UsageError
from linter.models import Document, Finding
from linter.read.loading import MAX_FILE_SIZE, NotReadable, read_regular
from linter.textmap import line_col

_COMMENT = re.compile(
    r"<!--\s*doichieu\s*:\s*(?:bỏ\s+qua|bo\s+qua|ignore|noqa)\s+(?P<codes>[A-Z]{2}\d{2}(?:\s*,\s*[A-Z]{2}\d{2})*)\s*-->",
    re.IGNORECASE,
)
BASELINE_VERSION = 1


def declared(doc: Document) -> dict[str, tuple[int, int]]:
    """Suppressed codes of a document, with where each is declared (line, column)."""
    found: dict[str, tuple[int, int]] = {}
    for m in _COMMENT.finditer(doc.original):
        for code in re.split(r"\s*,\s*", m.group("codes").upper()):
            found.setdefault(code, line_col(doc.original, m.start()))
    listed = doc.front_matter.get("doichieu-ignore", [])
    for code in [listed] if isinstance(listed, str) else listed if isinstance(listed, list) else []:
        found.setdefault(str(code).upper(), (1, 1))
    return found


def apply_suppressions(
    findings: Iterable[Finding], documents: Iterable[Document], lang: str = "vi"
) -> list[Finding]:
    by_path = {d.path: declared(d) for d in documents}
    used: set[tuple[str, str]] = set()
    kept: list[Finding] = []
    for finding in findings:
        hits = [
            (e.path, finding.code)
            for e in finding.evidence
            if finding.code in by_path.get(e.path, {})
        ]
        used.update(hits)
        if not hits:
            kept.append(finding)
    for path, codes in sorted(by_path.items()):
        for code, (line, column) in sorted(codes.items()):
            if (path, code) not in used:
                english = (
                    f"suppression of {code} is unused: no {code} finding involves this document"
                )
                message = (
                    english
                    if lang == "en"
                    else (
                        f"bỏ qua {code} không còn tác dụng: không có phát hiện {code} nào "
                        "liên quan đến văn bản này"
                    )
                )
                # The fingerprint keeps the English message: baselines hold in either language.
                key = f"{path}|{english}"
                kept.append(engine_finding("DC04", message, path, line, column, key=key))
    return kept


def baseline_text(findings: Iterable[Finding]) -> str:
    entries = sorted(
        ({"fingerprint": f.fingerprint, "code": f.code, "message": f.message,
          "paths": sorted({e.path for e in f.evidence})} for f in findings),
        key=lambda e: (e["code"], e["fingerprint"]),
    )  # fmt: skip
    text = json.dumps(
        {"version": BASELINE_VERSION, "findings": entries}, ensure_ascii=False, indent=2
    )
    return text + "\n"


class _BaselineEntry(BaseModel):
    fingerprint: str  # the other keys (code, message, paths) are for people reading the file


class _Baseline(BaseModel):
    # Strict: `"version": true` is not version 1. pydantic's JSON parser also bounds
    # nesting, where json.loads would raise RecursionError on a hostile file.
    model_config = ConfigDict(strict=True)
    version: int
    findings: tuple[_BaselineEntry, ...]


def read_baseline(path: Path) -> frozenset[str]:
    try:  # only a regular file: a named pipe would block the run forever
        data = _Baseline.model_validate_json(read_regular(path, MAX_FILE_SIZE))
    except NotReadable as exc:
        raise UsageError(f"{path}: cannot read the baseline: {exc.message}") from exc
    except ValidationError as exc:
        problems = "; ".join(
            ".".join(map(str, e["loc"])) + f": {e['msg']}" if e["loc"] else e["msg"]
            for e in exc.errors()[:3]
        )
        raise UsageError(f"{path}: not a doichieu baseline: {problems}") from exc
    if data.version != BASELINE_VERSION:
        raise UsageError(
            f"{path}: not a doichieu baseline: expected version {BASELINE_VERSION}, "
            f"found {data.version}"
        )
    return frozenset(e.fingerprint for e in data.findings)
