"""What the checks keep per published text inside a server (EV03's lowered text,
and the readers keyed by it) must follow the published files: a published file
edited between two checks of one draft gives the findings a server started
after the edit gives.

Real text: three reports of Bắc Giang's lychee week in Hà Nội (news2017, tuning
half). Two are published, "Từ 16.6 – 23.6" and "từ 17-23/6"; the draft is the
third, "từ ngày 16/6 - 23/6/2017". The corpus lives in ../shared; without it
the test skips.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from linter.engine.config import Config
from linter.engine.parsing import ParseSettings
from linter.engine.warm import WarmCorpus
from linter.models import RunResult
from linter.read.loading import load_text

SAME = "bac-giang/mz-22543645.txt"  # "Từ 16.6 – 23.6"
SLIPPED = "bac-giang/mz-22552588.txt"  # "từ 17-23/6"
DRAFT = "bac-giang/mz-22544270.txt"  # "từ ngày 16/6 - 23/6/2017"


def _warm(folder: Path) -> WarmCorpus:
    return WarmCorpus([folder], Config(), root=folder, parsing=ParseSettings())


def _check(corpus: WarmCorpus, draft: bytes) -> RunResult:
    return corpus.check(load_text(draft, "<draft>.txt", ".txt"))


def _found(result: RunResult, code: str) -> list[list[tuple[str, str]]]:
    return [[(e.path, e.quote) for e in f.evidence] for f in result.findings if f.code == code]


def test_a_published_date_corrected_between_two_checks_is_read_again(
    news: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "corpus"
    for name in (SAME, SLIPPED):
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(news / name, folder / name)
    draft = (news / DRAFT).read_bytes()
    corpus = _warm(folder)
    before = _check(corpus, draft)
    slip = [
        ("<draft>.txt", "từ ngày 16/6 - 23/6/2017"),
        (SAME, "Từ 16.6 – 23.6"),
        (SLIPPED, "từ 17-23/6"),
    ]
    assert _found(before, "EV03") == [slip]
    assert _found(_check(corpus, draft), "EV03") == [slip]  # what is kept gives the same
    # The slipped report is corrected: the week's dates agree, EV03 is quiet.
    edited = folder / SLIPPED
    edited.write_text(edited.read_text(encoding="utf-8").replace("17-23/6", "16-23/6"), "utf-8")
    corpus.refresh()
    after = _check(corpus, draft)
    assert _found(after, "EV03") == []
    fresh = _check(_warm(folder), draft)
    assert after.model_dump_json() == fresh.model_dump_json()
