"""A draft's run reads the laws (VB03) of the draft and of the reports linked to it
only: a finding that involves the draft is one of its own citations, or a linked
report's that the draft cites rightly. The findings are the whole run's that
involve the draft."""

from __future__ import annotations

import pytest

import checks.laws
from conftest import involving, news_shown, run_news

# One press conference on an antiques auction (tuning half, T12): two reports give the
# auction law the year it took effect, 2017; the third names it rightly, 2016. And two
# other reports of the city, linked to none of them.
WRONG = ["ha-noi/mz-22718930.txt", "ha-noi/mz-22720945.txt"]
RIGHT = "ha-noi/mz-22718935.txt"
OTHERS = ["ha-noi/mz-21473360.txt", "ha-noi/mz-21471869.txt"]
NAMES = [*WRONG, RIGHT, *OTHERS]


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
    whole = run_news(NAMES, "VB03", None)
    assert involving(whole) == [sorted(news_shown(n) for n in (wrong, RIGHT)) for wrong in WRONG]
    reads = _reads(monkeypatch)
    linkings: list[object] = []
    real = checks.laws._linked_pairs
    monkeypatch.setattr(checks.laws, "_linked_pairs", lambda g: linkings.append(g) or real(g))
    assert involving(run_news(NAMES, "VB03", draft)) == involving(whole, draft)
    assert not set(reads) & {news_shown(n) for n in OTHERS}  # linked to no report of the event
    assert len(linkings) == 1  # the province linked once (review rv12, item 5)


def test_an_unlinked_draft_reads_its_own_laws_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    reads = _reads(monkeypatch)
    assert run_news(NAMES, "VB03", OTHERS[0]).findings == ()
    assert reads == [news_shown(OTHERS[0])]
