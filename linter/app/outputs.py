"""Turning a run into output: report formats, files written atomically, listings.

The core stops at `RunResult`; this module calls the output format asked for
(a `doichieu.formats` plugin, see reports.base and linter.app.formats) and writes
what it returns where the caller says, so the CLI stays a thin layer over the
engine. Formats only render; every file is written here.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
import tempfile
from pathlib import Path

from linter.app.formats import format_names, load_format
from linter.errors import OutputError, PluginLoadError
from linter.models import RunResult
from linter.textmap import printable
from reports.base import Rendered, RenderOptions
from reports.json_report import render_claims_json
from reports.text import no_workflow_command

__all__ = ["Rendered", "emit", "format_names", "render", "write_atomic", "write_job_summary"]


def render(result: RunResult, fmt: str, lang: str, colour: bool = False) -> Rendered:
    """The report in the output format `fmt`; `colour` (for terminals) is the caller's
    to decide: it knows where the text goes and what NO_COLOR / FORCE_COLOR say."""
    renderer, package = load_format(fmt)
    rendered = renderer(result, RenderOptions(lang=lang, colour=colour))
    if not isinstance(rendered, Rendered):
        found = type(rendered).__name__
        message = f"expected render() to return a reports.base.Rendered, found {found}"
        raise PluginLoadError("output format", fmt, package, message)
    return rendered


def write_job_summary(summary: str, path: Path) -> None:
    """Append a job summary to `path` ($GITHUB_STEP_SUMMARY): other steps write there too."""
    try:
        with path.open("ab") as handle:
            handle.write(_encode(summary))
    except OSError as exc:
        raise _output_error(path, exc) from exc


def _about(claim: object) -> str:
    """What a figure measures, for the text listing: its indicator, else its subject."""
    named = getattr(claim, "indicator", None) or getattr(claim, "subject", None)
    return f" — {printable(named)}" if named else ""


def render_claims(result: RunResult, fmt: str) -> str:
    if fmt == "json":
        return render_claims_json(result.claims)
    lines = [
        no_workflow_command(
            f"{printable(c.span.path)}:{c.span.line}:{c.span.column}: "
            f"{c.kind} «{printable(c.span.quote)}»{_about(c)}"
        )
        for path in sorted(result.claims)
        for c in result.claims[path]
    ]
    return "\n".join(lines) + ("\n" if lines else "")


def emit(text: str, output: Path | None) -> None:
    if output is None:
        write_stdout(text)
    else:
        write_atomic(output, text)


def write_stdout(text: str) -> None:
    """Write to standard output as UTF-8, whatever the locale, or raise OutputError."""
    if sys.stdout is None:  # closed when the process started (`>&-`), or pythonw
        raise OutputError("cannot write to standard output: it is closed")
    data = _encode(text)
    try:
        sys.stdout.flush()
        buffer = getattr(sys.stdout, "buffer", None)
        if buffer is None:  # a text-only stand-in (some test runners)
            sys.stdout.write(data.decode("utf-8"))
        else:
            buffer.write(data)
        sys.stdout.flush()
    except OSError as exc:
        # A closed pipe or a full device: the interpreter would retry the flush at exit
        # and print a traceback, so what is left unwritten goes to /dev/null instead.
        with contextlib.suppress(OSError, ValueError, AttributeError):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            os.close(devnull)
        raise OutputError(f"cannot write to standard output: {exc.strerror or exc}") from exc


def write_html(result: RunResult, path: Path, lang: str) -> None:
    """`--html FILE`: the `html` output format, beside whatever report was asked for."""
    write_atomic(path, render(result, "html", lang).text)


def write_atomic(path: Path, text: str) -> None:
    """Write `text` to `path` so that a reader never sees half a report; raise OutputError.

    A regular file (or a name not taken yet) is written to a temporary file in the
    same folder, then renamed over it: a full disk, a file size limit or a
    read-only folder leave the previous file as it was and no temporary file
    behind. Anything else (/dev/stdout, /dev/full, a pipe) is written into, never
    replaced by a file.
    """
    data = _encode(text)  # before anything is created: an encoding error leaves no trace
    try:
        info = path.stat()
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise _output_error(path, exc) from exc
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise OutputError(f"cannot write {path}: it is a folder; expected a file name")
    if info is not None and (not stat.S_ISREG(info.st_mode) or _is_device_path(path)):
        _write_in_place(path, data)
        return
    target = Path(os.path.realpath(path))  # through a symlink: replace the file, keep the link
    tmp: str | None = None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        umask = os.umask(0)
        os.umask(umask)
        Path(tmp).chmod(0o666 & ~umask)  # mkstemp creates 0600; a report is meant to be shared
        Path(tmp).replace(target)
        tmp = None
    except OSError as exc:
        raise _output_error(path, exc) from exc
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                Path(tmp).unlink()


def _is_device_path(path: Path) -> bool:
    """/dev/stdout is a regular file when the shell redirects it to one; it is still
    written into, as the shell opened it, rather than replaced."""
    return os.path.abspath(path).startswith(("/dev/", "/proc/"))  # noqa: PTH100


def _write_in_place(path: Path, data: bytes) -> None:
    try:
        with path.open("wb") as handle:
            handle.write(data)
    except OSError as exc:
        raise _output_error(path, exc) from exc


def _output_error(path: Path, exc: OSError) -> OutputError:
    reason = exc.strerror or str(exc)
    return OutputError(f"cannot write {path}: {reason}; any previous file there is unchanged")


def _encode(text: str) -> bytes:
    # Lone surrogates (a file name that is not UTF-8) are escaped upstream; should one
    # slip through, it is written as a visible escape instead of failing the run.
    return text.encode("utf-8", "backslashreplace")
