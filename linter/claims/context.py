"""Reading context: which period and status a figure is about.

A reader carries context from sentence to sentence: "Theo đó, các chỉ tiêu
đặt ra trong năm 2024 là ..." sets the period (2024) and status (target) of the
figures that follow until another period is named. Status words live in
`linter/data/status.yaml`; a figure about a period that has not begun is
always a target, and one about a period already over is a result unless its
own clause says otherwise.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from linter import nlp
from linter.claims.periods import PeriodMention
from linter.claims.quantities import RawQuantity
from linter.lexicon import read_data
from linter.models import Period, Status


@dataclass(frozen=True)
class Cues:
    pattern: re.Pattern[str]
    status: dict[str, Status]
    part_of: re.Pattern[str]


@lru_cache(maxsize=1)
def cues() -> Cues:
    raw = read_data("status.yaml")
    status = {
        nlp.fold(w): Status(kind) for kind in ("estimate", "target", "actual") for w in raw[kind]
    }
    words = sorted(status, key=len, reverse=True)
    part = "|".join(re.escape(w) for w in raw["part_of"])
    return Cues(
        pattern=re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + r")(?!\w)"),
        status=status,
        part_of=re.compile(rf"(?<!\w)(?:{part})(?!\w)"),
    )


@dataclass
class Context:
    period: Period | None = None
    status: Status | None = None


def period_of(periods: list[PeriodMention], pos: int, c_start: int, c_end: int) -> Period | None:
    """The period a figure is about: named before it in its clause, else the
    nearest before it in the sentence, except that an aside spanning years
    ("năm thứ 9 liên tiếp (2015-2023)") does not displace the sentence's topic
    ("Năm 2023, ..."); else one named after it in its clause."""
    left = [p for p in periods if p.end <= pos]
    in_clause = [p for p in left if p.start >= c_start]
    if in_clause:
        return in_clause[-1].period
    if left:
        nearest, topic = left[-1], left[0]
        if nearest.period.grain in ("multi_year", "term") and topic.start <= 2:
            return topic.period
        return nearest.period
    right = [p for p in periods if pos <= p.start < c_end]
    return right[0].period if right else None


def status_of(
    f: str,
    q: RawQuantity,
    period: Period | None,
    context: Context,
    reference: dt.date | None,
    taken: list[tuple[int, int]],
    clause_start: int,
) -> Status | None:
    """Target, estimate or actual; `taken` are spans whose words are not cues
    ("23/26 chỉ tiêu" is a count, "100% kế hoạch" a figure)."""
    if period is not None and reference is not None and period.start > reference:
        return Status.TARGET  # nothing about a period that has not begun can be a result
    table = cues()
    ended = period is not None and reference is not None and period.end <= reference
    found = [
        m
        for m in table.pattern.finditer(f, 0, q.start)
        if not any(a <= m.start() < b for a, b in taken)
    ]
    if found and ended and table.status[found[-1].group()] is Status.TARGET:
        # For a period already over, a target cue counts only in the figure's own
        # clause: "nhiều chỉ tiêu đạt và vượt kế hoạch đề ra; ... 32.500 tỉ đồng" is a result.
        found = [m for m in found if m.start() >= clause_start]
        if not found:
            return Status.ACTUAL
    if found:
        return table.status[found[-1].group()]
    # A target cue from an earlier sentence does not make a result of a period
    # that is already over a target ("đề ra phương hướng" ... "tháng 1 đạt").
    carried = context.status is not None and period == context.period
    if carried and not (ended and context.status is Status.TARGET):
        return context.status
    if ended:
        return Status.ACTUAL
    return None


def update_context(context: Context, f: str, periods: list[PeriodMention]) -> None:
    table = cues()
    found = list(table.pattern.finditer(f))
    usable = [p for p in periods if p.period.grain != "day"]
    if usable:
        context.period = usable[-1].period
        context.status = table.status[found[-1].group()] if found else None
    elif found:
        context.status = table.status[found[-1].group()]
