"""What `doichieu serve` compares of a published file between two listings
(linter.engine.keys.stamp): its modification and change times, size and inode, and
a file changed within RACY_NS of a listing is parsed again at the next one, as the
cache's racy rule says. Real text: two sample reports of Quảng Ninh's 2024 plan,
the state budget revenue 56.000 tỷ đồng in one and 55.600 tỷ đồng in the other.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from conftest import SEEDS, settle
from linter.engine import keys
from linter.engine.config import Config
from linter.engine.parsing import ParseSettings
from linter.engine.warm import WarmCorpus
from linter.models import RunResult
from linter.read.loading import load_text

DRAFT = "000_46a754388d49c070.txt"  # "56.000 tỷ đồng"
PUBLISHED = "001_82f02cea0d5a5bc1.txt"  # "55.600 tỷ đồng"
CONFLICT = [[("<draft>.txt", "56.000 tỷ đồng"), (PUBLISHED, "55.600 tỷ đồng")]]


def _warm(folder: Path) -> WarmCorpus:
    return WarmCorpus([folder], Config(), root=folder, parsing=ParseSettings())


def _revenue(corpus: WarmCorpus) -> list[list[tuple[str, str]]]:
    draft = load_text((SEEDS / DRAFT).read_bytes(), "<draft>.txt", ".txt")
    result: RunResult = corpus.check(draft)
    return [[(e.path, e.quote) for e in f.evidence] for f in result.findings if f.code == "NU01"]


def _published(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    shutil.copyfile(SEEDS / PUBLISHED, folder / PUBLISHED)
    return folder / PUBLISHED


def test_an_edit_that_keeps_size_and_modification_time_is_seen(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Corrected to the draft's figure (same size), then given back its modification
    time as `touch -r` would: only the change time tells, and NU01 is quiet, as a
    server started after the edit says."""
    published = _published(tmp_path)
    settle(monkeypatch, [published])  # its stamp is trusted: only a change shows
    corpus = _warm(published.parent)
    assert _revenue(corpus) == CONFLICT
    before = published.stat()
    text = published.read_text(encoding="utf-8")
    published.write_text(text.replace("55.600 tỷ đồng", "56.000 tỷ đồng"), encoding="utf-8")
    os.utime(published, ns=(before.st_atime_ns, before.st_mtime_ns))
    settle(monkeypatch, [published])  # listed long after: trusted, yet changed
    after = published.stat()
    assert (after.st_size, after.st_mtime_ns, after.st_ino) == (
        before.st_size,
        before.st_mtime_ns,
        before.st_ino,
    )
    corpus.refresh()
    assert _revenue(corpus) == []
    assert _revenue(_warm(published.parent)) == []


def test_a_file_changed_within_the_racy_window_is_parsed_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Written just now (its 1970 modification time given back as `tar -x` does), a
    second write in the same clock tick could leave its stamp as it is: each listing
    parses it again (a new snapshot) until it is settled, and then once more, the
    last time its stamp was not trusted; after that, not again."""
    published = _published(tmp_path)
    os.utime(published, ns=(0, 0))
    corpus = _warm(published.parent)
    first = corpus.current()
    assert first.stamps == {PUBLISHED: None}
    assert corpus.refresh() is not first  # unchanged, but not yet trusted
    settle(monkeypatch, [published])
    trusted = corpus.refresh()
    assert trusted.stamps[PUBLISHED] == keys.stamp(published, keys.settled_before())
    assert trusted.stamps[PUBLISHED] is not None
    assert corpus.refresh() is trusted
    assert _revenue(corpus) == CONFLICT
