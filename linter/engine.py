"""Run the pipeline: load, infer metadata, parse claims, group by province, check.

One bad file or one bad check never stops the run. A file that cannot be read
becomes a DC01 finding (DC02 when it was read with a problem, such as broken
front matter); a parser crash on a document is EN01 and the document is still
listed; a check that raises is EN01 for that check and province; a check that
fails to load is EN02. Output order never depends on the order of the inputs.
"""

from __future__ import annotations

import traceback
from collections import defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from pathlib import Path

from linter.checking import Check, DocumentClaims, Group
from linter.claims import extract_claims
from linter.lexicon import Lexicon, default_lexicon
from linter.loading import LoadResult, collect_paths, load_document
from linter.metadata import infer_metadata
from linter.models import CheckInfo, Claim, Document, Evidence, Finding, RunResult, Severity
from linter.registry import info, load_checks

# Codes the engine itself reports; they are not checks and cannot be disabled.
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
    "EN01": (
        "engine.crash",
        Severity.ERROR,
        "A check or the parser crashed; the rest of the run went on.",
    ),
    "EN02": ("engine.bad-plugin", Severity.ERROR, "A registered check failed to load."),
}


@dataclass(frozen=True)
class Options:
    select: Collection[str] | None = None  # check codes to run; None = all
    lang: str = "vi"
    fail_on: str = "warning"


def engine_finding(code: str, message: str, path: str, line: int = 1, column: int = 1) -> Finding:
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
        key=f"{path}|{message}",
    )


def engine_infos() -> list[CheckInfo]:
    return [
        CheckInfo(
            code=code, name=name, summary=summary, severity=severity, package="doichieu (engine)"
        )
        for code, (name, severity, summary) in ENGINE_CODES.items()
    ]


def prepare(
    result: LoadResult, findings: list[Finding]
) -> tuple[Document, tuple[Claim, ...]] | None:
    """Metadata and claims of one loaded file; problems become findings."""
    for problem in result.problems:
        code = "DC01" if result.document is None else "DC02"
        findings.append(
            engine_finding(code, problem.message, result.path, problem.line, problem.column)
        )
    if result.document is None:
        return None
    doc = result.document
    try:
        doc = doc.model_copy(update={"meta": infer_metadata(doc)})
        claims = extract_claims(doc)
    except Exception as exc:  # a parser bug must not lose the rest of the corpus
        findings.append(
            engine_finding("EN01", f"parser crashed on this document: {exc!r}", doc.path)
        )
        return doc, ()
    return doc, claims


def run_documents(
    documents: Sequence[tuple[Document, tuple[Claim, ...]]],
    options: Options,
    findings: list[Finding],
    lexicon: Lexicon | None = None,
) -> tuple[list[CheckInfo], list[Finding]]:
    lexicon = lexicon or default_lexicon()
    loaded = load_checks()
    for error in loaded.errors:
        findings.append(engine_finding("EN02", str(error), f"<plugin {error.package}>"))
    checks = [
        (c, p) for c, p in loaded.checks if options.select is None or c.code in options.select
    ]
    for group in _groups(documents, lexicon, options.lang, findings):
        for check, _ in checks:
            findings.extend(_run_check(check, group))
    infos = [info(c, p) for c, p in checks]
    return infos, findings


def _groups(
    documents: Sequence[tuple[Document, tuple[Claim, ...]]],
    lexicon: Lexicon,
    lang: str,
    findings: list[Finding],
) -> list[Group]:
    """One group per province; a document with no province is a group of its own."""
    by_province: dict[str, list[DocumentClaims]] = defaultdict(list)
    groups: list[Group] = []
    for doc, claims in sorted(documents, key=lambda pair: pair[0].path):
        item = DocumentClaims(doc, claims)
        if doc.meta.province:
            by_province[doc.meta.province].append(item)
        else:
            findings.append(
                engine_finding(
                    "DC03",
                    "no province found in front matter or text; "
                    "its figures are not compared with other documents",
                    doc.path,
                )
            )
            groups.append(Group(None, (item,), lexicon, lang))
    groups.extend(Group(p, tuple(items), lexicon, lang) for p, items in sorted(by_province.items()))
    return groups


def _run_check(check: type[Check], group: Group) -> list[Finding]:
    try:
        return list(check().run(group))
    except Exception as exc:  # a broken check is reported, never fatal
        frame = traceback.extract_tb(exc.__traceback__)[-1]
        where = group.items[0].document.path if group.items else "<corpus>"
        message = (
            f"check {check.code} ({check.name}) crashed on province {group.province or '?'}: "
            f"{exc!r} at {Path(frame.filename).name}:{frame.lineno}"
        )
        return [engine_finding("EN01", message, where)]


def run(
    paths: Sequence[Path], options: Options | None = None, root: Path | None = None
) -> RunResult:
    options = options or Options()
    lexicon = default_lexicon()
    findings: list[Finding] = []
    prepared: list[tuple[Document, tuple[Claim, ...]]] = []
    unreadable: list[str] = []
    for path in collect_paths(paths):
        result = load_document(path, _display(path, root))
        item = prepare(result, findings)
        if item is None:
            unreadable.append(result.path)
        else:
            prepared.append(item)
    infos, findings = run_documents(prepared, options, findings, lexicon)
    prepared.sort(key=lambda pair: pair[0].path)
    labels = {key: lexicon.label(key, options.lang) for key in sorted(lexicon.indicators)}
    return RunResult(
        documents=tuple(doc for doc, _ in prepared),
        claims={doc.path: claims for doc, claims in prepared},
        findings=tuple(sorted(set(findings), key=Finding.sort_key)),
        checks=(*infos, *engine_infos()),
        indicator_labels=labels,
        settings={"fail_on": options.fail_on, "lang": options.lang},
        unreadable=tuple(sorted(unreadable)),
    )


def _display(path: Path, root: Path | None) -> str:
    """Paths are shown relative to the working directory when they are below it."""
    base = (root or Path.cwd()).resolve()
    try:
        return path.resolve().relative_to(base).as_posix()
    except ValueError:
        return path.as_posix()
