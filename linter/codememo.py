"""Code the stdlib compiles from source text at run time, kept from one run of the
command line to the next, as Python keeps modules' .pyc files (`linter.rxmemo` keeps
compiled patterns the same way).

Two stdlib modules compile source text each time a process meets it. `dataclasses`
writes the source of a dataclass's methods (`__init__`, `__repr__`, `__eq__`, a
frozen one's `__hash__`, `__setattr__`, `__delattr__`) and `exec`s it; `typing`
compiles each string annotation (`ForwardRef`), which pydantic builds for every
field of a module under `from __future__ import annotations`. Importing the command
line and its checks built 127 dataclasses (ours, pydantic's, annotated_types') with
654 such `exec`s and compiled 1,104 annotations: a draft's run against a warm
5,000-document archive spent 368 M of its 2,572 M instructions compiling them,
about 60 ms of its CPU (issue 15).

So `install` gives `dataclasses` an `exec` and `typing` a `compile` of their own
(module globals, found before the built-ins, as those modules look the names up
when they call them). A source text met before is rebuilt from its marshalled code
object, as a module is from its .pyc; a new one is compiled by the built-in and
kept; `save`, run at exit by the command line, writes the file if the run learnt
any (`linter.memofile`: CRC, key, atomic). What is compiled is what the built-in
would compile: the same text, file name ("<string>"), `from __future__` flags (the
caller's as the built-ins take them) and optimisation level (the interpreter's,
`-O`, in the key); a memo only skips the compiling. Anything else (a code object,
another file name, an explicit optimisation level, flags asking for a tree) goes to
the built-in as it was asked.

A text whose compile warns (`"x is 1"`: a SyntaxWarning) is never kept, as a
replay would not warn: the new text is compiled while warnings are caught
(`memofile.warnings_caught`, as rxmemo's patterns are), and when it warned it is
compiled again by the built-in outside the catch, so its warnings, or under a
filter that makes one an error the SyntaxError the compiler raises for it, are the
stdlib's. A run that cannot write the file (`sys.dont_write_bytecode`, a folder it
may not write in: `memofile.writable`, at install) keeps nothing new: no catch, no
marshalling; it still replays what the file holds.

Bounded: at most `MAX_ENTRIES` records are kept, those the last run used first, so
that texts no longer met leave the file; a text longer than `MAX_SOURCE` is never
kept. The file is beside the package's .pyc files, keyed by the interpreter and
its bytecode (`MAGIC_NUMBER`), with their trust: whoever can write it can write code.

Known problems: CPython only. Importing `linter.app.cli` installs the memo for the
whole process, as it installs `linter.rxmemo` and tunes the collector.
"""

from __future__ import annotations
import __future__

import builtins
import dataclasses
import marshal
import sys
import typing
import warnings
from importlib.util import MAGIC_NUMBER
from pathlib import Path
from types import CodeType
from typing import Any

from linter import memofile

# A draft's run meets 929 texts, all the commands (html and sarif reports, `checks`,
# `explain`) 986 together; the file's load grows with it (2.2 ms at 929 in a new process)
MAX_ENTRIES = 2048
MAX_SOURCE = 20_000  # characters; the longest a draft's run meets: 1,816 (an __init__)
_FORMAT = 1  # the record's shape below; changed with it
# -O strips asserts and makes `__debug__` False in what is compiled: a level's own file
_KEY = (_FORMAT, sys.implementation.cache_tag, sys.hexversion, MAGIC_NUMBER, sys.flags.optimize)
# The compiler flags of `from __future__` imports, which `exec` and `compile` pass on
# from their caller's code (nested_scopes and generators are no longer flags).
_FUTURE = 0
for _name in __future__.all_feature_names:
    if _name not in ("nested_scopes", "generators"):
        _FUTURE |= getattr(__future__, _name).compiler_flag

Key = tuple[str, int, str]  # (mode, flags, source)
_known: dict[Key, bytes] = {}  # from the file: each code object marshalled
_used: dict[Key, bytes] = {}  # met by this process, in order: kept first
_codes: dict[Key, CodeType] = {}  # rebuilt or compiled by this process, for its repeats
_learnt = 0  # records new to the file: whether `save` writes
_learning = False  # whether new texts are kept: the file can be written (install)
_EXEC = builtins.exec
_COMPILE = builtins.compile


def _path() -> Path | None:
    """Where the memo is, None when the interpreter keeps no compiled modules."""
    folder = memofile.folder()
    if folder is None:
        return None
    tag = f"{sys.implementation.cache_tag}-{sys.hexversion:x}-opt{sys.flags.optimize}"
    return folder / f"codememo.{tag}-{_FORMAT}.bin"


def _code(source: str, mode: str, flags: int) -> CodeType:
    """`source` compiled as the built-in `compile(source, "<string>", mode, flags,
    dont_inherit=True)` compiles it (raising what it raises), by the memo when it can."""
    global _learnt
    key = (mode, flags, source)
    code = _codes.get(key)
    if code is not None:
        return code
    record = _known.get(key)
    code = _rebuilt(record)
    if code is None:
        if _learning and len(source) <= MAX_SOURCE and len(_used) < MAX_ENTRIES:
            code = _unwarned(source, mode, flags)
        # Not kept, or it warned: by the built-in, outside the catch (its warnings given)
        if code is None:
            return _COMPILE(source, "<string>", mode, flags, True)
        record = marshal.dumps(code)
        _learnt += 1
    _used[key] = record
    _codes[key] = code
    return code


def _rebuilt(record: object) -> CodeType | None:
    """The code object marshalled in `record`; None when it holds none."""
    if type(record) is not bytes:
        return None
    try:
        code = marshal.loads(record)
    except Exception:  # marshal says little of bad data: any error means none
        return None
    return code if type(code) is CodeType else None


def _unwarned(source: str, mode: str, flags: int) -> CodeType | None:
    """The built-in's code for `source`, compiled while warnings are caught; None
    when anything warned (or it raised after a warning). Warnings of another file
    than "<string>" are not the compiler's but another thread's: given again."""
    caught: list[warnings.WarningMessage] = []
    code = None
    try:
        with memofile.warnings_caught() as caught:
            code = _COMPILE(source, "<string>", mode, flags, True)
    except Exception:
        if not caught:
            raise
    finally:
        for said in caught:
            if said.filename != "<string>":
                warnings.warn_explicit(said.message, said.category, said.filename, said.lineno)
    return None if caught else code


def _exec(source: Any, globals: Any, locals: Any = None, /) -> None:
    """`exec` for `dataclasses`, which calls it as `exec(text, globals, locals)` with
    two dicts (3.10 to 3.13), and only for that call: a str is compiled by the memo
    with the caller's `from __future__` flags, as the built-in would compile it; the
    code, or whatever else was given, goes to the built-in with the namespaces as
    given (`globals` must be: None would name this module's, not the caller's)."""
    if type(source) is str:
        source = _code(source, "exec", sys._getframe(1).f_code.co_flags & _FUTURE)
    _EXEC(source, globals, locals)


def _compile(
    source: Any, filename: Any, mode: Any, flags: Any = 0, dont_inherit: Any = False,
    optimize: Any = -1,
) -> Any:  # fmt: skip
    """`compile` for `typing`: a str of "<string>" with `from __future__` flags only, by
    the memo; anything else by the built-in. Both with the caller's flags, as it would."""
    if not dont_inherit:
        flags |= sys._getframe(1).f_code.co_flags & _FUTURE
    if (
        type(source) is str
        and filename == "<string>"
        and type(flags) is int
        and not flags & ~_FUTURE
        and optimize == -1
    ):
        return _code(source, mode, flags)
    return _COMPILE(source, filename, mode, flags, True, optimize)


# The modules given a stand-in, and the name each calls: found in its globals first.
_STAND_INS = ((dataclasses, "exec", _exec), (typing, "compile", _compile))


def install() -> None:
    """Compile through the memo from now on in this process (CPython only); not where
    either module has a global of that name already (ours, or another's). New texts
    are kept only when the file can be written."""
    global _learning
    path = _path()
    if path is None or any(name in vars(module) for module, name, _ in _STAND_INS):
        return
    _known.update(memofile.read(path, _KEY, MAX_ENTRIES))
    _learning = memofile.writable(path)
    for module, name, stand_in in _STAND_INS:
        setattr(module, name, stand_in)


def remove() -> None:
    """The built-ins again; what was learnt is still saved by `save`."""
    for module, name, stand_in in _STAND_INS:
        if vars(module).get(name) is stand_in:
            delattr(module, name)


def save() -> None:
    """Write the memo if this process learnt a text: those it used first, then the
    file's others, up to `MAX_ENTRIES`. Any error leaves the file as it was."""
    path = _path()
    if _learnt and path is not None:
        memofile.save(path, _KEY, _used, _known, MAX_ENTRIES)
