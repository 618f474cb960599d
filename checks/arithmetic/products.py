"""A price per unit, a quantity of that unit and the total they come to.

"bán 20.199 m3 cát với giá 45.000 đồng/m3, thu về hơn 1,6 tỷ đồng": 20.199 × 45.000
is about 909 triệu đồng, not over 1,6 tỷ. The parser reads "45.000 đồng/m3" as an
amount of money and drops what it is per ("16 triệu đồng/tấn" it keeps as a rate,
VND/tấn, whose per is taken as read), so the "per unit" of money is read here from
the words right after the figure or before it, in the forms writers use: "45.000
đồng/m3", "500 đồng/1 kg", "5.500 đồng một suất", "8 triệu đồng mỗi m2", "mỗi suất
(quà) (trị giá) 1 triệu đồng".

What links the three, taken only when nothing else can be meant:

- the total is money of the price's currency with a word that makes it a total just
  before it ("tổng", "thành tiền", "thu về", "thu được", "tổng giá trị ... là");
- the price and the quantity are in the total's sentence, or in the one right
  before it when the total's opens on it ("Như vậy", "Tổng cộng", "Theo đó": a
  price of the sentence before may be another seller's); there is one price there,
  no range ("từ 30.000-40.000 đồng/kg": the message would name one end as the
  price), and one quantity of its unit, written in it ("20.199 m3") or in another
  unit of its measure that units.yaml converts ("12 tấn" for a price per kg);
- nothing in those sentences makes the product another sum: a tax or fee named
  ("thuế", "VAT", "giá trị gia tăng", "phí"), a total said of a part ("trong
  đó"), a price per two units ("đồng/người/tháng", "đồng/ha/vụ") or a period
  the total is said of other than the price's ("mỗi tháng" next to a price per
  m2: a monthly sum).

The product is an interval from the intervals of its figures (see `figures`):
"khoảng / gần / hơn" widen the total as they widen every figure. A mismatch is
info: a text may sell at two prices and name one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checks.arithmetic.figures import _Figure
from checks.arithmetic.result import _amount, _Arithmetic, _number, _stated
from linter.claims.units import UNIT_TABLE
from linter.models import Dimension, Op, Severity

# The unit a price is per: one word, maybe with a digit ("m3"), never followed by a
# second "/" ("đồng/người/tháng" is per two units: no quantity makes its product).
_WORD = r"(?P<unit>[^\W\d_]+[23²³]?)(?!\w)"
_UNIT = _WORD + r"(?!\s*/)"
# Right after the money the parser read: "45.000 đồng/m3", "500 đồng/1 kg", "5.500
# đồng một suất" (the parser keeps "/tấn" and "/ngày" as a rate, not "/m3" or "/suất").
_PER_AFTER = re.compile(rf"\s*(?:/\s*(?:1\s*)?|\s+(?:một|mỗi|cho mỗi|cho một|trên mỗi)\s+){_UNIT}")
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
# The units of money (units.yaml): a rate of one of them per a unit is a price.
_CURRENCIES = {unit for unit, _, dimension in UNIT_TABLE.values() if dimension is Dimension.MONEY}
_REACH = 60  # characters a total cue or a "mỗi ..." before a price is looked for in


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
    if len(totals) != 1 or len(prices) != 1:
        return  # no price, or two: which one the total is made of is not said
    total, (price, unit) = totals[0], prices[0]
    if price.unit.split("/")[0] != total.unit or _other_sum(folded[start:end], unit):
        return
    quantities = [
        (f, per) for f in window if f is not price and (per := _per_unit(folded, f, unit))
    ]
    if len(quantities) != 1 or quantities[0][0].number == "1":
        return
    yield _product(price, unit, *quantities[0], total)


def _per(folded: str, f: _Figure) -> str | None:
    """The unit a money figure is a price per, None when it is no price: a rate's
    per, as the parser read it ("16 triệu đồng/tấn" is VND/tấn), or for money the
    words after it or a "mỗi ..." before it. A range of prices ("từ 20.000-22.000
    đồng/kg") is none: the message would name one end as the price."""
    if f.claim.op is Op.RANGE:
        return None
    if f.claim.dimension == Dimension.RATE:
        money, _, per = f.unit.partition("/")
        if money not in _CURRENCIES or "/" in per or folded.startswith("/", f.end):
            return None  # a yield ("tấn/ha"), or per two units ("đồng/người/tháng",
            # "đồng/ha/vụ", whose second the parser leaves out)
        # The parser writes the per without its spaces ("lao động" as "laođộng"):
        # its words as written are what a quantity of that unit is written with.
        written = f.unit_words.lower().rpartition("/")[2].strip()
        return written if written.replace(" ", "") == per else per
    if f.claim.dimension != Dimension.MONEY:
        return None
    if (m := _PER_AFTER.match(folded, f.end)) is not None:
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
    # units.yaml by the words that write them: "kg" is 0,001 tấn
    measure, factor, dimension = UNIT_TABLE.get(unit, ("", 0.0, None))
    if measure != f.unit or dimension != f.claim.dimension:
        return None
    return factor


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
    return _Arithmetic(
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
