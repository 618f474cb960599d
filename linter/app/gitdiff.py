"""Files changed since a git revision, for `--changed-since`.

git quotes file names that are not plain ASCII ("Th\\303\\264ng c\\303\\241o.txt")
unless asked for NUL-separated output; a quoted name matches no document, and
the run would silently report nothing. So every listing here uses `-z`.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from linter.errors import UsageError
from linter.textmap import printable


def _run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False)
    except OSError as exc:
        raise UsageError(f"--changed-since needs git: {exc}") from exc


def _git(args: list[str], cwd: Path) -> str:
    proc = _run(args, cwd)
    if proc.returncode != 0:
        detail = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        raise UsageError(f"git {' '.join(args)} failed: {detail[0] if detail else proc.returncode}")
    # git writes paths as the bytes the file system holds: decode them as Python
    # decodes file names, so an undecodable name still round-trips to its file.
    return proc.stdout.decode("utf-8", "surrogateescape")


def _names(output: str) -> list[str]:
    return [name for name in output.split("\0") if name]


def changed_since(revision: str, cwd: Path) -> frozenset[str]:
    """Paths (relative to `cwd`, POSIX) changed since `revision`, untracked files included."""
    if revision.startswith("-"):  # git would take it for an option ("--output=FILE")
        raise UsageError(f"--changed-since expects a git revision, found {revision!r}")
    inside = _run(["rev-parse", "--is-inside-work-tree"], cwd)
    # One line of ours rather than git's "fatal: not a git repository (or any ...)".
    if inside.returncode != 0 or inside.stdout.strip() != b"true":
        raise UsageError(f"--changed-since needs a git repository: {cwd} is not inside one")
    diff = ["diff", "-z", "--name-only", "--relative", "--no-renames", revision, "--"]
    changed = _names(_git(diff, cwd))
    untracked = _names(_git(["ls-files", "-z", "--others", "--exclude-standard"], cwd))
    # Shown as the engine shows paths (control characters and bad bytes escaped).
    return frozenset(printable(Path(p).as_posix()) for p in [*changed, *untracked])
