"""Counts of targets (`23/26 chỉ tiêu`, `03 chỉ tiêu ... không đạt`) and plans named
with their year (`giao kế hoạch phát triển kinh tế – xã hội năm 2023`)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from linter.claims.numbers import SPELLED, bounded_int, parse_spelled

_COUNT = re.compile(
    rf"(?<![\w/.,])(?:(?P<a>\d+)\s*/\s*(?P<b>\d+)|(?P<n>\d+|{SPELLED}))\s+chỉ\s+tiêu(?!\w)"
)
_NEGATIVE_AFTER = re.compile(r"^(?:\s+[\w-]+){0,5}?\s+(?:không|chưa)\s+(?:đạt|hoàn thành)(?!\w)")
_PLAN = re.compile(
    r"(?<!\w)kế hoạch\s+(?:phát triển\s+)?(?:kinh tế\s*[-–—]?\s*xã hội|kt\s*-\s*xh)"
    r"(?P<rest>[^.;\d]{0,80}?)\s+năm\s+(?P<y>(?:19|20)\d{2})(?!\w)"
)
_HANDOUT_BEFORE = re.compile(r"(?:giao|ban hành|phê duyệt|xây dựng)\s+(?:\w+\s+){0,2}$")
_EXECUTION_BEFORE = re.compile(r"(?:thực hiện|triển khai|quán triệt)\s+(?:\w+\s+){0,3}$")
_REVIEW_BEFORE = re.compile(
    r"(?:đánh giá|tổng kết|kết quả|báo cáo|sơ kết|tình hình)\s+(?:[\w-]+\s+){0,5}$"
)


@dataclass(frozen=True)
class RawCount:
    """A count of targets met out of a total, as read in a sentence."""

    start: int
    end: int
    achieved: int | None
    total: int | None
    count: int | None
    negative: bool


@dataclass(frozen=True)
class RawPlan:
    """A plan of a year named in a sentence, and what is done with it."""

    start: int
    end: int
    year: int
    action: str  # handout / execution / mention, see linter.models.PlanRef


def find_counts(folded: str) -> list[RawCount]:
    found: list[RawCount] = []
    if "tiêu" not in folded:  # the pattern opens on a lookbehind: tried at every character
        return found
    for m in _COUNT.finditer(folded):
        negative = bool(_NEGATIVE_AFTER.match(folded[m.end() : m.end() + 60]))
        if m.group("a"):
            achieved, total = bounded_int(m.group("a")), bounded_int(m.group("b"))
            if achieved is not None and total is not None:
                found.append(RawCount(m.start(), m.end(), achieved, total, None, negative))
            continue
        raw = m.group("n")
        value = bounded_int(raw) if raw.isdigit() else parse_spelled(raw)
        if value is None or (
            not raw.isdigit() and raw.split()[0] == "năm" and len(raw.split()) == 1
        ):
            continue
        found.append(RawCount(m.start(), m.end(), None, None, int(value), negative))
    return found


# What is done with a plan ("giao", "triển khai thực hiện", "báo cáo tình hình
# thực hiện") is said in the few words before its name.
ACTION_WINDOW = 40


def find_plans(folded: str) -> list[RawPlan]:
    found: list[RawPlan] = []
    if "kế hoạch" not in folded:  # as in find_counts: a literal every match holds
        return found
    for m in _PLAN.finditer(folded):
        window = folded[max(0, m.start() - ACTION_WINDOW) : m.start()]
        if _REVIEW_BEFORE.search(window):
            action = "mention"  # "báo cáo tình hình thực hiện kế hoạch ..." looks back
        elif _HANDOUT_BEFORE.search(window):
            action = "handout"
        elif _EXECUTION_BEFORE.search(window):
            action = "execution"
        else:
            action = "mention"
        found.append(RawPlan(m.start(), m.end(), int(m.group("y")), action))
    return found
