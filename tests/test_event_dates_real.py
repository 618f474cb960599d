"""EV03 (checks/event_dates.py) on the real reports of one event in news2017's tuning
half: a poll on Hà Nội's ward loudspeakers given two last days (T40 of the reading
set), found exactly, with every report that states either day."""

from __future__ import annotations

import pytest

from conftest import SHARED
from linter.engine.run import Options, run
from linter.models import Severity

NEWS = SHARED / "corpus" / "news2017"
POLL = [
    "ha-noi/mz-21472775.txt",  # "... sẽ kết thúc vào ngày 17-3"
    "ha-noi/mz-21472944.txt",
    "ha-noi/mz-21473160.txt",
    "ha-noi/mz-21473870.txt",  # "Đợt lấy ý kiến nhân dân về loa phường sẽ kéo dài đến hết ngày 10/3"
    "ha-noi/mz-21474318.txt",
    "ha-noi/mz-21474381.txt",  # "việc lấy ý kiến sẽ kết thúc vào ngày 17/3": too few words to pair
]


def test_one_poll_given_two_last_days_is_reported() -> None:
    paths = [NEWS / name for name in POLL]
    if not all(p.is_file() for p in paths):
        pytest.skip(f"news2017 not present under {NEWS} (it lives in ../shared)")
    result = run(paths, Options(select={"EV03"}), root=SHARED)
    found = [
        (f.severity, f.message, tuple((e.path.rsplit("/", 1)[-1], e.quote) for e in f.evidence))
        for f in result.findings
        if f.code == "EV03"
    ]
    assert found == [
        (
            Severity.INFO,
            "Các bản tin về cùng một sự kiện ghi thời gian là 17/3 và 10/3.",
            (
                ("mz-21472775.txt", "kết thúc vào ngày 17-3"),
                ("mz-21472944.txt", "đến hết ngày 10/3"),
                ("mz-21473160.txt", "đến hết ngày 10/3"),
                ("mz-21473870.txt", "kéo dài đến hết ngày 10/3"),
                ("mz-21474318.txt", "đến hết ngày 10.3"),
            ),
        )
    ]
