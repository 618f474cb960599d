"""Command line: `doichieu check | claims | checks | explain | serve | cache`
(also `python -m linter`).

Exit status: 0 when no finding reaches --fail-on (or with --exit-zero), 1 when
one does, 2 for usage or configuration errors, internal errors, or when no
document could be read at all. Writing a report to a file never changes it.

The garbage collector is tuned here, before the heavy imports below, as mypy
tunes its own: a run allocates hundreds of thousands of objects that live until
it ends (models, claims, compiled patterns), and with CPython's default
thresholds (700, 10, 10) the collector scanned them again and again, about a
tenth of a draft's CPU against a warm 5,000-document archive (305 collections,
two of them full). Nothing here makes reference cycles in bulk, so what a
collection would find is mostly freed by reference counting anyway; collecting
less often holds at most a few megabytes of cyclic garbage longer. At exit what
is still alive is frozen (`gc.freeze`, the last exit handler to run): the
interpreter's own last collection scanned it all once more just before the
process let it go, 0.08 s of a draft's run (not when a plugin of another
distribution was imported: `_freeze_at_exit`). So an object alive only through a
reference cycle at exit is never collected, and its finalizer never runs: a
file left open in a cycle would not be flushed. Every file this program writes
is closed before `main` returns (`outputs` writes with `with`, atomically). For
the same reason a run that ends the process (not `serve`) freezes what its
check phase leaves alive, right after it (`Options.freeze`, asked by `main` only).
Only this entry point tunes the thresholds and freezes in the calling process;
`doichieu serve`, a long-lived process, puts the default thresholds back once its
corpus is read (`linter.app.serve`). The engine imported as a library (or
`linter.app.serve_api`) still pauses the collector during each check phase and
enables it again after (`checkpool._collector_paused`), and its forked workers
(`--jobs`) freeze what each group leaves, as they end with their pool.

For the same files' sake, the command line's process ends without tearing down
what it holds (`_end`): the interpreter freed every object one at a time, and
the operating system takes the memory back at once. It ends the usual way, by
returning its status, whenever someone else may still have work for the
interpreter's own exit: another thread runs (a server's); a profiler or tracer
wraps the run (`python -m cProfile -o`, `-m trace`, coverage: it writes after
`main`); or a plugin from another distribution than doichieu's was imported (a
check, format or reader: `linter.plugins.foreign`), whose files this program
cannot know are closed (one written and never closed is flushed only when the
interpreter frees it). A run alone in its process, unwatched, that imported only
doichieu's own plugins takes the short way.
"""

# The memos are installed before the later imports, for those to compile through them
# ruff: noqa: E402

from __future__ import annotations

import atexit
import contextlib
import gc
import os
import platform
import threading

if platform.python_implementation() == "CPython":
    # Saved before tuning, for `doichieu serve` to put back (`linter.app.serve`):
    # the interpreter's own, (700, 10, 10) on 3.11 and 3.12 only. None: not tuned.
    DEFAULT_THRESHOLDS: tuple[int, int, int] | None = gc.get_threshold()
    gc.set_threshold(200_000, 30, 30)

    def _freeze_at_exit() -> None:
        """Freeze what is alive, for the interpreter's last collection to skip it; but
        with a plugin of another distribution imported, unfreeze instead (what the
        check phase froze too): a module's globals are a reference cycle (its
        functions hold them), so a plugin's module-level file, frozen, was never freed
        nor flushed."""
        from linter.plugins import foreign  # imported by then: after the tuning

        if foreign():
            gc.unfreeze()
        else:
            gc.freeze()

    # Registered first, so run last. `_end` leaves by os._exit, where nothing is
    # torn down: this still matters where the interpreter's own exit does run, after
    # `main(argv)` (tests, embedders) or `main()` with another thread alive.
    atexit.register(_freeze_at_exit)
else:
    DEFAULT_THRESHOLDS = None

# The imports below allocate most of what a run keeps: after the tuning (the memos'
# too: importing them, dataclasses and inspect with them, under the default
# thresholds was a gen-1 collection and eight gen-0 ones, 1.5 ms of collector CPU).
from linter import codememo, rxmemo

# Compiled patterns kept from one run to the next (`linter.rxmemo`), and the code
# the stdlib compiles from source text (`linter.codememo`: dataclasses' methods,
# string annotations), before the imports below compile most of them; kept at exit
# by the process's own command line (`main`), left out of `serve` (`_command`).
# Each installs itself on CPython only, wherever `memofile.folder` names a folder for
# its file (replaying what the file holds), and learns new records only where that
# file can be written (`memofile.writable`).
rxmemo.install()
codememo.install()

import sys
import traceback
from collections.abc import Sequence

from linter.app import outputs
from linter.app.arguments import build_parser, scan_lang
from linter.app.check_command import check
from linter.app.inputs import existing, nothing_read
from linter.checking.registry import known_codes, load_checks
from linter.engine.cachefile import clear as clear_cache
from linter.engine.config import load_config
from linter.engine.policy import check_codes
from linter.engine.run import Options, run
from linter.errors import DoichieuError
from linter.models import RunResult
from linter.plugins import foreign


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command `argv` names; the exit status. Without `argv`, the command is
    this process's (the `doichieu` script, `python -m linter`), and it may end the
    process. Whether the run freezes what its check phase leaves (`Options.freeze`)
    is decided here, once: only when it may end the process, no other thread running
    (a server's), so a process that goes on never freezes its later runs' objects.
    Whether it does end it is `_end`'s (`_exits_itself`: not under a profiler, nor
    with a plugin of another distribution, nor with a thread the command started)."""
    may_end = argv is None and threading.active_count() == 1
    if argv is None:  # never a caller's `main(argv)`: a test's patterns are its own
        atexit.register(rxmemo.save)
        atexit.register(codememo.save)
    status = _command(sys.argv[1:] if argv is None else list(argv), may_end)
    return _end(status) if may_end else status


def _end(status: int) -> int:
    """End the process with `status` as the interpreter would, less the tearing down:
    freeing, one at a time, the objects a run holds (models, claims, compiled
    patterns, tables) was 15 ms of a draft's run against a warm 5,000-document
    archive, a thirtieth of its CPU, for memory the operating system takes back at
    once (mypy ends its runs the same way). What a normal exit does that matters is
    still done: the exit handlers run (a worker pool's), and standard output and
    error are flushed; every file this program writes is already closed (see
    above). Where that may not be all (`_exits_itself`), `status` is returned and
    the process ends as usual."""
    if not _exits_itself():
        return status
    atexit._run_exitfuncs()  # what the interpreter's own exit runs first
    for stream in (sys.stdout, sys.stderr):
        if stream is None:  # closed when the process started (`>&-`), or pythonw
            continue
        with contextlib.suppress(OSError, ValueError):  # closed, or a broken pipe
            stream.flush()
    os._exit(status)


def _exits_itself() -> bool:
    """Whether nothing but this program's own exit handlers and streams needs the
    interpreter's exit: no other thread (one started by the command, as `main` saw
    none before it), no profiler or tracer to write its results after `main`
    (`sys.monitoring` is where 3.12's cProfile and coverage hook in), and no plugin
    imported from another distribution."""
    monitoring = getattr(sys, "monitoring", None)  # 3.12+
    return (
        threading.active_count() == 1
        and sys.getprofile() is None
        and sys.gettrace() is None
        and not foreign()
        and (monitoring is None or all(monitoring.get_tool(i) is None for i in range(6)))
    )


def _command(argv: list[str], may_end: bool = False) -> int:
    """Run `argv`; `may_end` when the process may end with it (`main`): then `check`
    and `claims` freeze what their check phase leaves alive (never `serve`)."""
    lang = scan_lang(argv)  # what its errors are said in, before it is parsed
    try:
        parser = build_parser(lang)
        if not argv:  # as git and ruff do: the usage, not a one-line complaint
            outputs.write_stdout(parser.format_help())  # stdout closed: one line
            return 2
        args = parser.parse_args(argv)
        if args.command == "checks":
            config = load_config(args.config)
            loaded = load_checks()
            check_codes(config, None, known_codes(loaded))
            from linter.checking import docs as checkdocs  # its models: 0.05 s of every run

            outputs.emit(checkdocs.listing(loaded, config.enabled, args.lang), None)
            for error in loaded.errors:
                print(f"doichieu: warning: {error}", file=sys.stderr)
            return 0
        if args.command == "serve":  # Starlette and uvicorn are imported only to serve
            rxmemo.remove()  # a server compiles once; its threads, through the stdlib
            codememo.remove()
            from linter.app.serve import main as serve

            return serve(args)
        if args.command == "explain":
            from linter.checking import docs as checkdocs

            outputs.emit(checkdocs.explain(args.code, load_checks(), args.lang), None)
            return 0
        if args.command == "cache":
            removed = clear_cache(args.cache_dir)
            print(f"doichieu: {'removed' if removed else 'no cache in'} {args.cache_dir}")
            return 0
        if args.command == "claims":
            result = run(existing(args.paths), Options(lang=lang, freeze=may_end))
            _warn_unread(result)
            if not result.documents:
                nothing_read(args.paths, lang)
            outputs.emit(outputs.render_claims(result, args.format), None)
            return 0
        return check(args, freeze=may_end)
    except DoichieuError as exc:  # usage, configuration, malformed data files
        # "error:" stays as it is in every language: scripts and editors look for it.
        print(f"doichieu: error: {exc.said(lang)}", file=sys.stderr)
        return 2
    except Exception:  # an internal error must not look like "findings" (exit 1)
        traceback.print_exc()
        print("doichieu: internal error; please report the traceback above", file=sys.stderr)
        return 2


def _warn_unread(result: RunResult) -> None:
    """Why `claims` lists nothing of a file: it could not be read (DC01), or its
    parse crashed (EN01); a listing without it would look like a file of no claim."""
    for finding in result.findings:
        if finding.code in ("DC01", "EN01"):
            where = finding.evidence[0].path
            print(f"doichieu: warning: {where}: {finding.message}", file=sys.stderr)
