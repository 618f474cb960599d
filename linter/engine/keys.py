"""The keys of the cache: what a parse or a check depends on, hashed.

`parser_fingerprint` changes with linter's code and data and the libraries it
reads with; `config_fingerprint` with the configuration that changes parsing;
`entry_key` names one parsed file by its content; `stat_keys` names each file of
a listing by its metadata so that a warm run need not read it, and `stamp` what a
server compares of a file between two listings, both under one racy rule
(`settled_before`); `group_key` names the findings of the checks on one province
by everything those checks see. The first half of these three keys (HALF hex
digits, or FILE_BYTES bytes) names what the row is a version of: the cache keeps one
(`linter.engine.prune`).
"""

from __future__ import annotations

import hashlib
import inspect
import json
import os
import re
import stat
import sys
import time
from collections.abc import Iterable, Mapping
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, distribution
from pathlib import Path

from linter import memofile
from linter.engine.config import Config
from linter.read.shown import absolute

# A file modified or changed less than this before it was read is not keyed by its
# metadata: a second write in the same clock tick could leave size and times unchanged.
RACY_NS = 2_000_000_000
# A file name that is not UTF-8 comes from the system as a str with lone surrogates
# (os.fsdecode): encoded back to its own bytes, never an error. Other names encode
# as before, so their keys are unchanged.
NAMES = "surrogateescape"
_VERSION = re.compile(r"^Version:[ \t]*(\S+)", re.MULTILINE)  # in a distribution's METADATA
_HEADERS = re.compile(r"\r?\n\r?\n")  # the blank line that ends the headers
# The libraries a parse reads with: a new version of one may parse a file differently.
DISTRIBUTIONS = ("underthesea", "vietnamadminunits", "pydantic", "python-docx")
_MEMO_KEY = ("parser-fingerprint", 1)  # the kept fingerprint's format
# A key's first half, what its row is a version of (`linter.engine.prune`): hex digits
# of an entry's or a group's key, bytes of a stats key. The rest need not repeat it.
HALF, FILE_BYTES = 32, 16


@lru_cache(maxsize=1)
def parser_fingerprint() -> str:
    """Changes whenever the code or data that turns a file into claims changes: a digest
    of linter's .py and .yaml files (their names and bytes) and of the versions of the
    libraries it reads with (`fingerprint`, kept beside linter's compiled modules:
    `_memo`)."""
    package = Path(__file__).parent.parent  # linter/, not linter/engine/: the parser is all of it
    return fingerprint(package, _memo())


def fingerprint(package: Path, memo: Path | None) -> str:
    """The digest of the .py and .yaml files under `package` and of the libraries'
    versions, kept in the file `memo` from one run to the next with each file's
    metadata, as a document's entry is kept by its (`stat_keys`): a run whose files
    have that metadata stats them and does not read them (a tenth of a draft's
    set-up). Kept only when every file is old enough to trust its metadata (RACY_NS)."""
    names = _sources(package)
    versions = tuple(f"{dist}={_version(dist)}" for dist in DISTRIBUTIONS)
    seen = _metadata(package, names)
    memo = memo if seen is not None else None
    sources = (tuple(names), seen, versions)
    if memo is not None:
        kept = memofile.read(memo, _MEMO_KEY, 2)
        if kept.get("sources") == sources and type(kept.get("digest")) is str:
            return kept["digest"]
    digest = hashlib.sha256()
    for name in names:
        digest.update(name.encode())
        digest.update((package / name).read_bytes())
    for version in versions:
        digest.update(version.encode())
    found = digest.hexdigest()
    if memo is not None:
        memofile.write(memo, _MEMO_KEY, {"sources": sources, "digest": found})
    return found


def _sources(package: Path) -> list[str]:
    """The .py and .yaml files under `package`, as sorted relative POSIX names. One
    walk that skips __pycache__ (two rglob walks into every one of them were a third
    of the fingerprint, which every run computes), and strings, not a Path per file."""
    found = []
    top = str(package)
    for folder, subfolders, names in os.walk(top):
        subfolders[:] = [d for d in subfolders if d != "__pycache__"]
        where = folder[len(top) + 1 :].replace(os.sep, "/")
        prefix = f"{where}/" if where else ""
        found += [prefix + n for n in names if n.endswith((".py", ".yaml"))]
    return sorted(found)


def _metadata(package: Path, names: list[str]) -> tuple[tuple[int, ...], ...] | None:
    """Each file's size, modification and change times, inode and device; None when one
    cannot be asked or was written or changed within RACY_NS (its digest is not kept)."""
    settled = settled_before()
    top = str(package)
    seen = []
    for name in names:
        try:
            info = os.stat(os.path.join(top, name))  # noqa: PTH116, PTH118 - a string per file
        except OSError:
            return None
        if not _settled(info, settled):
            return None
        seen.append((info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino, info.st_dev))
    return tuple(seen)


def settled_before() -> int:
    """The time a file's modification and change times must both be older than for
    its metadata to be trusted (RACY_NS before now). The change time too: a file
    given back an older modification time (`cp -p`, `tar -x`, `touch -r`) was still
    written just now, and on POSIX only the system sets the change time. Not on
    Windows: there st_ctime is the file's creation time, which a program may set."""
    return time.time_ns() - RACY_NS


# What `doichieu serve` compares of a file between two listings (linter.engine.warm).
Stamp = tuple[int, int, int, int]  # st_mtime_ns, st_ctime_ns, st_size, st_ino


def stamp(path: Path | str, settled: int) -> Stamp | None:
    """The file's stamp; None, parsed again at the next listing, when the file cannot
    be stat'ed (the loader says why, DC01) or was written or changed after `settled`
    (`settled_before()` when the listing began): a second write in that clock tick
    may leave the stamp as it is, as the racy rule of `stat_keys` says."""
    try:
        info = os.stat(path)  # noqa: PTH116 - one call, its four fields
    except OSError:
        return None
    stamped = (info.st_mtime_ns, info.st_ctime_ns, info.st_size, info.st_ino)
    return stamped if _settled(info, settled) else None


def _settled(info: os.stat_result, settled: int) -> bool:
    """The racy rule: both times older than `settled` (`settled_before`). `stat_keys`
    writes it out, a call per file being a tenth of keying 5,000."""
    return info.st_mtime_ns < settled and info.st_ctime_ns < settled


def _memo() -> Path | None:
    """Where the fingerprint is kept: beside linter's compiled modules, as the other
    memos are (`memofile.folder`); None when the interpreter keeps none."""
    folder = memofile.folder()
    return None if folder is None else folder / f"fingerprint.{sys.implementation.cache_tag}.bin"


def _version(dist: str) -> str:
    """The distribution's version from its metadata's Version header (empty when it is
    not installed, or says none): importlib.metadata.version parses the whole file with
    the email parser, 1 ms a distribution at every start. The file is METADATA, or
    PKG-INFO in an egg-info install; only its headers are searched (they end at the
    first blank line: a description after them may hold a line "Version: ...")."""
    try:
        found = distribution(dist)
    except PackageNotFoundError:
        return ""
    meta = found.read_text("METADATA") or found.read_text("PKG-INFO") or ""
    version = _VERSION.search(_HEADERS.split(meta, maxsplit=1)[0])
    return version.group(1) if version else ""


def config_fingerprint(config: Config) -> str:
    """Only what changes parsing: extra indicators and metadata overrides."""
    data = {
        "indicators": {k: v.model_dump() for k, v in sorted(config.indicators.items())},
        "metadata": [m.model_dump() for m in config.metadata],
        # a .docx skipped for its size must be read again once the cap is raised
        "limits": [config.max_file_size, config.max_docx_inflated_size],
    }
    return hashlib.sha256(json.dumps(data, sort_keys=True, default=str).encode()).hexdigest()


def entry_key(content: bytes, display: str, config_key: str) -> str:
    # HALF hex digits of the shown name, parser and configuration, then of the content
    shown = _half(f"{display}|{parser_fingerprint()}|{config_key}".encode(errors=NAMES))
    return shown + _half(content)


def stat_keys(
    files: Iterable[tuple[Path | str, str]], config_key: str, cwd: str | None = None
) -> list[tuple[bytes, bool] | None]:
    """For each (path, displayed path), a key of the file's metadata and whether the
    file is old enough for its metadata to be trusted (see RACY_NS); None when it
    cannot be read or is not a regular file (the loader reports it).

    The key: FILE_BYTES bytes of a digest of the two keys, the absolute path and the
    displayed path (the file), then its size, modification and change times (ns),
    inode and device written out (a second digest per file cost more than the longer
    key). What is the same for all is asked once, the two keys' digest copied per
    file (a tenth of keying 5,000 files). Where the separator is "/", a relative path
    is joined to the working directory, not normalised as abspath does (a quarter of
    keying them): a "." or ".." part names the file the system finds by it, and a
    file named both ways is only read once more, as after an edit."""
    cwd = os.getcwd() if cwd is None else cwd  # noqa: PTH109 - a string
    joined = (cwd if cwd.endswith("/") else cwd + "/") if os.sep == "/" else None
    both = hashlib.sha256(f"{parser_fingerprint()}\0{config_key}".encode())
    # A file counts as settled when it was last written or changed RACY_NS before the
    # listing began: a file written since has later times, so it is never settled.
    settled = settled_before()
    regular, fspath = stat.S_ISREG, os.fspath
    keys: list[tuple[bytes, bool] | None] = []
    for path, display in files:
        name = fspath(path)
        try:
            info = os.stat(name)  # noqa: PTH116 - one system call, no Path object per file
        except OSError:
            keys.append(None)
            continue
        if not regular(info.st_mode):
            keys.append(None)
            continue
        if joined is None:
            name = absolute(name, cwd)
        elif not name.startswith("/"):
            name = joined + name
        digest = both.copy()  # "\0" parts: a path's part and a displayed path hold none
        digest.update(f"\0{name}\0{display}".encode(errors=NAMES))
        meta = f"\0{info.st_size}\0{info.st_mtime_ns}\0{info.st_ctime_ns}\0{info.st_ino}"
        trusted = info.st_mtime_ns < settled and info.st_ctime_ns < settled  # `_settled`
        keys.append((digest.digest()[:FILE_BYTES] + f"{meta}\0{info.st_dev}".encode(), trusted))
    return keys


def checks_fingerprint(checks: Iterable[type]) -> str | None:
    """The code of the checks that run: every .py and .yaml file of each check's
    folder (a check's helpers and data usually sit beside it; linter's own are in
    parser_fingerprint). None for a check with no source file: its findings are
    never cached. Known problem: a plugin check that reads files elsewhere while
    it runs is not followed; `doichieu cache clear` after changing them."""
    digest = hashlib.sha256()  # the parser is in group_key's first half
    try:
        folders = sorted({Path(inspect.getfile(check)).parent for check in checks})
    except (TypeError, OSError):
        return None
    for folder in folders:
        for path in sorted([*folder.glob("*.py"), *folder.glob("*.yaml")]):
            digest.update(f"{path}".encode())
            digest.update(path.read_bytes())
    for check in checks:
        digest.update(f"{check.__module__}.{check.__qualname__}".encode())
    return digest.hexdigest()


def group_key(
    checks_key: str, province: str | None, entries: Iterable[str], run: Mapping[str, object]
) -> str:
    """The findings of the checks on one province: the first half names the province
    (for a document of none, alone in its group, its entry key's first half) under
    one parser and what the run gives (`run`: settings, whose keys are the enabled
    checks, language, tolerance); the second, the checks' code and the entry keys of
    the documents: an edit of either replaces the findings; a new parser's go beside."""
    documents = sorted(entries)
    place = province if province is not None else [e[:HALF] for e in documents]
    scope = {"parser": parser_fingerprint(), "province": place, "run": run}
    half = _half(json.dumps(scope, sort_keys=True, default=str).encode())
    return half + _half("\0".join([checks_key, *documents]).encode(errors=NAMES))


def _half(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:HALF]
