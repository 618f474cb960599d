"""The check phase of a run: prepared documents in, findings and what ran out.

In: the parsed documents (`Prepared`: a document and its claims, or where its
claims wait), the run's `Options`, the registered checks and, on a command-line
run, the cache and each document's entry key. Out: the findings of every enabled
check, appended to the run's list in the order of the province groups, and the
`CheckInfo` of each check that ran. `run_documents` groups the documents by
province and event (`linter.engine.groups`) and takes each group's findings from
the cache or checks it (`linter.engine.checkpool`); a draft's run
(`check_draft`, and a server's through `DraftChecks`) compares only the buckets
that hold the draft. `linter.engine.run` reads and parses before it and adjusts,
suppresses and sorts after it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from linter.checking.registry import Loaded, info, load_checks
from linter.data.lexicon import Lexicon
from linter.diagnostics import engine_finding
from linter.engine import policy
from linter.engine.cache import Cache
from linter.engine.checkpool import check_groups
from linter.engine.groups import Prepared, province_groups
from linter.engine.keys import checks_fingerprint, group_key
from linter.engine.options import Options
from linter.models import CheckInfo, Finding


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


def check_draft(
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
