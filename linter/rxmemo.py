"""Compiled regular expressions kept from one run of the command line to the next,
beside the package's compiled modules, as Python keeps those.

`re` compiles a pattern the first time a process meets it, in pure Python (its
`_parser` and `_compiler`), then hands the result to the C function `_sre.compile`.
A draft's run against a warm archive of 5,000 reports compiled 293 patterns, 60 ms of
its 0.5 s of CPU (issue 15), spread over some forty modules: no one module's
patterns to defer. So `install` puts `_compile` in place of `re._compiler.compile`,
which `re` calls on each miss of its own cache. When a pattern is new, the stdlib
compiles it while a stand-in for its `_sre` (`_Recorder`) notes the arguments it
passes to `_sre.compile`; the next process hands those to `_sre.compile` directly.
`save`, run at exit by the command line, writes them if the run learnt any.

The file is marshal, as .pyc files are, each pattern's code packed as bytes: a run
on the seeds keeps 581 patterns (593 when first measured: they loaded and rebuilt
in 2.1 ms, 8 ms from JSON, 75 ms compiled). It is in the package's `__pycache__`
(or `sys.pycache_prefix`), with the trust of the .pyc files there: whoever can
write it can write code. It is keyed, in its name and inside, by the interpreter
(`cache_tag`, `sys.hexversion`, byte order), `_sre`'s format (`MAGIC`, code size,
limits) and the record's (`_FORMAT`).
A CRC comes first (marshal does not guard against damage): a damaged or foreign
file is no memo (rewritten at exit); a record `_sre` refuses, the stdlib's pattern.
Written atomically, never when `sys.dont_write_bytecode`: a run that cannot write
it (that, or a folder it may not write in: `memofile.writable`, at install) records
nothing new, and still replays what the file holds. Kept: str patterns, int flags,
no DEBUG (its listing is printed while compiling), no parser's warning (a replay
would not warn), at most `MAX_PATTERN` characters. The optimisation level (`-O`) is
not in the key: it strips only the parser's and compiler's asserts, which check
what holds for any pattern, so the code is the same (the 581 records of a run on
the seeds are the same under -O).

Bounded: a few patterns are built from a document's words (checks/arithmetic's
breakdowns take an item's level, "CĐ", into one). At most `MAX_ENTRIES` records are
kept, those the last run used first, so that patterns no longer met leave the file.
A pattern is found by its text, so patterns are built in a fixed order, never a
set's (PYTHONHASHSEED): cues.py, nouns.py sort words of one length.

Known problems: CPython only (`_sre` is its engine). Importing `linter.app.cli`
installs the memo for the whole process, as it tunes the collector; installing it
in the entry points only would need a console-script shim. Patterns compiled in
forked workers (`--jobs`) are not learnt: workers end without exit handlers. The
warnings are caught process-wide while a pattern compiles: another thread's, then,
are given again from here. Two runs saving at once: the last one's file stays.
"""

from __future__ import annotations

import itertools
import re
import sys
import warnings
from array import array
from pathlib import Path
from typing import Any

from linter import memofile

try:  # CPython's engine and the stdlib's compiler over it (3.11+)
    import _sre
    import re._compiler as _compiler
except ImportError:  # pragma: no cover - another implementation
    _sre = _compiler = None

MAX_ENTRIES = 1024  # drafts', the seeds' and the corpus' runs met 580 in all
MAX_PATTERN = 20_000  # characters; the project's longest is 2,500
_FORMAT = 1  # the record's shape below; changed with it
_DEBUG = re.DEBUG.value
_STDLIB = None if _compiler is None else _compiler.compile
# The array type of `_sre`'s code words; None (no memo: `_path`) if none has its size
_CODE = next((t for t in "IL" if _sre and array(t).itemsize == _sre.CODESIZE), None)

# (flags, pattern) -> (flags with the parser's, code as bytes, groups, groupindex,
# indexgroup): `_sre.compile`'s arguments after the pattern, code packed as bytes
# (loading one bytes object is a copy; a list of ints is built for a hit only).
Record = tuple[int, bytes, int, dict[str, int], tuple[str | None, ...]]
_known: dict[tuple[int, str], Record] = {}  # from the file
_used: dict[tuple[int, str], Record] = {}  # met by this process, in order: kept first
_learnt = 0  # records new to the file: whether `save` writes
_learning = False  # whether new patterns are recorded: the file can be written (install)
_lock = memofile.lock  # one recording at a time (global), and the memos' catch of warnings


def _path() -> Path | None:
    """Where the memo is, None when the interpreter keeps no compiled modules."""
    folder = memofile.folder()
    if folder is None or _CODE is None:
        return None
    tag = f"{sys.implementation.cache_tag}-{sys.hexversion:x}-{sys.byteorder}"
    return folder / f"rxmemo.{tag}-{_sre.MAGIC}-{_FORMAT}.bin"


_ENGINE = () if _sre is None else (_sre.MAGIC, _sre.CODESIZE, _sre.MAXREPEAT, _sre.MAXGROUPS)
_KEY = (_FORMAT, sys.implementation.cache_tag, sys.hexversion, sys.byteorder, *_ENGINE)


class _Recorder:
    """The stdlib compiler's `_sre` while it compiles a new pattern: notes each
    `compile` call and passes it on; anything else is `_sre`'s own."""

    def __init__(self) -> None:
        self.calls: list[tuple[Any, ...]] = []

    def compile(self, *args: Any) -> re.Pattern[Any]:
        self.calls.append(args)
        return _sre.compile(*args)

    def __getattr__(self, name: str) -> Any:
        return getattr(_sre, name)


def _compile(p: Any, flags: Any = 0) -> Any:
    """`re._compiler.compile`, by the memo when it holds `p` with `flags`."""
    if type(p) is not str or type(flags) is not int or flags & _DEBUG:
        return _stdlib(p, flags)[0]
    key = (flags, p)
    # `_used` too: a pattern `re` dropped from its cache (512) comes back here
    record = _known.get(key) or _used.get(key)
    if record is not None:
        made = _rebuilt(p, record)
        if made is not None:
            _used[key] = record
            return made
        _known.pop(key, None)  # refused by `_sre`: compiled anew below, and saved
    return _learn(key)


def _rebuilt(p: str, record: Record) -> re.Pattern[str] | None:
    """`p` compiled by `_sre` from `record`; None when the record is not one."""
    if type(record) is not tuple or tuple(map(type, record)) != (int, bytes, int, dict, tuple):
        return None
    flags, packed, groups, groupindex, indexgroup = record
    if len(indexgroup) != groups + 1:
        return None
    code = array(_CODE)
    try:
        code.frombytes(packed)
        # `_sre.compile` validates the code it is given (RuntimeError otherwise)
        return _sre.compile(p, flags, code.tolist(), groups, groupindex, indexgroup)
    except (TypeError, ValueError, OverflowError, RuntimeError):
        return None


def _learn(key: tuple[int, str]) -> re.Pattern[str]:
    """Compile by the stdlib, noting what it gives `_sre.compile` when it is one
    plain call for this very pattern (other threads' compiles wait on the lock in
    `_stdlib`; only a signal handler of this thread, or a direct `_sre.compile`, could
    show as another call, and then nothing is kept)."""
    global _learnt
    flags, p = key
    with _lock:  # the bound is checked where records are kept: one thread at a time
        if (
            not _learning  # the file cannot be written: nothing new is kept
            or _compiler._sre is not _sre  # a recording under way in this thread
            or len(p) > MAX_PATTERN
            or len(_used) >= MAX_ENTRIES
        ):
            return _stdlib(p, flags)[0]
        recorder = _Recorder()
        _compiler._sre = recorder
        try:
            made, warned = _stdlib(p, flags)
        finally:
            _compiler._sre = _sre
        calls = recorder.calls
        # a pattern the parser warns of is not kept: its replay would not warn
        if not warned and len(calls) == 1 and len(calls[0]) == 6 and calls[0][0] is p:
            _, full, code, groups, groupindex, indexgroup = calls[0]
            if type(groupindex) is dict:
                packed = array(_CODE, code).tobytes()
                _used[key] = (full, packed, groups, dict(groupindex), tuple(indexgroup))
                _learnt += 1
    return made


def _stdlib(p: Any, flags: Any) -> tuple[Any, bool]:
    """The stdlib's compile and whether its parser warned. The parser counts the
    frames up to `re`'s caller, ours among them: its warnings are caught, then
    given again where it would have put them without ours (even when it raises)."""
    caught: list[warnings.WarningMessage] = []
    try:
        with memofile.warnings_caught() as caught:
            made = _STDLIB(p, flags)
    finally:
        for said in caught:
            warnings.warn_explicit(said.message, said.category, *_where(said))
    return made, bool(caught)


def _where(said: warnings.WarningMessage) -> tuple[Any, ...]:
    """`warn_explicit`'s filename, line, module, registry and globals for `said`:
    the frame it names, as many frames up as this module has below it, as the
    stdlib's `warn` would say of that frame (`sys` past the stack's top)."""
    frames = [sys._getframe(1)]  # `_stdlib`: ours start there
    while frames[-1].f_back is not None:
        frames.append(frames[-1].f_back)
    ours = sum(1 for _ in itertools.takewhile(lambda f: f.f_globals is globals(), frames))
    at = (said.filename, said.lineno)
    named = [i for i, f in enumerate(frames) if (f.f_code.co_filename, f.f_lineno) == at]
    if not named:  # not one of the frames the parser counts: as it was given
        return said.filename, said.lineno
    if named[0] + ours >= len(frames):
        scope, filename, line = vars(sys), "sys", 1
    else:
        frame = frames[named[0] + ours]
        scope, filename, line = frame.f_globals, frame.f_code.co_filename, frame.f_lineno
    module = scope.get("__name__", "<string>")
    return filename, line, module, scope.setdefault("__warningregistry__", {}), scope


def install() -> None:
    """Compile through the memo from now on in this process (CPython only); learning
    new patterns only when the file can be written."""
    global _learning
    path = _path()
    if path is None or _compiler.compile is not _STDLIB:  # ours already, or another's
        return
    _known.update(memofile.read(path, _KEY, MAX_ENTRIES))
    _learning = memofile.writable(path)
    _compiler.compile = _compile


def remove() -> None:
    """The stdlib's compiler again; what was learnt is still saved by `save`."""
    if _compiler is not None and _compiler.compile is _compile:
        _compiler.compile = _STDLIB


def save() -> None:
    """Write the memo if this process learnt a pattern: those it used first, then
    the file's others, up to `MAX_ENTRIES`. Any error leaves the file as it was."""
    path = _path()
    if _learnt and path is not None:
        memofile.save(path, _KEY, _used, _known, MAX_ENTRIES)
