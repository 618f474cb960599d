"""A price per unit, a quantity of that unit and the total they come to.

"bán 20.199 m3 cát với giá 45.000 đồng/m3, thu về hơn 1,6 tỷ đồng": 20.199 × 45.000
is about 909 triệu đồng, not over 1,6 tỷ. The parser reads "45.000 đồng/m3" as an
amount of money and drops what it is per ("16 triệu đồng/tấn" it keeps as a rate),
so the "per unit" is read here from the text around the money figure, in the forms
writers use: "45.000 đồng/m3", "500 đồng/1 kg", "5.500 đồng một suất", "8 triệu
đồng mỗi m2", "mỗi suất (quà) (trị giá) 1 triệu đồng".

What links the three, taken only when nothing else can be meant:

- the total is money of the price's currency with a word that makes it a total just
  before it ("tổng", "thành tiền", "thu về", "thu được", "tổng giá trị ... là");
- the price and the quantity are in the total's sentence, or in the one right
  before it when the total's opens on it ("Như vậy", "Tổng cộng", "Theo đó": a
  price of the sentence before may be another seller's); there is one price there
  and one quantity of its unit, written in it ("20.199 m3") or in another unit of
  its measure that units.yaml converts ("12 tấn" for a price per kg);
- nothing in those sentences makes the product another sum: a tax or fee named
  ("thuế", "VAT", "giá trị gia tăng", "phí"), a total said of a part ("trong
  đó"), a price per two units ("đồng/người/tháng") or a period the total is said
  of other than the price's ("mỗi tháng" next to a price per m2: a monthly sum).

The product is an interval from the intervals of its figures (see `figures`):
"khoảng / gần / hơn" widen the total as they widen every figure. A mismatch is
info: a text may sell at two prices and name one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from checks.arithmetic.figures import _Figure
from checks.arithmetic.result import _amount, _Arithmetic, _number, _stated
from linter.data.lexicon import UnitSpec, units
from linter.models import Dimension, Severity

_MONEY = r"(?:\s*(?:nghìn|ngàn|triệu|tỷ|tỉ))?\s*(?:đồng|đ|vnđ|vnd|usd|đô la)"
# The unit a price is per: one word, maybe with a digit ("m3"), never followed by a
# second "/" ("đồng/người/tháng" is per two units: no quantity makes its product).
_WORD = r"(?P<unit>[^\W\d_]+[23²³]?)(?!\w)"
_UNIT = _WORD + r"(?!\s*/)"
# After the money figure: "45.000 đồng/m3", "500 đồng/1 kg", "5.500 đồng một suất".
_PER_AFTER = re.compile(
    rf"[^\d\n]{{0,12}}?[\d.,]+{_MONEY}"
    rf"\s*(?:/\s*(?:1\s*)?|\s+(?:một|mỗi|cho mỗi|cho một|trên mỗi)\s+){_UNIT}"
)
# Before it: "mỗi suất 5.500 đồng", "mỗi suất quà trị giá 1 triệu đồng".
_PER_BEFORE = re.compile(
    rf"(?<!\w)mỗi\s+{_WORD}(?:\s+[^\W\d]+){{0,2}}?"
    r"(?:\s*(?:trị giá|có giá|giá|là|:|được))?\s*$"
)
# Words that make the money after them a total of what is sold, paid or bought.
_TOTAL_CUE = re.compile(
    r"(?<!\w)(?:tổng(?:\s+(?:cộng|số|giá trị|trị giá|số tiền|kinh phí|tiền))?|thành tiền"
    r"|thu về|thu được|bán được|số tiền|trị giá|giá trị|tương đương)"
    r"(?:\s+[^\W\d]+){0,4}?(?:\s+(?:là|đạt|lên tới|lên đến))?"
    r"(?:\s+(?:khoảng|gần|hơn|trên|chừng|xấp xỉ|tới|đến))?\s*:?\s*$"
)
# What makes the total another sum than price × quantity.
_OTHER_SUM = re.compile(
    r"(?<!\w)(?:thuế|vat|gtgt|giá trị gia tăng|phí|trong đó|mỗi tháng|mỗi năm|mỗi ngày"
    r"|hằng tháng|hằng năm|hàng tháng|hàng năm|một tháng|một năm|/tháng|/năm|/ngày)(?!\w)"
)
# A sentence that opens on what came before: its total may be of the price before.
_BACK = re.compile(r"\W*(?:như vậy|tổng cộng|tính ra|theo đó|tổng|tức là)(?!\w)")
# The units of units.yaml by the words that write them: "kg" is 0,001 tấn.
_MEASURES: dict[str, UnitSpec] = {word: spec for spec in units()[0] for word in spec.words}
_REACH = 60  # characters a total cue or a "mỗi ..." before a price is looked for in


@dataclass(frozen=True)
class _Product(_Arithmetic):
    """price × quantity against the total stated for them."""

    def message(self, lang: str) -> str:
        if lang == "en":
            return (
                f"Price times quantity does not give the total: {self.computed}, not {self.stated}."
            )
        return (
            "Đơn giá nhân số lượng không khớp với tổng số: "
            f"{self.computed}, không phải {self.stated}."
        )


def _products(
    folded: str, figures: list[_Figure], previous: list[_Figure]
) -> Iterator[_Arithmetic]:
    """Every total of this sentence with the one price and the one quantity that
    make it, in this sentence or in `previous` (the sentence right before)."""
    if previous and not _BACK.match(folded, figures[0].sentence_start):
        previous = []  # a price of the sentence before may be another seller's
    window = [*previous, *figures]
    if not window:
        return
    start, end = window[0].sentence_start, figures[-1].sentence_end
    prices = [(f, u) for f in window if (u := _per(folded, f)) is not None]
    totals = [f for f in figures if _is_total(folded, f, prices)]
    if len(totals) != 1 or not prices:
        return
    total = totals[0]
    if len(prices) != 1:
        return  # two prices: which one the total is made of is not said
    price, unit = prices[0]
    if price.unit.split("/")[0] != total.unit or _other_sum(folded[start:end], unit):
        return
    quantities = [
        (f, per) for f in window if f is not price and (per := _per_unit(folded, f, unit))
    ]
    if len(quantities) != 1 or quantities[0][0].number == "1":
        return
    yield _product(price, unit, *quantities[0], total)


def _per(folded: str, f: _Figure) -> str | None:
    """The unit a money figure is a price per, None when it is no price."""
    if f.claim.dimension not in (Dimension.MONEY, Dimension.RATE):
        return None
    if (m := _PER_AFTER.match(folded, f.start)) is not None:
        return m["unit"]
    if (
        m := _PER_BEFORE.search(folded, max(f.sentence_start, f.start - _REACH), f.start)
    ) is not None:
        return m["unit"]
    return None


def _is_total(folded: str, f: _Figure, prices: list[tuple[_Figure, str]]) -> bool:
    """Money after a total cue, itself no price and no part of a range."""
    if any(f is p for p, _ in prices) or not f.is_level:
        return False
    if re.match(r"\s*(?:/|-|–|đến)", folded[f.end : f.end + 6]):
        return False
    return _TOTAL_CUE.search(folded, max(f.sentence_start, f.start - _REACH), f.start) is not None


def _per_unit(folded: str, f: _Figure, unit: str) -> float | None:
    """How much of the parser's value of `f` makes one `unit`, when `f` is a quantity
    of that unit: written in it ("20.199 m3", "10kg"), or in another unit of its
    measure (units.yaml: 30.000 đồng/kg against "10 tấn" takes 10.000 kg); None
    when it is no such quantity or a rate itself ("20 tấn/ha")."""
    if re.match(r"\s*/", folded[f.end : f.end + 3]) or f.claim.dimension == Dimension.RATE:
        return None
    if re.match(rf"\s*{re.escape(unit)}(?!\w)", f.unit_words.lower()):
        return f.scale
    spec = _MEASURES.get(unit)
    if spec is None or spec.unit != f.unit or spec.dimension != f.claim.dimension:
        return None
    return spec.factor


def _other_sum(sentences: str, unit: str) -> bool:
    """A tax, fee, part or period named that the product does not hold; a period is
    harmless when it is the unit the price is per ("mỗi tháng" by "đồng/tháng")."""
    for m in _OTHER_SUM.finditer(sentences):
        last_word = m.group().lstrip("/").split()[-1]  # "tháng" of "mỗi tháng"
        if last_word != unit:
            return True
    return False


def _product(
    price: _Figure, unit: str, quantity: _Figure, per: float, total: _Figure
) -> _Arithmetic:
    """The product's interval, from the price's and the quantity's, against the
    total's; the quantity counted in the price's unit (`per`, see `_per_unit`)."""
    value = price.claim.value * quantity.claim.value / per
    money = price.unit_words.split("/")[0].strip()  # "đồng", "triệu đồng", "USD"
    return _Product(
        "product",
        ((price, "level"), (quantity, "level"), (total, "total")),
        price.low * quantity.low / per,
        price.high * quantity.high / per,
        total.low,
        total.high,
        f"{price.number} {money}/{unit} × {_number(quantity.claim.value / per)} {unit}"
        f" = {_amount(value, total)}",
        _stated(total),
        over=Severity.INFO,
        under=Severity.INFO,
    )
