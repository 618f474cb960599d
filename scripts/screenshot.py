"""Full-page PNG of an HTML report, for the README and `make report`.

    python scripts/screenshot.py build/report.html build/report.png

Uses Playwright driving an installed Chromium (Debian's /usr/bin/chromium by
default; `playwright install` is never needed). Without Playwright it falls back
to `chromium --headless --screenshot`, which cannot measure the page: it shoots a
window of --height pixels instead. The page is opened offline from file://, so
the picture shows exactly what a reader of the file sees.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ARGS = [
    "--no-sandbox",  # root in containers and CI has no user namespace for the sandbox
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--hide-scrollbars",
]


def find_chromium(given: str | None) -> str:
    for candidate in (given, os.environ.get("CHROMIUM"), "/usr/bin/chromium"):
        if candidate and Path(candidate).exists():
            return candidate
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if not found:
        sys.exit("screenshot: no chromium found (apt-get install chromium, or pass --chromium)")
    return found


def with_playwright(report: Path, out: Path, chromium: str, width: int) -> bool:
    """Full-page screenshot; False when Playwright is not installed."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return False
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=ARGS)
        try:
            page = browser.new_page(viewport={"width": width, "height": 900})
            # Nothing may leave the machine: a report that tried would be a bug anyway.
            page.route(
                "**/*",
                lambda route: (
                    route.continue_() if route.request.url.startswith("file://") else route.abort()
                ),
            )
            page.goto(report.resolve().as_uri())
            page.wait_for_selector("body[data-ready='1']", state="attached", timeout=10_000)
            page.screenshot(path=str(out), full_page=True)
        finally:
            browser.close()
    return True


def with_cli(report: Path, out: Path, chromium: str, width: int, height: int) -> None:
    with tempfile.TemporaryDirectory(prefix="screenshot-") as profile:
        cmd = [
            chromium,
            "--headless",
            *ARGS,
            f"--user-data-dir={profile}",
            f"--window-size={width},{height}",
            f"--screenshot={out.resolve()}",
            report.resolve().as_uri(),
        ]
        subprocess.run(cmd, check=True, capture_output=True, timeout=60)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("report", type=Path, help="the HTML report to shoot")
    parser.add_argument("out", type=Path, help="the PNG to write")
    parser.add_argument("--width", type=int, default=1280, help="viewport width (1280)")
    parser.add_argument(
        "--height", type=int, default=6000, help="window height of the CLI fallback (6000)"
    )
    parser.add_argument("--chromium", help="browser binary (default: /usr/bin/chromium)")
    args = parser.parse_args(argv)
    if not args.report.is_file():
        parser.error(f"no such report: {args.report}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    chromium = find_chromium(args.chromium)
    if not with_playwright(args.report, args.out, chromium, args.width):
        print("screenshot: playwright not installed; using chromium --screenshot", file=sys.stderr)
        with_cli(args.report, args.out, chromium, args.width, args.height)
    print(f"screenshot: {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
