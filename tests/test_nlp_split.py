"""linter.nlp's copies of underthesea's sentence walk and of re's finditer, held to
the originals on crafted strings and seeds/ (no ../shared needed): nlp._split
jumps between the marks underthesea's splitter steps over one by one, and
nlp.finditer_at tries a pattern only where its start pattern matches. Either can
drift silently (an underthesea release, a pattern edited without its starts)."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import pytest

from conftest import seed_texts
from linter import nlp
from linter.claims import counts, office_mentions, periods, quantities
from linter.metadata import present, pubdate
from linter.read import mdtext

# The wordings a splitter may treat differently: abbreviations, numbers and dates
# with dots, ellipses before lower and upper case, quotes after a dot, addresses,
# line ends, runs of marks, tabs.
CRAFTED = [
    "Lãnh đạo UBND TP. Hồ Chí Minh dự họp tại TP.",
    "Ông làm việc tại TP.",
    "TS. Nguyễn Văn A phát biểu. Ths. Trần B trả lời.",
    "Kinh phí là 1.000.000 đồng. Ngày 15.12.2025 khởi công.",
    "Tỉnh có nhiều loại cây... cam, quýt, bưởi.",
    "Tỉnh có nhiều loại cây... Cam được mùa.",
    "Doanh thu tăng...",
    "Ông nói: “Chúng tôi đã xong.” Sau đó ông về.",
    'Bà hỏi "có đúng không?" rồi đi. Ai biết?',
    "Xem tại https://baochinhphu.vn/tin.htm. Hoặc gửi thư tới ubnd@hanoi.gov.vn. Xong.",
    "Câu một.\nCâu hai.\r\nCâu ba.\rCâu bốn.",
    "Thật sao?! Đúng vậy!! Chắc chắn?",
    "Chờ đã.... Rồi sao.",
    "Chờ đã. . . Rồi sao. . . hết",
    "Anh ấy đi… Rồi về… chậm.",
    "Câu một.\tCâu hai.\t\tCâu ba .",
    "Các loại rau, củ, quả v.v... Được bày bán.",
    "Gồm gạo, ngô v.v... và nhiều thứ khác.",
    "Tăng 2,5%. Giảm 3.5 lần. Quý I/2017 đạt 1.234,5 tỷ.",
    "   ",
    "",
    ".",
    "...",
    "?!",
    " . Một. ",
    "Ông A. B. Nguyễn và bà e.g. khách.",
    "Tổng số: 12 tr.đ. Còn lại 3.",
    "Giá trị đạt 3.000 tỷ đồng.Năm sau tăng.",
    "Nội dung:\xa0câu có khoảng trắng cứng.\xa0 Câu sau.\u2003",
    "Hỏi? đáp! hết.",
]


def _paragraphs() -> list[str]:
    return CRAFTED + [p for text in seed_texts() for p in re.findall(r"[^\n]+", text)]


def test_split_equals_underthesea_on_crafted_strings_and_seeds() -> None:
    from underthesea import sent_tokenize

    paragraphs = _paragraphs()
    for paragraph in paragraphs:
        spans = nlp._split(paragraph)
        assert [paragraph[a:b] for a, b in spans] == sent_tokenize(paragraph), paragraph
        assert all(a < b for a, b in spans) and spans == sorted(spans)
    assert len(paragraphs) > 60


def test_sentences_are_offsets_of_stripped_sentences() -> None:
    text = "Lời mở. \tTP. Hà Nội họp...\r\nSau đó? Xong!\n\n  Đoạn hai  "
    assert [text[a:b] for a, b in nlp.sentences(text)] == [
        "Lời mở.",
        "TP. Hà Nội họp...",  # "TP." is an abbreviation; the "\r" is stripped
        "Sau đó?",
        "Xong!",
        "Đoạn hai",
    ]


def test_an_underthesea_without_the_private_names_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    splitter = tmp_path / "pipeline" / "sent_tokenize"
    splitter.mkdir(parents=True)
    (splitter / "__init__.py").write_text("def sent_tokenize(text):\n    return [text]\n")
    monkeypatch.setattr(nlp, "_package_dir", lambda: tmp_path)
    nlp._splitter.cache_clear()
    try:
        with pytest.raises(ImportError, match="_is_sentence_boundary"):
            nlp.sentences("Một câu. Câu hai.")
    finally:
        nlp._splitter.cache_clear()  # the real module for the tests after
    monkeypatch.undo()
    assert nlp.sentences("Một câu. Câu hai.") == [(0, 8), (9, 17)]


# Every (pattern, starts) pair the parser hands to nlp.finditer_at, and whether it
# reads the folded text (all but the Markdown marks, read in the original).
@lru_cache(maxsize=1)
def _pairs() -> dict[str, tuple[re.Pattern[str], re.Pattern[str], bool]]:
    offices = office_mentions.tables()
    return {
        "present year": (present._A_YEAR, present._CENTURY, True),
        "pubdate full date": (pubdate._FULL_DATES[0], nlp.DIGIT, True),
        "counts open number": (counts._OPEN_NUMBER, nlp.DIGIT, True),
        "periods date": (periods._DATE, nlp.DIGIT, True),
        "quantities number": (quantities._NUMBER, quantities._NUMBER_START, True),
        "office": (offices.office, offices.office_starts, True),
        "markdown mark": (mdtext._MARK, mdtext._MARK_START, False),
    }


FINDITER_CRAFTED = [
    "Năm 2017, 1.200 hộ; năm 1999 và 2020/qđ; 12/3/2017, 5-6-2016, 3.12.2015 và 2017.",
    "Quý II/2017 đạt mười hai nghìn tỷ, 2,5 triệu, hai trăm người; 1.234,5 ha; 15/12.",
    "Phó Chủ tịch UBND tỉnh, nguyên Giám đốc Sở, Bí thư Tỉnh ủy và quyền Chủ tịch xã.",
    "**Đậm** và _nghiêng_, `mã`, a*b*c, __x__ *** _ ` và 2*3=6.",
    "x1999 2017a 20171 ,2017 .2017 2017.5 19 20 2 0 ngày 1 tháng 2 năm 2017",
]


@pytest.mark.parametrize("name", list(_pairs()))
def test_finditer_at_equals_finditer_for_each_pair_in_use(name: str) -> None:
    pattern, starts, folded = _pairs()[name]
    texts = FINDITER_CRAFTED + seed_texts()
    found = 0
    for text in texts:
        text = nlp.fold(text) if folded else text
        n = len(text)
        for pos, endpos in [(0, None), (1, n - 1), (n // 3, 2 * n // 3), (7, 8)]:
            end = n if endpos is None else endpos
            want = [(m.span(), m.groups()) for m in pattern.finditer(text, pos, end)]
            got = [
                (m.span(), m.groups()) for m in nlp.finditer_at(pattern, starts, text, pos, endpos)
            ]
            assert got == want, (name, pos, endpos)
            found += len(want)
    assert found > 3  # each pair finds something here, or the test tells nothing
