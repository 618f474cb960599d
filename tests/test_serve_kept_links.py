"""A draft's run links the province's reports from the published reports' links
kept from the last check (linter.checking.events.relinked): it must give exactly
the pairs a whole run gives, and follow a published file that changes.

Real text: news2017's tuning half; the corpus lives in ../shared, and without it
the tests skip.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from linter.checking import events
from linter.engine.config import Config
from linter.engine.parsing import ParseSettings
from linter.engine.warm import WarmCorpus, parse_result
from linter.models import Document
from linter.read.loading import load_text

# Đà Nẵng's 28 reports of the tuning half.
DA_NANG = (
    "mz-21473747",
    "mz-21485720",
    "mz-21488589",
    "mz-21489944",
    "mz-21491903",
    "mz-21494885",
    "mz-21510071",
    "mz-21511518",
    "mz-21511655",
    "mz-21511856",
    "mz-22220630",
    "mz-22261072",
    "mz-22262112",
    "mz-22292032",
    "mz-22321220",
    "mz-22321865",
    "mz-22346920",
    "mz-22377897",
    "mz-22440722",
    "mz-22498195",
    "mz-22542580",
    "mz-22588060",
    "mz-22602183",
    "mz-22648275",
    "mz-22699635",
    "mz-22701032",
    "mz-22701304",
    "mz-22702135",
)
# Bắc Giang's of the tuning half but the draft, the third report of the lychee week
# in Hà Nội (linked with two of them).
BAC_GIANG = (
    "mz-21490195",
    "mz-22241871",
    "mz-22257869",
    "mz-22498008",
    "mz-22543645",
    "mz-22545832",
    "mz-22552588",
    "mz-22668235",
)
DRAFT = "bac-giang/mz-22544270.txt"


def _names(pairs: events.Pairs) -> list[tuple[str, str, events.Link]]:
    return [(a.path, b.path, why) for a, b, why in pairs]


def _whole(docs: list[Document]) -> list[tuple[str, str, events.Link]]:
    events._RECENT.clear()  # the pairs of these very documents, found again
    return _names(events.linked_pairs(docs))


@pytest.fixture
def answered(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Whether each call of `events.relinked` answered from the kept links (True) or
    left the province to be linked again (False)."""
    calls: list[bool] = []
    relinked = events.relinked

    def counted(*args: object) -> events.Positions | None:
        found = relinked(*args)  # type: ignore[arg-type]
        calls.append(found is not None)
        return found

    monkeypatch.setattr(events, "relinked", counted)
    return calls


def _documents(folder: Path) -> list[Document]:
    corpus = WarmCorpus([folder], Config(), root=folder, parsing=ParseSettings())
    return list(corpus.current().documents)


def test_each_report_as_the_draft_is_linked_as_in_a_whole_run(
    news: Path, tmp_path: Path, answered: list[bool]
) -> None:
    for name in DA_NANG:
        shutil.copyfile(news / "da-nang" / f"{name}.txt", tmp_path / f"{name}.txt")
    docs = _documents(tmp_path)
    whole = _whole(docs)
    assert len(whole) > 10
    for doc in docs:
        events._RECENT.clear()
        assert _names(events.linked_pairs(docs, focus=frozenset({doc.path}))) == whole, doc.path
    assert any(answered)  # the kept links answered, not only the whole province again


def test_a_published_report_replaced_between_two_checks_is_linked_anew(
    news: Path, tmp_path: Path
) -> None:
    for name in BAC_GIANG:
        shutil.copyfile(news / "bac-giang" / f"{name}.txt", tmp_path / f"{name}.txt")
    draft, _, _ = parse_result(
        load_text((news / DRAFT).read_bytes(), "<draft>.txt", ".txt"), Config()
    )
    assert draft is not None
    corpus = WarmCorpus([tmp_path], Config(), root=tmp_path, parsing=ParseSettings())
    focus = frozenset({draft.path})

    def linked() -> list[tuple[str, str, events.Link]]:
        docs = [draft, *corpus.current().documents]
        found = _names(events.linked_pairs(docs, focus=focus))
        assert found == _whole(docs)
        return found

    before = linked()
    assert any("<draft>.txt" in pair for pair in before)
    # A published report of the lychee week is replaced by a report of Đà Nẵng: the
    # draft is linked with one report fewer.
    partners = [b for a, b, _ in before if a == "<draft>.txt"]
    assert "mz-22543645.txt" in partners
    replaced = news / "da-nang" / f"{DA_NANG[0]}.txt"
    (tmp_path / "mz-22543645.txt").write_bytes(replaced.read_bytes())
    corpus.refresh()
    after = linked()
    assert [b for a, b, _ in after if a == "<draft>.txt"] == [
        b for b in partners if b != "mz-22543645.txt"
    ]


def _report(folder: Path, name: str, day: int, text: str) -> None:
    (folder / f"{name}.md").write_text(
        f"---\ntitle: Báo cáo {name}\ndate: 2017-06-{day:02d}\nprovince: Quảng Ninh\n---\n{text}\n",
        encoding="utf-8",
    )


def test_a_draft_that_makes_a_feature_frequent_links_the_whole_province_again(
    tmp_path: Path, answered: list[bool]
) -> None:
    # Twelve published reports share one figure (MAX_FEATURE_DOCS: still distinctive);
    # pairs of them share a second one. The draft is a thirteenth with the first
    # figure: it turns frequent, and no report may be linked by it any more.
    assert events.MAX_FEATURE_DOCS == 12
    for n in range(12):
        _report(
            tmp_path,
            f"r{n:02d}",
            1 + n % 5,
            f"Dự án cảng biển có tổng vốn 1.234,5 tỷ đồng. Khu B rộng {100 + n // 2},75 ha.",
        )
    _report(tmp_path, "zz-draft", 3, "Dự án cảng biển có tổng vốn 1.234,5 tỷ đồng.")
    docs = _documents(tmp_path)
    draft = next(d.path for d in docs if "zz-draft" in d.path)
    published = [d for d in docs if d.path != draft]
    events._RECENT.clear()
    kept = _names(events.linked_pairs(published))  # the published reports alone
    assert any("r00" in a and "r01" in b for a, b, _ in kept)
    events._RECENT.clear()
    focused = _names(events.linked_pairs(docs, focus=frozenset({draft})))
    assert answered == [False]  # the kept links did not answer: linked again
    assert focused == _whole(docs)
