"""The parse stage: files to (document, claims, findings), cached and in parallel.

Each file is parsed on its own, so the stage parallelises over processes
(`--jobs`) and caches per file (`linter.engine.cache`). Results are put back in the
order of the input, so the output never depends on the number of workers.
"""

from __future__ import annotations

import os
import pickle
import sys
import zlib
from collections.abc import Callable, Collection, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from pydantic import ValidationError

from linter.data.lexicon import Lexicon
from linter.diagnostics import reason, reason_finding
from linter.engine import policy
from linter.engine.cache import CLAIMS, Cache, Entry, Row, read_claims, row_of, summary
from linter.engine.cachefile import GAZETTEER
from linter.engine.config import Config
from linter.engine.keys import config_fingerprint, entry_key, parser_fingerprint, stat_key
from linter.metadata import gazetteer
from linter.models import Claim, Document, DocumentMeta, Finding
from linter.read.loading import LoadResult, NotReadable, load_document, read_regular

# Below this many files to parse, starting worker processes costs more than it saves.
PARALLEL_THRESHOLD = 16


class Deferred:
    """Cached claims left in the cache until a check or a report needs them:
    reading and validating claims was most of a warm run, and a province whose
    findings are cached needs none. `load` reads them from the cache file `path`
    (unless `load_all` fetched them with the rest of a group) and validates them,
    and parses the file again when they are gone or damaged (`reparse`), as an
    eager read would have; `document` parses it again for its document, when the
    cache gave a summary whose whole document is now gone or damaged."""

    __slots__ = ("key", "path", "raw", "reparse")

    def __init__(self, path: Path, key: str, reparse: Callable[[], Entry]) -> None:
        self.path = path  # the cache file
        self.key = key  # the entry's key there
        self.reparse = reparse
        self.raw: str | _Unread | None = UNREAD  # fetched by load_all, read once

    def load(self) -> tuple[Claim, ...]:
        raw = self.raw
        if isinstance(raw, _Unread):
            raw = read_claims(self.path, [self.key]).get(self.key)
        self.raw = UNREAD  # a second load reads the file again, as the first did
        try:
            return tuple(CLAIMS.validate_json(raw)) if raw is not None else self.reparse()[1]
        except (ValueError, TypeError, ValidationError):
            return self.reparse()[1]

    def document(self) -> Document | None:
        """The document parsed again from its file (None when it cannot be read now)."""
        return self.reparse()[0]


class _Unread:
    """The claims of a `Deferred` not fetched yet (None: fetched, and not there)."""


UNREAD = _Unread()


class Packed:
    """A parsed document whole and its claims, pickled and compressed, while a cold run
    keeps only the document's summary (`cache.summary`) beside it: as objects, a
    document's claims and texts were about 150 KB, and a cold run held every one of
    them from its parse to its end (0.9 GB at 5,000 documents); packed they are about
    6 KB. A group is unpacked by the process that checks it (`whole_items`), one group
    at a time. Pickle, because these bytes never leave the run (they are made by this
    process or its parse workers, never read from a file), and it gives back exactly
    the objects parsed, with no validation to redo."""

    __slots__ = ("data",)

    def __init__(self, document: Document, claims: tuple[Claim, ...]) -> None:
        # Level 1: six times smaller already (the quotes repeat the text); level 6 saves
        # a tenth more for twice the time.
        self.data = zlib.compress(pickle.dumps((document, claims), pickle.HIGHEST_PROTOCOL), 1)

    def unpack(self) -> tuple[Document, tuple[Claim, ...]]:
        document, claims = pickle.loads(zlib.decompress(self.data))  # our own bytes (see above)
        return document, claims

    def load(self) -> tuple[Claim, ...]:
        return self.unpack()[1]


Claims = tuple[Claim, ...] | Deferred | Packed
LazyEntry = tuple[Document | None, Claims, list[Finding]]


def loaded(claims: Claims) -> tuple[Claim, ...]:
    return claims.load() if isinstance(claims, (Deferred, Packed)) else claims


def pack(entry: Entry) -> LazyEntry:
    """The entry with its document as a summary (whole when it has no text to leave out
    or holds a suppression comment) and the document whole and its claims `Packed`."""
    document, claims, findings = entry
    if document is None:
        return entry
    return summary(document) or document, Packed(document, claims), findings


Whole = tuple[Document, tuple[Claim, ...]]


def whole_items(pairs: Sequence[tuple[Document, Claims]]) -> list[Whole]:
    """Each document whole with its claims: `Packed` ones unpacked, `Deferred` ones
    read from the cache together and validated (`load_all`)."""
    unpacked = {n: c.unpack() for n, (_, c) in enumerate(pairs) if isinstance(c, Packed)}
    claims = load_all([unpacked[n][1] if n in unpacked else c for n, (_, c) in enumerate(pairs)])
    return [
        (unpacked[n][0] if n in unpacked else doc, found)
        for n, ((doc, _), found) in enumerate(zip(pairs, claims, strict=True))
    ]


def load_all(many: Sequence[Claims]) -> list[tuple[Claim, ...]]:
    """`loaded` of each, the deferred ones fetched from their cache file together
    (one query per few hundred documents, not a connection per document)."""
    waiting: dict[Path, list[Deferred]] = {}
    for claims in many:
        if isinstance(claims, Deferred):
            waiting.setdefault(claims.path, []).append(claims)
    for path, deferred in waiting.items():
        found = read_claims(path, [d.key for d in deferred])
        for d in deferred:
            d.raw = found.get(d.key)
    return [loaded(claims) for claims in many]


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
    return (pack(entry) if packed else entry), (row_of(entry) if row else None)


def parse_files(
    files: Sequence[tuple[Path, str]],
    config: Config,
    settings: ParseSettings,
    provinces: Collection[str | None] | None = None,
    cache: Cache | None = None,
    keys: dict[str, str] | None = None,
    lazy: bool = False,
    summaries: bool = False,
) -> list[LazyEntry]:
    """Parse `files` ((path, displayed path) pairs), using and filling the cache.

    With `provinces`, a cached document of another province is left out without
    being loaded: a draft only needs the documents it can be compared with.
    `cache` is an open cache to use and leave open (by default one is opened from
    the settings and committed); `keys` receives the entry key of every document
    that has one, by its displayed path (the run keys the checks' findings by them).
    With `lazy`, the claims of a cached file stay `Deferred` until asked for; with
    `summaries`, a cached document may come without its text (`Cache.get_many`), and
    a parsed one comes as its summary with the whole of it `Packed`.
    """
    own = cache is None and settings.cache_dir is not None
    if own:
        cache = Cache(settings.cache_dir)  # type: ignore[arg-type]
    config_key = config_fingerprint(config)
    entries: list[LazyEntry | None] = [None] * len(files)
    found = _keys(cache, files, config, config_key) if cache is not None else {}
    where: dict[str, str | None] = {}
    if provinces is not None and cache is not None:
        where = cache.lookup("entries", "province", list(found.values()))
    wanted = {
        i: key
        for i, key in found.items()
        if provinces is None or key not in where or where[key] in provinces
    }  # a cached document of another province is left out, unread
    hits = cache.get_many(list(dict.fromkeys(wanted.values())), lazy, summaries) if cache else {}
    todo: list[int] = []
    for i, (path, display) in enumerate(files):
        if i in found and i not in wanted:
            continue
        hit = hits.get(found[i]) if i in found else None
        if hit is None:
            todo.append(i)
            continue
        doc, claims, found_here = hit
        if claims is None and cache is not None:  # lazy: left in the cache file
            claims = Deferred(
                cache.path, found[i], partial(_parse_file, (str(path), display, config))
            )
        entries[i] = (doc, claims, found_here)
    rows = cache is not None
    tasks = [(str(files[i][0]), files[i][1], config, summaries, rows and i in found) for i in todo]
    if own and cache is not None:  # a cache handed in: its opener kept them (`run`)
        keep_places(cache)
    for done, (i, (entry, row)) in enumerate(zip(todo, _map(tasks, settings.jobs), strict=True), 1):
        entries[i] = entry
        if cache is not None and row is not None:
            cache.put_row(found[i], row)
        if settings.progress:
            print(
                f"\rdoichieu: parsed {done}/{len(todo)} files", end="", file=sys.stderr, flush=True
            )
    if settings.progress and todo:
        print(file=sys.stderr)
    if own and cache is not None:
        cache.commit()
    if keys is not None:
        keys.update((files[i][1], key) for i, key in found.items() if entries[i] is not None)
    return [e for e in entries if e is not None]


def keep_places(cache: Cache) -> None:
    """Keep the places' tables beside the cache (gazstore): built once per version, then
    read back in milliseconds by whatever needs them first, the parse of a file or a
    check (OF01 names offices by place: a draft met in the cache, or from stdin, built
    them for it, a fifth of a second)."""
    gazetteer.keep_in(cache.path.with_name(GAZETTEER), parser_fingerprint())


def _keys(
    cache: Cache, files: Sequence[tuple[Path, str]], config: Config, config_key: str
) -> dict[int, str]:
    """The entry key of each file that has one: from its metadata when the cache has
    seen it so, else from its bytes (none when it cannot be read: the loader says why)."""
    cwd = os.getcwd()  # noqa: PTH109 - once, not once per file
    stats = [stat_key(path, display, config_key, cwd) for path, display in files]
    known = cache.lookup("stats", "entry", [s[0] for s in stats if s is not None])
    found: dict[int, str] = {}
    for i, ((path, display), by_stat) in enumerate(zip(files, stats, strict=True)):
        key = known.get(by_stat[0]) if by_stat is not None else None
        if key is None:
            try:
                key = entry_key(read_regular(path, config.max_file_size), display, config_key)
            except NotReadable:
                continue
            if by_stat is not None and by_stat[1]:  # settled: its metadata will change with it
                cache.remember(by_stat[0], key)
        found[i] = key
    return found


def _map(tasks: list[Task], jobs: int) -> Iterator[tuple[LazyEntry, Row | None]]:
    if jobs <= 1 or len(tasks) < PARALLEL_THRESHOLD:
        yield from map(_parse_task, tasks)
        return
    chunk = max(1, len(tasks) // (jobs * 8))
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        yield from pool.map(_parse_task, tasks, chunksize=chunk)


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
