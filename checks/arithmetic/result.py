"""One piece of arithmetic: what the linked figures give against what is stated, and its message."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from checks.arithmetic.figures import _Figure
from linter.models import Severity


@dataclass(frozen=True)
class _Arithmetic:
    """One piece of arithmetic: what the linked figures give (an interval, from the
    intervals of the figures) against what the text states, and how sure a mismatch
    would be in each direction (None: that direction is no contradiction)."""

    kind: str  # difference / sum / part / remainder / change / rate / shares / equivalent / product
    figures: tuple[tuple[_Figure, str], ...]  # each with its role (a key of _ROLES)
    low: float
    high: float
    stated_low: float
    stated_high: float
    computed: str  # "1.520 − 1.310 = 210 tỷ đồng"
    stated: str  # "18,5 tỷ đồng"
    over: Severity | None = Severity.WARNING
    under: Severity | None = Severity.WARNING

    def verdict(self) -> Severity | None:
        """The severity of the mismatch, None when some values inside the intervals agree."""
        scale = max(abs(self.stated_low), abs(self.stated_high), 1.0)
        margin = 1e-9 * (scale if math.isfinite(scale) else 1.0)  # float noise only
        if self.low > self.stated_high + margin:
            return self.over
        if self.high < self.stated_low - margin:
            return self.under
        return None

    def message(self, lang: str) -> str:
        """What the figures give against what is stated: "≠" for a difference or a
        change, ">" or "<" for parts and shares, whose total is a bound."""
        if self.kind in ("sum", "part", "shares"):
            under = self.high < self.stated_low
            return bound_message(lang, self.kind, under, self.computed, self.stated)
        what = _WHAT[lang][self.kind]
        if lang == "en":
            return f"{what}: {self.computed}, not {self.stated}."
        return f"{what}: {self.computed}, không phải {self.stated}."


def bound_message(lang: str, kind: str, under: bool, computed: str, stated: str) -> str:
    """Figures against the total that bounds them ("sum", "part", "shares"), below
    it when `under`: "Tổng các thành phần không bằng tổng số: 1 + 2 = 3 < 4." A sum
    below its total is "short", not "more than"."""
    what = _WHAT[lang]["short" if kind == "sum" and under else kind]
    return f"{what}: {computed} {'<' if under else '>'} {stated}."


_WHAT = {
    "vi": {
        "difference": "Mức chênh lệch không khớp với hai số liệu",
        "sum": "Tổng các thành phần vượt tổng số",
        "short": "Tổng các thành phần không bằng tổng số",
        "part": "Một phần lớn hơn tổng số",
        "remainder": "Các phần và phần còn lại không khớp với tổng số",
        "change": "Mức thay đổi không khớp với hai số liệu",
        "shares": "Các tỷ trọng của một tổng thể cộng lại không bằng 100%",
        "equivalent": "Tỷ lệ không khớp với số lượng tương đương và tổng số",
        "product": "Đơn giá nhân số lượng không khớp với tổng số",
        "rate": "Tỷ lệ thay đổi không khớp với mức thay đổi và số liệu",
    },
    "en": {
        "difference": "The stated difference does not match the two figures",
        "sum": "The parts add up to more than the total",
        "short": "The parts do not add up to the total",
        "part": "A part is larger than its total",
        "remainder": "The parts and what is left do not make up the total",
        "change": "The stated change does not match the two figures",
        "shares": "Shares of one whole do not add up to 100%",
        "equivalent": "The share does not match the amount it comes to and the whole",
        "product": "Price times quantity does not give the total",
        "rate": "The stated rate does not match the change and the level it led to",
    },
}
_ROLES = {
    "vi": {
        "difference": "mức chênh lệch",
        "larger": "số lớn",
        "smaller": "số nhỏ",
        "total": "tổng số",
        "part": "thành phần",
        "level": "số liệu",
        "change": "mức thay đổi",
        "base": "số gốc so sánh",
        "share": "tỷ trọng",
        "remainder": "phần còn lại",
        "equivalent": "số lượng tương đương",
        "rate": "tỷ lệ thay đổi",
    },
    "en": {
        "difference": "stated difference",
        "larger": "larger figure",
        "smaller": "smaller figure",
        "total": "total",
        "part": "part",
        "level": "level",
        "change": "stated change",
        "base": "base of the comparison",
        "share": "share",
        "remainder": "what is left",
        "equivalent": "the amount it comes to",
        "rate": "stated rate",
    },
}


def _number(value: float) -> str:
    """A value written the Vietnamese way: 1.520, 18,5, 12,47."""
    rounded = round(value, 2)
    whole, _, fraction = f"{abs(rounded):,.2f}".partition(".")
    fraction = fraction.rstrip("0")
    text = whole.replace(",", ".") + ("," + fraction if fraction else "")
    return ("−" if rounded < 0 else "") + text


def _amount(value: float, like: _Figure) -> str:
    """`value` (base units) in the written unit of `like`: "210 tỷ đồng"."""
    return f"{_number(value / like.scale)} {like.unit_words}".strip()


def _in(f: _Figure, like: _Figure) -> str:
    """The number of `f` in the written unit of `like` ("1,52 nghìn tỷ" as 1.520 next
    to "1.310 tỷ"), so that the operands of one computation share a unit."""
    return f.number if f.scale == like.scale else _number(f.claim.value / like.scale)


def _stated(f: _Figure) -> str:
    return re.sub(r"\s+", " ", f.claim.span.quote)


def sum_of_parts(
    total: _Figure, parts: list[_Figure], over: Severity | None, under: Severity | None
) -> _Arithmetic:
    """Parts against their stated total: `over` when they add up to more, `under`
    when to less (None: that way is no finding)."""
    value = sum(p.claim.value for p in parts)
    return _Arithmetic(
        "sum",
        ((total, "total"), *((p, "part") for p in parts)),
        sum(p.low for p in parts),
        sum(p.high for p in parts),
        total.low,
        total.high,
        " + ".join(_in(p, total) for p in parts) + f" = {_amount(value, total)}",
        _stated(total),
        over=over,
        under=under,
    )
