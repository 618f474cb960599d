"""Folding and sentence spans (linter.nlp, the one module that talks to underthesea)."""

from __future__ import annotations

import re

from conftest import run_corpus
from linter import nlp
from linter.nlp import fold, sentences


def test_fold_unifies_tone_placement_and_keeps_length() -> None:
    for old, new in [
        ("Hoà Bình", "hòa bình"),
        ("Tỉnh uỷ", "tỉnh ủy"),
        ("Quí III", "quý iii"),
        ("thuỷ", "thủy"),
    ]:
        assert fold(old) == new
        assert len(fold(old)) == len(old)


def test_sentences_are_offsets_into_the_text() -> None:
    text = "Ngày 14/12, tỉnh họp. Tổng thu NSNN đạt 55.600 tỷ đồng.\nĐoạn mới không có dấu chấm"
    spans = sentences(text)
    assert [text[a:b] for a, b in spans] == [
        "Ngày 14/12, tỉnh họp.",
        "Tổng thu NSNN đạt 55.600 tỷ đồng.",
        "Đoạn mới không có dấu chấm",
    ]


def test_old_tone_placement_cites_the_same_body(tmp_path) -> None:
    old_style = "---\ndate: 2023-12-20\nprovince: Quảng Ninh\n---\nThực hiện Nghị quyết số 20-NQ/TU ngày 27/11/2023 của Tỉnh uỷ.\n"
    new_style = "---\ndate: 2023-12-21\nprovince: Quảng Ninh\n---\nThực hiện Nghị quyết số 20-NQ/TU ngày 28/11/2023 của Tỉnh ủy.\n"
    result = run_corpus(tmp_path, {"a.md": old_style, "b.md": new_style}, select={"VB02"})
    assert [f.code for f in result.findings] == ["VB02"]  # same body, two dates


def test_alone_takes_one_of_several_words_only_where_each_stands_as_a_word() -> None:
    """`nlp.alone(*words)` is the one helper the day readers (checks.dated, lead_days,
    named_days) build their openers with: each word alone, none inside a longer one."""
    opener = re.compile(nlp.alone("sáng", "chiều", "kéo dài đến"))
    text = "Sáng nay, chiều 5/6 kéo dài đến hết; nắng xsáng, xchiều, ykéo dài đến"
    found = [m.group() for m in opener.finditer(nlp.lower(text))]
    assert found == ["sáng", "chiều", "kéo dài đến"]  # only the left side is a word's edge
    assert nlp.alone("từ") == r"từ(?<!\wtừ)"  # one word: no group around it
