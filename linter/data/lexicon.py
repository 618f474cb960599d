"""The indicator lexicon, loaded from linter/data/indicators.yaml.

`Lexicon.find(folded)` returns every indicator phrase in a folded sentence,
longest first and non-overlapping, so that "tổng thu NSNN trên địa bàn" wins
over "thu NSNN" and a comma inside a name ("có bằng, chứng chỉ") never splits it.
The unit table beside it is `linter.data.unit_table`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from linter.data import alternation, load
from linter.errors import LexiconError
from linter.nlp import fold


class IndicatorSpec(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    label: str
    label_en: str
    kind: Literal["level", "growth"] = "level"
    dimension: Literal["money", "percent", "count", "per_population", "any"] = "any"
    parent: str | None = None
    names: tuple[str, ...] = ()
    after: tuple[str, ...] = Field(default=())
    generic: tuple[str, ...] = ()  # names that hold only when no other subject follows

    @model_validator(mode="after")
    def _generic_are_names(self) -> IndicatorSpec:
        unknown = set(self.generic) - set(self.names)
        if unknown:
            raise ValueError(f"generic names {sorted(unknown)} are not among its names")
        return self


@dataclass(frozen=True)
class IndicatorMention:
    """An indicator's name found in folded text, before or after its figure."""

    key: str
    start: int
    end: int
    side: Literal["before", "after"]


_WORD = re.compile(r"\w+")
Candidates = list[tuple[re.Pattern[str], str]]  # (a phrase's pattern, its indicator)


@dataclass(frozen=True)
class _Phrases:
    """The phrases by their first word, longest first, each written as a regex and
    compiled the first time its word is met (`candidates`): a text meets few of the
    lexicon's first words, and compiling all 180 patterns was 16 ms of a draft's run
    (writing them, 1.5 ms more)."""

    sources: dict[str, list[tuple[str, str]]]  # (a folded phrase, its indicator)
    starts: re.Pattern[str]  # any first word of the index, as a whole word
    # A cache filled as texts are read: no part of what the phrases are.
    compiled: dict[str, Candidates] = field(default_factory=dict, compare=False, repr=False)

    def candidates(self, word: str) -> Candidates:
        found = self.compiled.get(word)
        if found is None:
            found = [(re.compile(_phrase_pattern(p)), key) for p, key in self.sources[word]]
            self.compiled[word] = found
        return found


# After a generic name ("tốc độ tăng trưởng"), the words that may stand before
# its figure without naming another subject: qualifiers of time and place,
# then a verb, a comparator, a number or punctuation. Anything else ("về chiều
# dài đường bộ", "của ô tô", "tín dụng") is the subject the growth is of.
_QUALIFIER = (
    r"(?:\s*(?:bình quân|trung bình|hàng năm|hằng năm|chung|cả năm|dự kiến|ước|"
    r"(?:trong\s+|của\s+)?(?:giai đoạn|nhiệm kỳ|năm|quý|tháng)\s+[\w/\-– ]*?\d{4}|"
    r"(?:của\s+|trên\s+)?(?:toàn\s+)?(?:tỉnh|thành phố|huyện|thị xã|địa bàn|địa phương)"
    r"(?:\s+nhà|\s+[a-zđ]+){0,3}?|\([^)]{0,30}\)|,))*"
)
_GENERIC_END = re.compile(
    _QUALIFIER + r"\s*(?:$|[\d:;.(]|(?:đạt|là|ước|tăng|giảm|khoảng|trên|dưới|hơn|gần|"
    r"ít nhất|tối thiểu|phấn đấu|có|ở|được|vẫn|tiếp tục|luôn|duy trì|cao|thấp|chỉ|từ|"
    r"bằng|kinh tế|grdp|tổng sản phẩm)(?!\w))"
)


def _phrase_pattern(phrase: str) -> str:
    """Regex for a lexicon phrase: flexible spaces and dash styles, whole words."""
    words = re.split(r"\s+", fold(phrase).strip())
    parts = [r"\s*[-–—]\s*" if w in "-–—" else re.escape(w) for w in words]
    body = ""
    for i, part in enumerate(parts):
        if i and not part.startswith(r"\s*[-") and not parts[i - 1].startswith(r"\s*[-"):
            body += r"\s+"
        body += part
    return rf"(?<!\w){body}(?!\w)"


def _unknown_parent(indicators: dict[str, IndicatorSpec]) -> str | None:
    """What is wrong when an indicator's parent is no indicator's key, else None."""
    for key, spec in indicators.items():
        if spec.parent is not None and spec.parent not in indicators:
            return (
                f"indicator {key!r}: parent {spec.parent!r} is not an indicator key; "
                f"expected one of {sorted(indicators)}"
            )
    return None


class Lexicon:
    def __init__(self, indicators: dict[str, IndicatorSpec]) -> None:
        self.indicators = indicators
        # indicators.yaml's model says it too (`_IndicatorsFile`); a configuration's
        # indicators (`policy.build_lexicon`) are checked here
        if (problem := _unknown_parent(indicators)) is not None:
            raise LexiconError(problem)

    # Compiled on first use: folding the names needs underthesea, which a run
    # served entirely from the cache never has to import.
    @cached_property
    def _before(self) -> _Phrases:
        return self._index({fold(n): k for k, s in self.indicators.items() for n in s.names})

    @cached_property
    def _generic(self) -> frozenset[str]:
        return frozenset(fold(n) for s in self.indicators.values() for n in s.generic)

    @cached_property
    def _after(self) -> _Phrases:
        return self._index({fold(n): k for k, s in self.indicators.items() for n in s.after})

    @staticmethod
    def _index(phrases: dict[str, str]) -> _Phrases:
        """Phrases indexed by their first word, longest first. Only the regex of the
        first words is compiled here: a word's phrases are written as regexes and
        compiled when a text first meets it (`_Phrases.candidates`).

        One regex alternating hundreds of phrases is tried at every position of
        every sentence, which dominated parsing time; looking up the word that
        starts at each position first leaves only a handful of candidates. The
        words that start a phrase are found by one regex of them all, not by
        asking of every word of the sentence (a tenth of a cold parse).
        """
        index: dict[str, list[tuple[str, str]]] = {}
        for phrase in sorted(phrases, key=len, reverse=True):
            first = _WORD.match(phrase)
            if first is not None:
                index.setdefault(first.group(), []).append((phrase, phrases[phrase]))
        # a whole \w+ word of the index, exactly the words _WORD.finditer would give
        words = alternation(sorted(index, key=len, reverse=True))
        return _Phrases(index, re.compile(rf"(?<!\w)(?:{words})(?!\w)"))

    def find(self, folded: str) -> list[IndicatorMention]:
        """Indicator names in `folded` text (names that precede a figure); a generic
        name followed by another subject is left out."""
        return [
            m
            for m in self._scan(self._before, folded, "before")
            if folded[m.start : m.end] not in self._generic or _GENERIC_END.match(folded, m.end)
        ]

    def find_after(self, folded: str) -> list[IndicatorMention]:
        """Phrases that follow a figure and name what it counts."""
        return self._scan(self._after, folded, "after")

    @staticmethod
    def _scan(
        phrases: _Phrases, folded: str, side: Literal["before", "after"]
    ) -> list[IndicatorMention]:
        """Leftmost, then longest, non-overlapping matches (what one alternation did)."""
        found: list[IndicatorMention] = []
        pos = 0
        candidates = phrases.candidates
        for word in phrases.starts.finditer(folded):
            if word.start() < pos:
                continue
            for pattern, key in candidates(word.group()):
                m = pattern.match(folded, word.start())
                if m is not None:
                    found.append(IndicatorMention(key, m.start(), m.end(), side))
                    pos = m.end()
                    break
        return found

    def accepts(self, key: str, unit: str) -> bool:
        """Whether a figure in `unit` can be a value of indicator `key`."""
        dimension = self.indicators[key].dimension
        if unit.startswith("%") or unit in ("pp", "lần") or dimension == "any":
            return True  # changes, shares and multiples fit any indicator
        money = unit.startswith(("VND", "USD"))
        if dimension == "money":
            return money
        if dimension == "per_population":
            return unit.endswith("/vạn dân")
        if dimension == "count":
            return not money and not unit.endswith("/vạn dân")
        return False  # a percent indicator with a non-percent figure

    def label(self, key: str, lang: str = "vi") -> str:
        spec = self.indicators.get(key)
        if spec is None:
            return key
        return spec.label_en if lang == "en" else spec.label


class _IndicatorsFile(BaseModel):
    """indicators.yaml, all that `Lexicon` relies on validated here (its parse may be
    kept in a cache: `linter.data.KEPT_FILES`)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    indicators: dict[str, IndicatorSpec]

    @model_validator(mode="after")
    def _parents_are_indicators(self) -> _IndicatorsFile:
        if (problem := _unknown_parent(self.indicators)) is not None:
            raise ValueError(problem)
        return self


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    return Lexicon(load("indicators.yaml", _IndicatorsFile).indicators)
