"""Run the pipeline: load, infer metadata, parse claims, group by province, check.

One bad file or one bad check never stops the run. A file that cannot be read
becomes a DC01 finding (DC02 when it was read with a problem, such as broken
front matter); a parser crash on a document is EN01 and the document is still
listed; a check that raises is EN01 for that check and province; a check that
fails to load is EN02. Output order never depends on the order of the inputs.

A run may have a *focus* (a draft, the files changed since a revision): the
whole corpus is read and checked as context, but only findings that involve a
focused document are reported.
"""

from __future__ import annotations

import traceback
from collections import defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from linter import policy
from linter.checking import Check, DocumentClaims, Group
from linter.claims import extract_claims
from linter.config import Config
from linter.diagnostics import engine_finding, engine_infos
from linter.lexicon import Lexicon
from linter.loading import LoadResult, collect_paths, load_document
from linter.metadata import infer_metadata
from linter.models import CheckInfo, Claim, Document, Finding, RunResult
from linter.registry import info, load_checks
from linter.suppress import apply_suppressions

Prepared = tuple[Document, tuple[Claim, ...]]


@dataclass(frozen=True)
class Options:
    select: Collection[str] | None = None  # check codes or prefixes to run; None = the config's
    lang: str = "vi"
    fail_on: str = "warning"
    config: Config = field(default_factory=Config)
    focus: frozenset[str] | None = None  # report only findings involving these paths
    baseline: frozenset[str] = frozenset()  # fingerprints of accepted findings


def prepare(
    result: LoadResult,
    findings: list[Finding],
    config: Config | None = None,
    lexicon: Lexicon | None = None,
) -> Prepared | None:
    """Metadata and claims of one loaded file; problems become findings."""
    config = config or Config()
    for problem in result.problems:
        code = "DC01" if result.document is None else "DC02"
        findings.append(
            engine_finding(code, problem.message, result.path, problem.line, problem.column)
        )
    if result.document is None:
        return None
    doc = result.document
    try:
        doc = policy.apply_metadata(doc.model_copy(update={"meta": infer_metadata(doc)}), config)
        claims = extract_claims(doc, lexicon)
    except Exception as exc:  # a parser bug must not lose the rest of the corpus
        findings.append(
            engine_finding("EN01", f"parser crashed on this document: {exc!r}", doc.path)
        )
        return doc, ()
    return doc, claims


def run_documents(
    documents: Sequence[Prepared], options: Options, findings: list[Finding], lexicon: Lexicon
) -> list[CheckInfo]:
    """Run every enabled check on every province group; returns what ran."""
    loaded = load_checks()
    for error in loaded.errors:
        findings.append(engine_finding("EN02", str(error), f"<plugin {error.package}>"))
    checks = [
        (c, p) for c, p in loaded.checks if policy.enabled(c.code, options.config, options.select)
    ]
    tolerance = options.config.approx_tolerance
    for group in _groups(documents, lexicon, options.lang, tolerance, findings):
        for check, _ in checks:
            findings.extend(_run_check(check, group))
    return [info(c, p) for c, p in checks]


def _groups(
    documents: Sequence[Prepared],
    lexicon: Lexicon,
    lang: str,
    tolerance: float,
    findings: list[Finding],
) -> list[Group]:
    """One group per province; a document with no province is a group of its own."""
    by_province: dict[str, list[DocumentClaims]] = defaultdict(list)
    groups: list[Group] = []
    for doc, claims in sorted(documents, key=lambda pair: pair[0].path):
        item = DocumentClaims(doc, claims)
        if doc.meta.province:
            by_province[doc.meta.province].append(item)
            continue
        message = (
            "no province found in front matter or text; "
            "its figures are not compared with other documents"
        )
        findings.append(engine_finding("DC03", message, doc.path))
        groups.append(Group(None, (item,), lexicon, lang, tolerance))
    groups.extend(
        Group(p, tuple(items), lexicon, lang, tolerance) for p, items in sorted(by_province.items())
    )
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
    paths: Sequence[Path],
    options: Options | None = None,
    root: Path | None = None,
    extra: Sequence[LoadResult] = (),
) -> RunResult:
    """Check the documents under `paths` (plus `extra`, already loaded, e.g. a draft from stdin)."""
    options = options or Options()
    config = options.config
    lexicon = policy.build_lexicon(config)
    findings: list[Finding] = []
    prepared: list[Prepared] = []
    unreadable: list[str] = []
    named = {p.resolve() for p in paths if p.is_file()}
    results = []
    for path in collect_paths(paths):
        display = _display(path, root)
        if path.resolve() in named or config.takes(display):  # named files are always read
            results.append(load_document(path, display))
    for result in [*results, *extra]:
        item = prepare(result, findings, config, lexicon)
        if item is None:
            unreadable.append(result.path)
        else:
            prepared.append(item)
    infos = run_documents(prepared, options, findings, lexicon)
    findings = policy.adjust(findings, config)
    findings = apply_suppressions(findings, (doc for doc, _ in prepared))
    findings = [f for f in findings if f.fingerprint not in options.baseline]
    if options.focus is not None:
        findings = [f for f in findings if any(e.path in options.focus for e in f.evidence)]
    prepared.sort(key=lambda pair: pair[0].path)
    return RunResult(
        documents=tuple(doc for doc, _ in prepared),
        claims={doc.path: claims for doc, claims in prepared},
        findings=tuple(sorted(set(findings), key=Finding.sort_key)),
        checks=(*infos, *engine_infos()),
        indicator_labels={
            key: lexicon.label(key, options.lang) for key in sorted(lexicon.indicators)
        },
        settings={"fail_on": options.fail_on, "lang": options.lang},
        unreadable=tuple(sorted(unreadable)),
    )


def _display(path: Path, root: Path | None) -> str:
    """Paths are shown relative to the root (default: the working directory) when below it."""
    base = (root or Path.cwd()).resolve()
    try:
        return path.resolve().relative_to(base).as_posix()
    except ValueError:
        return path.as_posix()
