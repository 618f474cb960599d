"""A draft's EV03 compares each linked pair once: the draft's pairs first (to learn
whether any is in conflict), then every pair for the findings, the draft's taken
from the first pass (review rv13 item 9: they were compared twice). Its findings
are the whole run's that involve the draft."""

from __future__ import annotations

from pathlib import Path

import pytest

import checks.event_dates
from conftest import write_corpus
from linter.engine.run import Options, run
from linter.models import RunResult

_HEAD = "---\nprovince: Bắc Giang\ntitle: {title}\n---\n"
# Three reports of one fair (as EV03's own example): b.md gives its end a day later
# than a.md, c.md as a.md.
DOCS = {
    "a.md": _HEAD.format(title="Tuần lễ vải thiều Lục Ngạn tại Hà Nội")
    + "Từ 16.6 – 23.6, người tiêu dùng thủ đô sẽ được dùng thử vải thiều Lục Ngạn tại siêu thị"
    " Big C Thăng Long, với 15.000 tấn vải xuất khẩu và 2,5 tỷ đồng hỗ trợ.\n",
    "b.md": _HEAD.format(title="Vải thiều Lục Ngạn về Hà Nội")
    + "Tuần lễ vải thiều được Sở Công Thương tỉnh Bắc Giang tổ chức tại Big C Thăng Long từ"
    " 16-24/6, với 15.000 tấn vải xuất khẩu và 2,5 tỷ đồng hỗ trợ.\n",
    "c.md": _HEAD.format(title="Đưa vải thiều Lục Ngạn vào siêu thị Hà Nội")
    + "Từ 16/6 đến 23/6, siêu thị Big C Thăng Long bán vải thiều Lục Ngạn, với 15.000 tấn vải"
    " xuất khẩu và 2,5 tỷ đồng hỗ trợ của tỉnh Bắc Giang.\n",
}


def _run(root: Path, focus: str | None) -> RunResult:
    options = Options(focus=frozenset({focus}) if focus else None, select=frozenset({"EV03"}))
    return run([root], options, root=root)


def _found(result: RunResult) -> list[tuple[str, list[str]]]:
    return sorted((f.code, sorted({e.path for e in f.evidence})) for f in result.findings)


def test_each_linked_pair_is_compared_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = write_corpus(tmp_path, DOCS)
    whole = _found(_run(root, None))
    assert whole == [("EV03", ["a.md", "b.md", "c.md"])]

    seen: list[tuple[int, int]] = []
    real = checks.event_dates._span_slips

    def slips(left, right):  # type: ignore[no-untyped-def]
        seen.append((id(left), id(right)))
        return real(left, right)

    monkeypatch.setattr(checks.event_dates, "_span_slips", slips)
    assert _found(_run(root, "b.md")) == whole
    assert len(seen) == 3 and len(set(seen)) == 3  # a-b, b-c once each, then a-c
