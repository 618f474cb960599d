"""What the checks keep per published text inside a server must follow the
published files: a published file edited between two checks of one draft gives
the findings a server started after the edit gives. Kept: EV03's lowered text
(and the readers keyed by it), NU01's and OF01's keys of each published report
(linter.checking.kept).

Real text (news2017's tuning half and corpus/real); the corpus lives in
../shared, and without it the tests skip.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import real_corpus_or_skip
from linter.engine.config import Config
from linter.engine.parsing import ParseSettings
from linter.engine.warm import WarmCorpus
from linter.models import RunResult
from linter.read.loading import load_text

# Three reports of Bắc Giang's lychee week in Hà Nội: two published, the draft
# the third.
SAME = "bac-giang/mz-22543645.txt"  # "Từ 16.6 – 23.6"
SLIPPED = "bac-giang/mz-22552588.txt"  # "từ 17-23/6"
DRAFT = "bac-giang/mz-22544270.txt"  # "từ ngày 16/6 - 23/6/2017"


# Two reports of the Prime Minister's visit to Hải Phòng on 26/6 (corpus/real): the
# city's growth of the first half year, 10,7% in one and 10,49% in the other.
GROWTH = "hai-phong/mz-22617814.txt"  # "10,7%", published
GROWTH_DRAFT = "hai-phong/mz-22618669.txt"  # "10,49%"
# Ho Chi Minh City's chairman, Nguyễn Thành Phong: the draft also misspells him
# "Nguyễn Thanh Phong" once; the published report spells him right.
CHAIR = "tp-ho-chi-minh/mz-21494392.txt"
CHAIR_DRAFT = "tp-ho-chi-minh/mz-22536340.txt"


def _copy(source: Path, names: tuple[str, ...], folder: Path) -> None:
    for name in names:
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source / name, folder / name)


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), "utf-8")


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
    _copy(news, (SAME, SLIPPED), folder)
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
    _edit(folder / SLIPPED, "17-23/6", "16-23/6")
    corpus.refresh()
    after = _check(corpus, draft)
    assert _found(after, "EV03") == []
    fresh = _check(_warm(folder), draft)
    assert after.model_dump_json() == fresh.model_dump_json()


def test_a_published_figure_corrected_between_two_checks_is_keyed_again(tmp_path: Path) -> None:
    real = real_corpus_or_skip()
    folder = tmp_path / "corpus"
    _copy(real, (GROWTH,), folder)
    draft = (real / GROWTH_DRAFT).read_bytes()
    corpus = _warm(folder)
    growth = [[("<draft>.txt", "10,49%"), (GROWTH, "10,7%")]]
    assert _found(_check(corpus, draft), "NU01") == growth
    assert _found(_check(corpus, draft), "NU01") == growth  # the kept keys give the same
    _edit(folder / GROWTH, "10,7%", "10,49%")  # now the draft's figure: no conflict
    corpus.refresh()
    after = _check(corpus, draft)
    assert _found(after, "NU01") == []
    assert after.model_dump_json() == _check(_warm(folder), draft).model_dump_json()


def test_a_published_name_misspelt_between_two_checks_is_keyed_again(
    news: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "corpus"
    _copy(news, (CHAIR,), folder)
    draft = (news / CHAIR_DRAFT).read_bytes()
    corpus = _warm(folder)
    own = [
        ("<draft>.txt", "Chủ tịch UBND Nguyễn Thành Phong"),
        ("<draft>.txt", "Chủ tịch UBND Nguyễn Thanh Phong"),
    ]
    assert _found(_check(corpus, draft), "OF01") == [own]
    assert _found(_check(corpus, draft), "OF01") == [own]
    # The published report now misspells him too, as the draft's own slip does.
    _edit(folder / CHAIR, "Nguyễn Thành Phong", "Nguyễn Thanh Phong")
    corpus.refresh()
    after = _check(corpus, draft)
    slip = [
        ("<draft>.txt", "Chủ tịch UBND TPHCM Nguyễn Thành Phong"),
        (CHAIR, "Chủ tịch UBND TPHCM Nguyễn Thanh Phong"),
    ]
    assert _found(after, "OF01") == [slip, own]
    assert after.model_dump_json() == _check(_warm(folder), draft).model_dump_json()
