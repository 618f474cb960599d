"""A draft's run reads the published reports' dates and hours (EV03) only when one of
the draft's own linked pairs states them differently: otherwise they could only give
findings that the run drops. The findings are the whole run's that involve the draft."""

from __future__ import annotations

import pytest

import checks.event_dates
from conftest import involving, news_shown, run_news

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
    assert involving(run_news(NAMES, "EV03", None)) == [sorted(news_shown(n) for n in POLL[:5])]
    reads = _reads(monkeypatch)
    assert run_news(NAMES, "EV03", QUIET).findings == ()
    # The draft and the reports linked to it, once; never the report linked to none.
    assert reads == [sorted(news_shown(n) for n in [*POLL, QUIET, LINKED])]


def test_a_draft_in_conflict_still_gathers_every_report(monkeypatch: pytest.MonkeyPatch) -> None:
    whole = run_news(NAMES, "EV03", None)
    reads = _reads(monkeypatch)
    focused = run_news(NAMES, "EV03", POLL[3])
    assert (
        involving(focused) == involving(whole, POLL[3]) == [sorted(news_shown(n) for n in POLL[:5])]
    )
    assert reads[-1] == sorted(news_shown(n) for n in NAMES)
