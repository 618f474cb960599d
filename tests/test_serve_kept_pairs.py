"""What a server keeps from one check of a draft to the next must follow the
published files: EV01 keeps the pairs of figures of two published reports
(checks/event_pairs.compared), and a published file edited between two checks
is compared again, as a server that had never seen it would compare it.

Real text: two reports of one meeting of Đà Nẵng's party secretary with
businesses (news2017, tuning half), "thu ngân sách đạt trên 20.000 tỷ đồng" and
"tổng thu ngân sách năm 2016 đạt gần 20.000 tỉ đồng"; the draft restates the
second. The corpus lives in ../shared; without it the test skips.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from linter.engine.config import Config
from linter.engine.parsing import ParseSettings
from linter.engine.warm import WarmCorpus
from linter.models import RunResult
from linter.read.loading import load_text

FIRST = "da-nang/mz-21511518.txt"  # "đạt trên 20.000 tỷ đồng"
SECOND = "da-nang/mz-21511856.txt"  # "đạt gần 20.000 tỉ đồng"
SAID = "gần 20.000 tỉ đồng"
CORRECTED = "trên 20.000 tỉ đồng"


def _warm(folder: Path) -> WarmCorpus:
    return WarmCorpus([folder], Config(), root=folder, parsing=ParseSettings())


def _check(corpus: WarmCorpus, draft: bytes) -> RunResult:
    return corpus.check(load_text(draft, "<draft>.txt", ".txt"))


def _ev01(result: RunResult) -> list[list[tuple[str, str]]]:
    return [[(e.path, e.quote) for e in f.evidence] for f in result.findings if f.code == "EV01"]


def test_a_published_file_edited_between_two_checks_is_compared_again(
    news: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "corpus"
    for name in (FIRST, SECOND):
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(news / name, folder / name)
    draft = (news / SECOND).read_bytes()
    corpus = _warm(folder)
    before = _check(corpus, draft)
    assert _ev01(before) == [
        [("<draft>.txt", SAID), (FIRST, "trên 20.000 tỷ đồng"), (SECOND, SAID)]
    ]
    assert _ev01(_check(corpus, draft)) == _ev01(before)  # the kept pairs give the same
    # The second report is corrected: its pair with the first no longer disagrees, and
    # it is in the finding only through the draft, with what it says now.
    edited = folder / SECOND
    edited.write_text(edited.read_text(encoding="utf-8").replace(SAID, CORRECTED), "utf-8")
    corpus.refresh()
    after = _check(corpus, draft)
    assert _ev01(after) == [
        [("<draft>.txt", SAID), (FIRST, "trên 20.000 tỷ đồng"), (SECOND, CORRECTED)]
    ]
    # Exactly what a server started after the edit reports, whole.
    fresh = _check(_warm(folder), draft)
    assert after.model_dump_json() == fresh.model_dump_json()
