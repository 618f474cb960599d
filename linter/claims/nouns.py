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

A count outside the unit table is counted in its whole noun when the noun is one
of several syllables whose first alone names another thing ("1.500 học sinh",
"11 đơn vị", "16 phòng khám": `linter/data/counted_nouns.yaml`, `noun_end`);
else in its head, the first syllable ("22 tàu cá" counts "tàu").
"""

from __future__ import annotations

import re
from functools import lru_cache

from pydantic import BaseModel, ConfigDict, field_validator, model_validator

from linter import nlp
from linter.claims.numbers import SCALE_WORD, SPELLED_WORD
from linter.data import load
from linter.data.unit_table import units

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


class _CountedNouns(BaseModel):
    """`linter/data/counted_nouns.yaml`: nouns counted whole, in groups for the reader."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    people: tuple[str, ...]
    bodies_and_places: tuple[str, ...]
    things: tuple[str, ...]
    same_count: dict[str, str]  # a noun -> the unit it counts in ("hành khách" -> "lượt khách")

    @field_validator("people", "bodies_and_places", "things")
    @classmethod
    def _folded_words(cls, nouns: tuple[str, ...]) -> tuple[str, ...]:
        # A noun is matched on folded text: one written otherwise would never match.
        for noun in nouns:
            if len(noun.split()) < 2 or noun != nlp.fold(noun) or " ".join(noun.split()) != noun:
                raise ValueError(f"{noun!r}: not two or more folded words")
        return nouns

    @field_validator("same_count")
    @classmethod
    def _folded_units(cls, same: dict[str, str]) -> dict[str, str]:
        for word in (*same, *same.values()):
            if word != nlp.fold(word) or " ".join(word.split()) != word:
                raise ValueError(f"{word!r}: not folded words")
        return same

    @model_validator(mode="after")
    def _once(self) -> _CountedNouns:
        # A same_count noun is counted whole already; listed in a group too, one of
        # the two entries would be edited without the other.
        nouns = [*self.people, *self.bodies_and_places, *self.things, *self.same_count]
        if twice := sorted({n for n in nouns if nouns.count(n) > 1}):
            raise ValueError(f"listed twice: {', '.join(twice)}")
        return self

    @model_validator(mode="after")
    def _known_units(self) -> _CountedNouns:
        # A same_count unit no figure of the unit table is in would meet nothing.
        known = {spec.unit for spec in units()[0]}
        if unknown := sorted(set(self.same_count.values()) - known):
            raise ValueError(f"same_count: not a unit of units.yaml: {', '.join(unknown)}")
        return self

    def nouns(self) -> frozenset[str]:
        """Every noun counted whole: "1 triệu khách tham quan" counts "khách" too."""
        return frozenset((*self.people, *self.bodies_and_places, *self.things, *self.same_count))


@lru_cache(maxsize=1)
def _counted_nouns() -> _CountedNouns:
    return load("counted_nouns.yaml", _CountedNouns)


@lru_cache(maxsize=1)
def _whole_nouns() -> re.Pattern[str]:
    """One alternation of the nouns counted whole, the longest first ("nhà văn hóa"
    before "nhà văn"), each ending at a word's end; in alphabetical order at one
    length, so that the pattern is the same in every process (linter.rxmemo)."""
    nouns = sorted(_counted_nouns().nouns(), key=lambda n: (-len(n), n))
    alternatives = "|".join(re.escape(n) for n in nouns)
    return re.compile(rf"(?:{alternatives})(?!\w)")


def noun_end(folded: str, pos: int) -> tuple[int, str] | None:
    """Where a noun counted whole that begins at `pos` ends ("học sinh" in "1.500
    học sinh ưu tú") and the unit it is counted in: its own, or the one it counts
    the same thing as ("400.000 hành khách" are "lượt khách"); None when no such
    noun begins there."""
    m = _whole_nouns().match(folded, pos)
    if not m:
        return None
    return m.end(), _counted_nouns().same_count.get(m.group(), m.group())
