"""Files changed since a git revision, for `--changed-since`."""

from __future__ import annotations

import subprocess
from pathlib import Path

from linter.errors import UsageError


def _git(args: list[str], cwd: Path) -> list[str]:
    try:
        proc = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=False)
    except OSError as exc:
        raise UsageError(f"--changed-since needs git: {exc}") from exc
    if proc.returncode != 0:
        raise UsageError(f"git {' '.join(args)} failed: {proc.stderr.strip() or proc.returncode}")
    return [line for line in proc.stdout.splitlines() if line]


def changed_since(revision: str, cwd: Path) -> frozenset[str]:
    """Paths (relative to `cwd`, POSIX) changed since `revision`, untracked files included."""
    changed = _git(["diff", "--name-only", "--relative", "--no-renames", revision, "--"], cwd)
    untracked = _git(["ls-files", "--others", "--exclude-standard"], cwd)
    return frozenset(Path(p).as_posix() for p in [*changed, *untracked])
