"""Two things under one noun are not one figure given two ways (`linter.checking.apart`,
`linter.claims.roles`).

Real text first: each pair below is two linked reports (news2017's tuning half and
unclustered articles, real/) in which EV01 reported two different things as one
figure, and a judge said so; the pair must stay linked and the figures must not be
reported. Then the rules themselves, on sentences of each class. The corpus lives
in ../shared (outside the repo); without it the real-text tests skip.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from conftest import SHARED
from linter.checking.apart import far, periods_apart, roles_apart
from linter.checking.events import linked_pairs
from linter.claims.extract import extract_claims
from linter.claims.numbers import parse_spelled
from linter.claims.periods import find_periods
from linter.claims.roles import is_whole, market_of, opening
from linter.engine.run import Options, run
from linter.models import Document, Op, Period, Quantity, Span

CORPUS = SHARED / "corpus"

APART = [
    # a whole counted out of: "hơn 685 ha trong tổng số 956 ha nuôi tôm" against
    # another report's "gần 600 ha nuôi tôm" (the part, at another date)
    (
        ("news2017/ninh-binh/mz-22501686.txt", "Gần 600 ha"),
        ("news2017/ninh-binh/mz-22519462.txt", "956 ha"),
    ),
    # the third runway's distance to runway 25R against runway 1's length
    (
        ("news2017/tp-ho-chi-minh/mz-22524591.txt", "3.800 m"),
        ("news2017/tp-ho-chi-minh/mz-22533309.txt", "395 m"),
    ),
    # fire damage of the police's half-year against "from 2016 to now"
    (
        ("news2017/tp-ho-chi-minh/mz-22754135.txt", "khoảng 43,99 tỷ đồng"),
        ("news2017/tp-ho-chi-minh/mz-22382556.txt", "hơn 300 tỉ đồng"),
    ),
    # two admission measures in two reports linked by their wording alone
    (
        ("news2017/ha-noi/mz-21506052.txt", "gần 70%"),
        ("news2017/ha-noi/mz-22412771.txt", "100%"),
    ),
    # the year's donations against those made at one meeting ("Cũng trong buổi họp mặt")
    (
        ("real/ba-ria-vung-tau/mz-21478990.txt", "hơn 10 tỷ đồng"),
        ("real/ba-ria-vung-tau/mz-21480586.txt", "hơn 3,7 tỷ đồng"),
    ),
]


@pytest.fixture(scope="module")
def corpus() -> Path:
    if not (CORPUS / "news2017").is_dir() or not (CORPUS / "real").is_dir():
        pytest.skip(f"shared corpus not present at {CORPUS} (it lives in ../shared)")
    return CORPUS


@pytest.mark.parametrize(("first", "second"), APART, ids=lambda c: c[1])
def test_two_things_of_linked_reports_are_not_reported(
    corpus: Path, first: tuple[str, str], second: tuple[str, str]
) -> None:
    result = run([corpus / first[0], corpus / second[0]], Options(select=["EV01"]), root=corpus)
    assert [(a.path, b.path) for a, b, _ in linked_pairs(result.documents)] == [
        tuple(sorted((first[0], second[0])))
    ]
    for finding in result.findings:
        quotes = {(e.path, e.quote) for e in finding.evidence}
        assert not {first, second} <= quotes, finding.message


def test_a_bowl_of_pho_is_not_the_purchase(corpus: Path) -> None:
    """The title's "Bán 100 kg bí đỏ" (the price of one bowl of phở) against the
    20 tấn Lotte Mart buys; the title's "Một năm bảy lần" is seven times, no 13."""
    paths = ["news2017/dak-lak/mz-22478634.txt", "news2017/hai-phong/mz-22466084.txt"]
    result = run([corpus / p for p in paths], Options(select=["EV02"]), root=corpus)
    assert [(f.evidence[0].path, f.evidence[0].quote) for f in result.findings] == []


def test_numbers_in_words_are_read_by_their_place_words() -> None:
    assert parse_spelled("một năm bảy") is None  # "một năm bảy lần": a year, seven times
    assert parse_spelled("hai ba") is None  # "hai ba người": two or three
    assert parse_spelled("hai mươi ba") == 23
    assert parse_spelled("một trăm linh năm") == 105
    assert parse_spelled("bảy mươi lăm") == 75


@pytest.mark.parametrize(
    ("sentence", "figure", "whole"),
    [
        ("có tới hơn 685 ha trong tổng số 956 ha nuôi tôm có tôm bị chết", "956 ha", True),
        ("có 132 ha trong số 157 ha đất sân golf", "157 ha", True),
        ("đạt 40 hộ trên tổng số 1.200 hộ dân", "1.200 hộ", True),
        ("trong tổng diện tích 956 ha có 300 ha bị ngập", "956 ha", True),
        ("trong tổng số hơn 600 cơ sở lưu trú", "hơn 600 cơ sở", True),
        ("hơn 685 ha trong tổng số 956 ha nuôi tôm", "hơn 685 ha", False),
        ("dự án được đầu tư trên tổng diện tích đất 5,07ha", "5,07ha", False),
        ("trong số đó có khoảng 60% du khách muốn cưỡi voi", "khoảng 60%", False),
        ("trên 1.200 hộ dân đã nhận tiền", "trên 1.200 hộ", False),
    ],
)
def test_a_whole_is_what_a_part_is_counted_out_of(sentence: str, figure: str, whole: bool) -> None:
    assert is_whole(sentence, sentence.index(figure)) is whole


@pytest.mark.parametrize(
    ("sentence", "figure", "occasion"),
    [
        ("cũng trong buổi họp mặt, các dn đã ủng hộ hơn 3,7 tỷ đồng", "hơn 3,7", True),
        ("tại buổi lễ, quỹ đã trao 200 suất học bổng", "200 suất", True),
        ("nhân dịp này, công ty tặng 500 phần quà", "500 phần", True),
        ("tại buổi lễ, ông a cho biết các dn đã ủng hộ hơn 10 tỷ đồng", "hơn 10", False),
        ("tại buổi lễ, năm 2016 các dn đã ủng hộ hơn 10 tỷ đồng", "hơn 10", False),
        ("các dn đã ủng hộ hơn 10 tỷ đồng tại buổi lễ", "hơn 10", False),
        ("tại buổi làm việc, ông a kiến nghị hỗ trợ 244 tỷ đồng", "244 tỷ", False),
        ("tại buổi lễ, ông a nói: “tỉnh đã trao 500 suất quà”", "500 suất", False),
    ],
)
def test_a_figure_given_at_the_occasion_its_sentence_opens_with(
    sentence: str, figure: str, occasion: bool
) -> None:
    periods = find_periods(sentence, 2017)
    assert (
        opening(sentence, tuple(periods)).is_occasion(sentence.index(figure), periods) is occasion
    )


@pytest.mark.parametrize(
    ("sentence", "clause", "part"),
    [
        ("riêng huyện kim sơn có 300 ha bị ngập", 0, True),
        ("toàn tỉnh có hơn 25.000 ha hồ tiêu, riêng năm vừa qua có thêm 4.000 ha", 34, True),
        ("ông a xây nhà riêng cho 30 hộ", 0, False),
        ("trong đó, 16 phòng khám có bác sĩ trung quốc", 9, False),
    ],
)
def test_a_part_singled_out_opens_its_sentence_or_clause(
    sentence: str, clause: int, part: bool
) -> None:
    assert opening(sentence, ()).opens_part(clause) is part


@pytest.mark.parametrize(
    ("sentence", "figure", "per", "market"),
    [
        ("giá vải thiều hiện ở mức 25.000 đồng/kg tại vườn", "25.000", True, "tại nơi sản xuất"),
        ("tiểu thương mua bí ngô với giá tại ruộng 800 đồng", "800", False, "tại nơi sản xuất"),
        (
            "mức giá bán lẻ vải thiều tại các chợ đạt khoảng 70 nghìn đồng",
            "khoảng 70",
            False,
            "bán lẻ",
        ),
        ("giá thu mua 12.000 đồng/kg, còn giá bán lẻ ở chợ 20.000 đồng/kg", "12.000", True, None),
        ("giá trị xuất khẩu đạt gần 20 tỷ usd", "gần 20", False, None),  # a total, no price
        ("kim ngạch xuất khẩu tôm đạt 10 tỷ usd", "10 tỷ", False, None),
    ],
)
def test_a_price_has_the_market_its_clause_names(
    sentence: str, figure: str, per: bool, market: str | None
) -> None:
    assert market_of(sentence, (0, len(sentence)), sentence.index(figure), per) == market


@pytest.mark.parametrize(
    ("text", "market"),
    [
        ("Giá vải thiều tại vườn 25.000 đồng/kg.", "tại nơi sản xuất"),
        ("Giá bán lẻ tại chợ là 2 USD/kg.", "bán lẻ"),
        ("Giá thịt bò bán lẻ tại siêu thị khoảng 40 euro/kg.", "bán lẻ"),  # any currency
        ("Kim ngạch xuất khẩu đạt 3 triệu euro.", None),  # a total, no price
        ("Giá bán lẻ tại chợ ổn định với 20 tấn vải mỗi ngày.", None),  # no money
        ("Giá bán lẻ tại các chợ giảm 20%.", None),  # a change, no price
    ],
)
def test_a_price_in_any_currency_has_its_market(text: str, market: str | None) -> None:
    doc = Document(path="a.txt", original=text, text=text)
    (figure,) = [c for c in extract_claims(doc) if isinstance(c, Quantity)]
    assert figure.market == market


@pytest.mark.parametrize(
    ("sentence", "figure", "since"),
    [
        ("từ năm 2016 đến nay thành phố xảy ra 2.889 vụ cháy", "2.889", dt.date(2016, 1, 1)),
        ("kể từ năm 2017 tới nay đã có 35 vụ", "35 vụ", dt.date(2017, 1, 1)),
        ("từ năm 2010 đến năm 2016 có 300 vụ", "300 vụ", None),  # a closed span
        ("tính đến nay, tỉnh có 301 dự án", "301", None),  # a stock, from no start
        ("có 12 vụ, từ năm 2016 đến nay có 40 vụ", "12 vụ", None),  # named after it
    ],
)
def test_a_running_total_starts_where_its_sentence_says(
    sentence: str, figure: str, since: dt.date | None
) -> None:
    periods = tuple(find_periods(sentence, 2017))
    assert opening(sentence, periods).since(sentence.index(figure)) == since


def _period(start: str, end: str) -> Period:
    first, last = dt.date.fromisoformat(start), dt.date.fromisoformat(end)
    return Period(grain="year", start=first, end=last, label=f"{start}/{end}")


def test_a_running_total_carries_to_the_next_sentences_figures_of_its_unit() -> None:
    """From "từ năm 2016 đến nay ... 2.889 vụ", the next sentence's "vụ" and the
    money they cost count from 2016 too; its "40 hộ" and "15%" are no part of that
    total, and a period of its own ends it."""
    text = (
        "Từ năm 2016 đến nay, thành phố xảy ra 2.889 vụ cháy. Các khu dân cư xảy ra"
        " 1.200 vụ cháy, xóm có 40 hộ bị ảnh hưởng, thiệt hại 30 tỷ đồng, chiếm 15%."
        " Năm 2017 có 300 vụ cháy."
    )
    doc = Document(path="a.txt", original=text, text=text)
    figures = [c for c in extract_claims(doc) if isinstance(c, Quantity)]
    start = dt.date(2016, 1, 1)
    assert [(q.span.quote, q.since) for q in figures] == [
        ("2.889 vụ cháy", start),
        ("1.200 vụ cháy", start),
        ("40 hộ", None),
        ("30 tỷ đồng", start),
        ("15%", None),
        ("300 vụ cháy", None),
    ]


def test_periods_apart_when_one_is_less_than_half_the_other() -> None:
    year, half = _period("2017-01-01", "2017-12-31"), _period("2017-01-01", "2017-06-30")
    school = _period("2017-01-01", "2018-12-31")
    assert periods_apart(year, half)  # a half-year's figure is not the year's
    assert periods_apart(_period("2016-01-01", "2016-12-31"), year)  # two years
    assert not periods_apart(year, school)  # "năm học 2017-2018" names one season
    assert not periods_apart(year, year) and not periods_apart(year, None)


def test_periods_apart_when_one_of_a_finer_grain_lies_inside_the_other() -> None:
    """No day ratio tells the second half-year in its year (184 / 365 days) from a
    year in its school year (365 / 730): their grains do."""
    year, school = _period("2017-01-01", "2017-12-31"), _period("2017-01-01", "2018-12-31")
    first, second = _period("2017-01-01", "2017-06-30"), _period("2017-07-01", "2017-12-31")
    q1, q2 = _period("2017-01-01", "2017-03-31"), _period("2017-04-01", "2017-06-30")
    assert periods_apart(second, year) and periods_apart(year, second)
    assert periods_apart(q2, first) and periods_apart(q1, first)
    assert periods_apart(_period("2017-06-01", "2017-06-30"), q2)  # a month of its quarter
    assert not periods_apart(year, school)  # both a year's grain
    assert not periods_apart(_period("2017-01-01", "2017-09-30"), year)  # 9 tháng: loose
    assert not periods_apart(_period("2017-01-01", "2017-05-31"), first)  # 5 / 6 tháng


def _q(value: float, op: Op = Op.EQ, **update: object) -> Quantity:
    low, high = (value * 0.95, value * 1.05) if op is Op.APPROX else (value, value)
    if "low" in update or "high" in update:
        low, high = update.pop("low"), update.pop("high")  # type: ignore[assignment]
    span = Span(path="a.md", line=1, column=1, end_line=1, end_column=2, quote=str(value))
    return Quantity(
        span=span, sentence=(0, 1), value=value, unit="ha", op=op, low=low, high=high, **update
    )


def test_roles_and_values_that_make_two_figures() -> None:
    year = _period("2016-01-01", "2016-12-31")
    assert roles_apart(_q(956, whole=True), _q(600))
    assert not roles_apart(_q(956, whole=True), _q(965, whole=True))
    assert roles_apart(_q(25, market="tại nơi sản xuất"), _q(40, market="bán lẻ"))
    assert not roles_apart(_q(25, market="bán lẻ"), _q(40))  # one says nothing
    half = _period("2017-01-01", "2017-06-30")
    assert roles_apart(_q(300, since=dt.date(2016, 1, 1)), _q(44, period=half))
    assert not roles_apart(_q(300, since=dt.date(2016, 1, 1)), _q(290, period=year))
    assert roles_apart(_q(300, since=dt.date(2016, 1, 1)), _q(44, since=dt.date(2017, 1, 1)))
    assert roles_apart(_q(400, part=True), _q(1200)) and not roles_apart(
        _q(4, part=True), _q(5, part=True)
    )
    # a part is smaller than its whole: the whole or the part restated is compared
    assert not roles_apart(_q(956, whole=True), _q(965))
    assert not roles_apart(_q(965), _q(956, whole=True))
    assert not roles_apart(_q(400, part=True), _q(300))
    assert roles_apart(_q(3.7, occasion=True), _q(10, period=year))
    assert not roles_apart(_q(3.7, occasion=True), _q(10))  # no period: may be the occasion's
    assert far(_q(395), _q(3800)) and not far(_q(745), _q(1701))
    # "hàng chục hộ" (10 to 100) for 600: the order of magnitude is the slip, not far
    assert not far(_q(10, Op.APPROX, low=10, high=100), _q(600))
