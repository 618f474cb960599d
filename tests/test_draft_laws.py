"""A draft's run reads the laws (VB03) of the draft and of the reports linked to it
only: a finding that involves the draft is one of its own citations, or a linked
report's that the draft cites rightly. The findings are the whole run's that
involve the draft."""

from __future__ import annotations

import pytest

import checks.laws
from conftest import NEWS_CORPUS, SHARED
from linter.engine.run import Options, run
from linter.models import RunResult

# One press conference on an antiques auction (tuning half, T12): two reports give the
# auction law the year it took effect, 2017; the third names it rightly, 2016. And two
# other reports of the city, linked to none of them.
WRONG = ["ha-noi/mz-22718930.txt", "ha-noi/mz-22720945.txt"]
RIGHT = "ha-noi/mz-22718935.txt"
OTHERS = ["ha-noi/mz-21473360.txt", "ha-noi/mz-21471869.txt"]
NAMES = [*WRONG, RIGHT, *OTHERS]


def _shown(name: str) -> str:
    return f"corpus/news2017/{name}"


def _run(focus: str | None) -> RunResult:
    paths = [NEWS_CORPUS / name for name in NAMES]
    if not all(p.is_file() for p in paths):
        pytest.skip(f"news2017 not present under {NEWS_CORPUS} (it lives in ../shared)")
    options = Options(select={"VB03"}, focus=frozenset({_shown(focus)}) if focus else None)
    return run(paths, options, root=SHARED)


def _found(result: RunResult, involving: str | None = None) -> list[list[str]]:
    found = [sorted({e.path for e in f.evidence}) for f in result.findings]
    return sorted(f for f in found if involving is None or _shown(involving) in f)


def _reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Records the reports whose laws VB03 reads."""
    reads: list[str] = []
    real = checks.laws._cited

    def cited(item):  # type: ignore[no-untyped-def]
        reads.append(item.document.path)
        return real(item)

    monkeypatch.setattr(checks.laws, "_cited", cited)
    return reads


@pytest.mark.parametrize("draft", [*WRONG, RIGHT])
def test_a_draft_gets_the_whole_runs_findings_that_involve_it(
    draft: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    whole = _run(None)
    assert _found(whole) == [sorted(_shown(n) for n in (wrong, RIGHT)) for wrong in WRONG]
    reads = _reads(monkeypatch)
    linkings: list[object] = []
    real = checks.laws._linked_pairs
    monkeypatch.setattr(checks.laws, "_linked_pairs", lambda g: linkings.append(g) or real(g))
    assert _found(_run(draft)) == _found(whole, draft)
    assert not set(reads) & {_shown(n) for n in OTHERS}  # linked to no report of the event
    assert len(linkings) == 1  # the province linked once (review rv12, item 5)


def test_an_unlinked_draft_reads_its_own_laws_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    reads = _reads(monkeypatch)
    assert _run(OTHERS[0]).findings == ()
    assert reads == [_shown(OTHERS[0])]
