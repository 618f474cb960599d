"""Figures located in the text, each with the interval its rounding allows."""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, replace

from linter.checking import DocumentClaims
from linter.claims.numbers import DIGITS, decimal_step, parse_digits
from linter.models import Dimension, Document, Op, Quantity


@dataclass(frozen=True)
class _Figure:
    """A quantity with its offsets in the document's text and the interval it states."""

    claim: Quantity
    start: int
    end: int
    low: float
    high: float
    number: str  # the digits as written: "1.520", "18,5"
    unit_words: str  # what follows the number in the quote: "tỷ đồng", "%"
    scale: float  # value of one written unit: 1e9 for "tỷ đồng"

    @property
    def unit(self) -> str:
        return self.claim.unit

    @property
    def sentence_start(self) -> int:
        return self.claim.sentence[0]

    @property
    def sentence_end(self) -> int:
        return self.claim.sentence[1]

    @property
    def is_level(self) -> bool:
        return self.claim.measure == "level"


def _sentences(item: DocumentClaims, folded: str) -> list[list[_Figure]]:
    """The document's figures grouped by sentence, in text order. A sentence with a
    figure this check cannot redo (spelled, compound "566 tỷ 384 triệu", negative "âm
    49,3 tỷ") is left out whole: the rules count the figures of a sentence, and one
    missing would make a wrong link look certain."""
    by_sentence: dict[tuple[int, int], list[_Figure]] = {}
    blocked: set[tuple[int, int]] = set()
    cursor: dict[tuple[int, int], int] = {}
    for q in item.of(Quantity):
        s, e = q.sentence
        quote = _lower(unicodedata.normalize("NFC", q.span.quote))
        at = folded.find(quote, cursor.get(q.sentence, s), e) if quote else -1
        figure = _figure(q, at, at + len(quote)) if at >= 0 else None
        if figure is None or _NEGATIVE.search(folded, max(s, at - 8), at):
            blocked.add(q.sentence)  # a quote rebuilt from markup, or no digits to redo
            continue
        cursor[q.sentence] = figure.end
        by_sentence.setdefault(q.sentence, []).append(figure)
    return [by_sentence[k] for k in sorted(by_sentence) if k not in blocked]


def _lower(text: str) -> str:
    """The text lowercased letter for letter, so that its offsets stay those of the
    text. The cue words read here have no old/new tone placement variants (hoà/hòa),
    so the parser's fold, which needs underthesea even on a cached run, is not needed."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


# What may follow a figure that ends its clause: punctuation, "và", the text's end. A
# share or rate followed by other words is of what they name ("chiếm 15% tổng FDI").
_CLAUSE_END = re.compile(r"\s*(?:[,;.)!?\n]|$|và(?!\w))")
_BOUND_WORDS = frozenset({Op.GT, Op.GE, Op.LT, Op.LE, Op.APPROX})  # "khoảng" is symmetric
_NEGATIVE = re.compile(r"(?<!\w)(?:âm|lỗ)\s*$")
_DIGITS = re.compile(DIGITS)


def _figure(q: Quantity, start: int, end: int) -> _Figure | None:
    """The figure with its rounding: a number is only as precise as its last written digit."""
    digits = _DIGITS.search(q.span.quote)
    if digits is None or q.value == 0:
        return None  # a spelled number ("ba") or a word figure ("không còn hộ nghèo")
    written = parse_digits(digits.group())
    if written == 0:
        return None
    scale = q.value / written
    if not math.isclose(10 ** round(math.log10(abs(scale))), abs(scale), rel_tol=1e-9):
        return None  # "566 tỷ 384 triệu", "2 con số": not one number times a scale word
    place = _last_digit(digits.group())
    # A count of whole things written to its units is exact: "21 trường hợp" is 21.
    exact = q.dimension == Dimension.COUNT and scale == 1 and place == 1
    half = 0.0 if exact else 0.5 * place * abs(scale)
    # A bound word fixes its side at the number as written: "trên 60.000" is a count
    # known to pass 60.000 (59.800 would be "gần 60.000"), "gần 80.000" one below it.
    bounded = q.op in _BOUND_WORDS
    low = -math.inf if q.low is None else q.low - (0.0 if bounded and q.low == q.value else half)
    high = math.inf if q.high is None else q.high + (0.0 if bounded and q.high == q.value else half)
    unit_words = q.span.quote[digits.end() :].strip()
    return _Figure(q, start, end, low, high, digits.group(), unit_words, scale)


def _last_digit(token: str) -> float:
    """The place of the last written digit: 0.1 for "18,5", 1 for "1.520"; 10 for "1.500"
    and "4.000": such a figure may have been rounded, though rarely past its last
    non-zero digit (a text that rounds further says "khoảng" or "gần")."""
    if (step := decimal_step(token)) is not None:
        return step
    whole = token.replace(".", "").replace(",", "")
    zeros = len(whole) - len(whole.rstrip("0"))
    return 10.0 ** (zeros - 1) if zeros >= 2 and zeros < len(whole) else 1.0


# "giảm từ 401 xuống còn 208 đơn vị": the first level written bare, its unit (and
# scale word) said once after the second, so the parser reads no figure for it.
_BARE_FROM = re.compile(
    rf"(?<!\w)từ\s+(?P<n>{DIGITS})(?![\w/%-]|[.,]\d)\s+(?:lên|xuống)(?:\s+còn)?\s*$"
)
# A bare level taken in the other's unit is far off it when it had a scale word of
# its own ("từ 800 lên 1,2 triệu" is 800 nghìn, not 800 triệu): then it is not read.
_BARE_SPREAD = 10.0


def _bare_from(document: Document, folded: str, figures: list[_Figure]) -> list[_Figure]:
    """The figures with the bare "từ N" of each "từ N lên / xuống B" added, in B's unit
    and scale, as `breakdowns` reads bare counts from the text."""
    out: list[_Figure] = []
    for f in figures:
        m = _BARE_FROM.search(folded, max(f.sentence_start, f.start - 40), f.start)
        value = parse_digits(m.group("n")) if m and f.is_level else None
        if m and value and not (out and out[-1].end > m.start("n")):
            v = value * f.scale
            if max(v, f.claim.value) <= _BARE_SPREAD * min(v, f.claim.value):
                start, end = m.span("n")
                span = document.span(start, end)
                claim = f.claim.model_copy(
                    update={"value": v, "low": v, "high": v, "op": Op.EQ, "span": span}
                )
                out.append(replace(f, claim=claim, start=start, end=end, number=m.group("n")))
        out.append(f)
    return out
