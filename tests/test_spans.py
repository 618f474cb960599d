"""SP01 on real articles: each span as published is read and passes; the same
article with one count or year changed gives exactly one finding, said exactly.

The articles are in ../shared (tuning clusters of news2017 and the real corpus),
outside the repo; the tests are skipped without them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import SHARED, write_corpus
from linter.engine.run import Options, run

CORPUS = SHARED / "corpus"

# (article, as published, as edited, quote of the finding, message)
EDITS = [
    (
        "news2017/dak-lak/mz-21475941.txt",
        "trong 5 năm qua (2011-2015)",
        "trong 7 năm qua (2011-2015)",
        "7 năm qua (2011-2015",
        "Văn bản ghi 7 năm, nhưng 2011-2015 là 4 / 5 năm.",
    ),
    (
        "news2017/gia-lai/mz-22642994.txt",
        "trong vòng 6 năm, từ năm 2010-2016",
        "trong vòng 8 năm, từ năm 2010-2016",
        "8 năm, từ năm 2010-2016",
        "Văn bản ghi 8 năm, nhưng 2010-2016 là 6 / 7 năm.",
    ),
    (
        "news2017/vinh-phuc/mz-22342799.txt",
        "trong 4 năm (2017-2021)",
        "trong 3 năm (2017-2021)",
        "3 năm (2017-2021",
        "Văn bản ghi 3 năm, nhưng 2017-2021 là 4 / 5 năm.",
    ),
    (
        "news2017/tp-ho-chi-minh/mz-22582778.txt",
        "trong năm năm tới (2017-2022)",
        "trong ba năm tới (2017-2022)",
        "ba năm tới (2017-2022",
        "Văn bản ghi 3 năm, nhưng 2017-2022 là 5 / 6 năm.",
    ),
    (
        "real/lao-cai/mz-22711291.txt",
        "kỷ niệm 110 năm ngày thành lập tỉnh Lào Cai (12/7/1907 - 12/7/2017)",
        "kỷ niệm 111 năm ngày thành lập tỉnh Lào Cai (12/7/1907 - 12/7/2017)",
        "kỷ niệm 111 năm ngày thành lập tỉnh Lào Cai (12/7/1907 - 12/7/2017)",
        "Văn bản ghi 111 năm, nhưng 1907-2017 là 110 năm.",
    ),
]


def _articles(edited: bool) -> dict[str, str]:
    if not CORPUS.is_dir():
        pytest.skip(f"corpus not present at {CORPUS} (it lives in ../shared, outside the repo)")
    documents = {}
    for path, published, changed, _, _ in EDITS:
        text = (CORPUS / path).read_text(encoding="utf-8")
        assert text.count(published) == 1, path
        documents[path] = text.replace(published, changed) if edited else text
    return documents


def _findings(tmp_path: Path, documents: dict[str, str], lang: str = "vi") -> list[tuple[str, ...]]:
    write_corpus(tmp_path, documents)
    result = run([tmp_path], Options(select={"SP01"}, lang=lang), root=tmp_path)
    return sorted((e.path, e.quote, f.message) for f in result.findings for e in f.evidence)


def test_spans_as_published_pass(tmp_path: Path) -> None:
    assert _findings(tmp_path, _articles(edited=False)) == []


def test_each_changed_count_is_one_finding(tmp_path: Path) -> None:
    expected = sorted((path, quote, message) for path, _, _, quote, message in EDITS)
    assert _findings(tmp_path, _articles(edited=True)) == expected


def test_message_in_english(tmp_path: Path) -> None:
    documents = {
        "a.md": "---\ndate: 2017-07-10\nprovince: Lào Cai\n---\n"
        "Sáng 9/7, tỉnh tổ chức Lễ kỷ niệm 100 năm ngày thành lập tỉnh Lào Cai (12/7/1907).\n"
    }
    write_corpus(tmp_path, documents)
    result = run([tmp_path], Options(select={"SP01"}, lang="en"), root=tmp_path)
    (finding,) = result.findings
    assert finding.message == "The text says 100 years, but 1907-2017 make 110 years."
    assert finding.evidence[0].note == "the document's year"
