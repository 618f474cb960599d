"""Run the pipeline: load, infer metadata, parse claims, group by province, check.

One bad file or one bad check never stops the run. A file that cannot be read
becomes a DC01 finding (DC02 when it was read with a problem, such as broken
front matter); a parser crash on a document is EN01 and the document is still
listed; a check that raises is EN01 for that check and province; a check that
fails to load is EN02. Output order never depends on the order of the inputs.

A run may have a *focus* (a draft, the files changed since a revision): the
whole corpus is read and checked as context, but only findings that involve a
focused document are reported.

In: the paths (and documents already loaded, such as a draft from stdin) and the
run's `Options` (`linter.engine.options`). Out: the sorted `RunResult`. This
module lists, parses (`linter.engine.parsing`) and, after the checks, adjusts,
suppresses, focuses and sorts; the checks themselves run in
`linter.engine.checkphase`, called through its module so that a benchmark
(`benchmarks/memory.py`) can wrap `run_documents` for both kinds of run.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from linter.checking.registry import known_codes, load_checks
from linter.diagnostics import engine_infos, localise
from linter.engine import checkphase, policy
from linter.engine.cache import Cache
from linter.engine.config import run_files
from linter.engine.focus import lead_with_focus
from linter.engine.held import loaded as claims_of
from linter.engine.keptfeatures import keep, prime
from linter.engine.options import Options
from linter.engine.parsing import keep_places, parse_files, parse_result
from linter.engine.suppress import apply_suppressions
from linter.models import Finding, RunResult
from linter.read.loading import LoadResult


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
    cwd = os.getcwd()  # noqa: PTH109 - once for the listing, not once per file
    files = run_files(config, paths, base, cwd)  # (name, displayed path): no Paths
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
        infos = checkphase.check_draft(prepared, options, findings, lexicon, loaded)
        keep(missed, cache)  # the published reports' linking features the checks computed
    else:
        infos = checkphase.run_documents(
            prepared, options, findings, lexicon, loaded, cache, keys, jobs
        )
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
            lead_with_focus(f, focus, role, lang)
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
