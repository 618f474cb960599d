"""The parse stage: files to (document, claims, findings), cached and in parallel.

Each file is parsed on its own, so the stage parallelises over processes
(`--jobs`) and caches per file (`linter.engine.cache`). Results are put back in the
order of the input, so the output never depends on the number of workers.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from linter import data
from linter.checking import distinctive
from linter.data.lexicon import Lexicon
from linter.diagnostics import reason, reason_finding
from linter.engine import policy
from linter.engine.cache import Cache
from linter.engine.cachefile import GAZETTEER
from linter.engine.config import Config
from linter.engine.filekeys import file_keys, remember_read
from linter.engine.held import Deferred, LazyEntry, pack
from linter.engine.keptdata import KeptData
from linter.engine.keys import config_fingerprint, parser_fingerprint
from linter.engine.rows import Entry, Row, row_of, summary
from linter.metadata import gazetteer
from linter.models import Claim, Document, DocumentMeta
from linter.read.loading import LoadResult, load_document

__all__ = [
    "ParseSettings",
    "default_jobs",
    "extract_claims",
    "infer_metadata",
    "keep_places",
    "parse_files",
    "parse_result",
]

# Below this many files to parse, starting worker processes costs more than it saves.
PARALLEL_THRESHOLD = 16


@dataclass(frozen=True)
class ParseSettings:
    jobs: int = 1
    cache_dir: Path | None = None
    progress: bool = False  # a progress line on stderr


_LEXICONS: dict[str, Lexicon] = {}


def _lexicon(config: Config) -> Lexicon:
    """One lexicon per configuration per process (workers build their own)."""
    key = config_fingerprint(config)
    if key not in _LEXICONS:
        _LEXICONS[key] = policy.build_lexicon(config)
    return _LEXICONS[key]


def infer_metadata(doc: Document) -> DocumentMeta:
    """linter.metadata.infer, imported when a file is first parsed: a warm run with
    nothing changed parses no file, and the parser's imports were a fifth of it."""
    from linter.metadata.infer import infer_metadata as infer

    return infer(doc)


def extract_claims(doc: Document, lexicon: Lexicon) -> tuple[Claim, ...]:
    """linter.claims, imported when a file is first parsed (see infer_metadata)."""
    from linter.claims import extract_claims as extract

    return extract(doc, lexicon)


def parse_result(result: LoadResult, config: Config) -> Entry:
    """Metadata and claims of one loaded file; its problems become findings
    (DC01 unreadable, DC02 malformed part, EN01 parser crash)."""
    code = "DC01" if result.document is None else "DC02"
    findings = [
        reason_finding(code, problem.reason, result.path, problem.line, problem.column)
        for problem in result.problems
    ]
    if result.document is None:
        return None, (), findings
    doc = result.document
    try:
        doc = policy.apply_metadata(doc.model_copy(update={"meta": infer_metadata(doc)}), config)
        claims = extract_claims(doc, _lexicon(config))
    except Exception as exc:  # a parser bug must not lose the rest of the corpus
        crash = reason_finding("EN01", reason("parser-crash", error=repr(exc)), doc.path)
        return doc, (), [*findings, crash]
    return doc, claims, findings


def _parse_file(task: tuple[str, str, Config]) -> Entry:
    path, display, config = task
    loaded = load_document(Path(path), display, config.max_file_size, config.max_docx_inflated_size)
    return parse_result(loaded, config)


# A file to parse: its path, displayed path and configuration, whether to pack the
# result (`pack`), and whether to make its cache row.
Task = tuple[str, str, Config, bool, bool]


def _parse_task(task: Task) -> tuple[LazyEntry, Row | None]:
    """In a parse worker (or in process): parse one file, and make there what the
    parent keeps of it: its cache row and its packed form. Made here, the parent never
    rebuilds the whole entry from its pickle (1 ms a document) to write and drop it."""
    path, display, config, packed, row = task
    entry = _parse_file((path, display, config))
    short = summary(entry[0]) if packed or row else None  # a copy: made once, kept by both
    return (pack(entry, short) if packed else entry), (row_of(entry, short) if row else None)


def parse_files(
    files: Sequence[tuple[Path | str, str]],
    config: Config,
    settings: ParseSettings,
    provinces: Collection[str | None] | None = None,
    cache: Cache | None = None,
    keys: dict[str, str] | None = None,
    lazy: bool = False,
    summaries: bool = False,
) -> list[LazyEntry]:
    """Parse `files` ((path, displayed path) pairs; a path may be the string of one,
    as `config.run_files` gives it), using and filling the cache.

    With `provinces`, a document of another province is left out: without being
    loaded when cached, once parsed (and cached) when not, so that a run gives the
    same documents cold and warm. A draft only needs those it can be compared with.
    `cache` is an open cache to use and leave open (by default one is opened from
    the settings and committed); `keys` receives the entry key of every document
    that has one, by its displayed path (the run keys the checks' findings by them).
    With `lazy`, the claims of a cached file stay `Deferred` until asked for; with
    `summaries`, a cached document may come without its text (`Cache.get_many`), its
    claims deferred too (its check reads it whole through them: `held.whole_items`),
    and a parsed one comes as its summary with the whole of it `Packed`.
    """
    lazy = lazy or summaries
    own = cache is None and settings.cache_dir is not None
    if own:
        cache = Cache(settings.cache_dir)  # type: ignore[arg-type]
    config_key = config_fingerprint(config)
    entries: list[LazyEntry | None] = [None] * len(files)
    found, outside, read = (
        file_keys(cache, files, config, config_key, provinces)
        if cache is not None
        else ({}, set(), {})
    )
    where: dict[str, str | None] = {}  # the provinces of the entries of the files read
    if provinces is not None and cache is not None and read:
        where = cache.provinces([found[i] for i in read])
    wanted = {
        i: key
        for i, key in found.items()
        if provinces is None or key not in where or where[key] in provinces
    }  # a cached document of another province is left out, unread
    hits = cache.get_many(list(dict.fromkeys(wanted.values())), lazy, summaries) if cache else {}
    todo: list[int] = []
    for i, (path, display) in enumerate(files):
        if i in outside or (i in found and i not in wanted):
            continue
        hit = hits.get(found[i]) if i in found else None
        if hit is None:
            todo.append(i)
            continue
        doc, claims, found_here = hit
        if i in read:  # its stats row names its entry's province (`remember_read`)
            where.setdefault(found[i], doc.meta.province if doc is not None else None)
        if claims is None and cache is not None:  # lazy: left in the cache file
            reparse = partial(_parse_file, (str(path), display, config))
            cut = summaries and found[i] in cache.summarised  # came without its text
            claims = Deferred(cache.path, found[i], reparse, cut)
        entries[i] = (doc, claims, found_here)
    # A row for each file with a key (none without a cache: `found` is empty).
    tasks = [(str(files[i][0]), files[i][1], config, summaries, i in found) for i in todo]
    if own and cache is not None:  # a cache handed in: its opener kept them (`run`)
        keep_places(cache)
    for done, (i, (entry, row)) in enumerate(zip(todo, _map(tasks, settings.jobs), strict=True), 1):
        if cache is not None and row is not None:
            cache.put_row(found[i], row)
        # One of another province is left out once parsed (and cached) as it is when
        # cached: a cold run and a warm one give the same report.
        province = entry[0].meta.province if entry[0] is not None else None
        if i in found:
            where[found[i]] = province
        entries[i] = entry if provinces is None or province in provinces else None
        if settings.progress:
            print(
                f"\rdoichieu: parsed {done}/{len(todo)} files", end="", file=sys.stderr, flush=True
            )
    if settings.progress and todo:
        print(file=sys.stderr)
    if cache is not None:
        remember_read(cache, found, where, read)
    if own and cache is not None:
        cache.commit()
    if keys is not None:  # the others have no entry: left out
        keys.update((files[i][1], key) for i, key in wanted.items() if entries[i] is not None)
    return [e for e in entries if e is not None]


def keep_places(cache: Cache | None) -> None:
    """Keep the places' tables beside the cache (gazstore): built once per version, then
    read back in milliseconds by whatever needs them first, the parse of a file or a
    check (OF01 names offices by place: a draft met in the cache, or from stdin, built
    them for it, a fifth of a second). And the data files' parses in it (keptdata).
    Called by every run: one without a cache keeps nothing, not even in the cache of
    an earlier run of the process (a server, the tests), and no run takes the linking
    features an earlier one was given from its cache (`keptfeatures.prime`)."""
    distinctive.forget()
    if cache is None:
        gazetteer.keep_in(None)
        data.keep_in(None)
        return
    gazetteer.keep_in(cache.path.with_name(GAZETTEER), parser_fingerprint())
    data.keep_in(KeptData(cache.path))


def _map(tasks: list[Task], jobs: int) -> Iterator[tuple[LazyEntry, Row | None]]:
    if jobs <= 1 or len(tasks) < PARALLEL_THRESHOLD:
        yield from map(_parse_task, tasks)
        return
    from concurrent.futures import ProcessPoolExecutor  # here: a draft's run never forks (9 ms)

    chunk = max(1, len(tasks) // (jobs * 8))
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        yield from pool.map(_parse_task, tasks, chunksize=chunk)


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
