"""A draft's run compares the published reports' pairs of figures (EV01) only when
one of the draft's own pairs is in conflict: otherwise they could only give findings
that the run drops. The findings are the whole run's that involve the draft."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import checks.events
from linter.engine.run import Options, run
from linter.models import RunResult

# Five reports of the Chemroad Journey tanker (tuning cluster, Bình Thuận) that give
# its tonnage and its fuel oil in five EV01 findings, one of which gathers three
# reports from two pairs; and a sixth, linked to four of them, that contradicts none.
TANKER = (
    "binh-thuan/mz-22505758.txt",
    "binh-thuan/mz-22507065.txt",
    "binh-thuan/mz-22515329.txt",
    "binh-thuan/mz-22520228.txt",
    "binh-thuan/mz-22449696.txt",
)
QUIET = "binh-thuan/mz-22654095.txt"
DRAFT = TANKER[2]  # in three of the findings


@pytest.fixture
def corpus(tmp_path: Path, news: Path) -> Path:
    for name in (*TANKER, QUIET):
        target = tmp_path / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(news / name, target)
    return tmp_path


def _found(result: RunResult, involving: str | None = None) -> list[tuple[str, list[str]]]:
    found = [(f.code, sorted({e.path for e in f.evidence})) for f in result.findings]
    return sorted(f for f in found if involving is None or involving in f[1])


def _run(root: Path, focus: str | None) -> RunResult:
    options = Options(focus=frozenset({focus}) if focus else None, select=frozenset({"EV01"}))
    return run([root], options, root=root)


def _compared(monkeypatch: pytest.MonkeyPatch) -> list[frozenset[str]]:
    """Records the pairs of reports EV01 compares."""
    seen: list[frozenset[str]] = []
    real = checks.events.compared

    def compared(left, right, *rest):  # type: ignore[no-untyped-def]
        seen.append(frozenset((left.document.path, right.document.path)))
        return real(left, right, *rest)

    monkeypatch.setattr(checks.events, "compared", compared)
    return seen


def test_a_quiet_draft_leaves_the_published_pairs_alone(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    whole = _run(corpus, None)
    assert len(_found(whole)) == 5
    assert _found(whole, QUIET) == []
    seen = _compared(monkeypatch)
    assert _run(corpus, QUIET).findings == ()
    assert len(set(seen)) == 4  # the draft's pairs, and no other
    assert all(QUIET in pair for pair in seen)


def test_a_draft_in_conflict_still_gathers_the_published_pairs(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    whole = _run(corpus, None)
    seen = _compared(monkeypatch)
    focused = _found(_run(corpus, DRAFT))
    assert focused == _found(whole, DRAFT)
    assert focused == [
        ("EV01", [TANKER[0], TANKER[2]]),
        ("EV01", [TANKER[0], TANKER[2], TANKER[3]]),  # (0, 3) is a published pair
        ("EV01", [TANKER[2], TANKER[3]]),
    ]
    assert frozenset((TANKER[0], TANKER[3])) in seen
    drafts = [pair for pair in seen if DRAFT in pair]
    assert drafts and len(drafts) == len(set(drafts))  # each of the draft's pairs once
