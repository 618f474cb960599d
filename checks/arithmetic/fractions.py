"""A count written as a fraction next to the percent it makes: "65/67 phiếu, đạt tỷ lệ 97%"."""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass

# "49/49 phiếu, đạt tỷ lệ 100%", "69/142 kiến nghị (đạt 49%)", "45/50 xã, chiếm 90%":
# a noun after the fraction, then within a clause a word that makes the percent its
# ratio. A day and month ("30/6") or a document's number ("số 12/45") is no fraction.
# The lookbehinds come after the first digit, so re searches for digits (tried before
# it at every character of every text, they took most of AR01's reading time).
_FRACTION = re.compile(
    r"(?P<a>\d(?<![\d/.,]\d)(?<!số \d)\d{0,5})\s*/\s*(?P<b>\d{1,6})(?![\d/.,])"
    r"(?P<noun>\s+[^\W\d][^\W\d ]*(?:\s+[^\W\d][^\W\d ]*){0,7})"
    r"\s*[,(]?\s*(?:(?:đạt|chiếm|bằng|là|với)\s+)?(?:(?:tỷ|tỉ)\s+lệ\s+(?:là\s+)?)?"
    r"(?P<pct>\d{1,3}(?:,\d{1,2})?)\s*%"
    r"(?!\s*(?:kế hoạch|kh|so với|dự toán|cùng kỳ|mục tiêu)(?!\w))"  # a share of another whole
)
# What makes the percent the fraction's own: a word before it, or brackets.
_CUE = re.compile(r"đạt|chiếm|bằng|tỷ lệ|tỉ lệ|\(")


@dataclass(frozen=True)
class FractionSlip:
    """A fraction and a percentage given for it that do not agree."""

    start: int  # the fraction
    end: int
    percent_start: int
    percent_end: int
    ratio: float  # what the fraction makes, in percent
    written: str  # the percent as written: "95,5"


def fraction_slips(low: str) -> Iterator[FractionSlip]:
    """Fractions whose percent, rounded or cut at its last written digit, cannot be
    what they make: 64/67 is 95,52 %, so "95,5%" and "96%" hold, "97%" does not.
    `low` is the text lowercased letter for letter (`figures._lower`): the offsets
    found are the text's."""
    for m in _FRACTION.finditer(low):
        a, b = int(m["a"]), int(m["b"])
        if b == 0 or a > b or (b <= 12 and a <= 31):
            continue  # not a share, or a day and month
        if not _CUE.search(low, m.end("noun"), m.start("pct")):
            continue
        written = m["pct"]
        value = float(written.replace(",", "."))
        step = 10.0 ** -len(written.split(",")[1]) if "," in written else 1.0
        ratio = 100 * a / b
        # Rounded (half a step either side) or cut (up to a step below the ratio).
        if value - step / 2 - 1e-9 <= ratio < value + step + 1e-9 or math.isclose(ratio, value):
            continue
        yield FractionSlip(m.start("a"), m.end("b"), m.start("pct"), m.end(), ratio, written)
