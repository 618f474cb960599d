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

import os
import sys
import time
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal

from linter.checking.registry import Loaded, info, known_codes, load_checks
from linter.data.lexicon import Lexicon
from linter.diagnostics import engine_finding, engine_infos, localise
from linter.engine import policy
from linter.engine.cache import Cache
from linter.engine.checkpool import check_groups
from linter.engine.config import Config
from linter.engine.focus import lead_with_focus as _lead_with_focus  # warm.py imports it here
from linter.engine.groups import Prepared, province_groups
from linter.engine.held import loaded as claims_of
from linter.engine.keptfeatures import keep, prime
from linter.engine.keys import checks_fingerprint, group_key
from linter.engine.parsing import ParseSettings, keep_places, parse_files, parse_result
from linter.engine.suppress import apply_suppressions
from linter.models import CheckInfo, Finding, RunResult
from linter.read.listing import collect_names
from linter.read.loading import LoadResult, display_path


@dataclass(frozen=True)
class Options:
    select: Collection[str] | None = None  # check codes or prefixes to run; None = the config's
    lang: str = "vi"
    fail_on: str = "warning"
    config: Config = field(default_factory=Config)
    focus: frozenset[str] | None = None  # report only findings involving these paths
    focus_role: Literal["draft", "changed"] = "draft"  # what the focused documents are
    baseline: frozenset[str] = frozenset()  # fingerprints of accepted findings
    parsing: ParseSettings = field(default_factory=ParseSettings)  # jobs, cache, progress
    verbose: bool = False  # timings per phase on stderr
    # RunResult.claims filled: only reports that list claims need them (the html
    # report); with a warm cache, not loading them is most of the time saved. Without
    # them, a run with no focus returns its documents as summaries (`cache.summary`:
    # metadata, no text; whole only with a suppression comment or no text): a caller
    # that reads texts asks for claims.
    claims: bool = True
    freeze: bool = False  # the process ends with the run: check phase's survivors frozen


def run_documents(
    documents: Sequence[Prepared],
    options: Options,
    findings: list[Finding],
    lexicon: Lexicon,
    loaded: Loaded | None = None,
    cache: Cache | None = None,
    keys: Mapping[str, str] | None = None,
    jobs: int = 1,
) -> list[CheckInfo]:
    """Run every enabled check on every province group; returns what ran.

    With a `cache` and the entry `keys` of the documents (by path), the findings
    of a group whose documents all have a key are taken from the cache, or cached.
    With `jobs` above 1, groups are checked in forked processes (linter.engine.
    checkpool): only a command-line run asks for it, never a server with threads.
    """
    loaded = loaded or load_checks()
    for error in loaded.errors:
        where = f"<plugin {error.package}>"
        message = str(error)
        if options.lang == "vi":
            message = (
                f"không nạp được kiểm tra {error.entry_point!r} của gói {error.package!r}: "
                f"{error.message}"
            )
        findings.append(engine_finding("EN02", message, where, key=f"{where}|{error}"))
    checks = [
        (c, p) for c, p in loaded.checks if policy.enabled(c.code, options.config, options.select)
    ]
    tolerance = options.config.approx_tolerance
    settings = {check.code: policy.settings_of(check, options.config) for check, _ in checks}
    code = checks_fingerprint([c for c, _ in checks]) if cache and keys is not None else None
    given = {"settings": settings, "lang": options.lang, "config": options.config.model_dump()}
    groups = province_groups(documents, lexicon, options.lang, tolerance, findings)
    found: list[list[Finding] | None] = [None] * len(groups)
    group_keys: list[str | None] = [None] * len(groups)
    for n, group in enumerate(groups):
        entries = [(keys or {}).get(item.document.path) for item in group.items]
        if cache is not None and code is not None and None not in entries:
            group_keys[n] = group_key(code, group.province, entries, given)  # type: ignore[arg-type]
            found[n] = cache.group_findings(group_keys[n])  # type: ignore[arg-type]
    if options.focus is not None:  # only the focused documents' buckets are compared
        for n, group in enumerate(groups):
            if group_keys[n] is None:  # never cached: a full result is cached, not a part
                groups[n] = replace(group, focus=options.focus)
    todo = [n for n, hit in enumerate(found) if hit is None]
    classes = [c for c, _ in checks]
    # A group's summaries are read whole where it is checked: one group's texts at a time.
    computed = check_groups([groups[n] for n in todo], classes, settings, jobs, options.freeze)
    for n, (result, complete) in zip(todo, computed, strict=True):
        found[n] = result
        # Not cached when a summary was checked for want of its text (`complete`).
        if cache is not None and group_keys[n] and complete:
            cache.put_group(group_keys[n], result)  # type: ignore[arg-type]
    findings.extend(f for result in found for f in result or ())  # in the order of the groups
    return [info(c, p) for c, p in checks]


def run(
    paths: Sequence[Path],
    options: Options | None = None,
    root: Path | None = None,
    extra: Sequence[LoadResult] = (),
) -> RunResult:
    """Check the documents under `paths` (plus `extra`, already loaded, e.g. a draft from stdin)."""
    options = options or Options()
    config = options.config
    loaded = load_checks()  # before parsing: a misspelt code is an error, not a silent pass
    policy.check_codes(config, options.select, known_codes(loaded))
    policy.check_settings(config, [check for check, _ in loaded.checks])
    timer = Timer(options.verbose)
    base = Path(os.path.abspath(root or Path.cwd()))  # noqa: PTH100 - see _display
    named = {display_path(p, base) for p in paths if p.is_file()}
    cwd = os.getcwd()  # noqa: PTH109 - once for the listing, not once per file
    shown = [(name, display_path(name, base, cwd)) for name in collect_names(paths)]  # no Paths
    files = [(p, d) for p, d in shown if d in named or config.takes(d)]  # named: always
    cache_dir = options.parsing.cache_dir
    cache = Cache(cache_dir) if cache_dir else None  # one for parsing and checking
    keep_places(cache)  # this run's cache, or none; before a draft from stdin is parsed
    entries = [parse_result(result, config) for result in extra]
    skipped = 0
    keys: dict[str, str] = {}
    lazy = not options.claims  # a result without claims reads them only to check again
    # Summaries (documents without their texts) only where no report reads a text:
    # the reports that read texts (html) are the ones that list claims, so the cli
    # asks for claims whenever it writes one. Also only where claims are deferred:
    # `held.whole_items` parses a summary's file again through its Deferred claims.
    summaries = lazy
    if options.focus is None:  # run_documents reads texts back to check a province again
        entries += parse_files(
            files, config, options.parsing, None, cache, keys, lazy, summaries=summaries
        )
    else:  # the focused documents first: only their provinces are needed as context
        focused = [f for f in files if f[1] in options.focus]
        entries += parse_files(focused, config, options.parsing, None, cache, keys, lazy)
        wanted = {doc.meta.province for doc, _, _ in entries if doc is not None}
        rest = [f for f in files if f[1] not in options.focus]
        context = parse_files(rest, config, options.parsing, wanted, cache, keys, lazy)
        skipped = len(rest) - len(context)
        entries += context
    for result in extra:  # a draft from stdin named like a file is not that file
        keys.pop(result.path, None)
    timer.lap(f"parse {len(entries)} files")
    # Parsing (and so the cache) knows no language: the loader's findings are put
    # in the run's language here.
    findings = [localise(f, options.lang) for _, _, found in entries for f in found]
    prepared = [(doc, claims) for doc, claims, _ in entries if doc is not None]
    unreadable = [f.evidence[0].path for doc, _, found in entries if doc is None for f in found[:1]]
    del entries  # `prepared` holds what the checks need, and nothing else is kept of it
    lexicon = policy.build_lexicon(config)
    jobs = options.parsing.jobs
    if options.focus is not None and options.focus_role == "draft":
        missed = prime([doc for doc, _ in prepared if doc.path not in options.focus], cache, keys)
        infos = _check_draft(prepared, options, findings, lexicon, loaded)
        keep(missed, cache)  # the published reports' linking features the checks computed
    else:
        infos = run_documents(prepared, options, findings, lexicon, loaded, cache, keys, jobs)
    if not options.claims:  # checked: a cold run's packed documents and claims are let go
        prepared = [(doc, ()) for doc, _ in prepared]  # before the report is made
    if cache is not None:
        cache.commit()
    findings = policy.adjust(findings, config)
    findings = apply_suppressions(findings, (doc for doc, _ in prepared), options.lang)
    findings = [f for f in findings if f.fingerprint not in options.baseline]
    if options.focus is not None:
        focus, role, lang = options.focus, options.focus_role, options.lang
        findings = [
            _lead_with_focus(f, focus, role, lang)
            for f in findings
            if any(e.path in focus for e in f.evidence)
        ]
    timer.lap(f"check {len(prepared)} documents")
    prepared.sort(key=lambda pair: pair[0].path)
    # Asked for claims, the run packed nothing (`summaries` is False): none is `Packed`.
    claims = {doc.path: claims_of(c) for doc, c in prepared} if options.claims else {}  # type: ignore[arg-type]
    return RunResult(
        documents=tuple(doc for doc, _ in prepared),
        claims=claims,
        findings=tuple(sorted(set(findings), key=Finding.sort_key)),
        checks=(*infos, *engine_infos()),
        indicator_labels={
            key: lexicon.label(key, options.lang) for key in sorted(lexicon.indicators)
        },
        settings={"fail_on": options.fail_on, "lang": options.lang},
        unreadable=tuple(sorted(unreadable)),
        skipped=skipped,
    )


def _check_draft(
    prepared: Sequence[Prepared],
    options: Options,
    findings: list[Finding],
    lexicon: Lexicon,
    loaded: Loaded,
) -> list[CheckInfo]:
    """The checks of a draft run, as a server runs them (linter.engine.warm): only the
    buckets that hold the draft are compared (`Group.focus`), and a check whose findings
    each come from one document alone runs on the draft only. Nothing is cached: a
    province's findings with this draft in it are never asked for again."""
    focus = options.focus or frozenset()
    split = DraftChecks.of(loaded)
    drafts = [pair for pair in prepared if pair[0].path in focus]
    infos = run_documents(prepared, options, findings, lexicon, split.grouped)
    infos += run_documents(drafts, options, findings, lexicon, split.alone)
    return split.ordered(infos)


@dataclass(frozen=True)
class DraftChecks:
    """The checks of a draft run split by scope: `alone` (each finding from one
    document) run on the draft only, `grouped` on its province; `ordered` lists what
    ran as one whole run lists it."""

    alone: Loaded
    grouped: Loaded
    order: Mapping[str, int]

    @classmethod
    def of(cls, loaded: Loaded) -> DraftChecks:
        checks = loaded.checks
        return cls(
            Loaded(tuple(c for c in checks if c[0].scope == "document"), ()),
            Loaded(tuple(c for c in checks if c[0].scope != "document"), loaded.errors),
            {check.code: n for n, (check, _) in enumerate(checks)},
        )

    def ordered(self, infos: list[CheckInfo]) -> list[CheckInfo]:
        return sorted(infos, key=lambda info: self.order.get(info.code, len(self.order)))


class Timer:
    """Timings per phase on stderr with --verbose."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.last = time.perf_counter()

    def lap(self, what: str) -> None:
        now = time.perf_counter()
        if self.enabled:
            print(f"doichieu: {what}: {now - self.last:.2f} s", file=sys.stderr)
        self.last = now
