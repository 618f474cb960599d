"""Folding and sentence spans (linter.nlp, the one module that talks to underthesea)."""

from __future__ import annotations

import re

from conftest import real_corpus_or_skip, run_corpus
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


def test_figures_and_dates_tried_where_a_run_of_digits_starts_find_every_one() -> None:
    """The date and figure patterns refuse a letter or a digit before them, so the
    parser tries them only at a run's first digit (`nlp.RUN_START`) or at a digit word
    standing alone: on the real articles that finds exactly what trying them at every
    character does, from a third of the digits."""
    from linter.claims import counts, periods, quantities
    from linter.metadata import pubdate

    files = sorted(p for p in real_corpus_or_skip().rglob("*") if p.suffix in (".txt", ".md"))
    texts = [fold(p.read_text(encoding="utf-8")) for p in files if p.name != "README.md"]
    tried = [
        (periods._DATE, nlp.RUN_START),
        (pubdate._FULL_DATES[0], nlp.RUN_START),
        (counts._OPEN_NUMBER, nlp.RUN_START),
        (quantities._NUMBER, quantities._NUMBER_START),
    ]
    for pattern, starts in tried:
        everywhere = [(i, m.span()) for i, t in enumerate(texts) for m in pattern.finditer(t)]
        at_starts = [
            (i, m.span()) for i, t in enumerate(texts) for m in nlp.finditer_at(pattern, starts, t)
        ]
        assert at_starts == everywhere
        assert everywhere, f"{pattern.pattern[:40]}: no match in the real articles proves nothing"
    # Fewer starts than digits, or RUN_START saves nothing ("2017" is one run of four).
    runs = sum(1 for t in texts for _ in nlp.RUN_START.finditer(t))
    assert 0 < runs < sum(1 for t in texts for _ in nlp.DIGIT.finditer(t))
    # A digit word is tried only standing alone: not "ba" in "bao", not "hai" in "khai".
    starts = quantities._NUMBER_START.finditer("bao giờ ba người khai 2017, baa 12")
    assert [m.group() for m in starts] == ["ba", "2", "1"]
    assert [m.start() for m in nlp.RUN_START.finditer("ngày 6/2/2017, 12 dự án")] == [5, 7, 9, 15]
