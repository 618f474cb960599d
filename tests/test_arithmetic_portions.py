"""AR01's shares after their amounts ("N, chiếm x%", `portions`) and rates beside
their amounts ("giảm 121 đơn vị (30,2%)", `rates`) on real text: what they link in
articles of ../shared/corpus (tuning-half and unclustered news2017 files, and
corpus/real), the finding they raise there, one raised by a figure changed in a
real article, and the words of the new messages in both languages."""

from __future__ import annotations

from pathlib import Path

import pytest

from checks.arithmetic import candidates
from checks.arithmetic.figures import _lower, _sentences
from conftest import NEWS_CORPUS, REAL_CORPUS, SHARED, run_corpus
from linter.checking import DocumentClaims
from linter.claims.extract import extract_claims
from linter.engine.run import Options, run
from linter.models import Severity
from linter.read.loading import load_document

# What each links, with what it computes; all of them hold.
LINKED = [
    # "gần 823 triệu kWh ... Công nghiệp, xây dựng gần 392 triệu kWh, chiếm 47,6%; quản
    # lý, tiêu dùng 352 triệu kWh, chiếm 42,7%": two items of one list, one whole before
    (NEWS_CORPUS / "nghe-an/mz-22315032.txt", "equivalent", "392 / 823 = 47,63%"),
    (NEWS_CORPUS / "nghe-an/mz-22315032.txt", "equivalent", "352 / 823 = 42,77%"),
    (NEWS_CORPUS / "tp-ho-chi-minh/mz-22319700.txt", "equivalent", "249.146 / 470.142 = 52,99%"),
    (NEWS_CORPUS / "ha-noi/mz-22549041.txt", "equivalent", "10 / 475 = 2,11%"),
    # "đạt khoảng 7.800 tỷ đồng, giảm khoảng 200 tỷ đồng so với năm 2015 (giảm 2,5%)"
    (NEWS_CORPUS / "ha-noi/mz-22626198.txt", "rate", "200 / (7.800 + 200) = 2,5%"),
]


@pytest.mark.parametrize(
    ("path", "kind", "computed"),
    LINKED,
    ids=[f"{p.parent.name}/{p.name}-{c}" for p, _, c in LINKED],
)
def test_real_shares_and_rates_are_linked_and_hold(path: Path, kind: str, computed: str) -> None:
    if not path.is_file():
        pytest.skip(f"real corpus not present at {path} (it lives in ../shared)")
    document = load_document(path).document
    assert document is not None
    linked = list(candidates(DocumentClaims(document, extract_claims(document))))
    assert (kind, computed) in {(c.kind, c.computed) for c in linked}
    assert [c.message("vi") for c in linked if c.verdict() is not None] == []


def test_real_change_from_a_bare_level_is_reported_once() -> None:
    """corpus/real: "giảm từ 401 xuống còn 208 đơn vị, giảm 121 đơn vị (30,2%)": the
    bare 401 takes the 208's unit, and 401 − 208 = 193, not 121 (121 is 30,2 % of 401:
    280, not 208, was likely meant). One finding, that names the 401; the rate is not
    redone against 208 + 121, which would blame the 30,2 %."""
    source = REAL_CORPUS / "ha-noi/mz-21478347.txt"
    if not source.is_file():
        pytest.skip(f"real corpus not present at {source} (it lives in ../shared)")
    result = run([source], Options(select={"AR01"}), root=SHARED)
    found = [
        (f.severity, f.message, tuple((e.quote, e.note) for e in f.evidence))
        for f in result.findings
        if f.code == "AR01"
    ]
    assert found == [
        (
            Severity.WARNING,
            "Mức thay đổi không khớp với hai số liệu: "
            "208 − 401 = −193 đơn vị, không phải «giảm 121 đơn vị».",
            (
                ("208 đơn vị", "số liệu"),
                ("121 đơn vị", "mức thay đổi"),
                ("401", "số gốc so sánh"),
            ),
        )
    ]


def test_real_share_changed_after_its_amount_is_reported(tmp_path: Path) -> None:
    """The Nghệ An electricity report with its first share typed 52,6 % instead of
    47,6 %: 392 of 823 is 47,6 %; the whole is in the sentence before, so info, and
    the second item is still checked against the whole, not against the first."""
    source = NEWS_CORPUS / "nghe-an/mz-22315032.txt"
    if not source.is_file():
        pytest.skip(f"real corpus not present at {source} (it lives in ../shared)")
    text = source.read_text(encoding="utf-8")
    assert text.count("gần 392 triệu kWh, chiếm 47,6%") == 1
    changed = text.replace("gần 392 triệu kWh, chiếm 47,6%", "gần 392 triệu kWh, chiếm 52,6%")
    result = run_corpus(tmp_path, {"a.txt": changed}, select={"AR01"})
    found = [
        (f.severity, f.message, tuple(e.quote for e in f.evidence))
        for f in result.findings
        if f.code == "AR01"
    ]
    assert found == [
        (
            Severity.INFO,
            "Tỷ lệ không khớp với số lượng tương đương và tổng số: "
            "392 / 823 = 47,63%, không phải «52,6%».",
            ("gần 823 triệu kWh", "52,6%", "gần 392 triệu kWh"),
        )
    ]


def test_rate_message_in_english(tmp_path: Path) -> None:
    text = (
        "---\ndate: 2017-02-10\nprovince: Hà Nội\n---\n"
        "Sau khi sắp xếp, toàn thành phố còn 208 đơn vị, giảm 121 đơn vị (30,2%).\n"
    )
    (tmp_path / "a.md").write_text(text, encoding="utf-8")
    result = run([tmp_path], Options(select={"AR01"}, lang="en"), root=tmp_path)
    assert [f.message for f in result.findings if f.code == "AR01"] == [
        "The stated rate does not match the change and the level it led to: "
        "121 / (208 + 121) = 36,78%, not «30,2%»."
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Thành phố còn 121 đơn vị, tăng 121 đơn vị (30,2%).",  # the level before is 0
        "Thành phố còn 100 đơn vị, tăng 121 đơn vị (30,2%).",  # a rise past its level
        "Thành phố có hơn 208 đơn vị, giảm hơn 121 đơn vị (30,2%).",  # open figures
        "Cả nước có 5 cửa hàng. Bán buôn 10 cửa hàng, chiếm 2,1%.",  # a whole below its part
        "Tổng số có 10 cửa hàng, trong đó bán buôn 10 cửa hàng, chiếm 2,1%.",  # whole = part
        "Tổng số có 475 cửa hàng, trong đó bán buôn hơn 10 cửa hàng, chiếm hơn 2%.",  # open
    ],
)
def test_odd_rates_and_shares_never_crash_or_raise(tmp_path: Path, sentence: str) -> None:
    """Each sentence's three figures are read (so the rule sees them), yet none links
    arithmetic that can fail: no level before a change, a whole not above its part,
    figures open on one side."""
    text = f"---\ndate: 2017-02-10\nprovince: Hà Nội\n---\n{sentence}\n"
    (tmp_path / "a.md").write_text(text, encoding="utf-8")
    document = load_document(tmp_path / "a.md").document
    assert document is not None
    item = DocumentClaims(document, extract_claims(document))
    assert sum(len(s) for s in _sentences(item, _lower(document.text))) == 3
    result = run_corpus(tmp_path / "run", {"a.md": text}, select={"AR01"})
    assert [f for f in result.findings if f.code in ("AR01", "EN01")] == []
