"""How a counted noun is written, so that two reports' wordings of it meet.

A subject (`linter.claims.subjects`) is compared word by word across reports,
and reporters write one noun in several ways:

- joined or split: "xử lý 203 ôtô" and "lập biên bản 230 ô tô" count one kind of
  vehicle. The spellings are the unit table's (`linter/data/units.yaml` lists
  both, ["ô tô", "ôtô"]); each joined one is split into the syllables of the other;
- after an amount in words: "hơn một triệu lượt du khách", "gần 1 triệu lượt
  khách", "hàng trăm ngàn lượt khách" and "1.200.000 lượt khách" count "lượt
  khách"; the words of the amount ("một triệu", "triệu", "hàng trăm ngàn") are
  no part of what is counted.
"""

from __future__ import annotations

import re
from functools import lru_cache

from linter.claims.numbers import SCALE_WORD, SPELLED_WORD
from linter.data.lexicon import units

_WORD = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=1)
def _joined_spellings() -> dict[str, list[str]]:
    """The unit table's words spelled both joined and split ("ôtô" / "ô tô")."""
    return {
        joined: _WORD.findall(word)
        for spec in units()[0]
        for word in spec.words
        if (joined := re.sub(r"[\s-]", "", word)) != word and joined in spec.words
    }


def spelled(words: list[str]) -> list[str]:
    """`words` with joined spellings split: "xử lý 203 ôtô" is "230 ô tô"'s subject."""
    return [part for word in words for part in _joined_spellings().get(word, [word])]


# The words of an amount: "một triệu lượt du khách" and "1 triệu lượt khách" count
# "lượt khách", and "1,2 triệu lượt" is "1.200.000 lượt"; "hàng trăm ngàn lượt
# khách" counts them too (an order of magnitude, `linter.claims.amounts`).
_AMOUNT_WORD = re.compile(rf"{SPELLED_WORD}|{SCALE_WORD}|chục")
_SCALE = re.compile(rf"{SCALE_WORD}|chục|trăm")
_VAGUE = frozenset(("hàng",))
_PER_OR_BOUND = re.compile(r"\s+(?:mỗi|trở)\s|\s+một\s+(?:ngày|tháng|năm)(?!\w)")


def counted(quote: str) -> list[str]:
    """The counted noun of a count's quote, after the last scale word of its amount
    ("hai mươi tư vấn viên" has none: its words are left as they are)."""
    # What is counted ends where per what or a bound begins: "56 triệu khách mỗi
    # năm", "18 điểm trở lên" ("/năm" and "/1 vạn dân" stay: they say what is counted).
    words = _WORD.findall(_PER_OR_BOUND.split(quote, maxsplit=1)[0])
    if len(words) > 1 and words[0] in _VAGUE and _SCALE.fullmatch(words[1]):
        words = words[1:]  # "hàng trăm ngàn lượt khách": the amount is "trăm ngàn"
    amount = len(words)
    for i, word in enumerate(words):
        if not _AMOUNT_WORD.fullmatch(word):
            amount = i
            break
    scales = [i for i in range(amount) if _SCALE.fullmatch(words[i])]
    if scales and scales[-1] + 1 == len(words):
        return []  # "từ 5 triệu lên 8 triệu lượt khách": the first amount names no noun
    return words[scales[-1] + 1 :] if scales else words
