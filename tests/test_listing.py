"""LI01 on real articles: each list as published is read and passes; the same
article with its count changed or an item dropped gives exactly one finding.

The articles are tuning clusters of news2017 in ../shared, outside the repo; the
tests are skipped without them. Lists set out on lines, which news articles do
not have, are in tests/fixtures/checks/LI01.yml.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import SHARED, write_corpus
from linter.engine.run import Options, run

NEWS = SHARED / "corpus" / "news2017" / "tp-ho-chi-minh"

# (article, as published, as edited, quote of the finding, message)
EDITS = [
    (  # items separated by ";": one more announced
        "mz-21512544.txt",
        "4 nhóm nhiệm vụ gồm:",
        "5 nhóm nhiệm vụ gồm:",
        "5 nhóm nhiệm vụ",
        "Văn bản nêu 5 mục nhưng liệt kê 4.",
    ),
    (  # items separated by ";": one dropped
        "mz-21493916.txt",
        "quản trị nhân lực; công nghệ thông tin.",
        "quản trị nhân lực.",
        "4 ngành mới",
        "Văn bản nêu 4 mục nhưng liệt kê 3.",
    ),
    (  # "Thứ nhất, ... Thứ hai, ... Thứ ba, ..." over three sentences
        "mz-22276459.txt",
        "có ba nguyên nhân:",
        "có bốn nguyên nhân:",
        "bốn nguyên nhân",
        "Văn bản nêu 4 mục nhưng liệt kê 3.",
    ),
    (  # "là A và B": two at most
        "mz-22594824.txt",
        "hai nhóm là đặc biệt và chuyên dùng",
        "ba nhóm là đặc biệt và chuyên dùng",
        "ba nhóm",
        "Văn bản nêu 3 mục nhưng liệt kê nhiều nhất 2.",
    ),
]


def _articles(edited: bool) -> dict[str, str]:
    if not NEWS.is_dir():
        pytest.skip(f"news2017 not present at {NEWS} (it lives in ../shared, outside the repo)")
    documents = {}
    for path, published, changed, _, _ in EDITS:
        text = (NEWS / path).read_text(encoding="utf-8")
        assert text.count(published) == 1, path
        documents[path] = text.replace(published, changed) if edited else text
    return documents


def _findings(tmp_path: Path, documents: dict[str, str]) -> list[tuple[str, ...]]:
    write_corpus(tmp_path, documents)
    result = run([tmp_path], Options(select={"LI01"}), root=tmp_path)
    return sorted((e.path, e.quote, f.message) for f in result.findings for e in f.evidence)


def test_lists_as_published_pass(tmp_path: Path) -> None:
    assert _findings(tmp_path, _articles(edited=False)) == []


def test_each_changed_list_is_one_finding(tmp_path: Path) -> None:
    expected = sorted((path, quote, message) for path, _, _, quote, message in EDITS)
    assert _findings(tmp_path, _articles(edited=True)) == expected


def test_message_in_english(tmp_path: Path) -> None:
    documents = {
        "a.md": "---\ndate: 2017-07-05\nprovince: Đắk Lắk\n---\n"
        "Tỉnh tập trung 3 khâu đột phá: cải cách hành chính; phát triển nguồn nhân lực.\n"
    }
    write_corpus(tmp_path, documents)
    result = run([tmp_path], Options(select={"LI01"}, lang="en"), root=tmp_path)
    assert [f.message for f in result.findings] == ["The text announces 3 items and lists 2."]


def test_odd_lists_neither_crash_nor_alarm(tmp_path: Path) -> None:
    body = (
        "Có 0 nhóm: a; b.\nCó 99 nhóm:\nf) lạ\nCó 3 nhóm: ;;;\nCó ba nguyên nhân: Thứ nhất,\n"
        "Có 2 nhóm:\n- \n-\n1.\nCó 2 nhóm: Thứ mười một, x; y.\nCó 3 nhóm:"
    )
    documents = {"a.md": "---\ndate: 2017-07-05\nprovince: Đắk Lắk\n---\n" + body}
    write_corpus(tmp_path, documents)
    result = run([tmp_path], Options(select={"LI01"}), root=tmp_path)
    # Empty items (";;;", "- ") and a count of 0 or of an unknown marker are no list a
    # reader could count; "Thứ nhất," at the end of the text lists one of three.
    found = [(f.code, f.evidence[0].quote, f.message) for f in result.findings]
    assert found == [("LI01", "ba nguyên nhân", "Văn bản nêu 3 mục nhưng liệt kê 1.")]


# Lists of names after any counted noun (T46, T95 of the tuning reading set), and one
# that holds its count (the same stops in a second report of the same day).
NAMED = [
    (
        "ha-noi/mz-21477810.txt",
        "05 nhà chờ có số lượng vé cao nhất",
        "Văn bản nêu 5 mục nhưng liệt kê nhiều nhất 4.",
    ),
    (
        "tp-ho-chi-minh/mz-22529736.txt",
        "10 tuyến đường thông thoáng đã đăng kí với UBND thành phố",
        "Văn bản nêu 10 mục nhưng liệt kê nhiều nhất 9.",
    ),
]


def test_lists_of_names_short_of_their_count(tmp_path: Path) -> None:
    root = SHARED / "corpus" / "news2017"
    if not root.is_dir():
        pytest.skip(f"news2017 not present at {root} (it lives in ../shared, outside the repo)")
    paths = [p for p, _, _ in NAMED] + ["ha-noi/mz-21481027.txt"]
    documents = {p.replace("/", "_"): (root / p).read_text(encoding="utf-8") for p in paths}
    expected = sorted((p.replace("/", "_"), quote, message) for p, quote, message in NAMED)
    assert _findings(tmp_path, documents) == expected
