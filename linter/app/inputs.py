"""What a check run reads, and what it says when it cannot: the paths named, the
draft (a file, or piped in), the files of a folder in formats it does not read.

Said in the run's language (`Said`, with the ids of
`linter/data/engine_messages.yaml`): these are what a new user meets first.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import BinaryIO, NoReturn

from linter.diagnostics import reason, render
from linter.engine.config import Config
from linter.engine.config_errors import Said
from linter.read import frontmatter
from linter.read.listing import display_path, missing, supported_suffixes, unread_suffixes
from linter.read.loading import LoadResult, kind_at, load_text
from linter.read.readers import load_readers

__all__ = ["existing", "nothing_read", "read_stdin", "refuse_draft", "skipped_formats"]

# The first bytes of the binary formats read, and their --draft-format: a draft
# piped in is read as Markdown unless told, and a Word file read so is "binary".
SIGNATURES = {b"PK\x03\x04": ("Word (.docx)", "docx"), b"%PDF-": ("PDF (.pdf)", "pdf")}


def existing(paths: list[Path]) -> list[Path]:
    """`paths`, each of which exists: one that does not is said so in the run's
    language here (the listing says the same line in English to other callers)."""
    absent = missing(paths)
    if absent is not None:
        raise Said("no-such-path", path=str(absent))
    return paths


def refuse_draft(path: Path) -> NoReturn:
    """A draft that is no file: missing, or a folder (the published ones given as
    the draft?), a FIFO ..., said as such."""
    kind = kind_at(path)
    if kind is None:
        raise Said("draft-not-found", path=str(path))
    raise Said("draft-not-file", {"kind": kind}, path=str(path))


def read_stdin(stream: BinaryIO, suffix: str, config: Config) -> LoadResult:
    """A draft piped in, capped like a file: at most one byte more than the cap is
    read, so an endless or huge stream is refused (DC01) without being held in memory."""
    cap = config.max_file_size
    data = stream.read(cap + 1)
    shown = f"<stdin>.{suffix}"
    if len(data) > cap:
        problem = frontmatter.problem("stdin-too-big", limit=cap)
        return LoadResult(path=shown, document=None, problems=(problem,))
    for magic, (name, wanted) in SIGNATURES.items():  # a .docx piped without its format
        if data.startswith(magic) and wanted != suffix and wanted in load_readers().names:
            problem = frontmatter.problem(
                "stdin-other-format", format=name, suffix=suffix, wanted=wanted
            )
            return LoadResult(path=shown, document=None, problems=(problem,))
    return load_text(data, shown, f".{suffix}", cap, config.max_docx_inflated_size)


def skipped_formats(paths: Sequence[Path], lang: str, config: Config | None = None) -> str | None:
    """When a run read nothing: how many files of its folders are of formats it does
    not read ("2 .doc, 1 .odt"), which a folder's listing leaves out without a word
    (`linter.read.listing.unread_suffixes`: a folder holds pictures and spreadsheets
    too), of those the configuration's include and exclude would take. None when
    there is none."""
    counts = unread_suffixes(paths, _taken(config))
    if not counts:
        return None
    listed = ", ".join(f"{n} {s}" for s, n in sorted(counts.items(), key=lambda c: (-c[1], c[0])))
    read = ", ".join(supported_suffixes())
    count = sum(counts.values())
    name = "skipped-format-one" if count == 1 else "skipped-formats"
    found = reason(name, count=count, counts=listed, expected=read)
    return render(found, lang)


def _taken(config: Config | None) -> Callable[[Path], bool] | None:
    """Whether the run takes a file of a folder, as `linter.engine.run.run` asks:
    `Config.takes` of its name shown from the working directory (the root of a run
    of the command line)."""
    if config is None:
        return None
    base, cwd = Path.cwd(), os.getcwd()  # noqa: PTH109 - once, not once per file
    return lambda path: config.takes(display_path(path, base, cwd))


def nothing_read(paths: Sequence[Path], lang: str, config: Config | None = None) -> NoReturn:
    """Exit 2, saying why when a folder's files were all of formats not read."""
    notice = skipped_formats(paths, lang, config)
    if notice:
        print(f"doichieu: notice: {notice}", file=sys.stderr)
    raise Said("no-document")
