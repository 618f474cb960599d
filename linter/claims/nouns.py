"""How a counted noun is written, so that two reports' wordings of it meet.

A subject (`linter.claims.subjects`) is compared word by word across reports,
and reporters write one noun in several ways:

- joined or split: "xử lý 203 ôtô" and "lập biên bản 230 ô tô" count one kind of
  vehicle. The spellings are the unit table's (`linter/data/units.yaml` lists
  both, ["ô tô", "ôtô"]); each joined one is split into the syllables of the other;
- after an amount in words: "hơn một triệu lượt du khách", "gần 1 triệu lượt
  khách" and "1.200.000 lượt khách" count "lượt khách"; the words of the amount
  ("một triệu", "triệu") are no part of what is counted.
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
# "lượt khách", and "1,2 triệu lượt" is "1.200.000 lượt".
_AMOUNT_WORD = re.compile(rf"{SPELLED_WORD}|{SCALE_WORD}")
_SCALE = re.compile(SCALE_WORD)


def counted(quote: str) -> list[str]:
    """The counted noun of a count's quote, after the last scale word of its amount
    ("hai mươi tư vấn viên" has none: its words are left as they are)."""
    words = _WORD.findall(quote)
    amount = len(words)
    for i, word in enumerate(words):
        if not _AMOUNT_WORD.fullmatch(word):
            amount = i
            break
    scales = [i for i in range(amount) if _SCALE.fullmatch(words[i])]
    return words[scales[-1] + 1 :] if scales and scales[-1] + 1 < len(words) else words
