"""Folding and sentence spans (linter.nlp, the one module that talks to underthesea)."""

from __future__ import annotations

from conftest import run_corpus
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
