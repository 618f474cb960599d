"""What benchmarks/run.py measures with and on: the `doichieu` to time and the flags
its `check` accepts, the machine it runs on, and the synthetic archive of each size
(benchmarks/generate.py), generated or reused."""

from __future__ import annotations

import json
import os
import platform
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import generate  # benchmarks/generate.py, next to this file (run.py puts it on sys.path)
from run_timing import GNU_TIME

REPO = Path(__file__).resolve().parent.parent


def doichieu_command() -> list[str]:
    """The `doichieu` of this interpreter's environment, else on PATH, else `-m linter`."""
    beside = Path(sys.executable).with_name("doichieu")
    if beside.is_file():
        return [str(beside)]
    found = shutil.which("doichieu")
    return [found] if found else [sys.executable, "-m", "linter"]


def check_flags(command: list[str]) -> set[str]:
    """Which of the flags this script uses `doichieu check` accepts."""
    out = subprocess.run(
        [*command, "check", "--help"], capture_output=True, text=True, check=False
    ).stdout
    return {flag for flag in ("--no-cache", "--cache-dir", "--jobs", "--verbose") if flag in out}


def machine() -> dict[str, Any]:
    model = ""
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.is_file():
        found = re.search(r"^model name\s*:\s*(.+)$", cpuinfo.read_text(), re.MULTILINE)
        model = found.group(1).strip() if found else ""
    ram_gb = None
    meminfo = Path("/proc/meminfo")
    if meminfo.is_file():
        found = re.search(r"^MemTotal:\s*(\d+) kB", meminfo.read_text(), re.MULTILINE)
        ram_gb = round(int(found.group(1)) / 1024**2, 1) if found else None
    commit = subprocess.run(
        ["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    return {
        "cpus": os.cpu_count(),
        "cpu_model": model or platform.processor() or platform.machine(),
        "ram_gb": ram_gb,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "commit": commit or None,
        "rss_source": "GNU time" if GNU_TIME else "os.wait4 (upper bound)",
    }


def corpus_for(size: int, seed: int, base: Path) -> tuple[Path, dict[str, Any], float | None]:
    """The archive of `size` documents under `base`, generated unless already there."""
    folder = base / f"docs-{size}-seed-{seed}"
    manifest_path = folder / generate.MANIFEST
    if manifest_path.is_file():
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        if (manifest.get("generator"), manifest.get("documents"), manifest.get("seed")) == (
            generate.GENERATOR_VERSION,
            size,
            seed,
        ):
            return folder, manifest, None
        shutil.rmtree(folder)
    manifest = generate.generate(folder, size, seed)
    return folder, manifest, float(manifest.pop("seconds"))  # type: ignore[arg-type]
