"""A draft's run reads the published reports' dates and hours (EV03) only when one of
the draft's own linked pairs states them differently: otherwise they could only give
findings that the run drops. The findings are the whole run's that involve the draft."""

from __future__ import annotations

import pytest

import checks.event_dates
from conftest import NEWS_CORPUS, SHARED
from linter.engine.run import Options, run
from linter.models import RunResult

# A poll on Hà Nội's ward loudspeakers (tuning half) given two last days, 17/3 and
# 10/3: one EV03 finding with five reports (tests/test_event_dates_real.py); and three
# other reports of the city, two of them linked to the poll's, stating no day of it.
POLL = [
    "ha-noi/mz-21472775.txt",
    "ha-noi/mz-21472944.txt",
    "ha-noi/mz-21473160.txt",
    "ha-noi/mz-21473870.txt",
    "ha-noi/mz-21474318.txt",
    "ha-noi/mz-21474381.txt",
]
QUIET, LINKED, APART = "ha-noi/mz-21471869.txt", "ha-noi/mz-21472046.txt", "ha-noi/mz-21473360.txt"
NAMES = [*POLL, QUIET, LINKED, APART]


def _shown(name: str) -> str:
    return f"corpus/news2017/{name}"


def _run(focus: str | None) -> RunResult:
    paths = [NEWS_CORPUS / name for name in NAMES]
    if not all(p.is_file() for p in paths):
        pytest.skip(f"news2017 not present under {NEWS_CORPUS} (it lives in ../shared)")
    options = Options(select={"EV03"}, focus=frozenset({_shown(focus)}) if focus else None)
    return run(paths, options, root=SHARED)


def _found(result: RunResult, involving: str | None = None) -> list[list[str]]:
    found = [sorted({e.path for e in f.evidence}) for f in result.findings]
    return [f for f in found if involving is None or _shown(involving) in f]


def _reads(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """Records the reports whose texts EV03 reads, at each reading."""
    reads: list[list[str]] = []
    real = checks.event_dates._read

    def read(items):  # type: ignore[no-untyped-def]
        reads.append(sorted(items))
        return real(items)

    monkeypatch.setattr(checks.event_dates, "_read", read)
    return reads


def test_a_quiet_draft_reads_only_its_linked_reports(monkeypatch: pytest.MonkeyPatch) -> None:
    assert _found(_run(None)) == [sorted(_shown(n) for n in POLL[:5])]
    reads = _reads(monkeypatch)
    assert _run(QUIET).findings == ()
    # The draft and the reports linked to it, once; never the report linked to none.
    assert reads == [sorted(_shown(n) for n in [*POLL, QUIET, LINKED])]


def test_a_draft_in_conflict_still_gathers_every_report(monkeypatch: pytest.MonkeyPatch) -> None:
    whole = _run(None)
    reads = _reads(monkeypatch)
    focused = _run(POLL[3])
    assert _found(focused) == _found(whole, POLL[3]) == [sorted(_shown(n) for n in POLL[:5])]
    assert reads[-1] == sorted(_shown(n) for n in NAMES)
