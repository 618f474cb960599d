"""Check drafts against a corpus parsed once and kept in memory (`doichieu serve`).

`run` reads the whole corpus on every call: from the cache when it is warm,
which still means hashing every file and validating every cached document back
into models, seconds for thousands of documents. A server that answers an
editor at each pause in typing cannot pay that per request, so `WarmCorpus`
parses the corpus once (through the cache, in parallel) and keeps it as an
immutable `Snapshot` grouped by province. A draft is then parsed on its own and
checked with the documents of its province, which is what a focused run
(`doichieu check --draft`) does too: the same checks, policy, suppressions and
labelling of the draft's evidence, so the same findings and the same JSON.

Changed and added files are found by polling, on a thread of its own
(`watch`), never while a request waits: every `rescan` seconds, or ten times
as long as the last listing took if that is longer (so that listing a huge
corpus takes at most a tenth of a core), the corpus is listed again and each
file's stamp (`keys.stamp`) compared with the snapshot's. Changed and new files
are parsed (through the cache), removed ones dropped, and a new snapshot
replaces the old one; a check in flight keeps the snapshot it started with.
Listing 5,000 files (`config.run_files`) and stamping each takes 0.1 to 0.5 s
here, with load, too much to do on every request.

A check whose findings are each found from one document alone (`Check.scope`
"document") runs on the draft only; the others run on its whole province.

Known problems: the checks that compare documents read the whole province for
every draft, so a check's time grows with it: about 55 ms with 80 documents
(20 of them parsing the draft), 0.7 to 0.9 s with 1,000 in one province
(benchmarks/serve.py, in process); they would need more per-document facts
kept with the parse to compare a draft through an index.
A path that cannot be stat'ed (a broken symlink) is loaded again at each
listing, to be reported; so is a file for RACY_NS (2 s) after each change.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import threading
import time
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import field_validator

from linter.checking.registry import known_codes, load_checks
from linter.diagnostics import engine_infos, localise
from linter.engine import keys, policy
from linter.engine.checkphase import DraftChecks, run_documents
from linter.engine.config import Config, run_files
from linter.engine.focus import lead_with_focus
from linter.engine.groups import Prepared
from linter.engine.options import Options
from linter.engine.parsing import ParseSettings, parse_files, parse_result
from linter.engine.rows import Entry
from linter.engine.suppress import apply_suppressions
from linter.metadata import gazetteer
from linter.models import Document, Finding, Frozen, Provenance, RunResult
from linter.read.loading import LoadResult


class DraftMeta(Frozen):
    """Metadata the editor gives for a draft. Each value given counts as the draft's
    front matter (provenance `front_matter`): stated, not inferred, and the rest is
    inferred around it exactly as for a draft that opens with that front matter."""

    date: dt.date | None = None
    province: str | None = None
    district: str | None = None
    issuer: str | None = None

    @field_validator("province")
    @classmethod
    def _known_province(cls, name: str | None) -> str | None:
        # Documents are grouped by the canonical short name: "tỉnh Quảng Ninh" given
        # as it is would be a province of its own, compared with nothing.
        if name is None or not name.strip():
            return None
        found = gazetteer.canonical_province(name)
        if found is None:
            raise ValueError(f"unknown province {name!r}; expected a name such as 'Quảng Ninh'")
        return found.name

    @field_validator("district", "issuer")
    @classmethod
    def _stripped(cls, value: str | None) -> str | None:
        return value.strip() or None if value is not None else None


@dataclass(frozen=True)
class Snapshot:
    """The parsed corpus at one moment; replaced whole, never changed."""

    stamps: Mapping[str, keys.Stamp | None] = field(default_factory=dict)  # by displayed path
    entries: Mapping[str, Entry] = field(default_factory=dict)
    provinces: Mapping[str | None, tuple[Prepared, ...]] = field(default_factory=dict)
    unreadable: tuple[str, ...] = ()

    @property
    def documents(self) -> tuple[Document, ...]:
        docs = (entry[0] for entry in self.entries.values() if entry[0] is not None)
        return tuple(sorted(docs, key=lambda doc: doc.path))


def _snapshot(stamps: Mapping[str, keys.Stamp | None], entries: Mapping[str, Entry]) -> Snapshot:
    groups: dict[str | None, list[Prepared]] = defaultdict(list)
    unreadable = []
    for path in sorted(entries):
        doc, claims, _ = entries[path]
        if doc is None:
            unreadable.append(path)
        else:
            groups[doc.meta.province].append((doc, claims))
    provinces = {p: tuple(items) for p, items in groups.items()}
    return Snapshot(dict(stamps), dict(entries), provinces, tuple(unreadable))


class WarmCorpus:
    """A corpus kept parsed in memory, and drafts checked against it."""

    def __init__(
        self,
        paths: Sequence[Path],
        config: Config,
        root: Path | None = None,
        parsing: ParseSettings | None = None,
        rescan: float = 2.0,
        baseline: frozenset[str] = frozenset(),
    ) -> None:
        self.paths = tuple(paths)
        self.config = config
        self.base = Path(os.path.abspath(root or Path.cwd()))  # noqa: PTH100 - as run()
        self.parsing = parsing or ParseSettings()
        self.rescan = rescan  # seconds between two listings of the corpus
        self.baseline = baseline  # fingerprints of accepted findings, hidden as check hides them
        self._checks = load_checks()
        # As run() does, before parsing: a misspelt code or setting is an error now.
        policy.check_codes(config, None, known_codes(self._checks))
        policy.check_settings(config, [check for check, _ in self._checks.checks])
        self._lexicon = policy.build_lexicon(config)
        # Checks whose findings are each found from one document alone run on the
        # draft only: the province's documents would only be read to be dropped.
        self._split = DraftChecks.of(self._checks)
        self._lock = threading.Lock()
        self._snapshot = Snapshot()
        with self._lock:
            self._refresh(starting=True)

    def _listing(self, starting: bool) -> dict[str, str]:
        """Displayed path -> file, as run() chooses them. A corpus folder that does
        not exist is a usage error at start; removed while serving, it has no
        documents any more, rather than stopping the server."""
        present = [p for p in self.paths if starting or os.path.lexists(p)]
        cwd = os.getcwd()  # noqa: PTH109 - once for the listing, not once per file
        files = run_files(self.config, present, self.base, cwd)
        return {shown: name for name, shown in files}  # strings: stat'ed, parsed as they are

    def refresh(self) -> Snapshot:
        """List the corpus now and parse what changed; returns the new snapshot."""
        with self._lock:
            return self._refresh()

    def _refresh(self, starting: bool = False) -> Snapshot:
        old = self._snapshot
        settled = keys.settled_before()  # asked first: a file written after is never settled
        listing = self._listing(starting)
        stamps = {shown: keys.stamp(path, settled) for shown, path in listing.items()}
        changed = [
            (path, shown)
            for shown, path in listing.items()
            if stamps[shown] is None or old.stamps.get(shown, False) != stamps[shown]
        ]
        if changed or stamps.keys() != old.stamps.keys():
            entries = {shown: old.entries[shown] for shown in stamps if shown in old.entries}
            parsed = parse_files(changed, self.config, self.parsing)
            entries.update(zip((shown for _, shown in changed), parsed, strict=True))
            self._snapshot = _snapshot(stamps, entries)
        return self._snapshot

    def current(self) -> Snapshot:
        return self._snapshot

    def watch(self, stop: threading.Event) -> None:
        """Refresh until `stop` is set (run on a daemon thread by the server)."""
        took = 0.0
        while not stop.wait(max(self.rescan, 10 * took)):
            start = time.monotonic()
            try:
                self.refresh()
            except Exception as exc:  # the server goes on with the snapshot it has
                print(f"doichieu: warning: cannot list the corpus again: {exc}", file=sys.stderr)
            took = time.monotonic() - start

    def check(
        self,
        draft: LoadResult,
        given: DraftMeta | None = None,
        lang: str = "vi",
        fail_on: str = "warning",
    ) -> RunResult:
        """The findings that involve `draft`, as `doichieu check --draft` reports them."""
        snapshot = self.current()
        doc, claims, found = parse_result(_with_meta(draft, given), self.config)
        findings = [localise(f, lang) for f in found]
        prepared: list[Prepared] = []
        if doc is not None:
            prepared.append((doc, claims))
            if doc.meta.province:  # a draft of no province is compared with nothing
                prepared.extend(snapshot.provinces.get(doc.meta.province, ()))
        focus = frozenset({draft.path})
        options = Options(lang=lang, fail_on=fail_on, config=self.config, focus=focus)
        split = self._split
        infos = run_documents(prepared, options, findings, self._lexicon, split.grouped)
        infos = split.ordered(
            infos + run_documents(prepared[:1], options, findings, self._lexicon, split.alone)
        )
        findings = policy.adjust(findings, self.config)
        findings = apply_suppressions(findings, (d for d, _ in prepared), lang)
        findings = [f for f in findings if f.fingerprint not in self.baseline]
        reported = {
            lead_with_focus(f, focus, "draft", lang)
            for f in findings
            if any(e.path in focus for e in f.evidence)
        }
        prepared.sort(key=lambda pair: pair[0].path)
        return RunResult(
            documents=tuple(d for d, _ in prepared),
            claims={d.path: c for d, c in prepared},
            findings=tuple(sorted(reported, key=Finding.sort_key)),
            checks=(*infos, *engine_infos()),
            indicator_labels={
                key: self._lexicon.label(key, lang) for key in sorted(self._lexicon.indicators)
            },
            settings={"fail_on": fail_on, "lang": lang},
            unreadable=() if doc is not None else (draft.path,),
            skipped=len(snapshot.entries) - len(prepared) + (doc is not None),
        )


def _with_meta(draft: LoadResult, given: DraftMeta | None) -> LoadResult:
    """The draft with the editor's metadata set as its front matter would set it."""
    if draft.document is None or given is None:
        return draft
    values = given.model_dump(exclude_none=True)
    updates = {**values, **{f"{name}_source": Provenance.FRONT_MATTER for name in values}}
    meta = draft.document.meta.model_copy(update=updates)
    return draft.model_copy(update={"document": draft.document.model_copy(update={"meta": meta})})
