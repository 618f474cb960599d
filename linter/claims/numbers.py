"""Vietnamese numerals: digit groups, scale words and spelled-out numbers.

Official texts write `56.000` (dot = thousands), `57,2` (comma = decimal),
`03` (leading zero), `1 nghìn 773 tỷ` (mixed digits and scales), `566 tỷ 384
triệu` (compound amounts) and `hai mươi ba` (words). Everything here works on
folded text (see `linter.nlp.fold`), which is lowercase.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

# A digit group: thousands with dots (optionally a decimal comma), or a plain
# number with a decimal comma. `33,448.222` (English separators slipped into a
# Vietnamese text) is accepted too and read the English way, and so is a decimal
# point before a scale word, `14.65 triệu USD`, `3.2 triệu lượt khách`: one or two
# digits after a dot are never a group of thousands (without a scale word,
# `23.1` is a date).
DIGITS = (
    r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d{1,3}(?:,\d{3})+\.\d+"
    r"|\d{1,3}\.\d{1,2}(?=\s*(?:nghìn|ngàn|triệu|tỷ)(?!\w))|\d+(?:,\d+)?"
)
_POINT_DECIMAL = re.compile(r"\d{1,3}\.\d{1,2}")

SCALES: dict[str, float] = {
    "nghìn": 1e3,
    "ngàn": 1e3,
    "vạn": 1e4,
    "triệu": 1e6,
    "tỷ": 1e9,
}
# `tỷ lệ` (ratio) and `tỷ trọng` (share) start with a scale word but are not one,
# nor do `triệu phú` and `tỷ phú` (a millionaire, a billionaire: "50 triệu phú đôla").
# A scale word is a whole word: "113 ngành" is no "113 ngàn".
SCALE_WORD = r"(?:(?:nghìn|ngàn|vạn)(?!\w)|triệu(?!\w)(?!\s+phú)|tỷ(?!\w)(?!\s+(?:lệ|trọng|phú)))"

_UNITS_WORDS = {
    "không": 0,
    "một": 1,
    "mốt": 1,
    "hai": 2,
    "ba": 3,
    "bốn": 4,
    "tư": 4,
    "năm": 5,
    "lăm": 5,
    "nhăm": 5,
    "sáu": 6,
    "bảy": 7,
    "bẩy": 7,
    "tám": 8,
    "chín": 9,
}
SPELLED_WORD = (
    r"(?:không|một|mốt|hai|ba|bốn|tư|năm|lăm|nhăm|sáu|bảy|bẩy|tám|chín|mười|mươi|trăm|linh|lẻ|nửa)"
)
# A spelled number starts with a digit word or "mười"/"nửa": "tư", "mốt", "lăm" and
# "không" only occur inside one ("hai mươi tư"), and "đầu tư không đồng bộ" is no figure.
SPELLED_FIRST_WORDS = (
    "một",
    "hai",
    "ba",
    "bốn",
    "năm",
    "sáu",
    "bảy",
    "bẩy",
    "tám",
    "chín",
    "mười",
    "nửa",
)
_SPELLED_FIRST = "(?:" + "|".join(SPELLED_FIRST_WORDS) + ")"
SPELLED = rf"{_SPELLED_FIRST}(?:\s+{SPELLED_WORD})*"


# What a figure can be. No announcement states more than a billion billion of
# anything (a national budget is ~1e15 đồng), nor writes more than 30 digits; a
# longer run of digits is an identifier, a hash or garbage. Without a bound,
# "1" followed by 5000 zeros becomes Infinity, which is not JSON, and two equal
# infinities would look like a contradiction.
MAX_DIGITS = 30
MAX_FIGURE = 1e18


def is_figure(value: float) -> bool:
    """Whether a parsed value is within what a stated figure can be."""
    return math.isfinite(value) and abs(value) <= MAX_FIGURE


def bounded_int(token: str) -> int | None:
    """`int(token)` for a run of digits a figure can have, else None (Python
    refuses to convert more than 4300 digits at all)."""
    if len(token) > MAX_DIGITS:
        return None
    value = int(token)
    return value if value <= MAX_FIGURE else None


def parse_digits(token: str) -> float | None:
    """`56.000` -> 56000, `57,2` -> 57.2, `03` -> 3, `33,448.222` -> 33448.222,
    `14.65` (before a scale word) -> 14.65;
    None for more digits than a figure can have."""
    if sum(ch.isdigit() for ch in token) > MAX_DIGITS:
        return None
    if "." in token and "," in token and token.index(",") < token.index("."):
        return float(token.replace(",", ""))
    if _POINT_DECIMAL.fullmatch(token):
        return float(token)
    return float(token.replace(".", "").replace(",", "."))


def decimal_step(token: str) -> float | None:
    """The place of the last decimal digit of a token `parse_digits` reads, by the
    same separators: 0.1 for `18,5`, 0.01 for `14.65` (before a scale word) and for
    `33,448.22`; None for a whole number (`1.520`, `15`)."""
    if "." in token and "," in token and token.index(",") < token.index("."):
        return 10.0 ** -len(token.rsplit(".", 1)[1])  # English separators
    if _POINT_DECIMAL.fullmatch(token):
        return 10.0 ** -len(token.rsplit(".", 1)[1])
    if "," in token:
        return 10.0 ** -len(token.rsplit(",", 1)[1])
    return None


def parse_spelled(words: str) -> float | None:
    """`hai mươi ba` -> 23, `một trăm linh năm` -> 105, `nửa` -> 0.5; None if malformed."""
    tokens = words.split()
    if tokens == ["nửa"]:
        return 0.5
    total = 0
    current = 0
    seen_digit = False
    for previous, tok in zip(["", *tokens], tokens, strict=False):
        if tok in ("linh", "lẻ"):
            continue
        if tok == "mười":
            current += 10
        elif tok == "mươi":
            current = (current or 1) * 10
        elif tok == "trăm":
            total += (current or 1) * 100
            current = 0
        elif tok in _UNITS_WORDS:
            if previous in _UNITS_WORDS:
                return None  # "một năm bảy lần" (seven times in one year), "hai ba người"
            current += _UNITS_WORDS[tok]
            seen_digit = True
        else:
            return None
    if not seen_digit and total == 0 and current == 0:
        return None if "không" not in tokens else 0.0
    return float(total + current)


def combine(parts: list[tuple[float, float | None]]) -> float:
    """Combine (number, scale) pieces the way Vietnamese reads them.

    A scale larger than every scale before it multiplies everything so far
    (`1 nghìn 773 tỷ` = (1 000 + 773) tỷ); a smaller one only its own number
    (`566 tỷ 384 triệu` = 566 tỷ + 384 triệu).
    """
    total = 0.0
    current = 0.0
    largest = 0.0
    for number, scale in parts:
        current += number
        if scale is None:
            continue
        if scale > largest:
            total = (total + current) * scale
            largest = scale
        else:
            total += current * scale
        current = 0.0
    return total + current


AMOUNT = re.compile(
    rf"(?P<num>{DIGITS}|{SPELLED})(?P<tail>(?:\s*{SCALE_WORD}(?:\s+(?:{DIGITS})(?=\s*{SCALE_WORD}))?)*)"
)
_PIECE = re.compile(rf"(?P<num>{DIGITS})?\s*(?P<scale>{SCALE_WORD})")


@lru_cache(maxsize=4096)  # the same few numbers come back all the time ("1", "2017")
def parse_amount(text: str) -> tuple[float, float] | None:
    """Value of an AMOUNT match and its leading scale multiplier, e.g. `3 nghìn tỷ` -> 3e12.

    Returns (value, scale_of_first_group) or None if the number words are
    malformed or the value is beyond what a figure can be (`is_figure`).
    """
    m = AMOUNT.fullmatch(text.strip())
    if not m:
        return None
    head = m.group("num")
    first = parse_digits(head) if head[0].isdigit() else parse_spelled(head)
    if first is None:
        return None
    parts: list[tuple[float, float | None]] = []
    pending = first
    for piece in _PIECE.finditer(m.group("tail")):
        if piece.group("num"):
            parts.append((pending, None))
            number = parse_digits(piece.group("num"))
            if number is None:
                return None
            pending = number
        parts.append((pending, SCALES[piece.group("scale")]))
        pending = 0.0
    parts.append((pending, None))
    scale = parts[0][1] or 1.0
    value = combine(parts)
    return (tidy(value), scale) if is_figure(value) else None


def tidy(value: float) -> float:
    """Round away binary noise, to 12 significant digits: 4,1 × 1e9 is
    4099999999.9999995 and 64,9 nghìn × 1e9 is 6.490000000000001e13 in floating
    point, but one figure written with two scale words must be one number."""
    return float(f"{value:.12g}")


ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}


def roman_quarter(text: str) -> int | None:
    return ROMAN.get(text.lower())
