"""A draft run against a warm cache links the draft with reports in other files of
its province: its findings are the whole run's findings that involve the draft."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import CHEMROAD_DRAFT, CHEMROAD_PUBLISHED, chemroad_corpus
from linter.engine.parsing import ParseSettings
from linter.engine.run import Options, run
from linter.models import RunResult

# The Chemroad Journey tanker (conftest) and two of Da Nang's reports: another
# province, never compared, never read as context.
DRAFT = CHEMROAD_DRAFT
PUBLISHED = (*CHEMROAD_PUBLISHED, "da-nang/mz-21511518.txt", "da-nang/mz-21511856.txt")


@pytest.fixture
def corpus(tmp_path: Path, news: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return chemroad_corpus(tmp_path, news, monkeypatch)


def _run(root: Path, focus: bool, cache: Path | None) -> RunResult:
    options = Options(
        focus=frozenset({f"drafts/{DRAFT}"}) if focus else None,
        parsing=ParseSettings(cache_dir=cache),
    )
    return run([root / "drafts", root / "archive"], options, root=root)


def _found(result: RunResult) -> set[tuple[str, tuple[tuple[str, int, int], ...]]]:
    # A focused run words its messages for a draft and leads with it: compare codes
    # and evidence, in any order.
    return {
        (f.code, tuple(sorted((e.path, e.line, e.column) for e in f.evidence)))
        for f in result.findings
    }


def test_a_draft_finds_its_linked_reports_in_other_files(corpus: Path) -> None:
    cache = corpus / "cache"
    whole = _found(_run(corpus, focus=False, cache=cache))  # fills the cache
    involving = {f for f in whole if any(p == f"drafts/{DRAFT}" for p, _, _ in f[1])}
    shown = {(code, tuple(sorted({p for p, _, _ in ev}))) for code, ev in involving}
    assert (
        shown
        == {  # the linked reports in archive/, the draft in drafts/
            ("EV01", (f"archive/{PUBLISHED[0]}", f"drafts/{DRAFT}")),
            ("PN03", (*(f"archive/{p}" for p in PUBLISHED[:3]), f"drafts/{DRAFT}")),
        }
    )

    focused = _run(corpus, focus=True, cache=cache)
    assert _found(focused) == involving
    # The draft's province only: Da Nang's reports are never read as its context.
    assert sorted(d.path for d in focused.documents) == sorted(
        [f"drafts/{DRAFT}", *(f"archive/{p}" for p in PUBLISHED[:5])]
    )
