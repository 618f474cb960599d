"""Status cues: the words that mark a figure a target, an estimate, a result or now.

In: a folded sentence and a span of it. Out: the cue words found there
(`cue_matches`), whether a "now" word governs a figure (`current`) and whether a
figure is the whole country's (`scope_of`). The words live in
`linter/data/status.yaml` and are read once (`cues`); what a cue means for a
figure's period or status is decided in `linter.claims.context` and
`linter.claims.status`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from pydantic import BaseModel, ConfigDict, model_validator

from linter import nlp
from linter.data import Words, alternation, load, words_are_words
from linter.models import Scope, Status

# Character windows, on folded text. A cue word qualifies what follows it within a
# few words (about four: "phấn đấu cả năm đạt được"); a single word ("ngoài",
# "vượt") only the word right after it; a heading before a colon is one short
# phrase ("Các chỉ tiêu chủ yếu năm 2024:").
CUE_WINDOW = 24
WORD_WINDOW = 12
HEADING_LENGTH = 30


class _StatusFile(BaseModel):
    """`linter/data/status.yaml`, validated."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    estimate: Words
    target: Words
    actual: Words
    request: Words
    neutral: Words
    found: Words
    plan_named: Words
    recommending: Words
    current: Words
    running_sum: Words
    single: Words
    national: Words
    local: Words
    part_of: Words
    governing: Words
    quoted_rule: Words
    rule_document: Words

    @model_validator(mode="after")
    def _words_are_words(self) -> _StatusFile:
        """An empty cue would be found at every position, and so would an empty list
        of them, which the file never holds (the parse is kept in a cache,
        `linter.data.KEPT_FILES`: every field is a list of words, at least one)."""
        words_are_words({name: getattr(self, name) for name in type(self).model_fields})
        return self


@dataclass(frozen=True)
class Cues:
    """status.yaml's words as the patterns and sets that read a figure's status."""

    pattern: re.Pattern[str]
    status: dict[str, Status | None]  # None: a request or a need, no status at all
    part_of: re.Pattern[str]
    neutral: frozenset[str]
    found: frozenset[str]  # an inspection's finding: a result no target cue before turns
    plan_named: frozenset[str]  # plans a finding may be about ("dự toán tăng chưa đúng")
    recommending: frozenset[str]  # "kiến nghị": a finding after it is what it asks for
    current: re.Pattern[str]  # the "now" words, running sums among them
    running_sum: re.Pattern[str]
    single: re.Pattern[str]
    place: re.Pattern[str]  # national and local words; `national` tells them apart
    national: frozenset[str]
    governing: frozenset[str]  # target verbs that govern the rest of their sentence
    quoted_rule: re.Pattern[str]  # "quy định": a quotation after it is a rule's text
    rule_document: re.Pattern[str]  # "luật", "theo": what makes that "quy định" a rule's


def _words(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)(?:" + alternation(_escaped(words), write=str) + r")(?!\w)")


def _escaped(words: tuple[str, ...]) -> list[str]:
    """The folded `words`, longest first (so that the longest wins), escaped; in
    alphabetical order at one length, so that the pattern is the same in every
    process (a set's order is not: linter.rxmemo keeps patterns by their text). No
    word is blank: the model refuses one (`_StatusFile`)."""
    folded = {nlp.fold(w) for w in words}
    return [re.escape(w) for w in sorted(folded, key=lambda w: (-len(w), w))]


@lru_cache(maxsize=1)
def cues() -> Cues:
    raw = load("status.yaml", _StatusFile)
    status: dict[str, Status | None] = {
        nlp.fold(w): Status(kind)
        for kind in ("estimate", "target", "actual")
        for w in getattr(raw, kind)
    }
    status.update({nlp.fold(w): Status.ACTUAL for w in raw.found})
    status.update({nlp.fold(w): None for w in raw.request})
    # Neutral phrases are matched (longest first) so that the cue words inside
    # them ("nhiệm vụ chi", "bổ sung có mục tiêu") never count, then dropped.
    neutral = {nlp.fold(w) for w in raw.neutral}
    return Cues(
        pattern=_words(tuple(status) + tuple(neutral)),
        neutral=frozenset(neutral),
        found=frozenset(nlp.fold(w) for w in raw.found),
        plan_named=frozenset(nlp.fold(w) for w in raw.plan_named),
        recommending=frozenset(nlp.fold(w) for w in raw.recommending),
        status=status,
        part_of=_words(raw.part_of),
        current=_words(raw.current + raw.running_sum),
        running_sum=_words(raw.running_sum),
        single=_words(raw.single),
        # Opening on the words (`nlp.alone`), not on a lookbehind that re would try at
        # every character before each figure. Only here: the long status pattern,
        # searched once a sentence, was slower so (35 against 33 ms on news2017).
        place=re.compile(nlp.alone(*_escaped(raw.national + raw.local)) + r"(?!\w)"),
        national=frozenset(nlp.fold(w) for w in raw.national),
        governing=frozenset(nlp.fold(w) for w in raw.governing),
        quoted_rule=_words(raw.quoted_rule),
        rule_document=_words(raw.rule_document),
    )


# Cached: a sentence's whole span is asked by its context and its "now" test, and a
# figure's span again by its period's readers (one call of context.figure_period in
# three on p300). Not a cache for status.py's spans, rarely asked twice, but
# dropping it cost about 3 % of extraction (rv12_cold item 7, measured).
@lru_cache(maxsize=256)
def cue_matches(f: str, start: int, end: int) -> tuple[re.Match[str], ...]:
    """The status cues between `start` and `end`, neutral phrases left out."""
    table = cues()
    return tuple(m for m in table.pattern.finditer(f, start, end) if m.group() not in table.neutral)


# "chi bổ sung ngoài dự toán", "vượt kế hoạch", "so với dự toán": the plan is
# what the figure is measured against, not what the figure is.
MEASURED_AGAINST = re.compile(r"(?<!\w)(?:ngoài|vượt|so với|với)\s+$")


def current(f: str, start: int, end: int) -> bool:
    """Whether a "now" word stands before `end` (after `start`) with no target or
    estimate cue after it: "tính đến nay, tỉnh có 301 dự án" and "đến nay đã giảm
    được 9 đầu mối" are stocks; "hiện có ..., để đảm bảo mục tiêu tăng trưởng từ
    8,4%" is a target after all."""
    table = cues()
    now = None
    for m in cue_matches(f, start, end):
        if MEASURED_AGAINST.search(f, max(0, m.start() - WORD_WINDOW), m.start()):
            continue  # "giảm 69 biên chế so với hiện nay": now is the base
        if table.current.fullmatch(m.group()):
            now = m
        elif table.status[m.group()] is not Status.ACTUAL:
            now = None
    return now is not None


# "đứng thứ 5 cả nước", "cao nhất cả nước", "dẫn đầu toàn quốc": the province
# ranked against the country, not the country's figure.
_RANK_BEFORE = re.compile(
    r"(?:thứ\s+\w+|nhất|dẫn đầu|đứng đầu|so với)\s+(?:(?:trong|trên|của)\s+)?$"
)


# After a clause break, these continue the figure before ("cả nước có 126.859
# doanh nghiệp, tăng 15%"); any other clause has a subject of its own ("46 tỉnh
# thành trong cả nước, doanh thu đạt 2.330 tỷ đồng" is the company's revenue).
_CONTINUES = re.compile(
    r"\s*(?:và\s+|trong đó\s+|với\s+)?"
    r"(?:đạt|tăng|giảm|bằng|gấp|vượt|chiếm|ước|khoảng|trên|hơn)(?!\w)"
)
_BREAK = re.compile(r"[;:]|,(?!\d)")
_SOURCE = re.compile(r"\s*(?:theo|báo cáo của|số liệu của|thống kê của)(?!\w)")


def scope_of(f: str, pos: int, default: Scope) -> Scope:
    """NATIONAL when the nearest place word before `pos` in the sentence names the
    whole country ("Cả nước có 126.859 doanh nghiệp") and every clause between
    them continues its figure; else `default`."""
    table = cues()
    last = None
    for m in table.place.finditer(f, 0, pos):
        ranked = _RANK_BEFORE.search(f, max(0, m.start() - CUE_WINDOW), m.start())
        if m.group() in table.national and ranked:
            continue
        last = m
    if last is None or last.group() not in table.national:
        return default
    breaks = list(_BREAK.finditer(f, last.end(), pos))
    opening = ([0] + [b.end() for b in _BREAK.finditer(f, 0, last.start())])[-1]
    if breaks and _SOURCE.match(f, opening):
        breaks = breaks[1:]  # "Theo Tổng cục Thống kê, ...": what the source says is national
    if all(_CONTINUES.match(f, b.end()) for b in breaks):
        return Scope.NATIONAL
    return default
