"""Amounts said without a unit, or without a number.

- An order of magnitude: "hàng chục tỷ đồng" and "hàng trăm ngàn lượt khách"
  state an interval, not a number: "hàng trăm ngàn" is 100.000 to under
  1.000.000 (op `approx`, the interval's low end as the value). A reader
  comparing "4 triệu lượt khách" with "hàng trăm ngàn lượt khách" sees an order
  of magnitude between them; so must the linter.
- Money without "đồng": local news writes "bị phạt 65 triệu vì quảng cáo sai",
  "mất hơn 4 triệu tiền giống". A bare "triệu" or "nghìn" is money when a money
  word stands before it in its clause and no counted noun follows it; "dân số
  giảm 40 triệu" stays unread.
- A unit said once for two amounts: "hạ mức phạt từ 35 triệu xuống còn 8 triệu
  đồng", where the first amount takes the unit of the second.

- Words that state a figure: "2 con số" (growth of 10 % or more), "không còn
  hộ nghèo" (none left).

The words are in `linter/data/amounts.yaml`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from pydantic import BaseModel, ConfigDict

from linter.claims.intervals import RawQuantity
from linter.claims.numbers import AMOUNT, SCALES, tidy
from linter.claims.units import Unit, read_unit
from linter.data import load
from linter.models import Dimension, Op

# Magnitude words of a vague amount: "chục" and "trăm" besides the scale words.
_MAGNITUDES = {"chục": 10.0, "trăm": 100.0, **SCALES}
# How far before a bare amount a money word may stand, within its clause.
MONEY_WINDOW = 60
# A second amount after a bare one, joined by a word of change or range: its unit
# is the first one's too ("từ 35 triệu xuống còn 8 triệu đồng").
_THEN_AMOUNT = re.compile(
    r"\s*(?:xuống còn|xuống|lên tới|lên đến|lên|còn|đến|tới|-|–)\s*"
    r"(?:khoảng|hơn|trên|gần|dưới\s+)?"
)
# Nouns ending in "hàng" ("ngân hàng", "khách hàng") before a magnitude word are no
# vague amount: "ngân hàng triệu phú" names a bank.
_NOT_VAGUE_BEFORE = re.compile(r"(?:ngân|khách|mặt|cửa|nhà|đơn)\s+$")


class _AmountsFile(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    vague: dict[str, int]
    money_before: tuple[str, ...]
    money_after: tuple[str, ...]


@dataclass(frozen=True)
class _Words:
    """amounts.yaml's words as the patterns that find them."""

    vague: re.Pattern[str]
    lowest: dict[str, int]
    money_before: re.Pattern[str]
    money_after: re.Pattern[str]


def _alternation(words: object) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))  # type: ignore[arg-type]


@lru_cache(maxsize=1)
def _words() -> _Words:
    raw = load("amounts.yaml", _AmountsFile)
    magnitude = _alternation(_MAGNITUDES)
    return _Words(
        vague=re.compile(
            rf"(?<!\w)(?P<word>{_alternation(raw.vague)})\s+"
            rf"(?P<mag>(?:{magnitude})(?:\s+(?:{magnitude}))*)(?!\w)"
        ),
        lowest=raw.vague,
        money_before=re.compile(rf"(?<!\w)(?:{_alternation(raw.money_before)})(?!\w)"),
        money_after=re.compile(rf"\s+(?:{_alternation(raw.money_after)})(?!\w)"),
    )


@dataclass(frozen=True)
class Vague:
    """An order of magnitude stated in words, as an interval."""

    start: int
    end: int
    low: float  # inclusive
    high: float  # exclusive


@lru_cache(maxsize=16)  # asked of a sentence for its figures, then for its counts
def find_vague(folded: str) -> tuple[Vague, ...]:
    """Every order of magnitude stated in words: "hàng trăm ngàn" is [1e5, 1e6)."""
    table = _words()
    if not any(word in folded for word in table.lowest):
        return ()  # most sentences hold no "hàng": skip the scan
    found = []
    for m in table.vague.finditer(folded):
        if _NOT_VAGUE_BEFORE.search(folded, max(0, m.start() - 8), m.start()):
            continue
        magnitude = 1.0
        for word in m.group("mag").split():
            magnitude *= _MAGNITUDES[word]
        low = table.lowest[m.group("word")] * magnitude
        found.append(Vague(m.start(), m.end(), low, 10 * magnitude))
    return tuple(found)


def money_meant(folded: str, start: int, end: int) -> bool:
    """Whether the bare amount `folded[start:end]` ("65 triệu") is money: a money
    word before it in its clause, and "tiền" or no word at all after it."""
    table = _words()
    after = folded[end:]
    if not table.money_after.match(after) and re.match(r"\s+[^\W\d_]", after):
        follower = re.match(r"\s+([^\W\d_]+)", after)
        if follower and follower.group(1) not in _FUNCTION_AFTER:
            return False  # "bán hơn 17 triệu cổ phiếu": a counted noun follows
    before = folded[max(0, start - MONEY_WINDOW) : start]
    clause = re.split(r"[,;:.()!?“”\"]", before)[-1]
    return bool(table.money_before.search(clause))


# Words that may follow a bare amount of money: "65 triệu vì ...", "6 triệu nữa".
_FUNCTION_AFTER = frozenset(
    "vì do để nữa sau cho của từ mà nhưng và hoặc thì là trở xuống lên còn một mỗi "
    "với khi nên rồi thôi đã".split()
)


def shared_unit_at(folded: str, end: int) -> int | None:
    """Where the second amount starts when a bare amount ending at `end` is joined
    to it by a word of change or range ("35 triệu xuống còn 8 triệu đồng")."""
    m = _THEN_AMOUNT.match(folded, end)
    if not m or not AMOUNT.match(folded, m.end()) or not folded[m.end()].isdigit():
        return None
    return m.end()


_TWO_DIGITS = re.compile(r"(?<!\w)(?P<n>2|hai)\s+con\s+số(?!\w)")
_NONE_LEFT = re.compile(r"(?<!\w)không\s+còn\s+(?P<what>hộ\s+(?:cận\s+)?nghèo)(?!\w)")


def word_figures(folded: str, taken: list[tuple[int, int]]) -> list[RawQuantity]:
    """Figures stated in words, outside the `taken` spans of figures in digits:
    orders of magnitude with a unit of the table, "2 con số", "không còn hộ nghèo"."""
    # Both patterns open on a lookbehind, which re tries at every character: a
    # sentence without the literal each match holds is not searched.
    two = _TWO_DIGITS.finditer(folded) if "con" in folded else ()
    result = [
        RawQuantity(m.start(), m.end(), m.start(), 10.0, "%", Op.GE, 10.0, 100.0, True, False,
                    "level", dimension=Dimension.PERCENT)
        for m in two
    ]  # fmt: skip
    none_left = _NONE_LEFT.finditer(folded) if "nghèo" in folded else ()
    result.extend(
        RawQuantity(m.start(), m.end(), m.start(), 0.0, "hộ", Op.EQ, 0.0, 0.0, True, True, "level")
        for m in none_left
    )
    return result + _vague_figures(folded, taken)


def _vague_figures(folded: str, taken: list[tuple[int, int]]) -> list[RawQuantity]:
    """Orders of magnitude with a unit of the table: "hàng chục tỷ đồng" is
    [1e10, 1e11) VND, "hàng trăm ngàn lượt khách" [1e5, 1e6) lượt khách."""
    found = []
    for v in find_vague(folded):
        if any(a <= v.start < b for a, b in taken):
            continue
        unit = read_unit(folded, v.end)
        if unit is None and folded[: v.end].endswith("tỷ"):
            unit = Unit("VND", 1.0, v.end, Dimension.MONEY)
        if unit is None or unit.dimension is Dimension.DURATION:
            continue  # "hàng trăm năm" is a manner of speaking, not a duration stated
        low, high = tidy(v.low * unit.factor), tidy(v.high * unit.factor)
        found.append(
            RawQuantity(v.start, unit.end, v.start, low, unit.name, Op.APPROX, low, high, True,
                        False, "level", None, unit.dimension)
        )  # fmt: skip
    return found
