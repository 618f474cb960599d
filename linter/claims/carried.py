"""What a reader carries from one sentence to the next: a period, a status, a start.

In: each sentence in turn (folded) with the periods it names. Out: the
`Context` the next sentence's figures fall back on, updated in place by
`update_context`. "Theo đó, các chỉ tiêu đặt ra trong năm 2024 là ..." sets the
period (2024) and status (target) of the figures that follow until another
period is named; "tính đến nay" carries a year-to-date result; a carried
period fades after `MAX_QUIET` sentences without any figure.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from linter.claims.cues import cue_matches, cues, current
from linter.claims.periods import PeriodMention
from linter.claims.roles import opening
from linter.models import Period, Status
from linter.nlp import DIGIT


@dataclass
class Context:
    """What a sentence carries over to the next ones: a period, a status, a start."""

    period: Period | None = None
    status: Status | None = None
    quiet: int = 0  # sentences in a row without a number since the period was set
    since: dt.date | None = None  # a running total's start ("từ năm 2016 đến nay")
    # The unit and measure of each running total of the sentence that set `since`:
    # only a figure of one of them in the next sentence continues the total.
    running: frozenset[tuple[str, str]] = frozenset()


# A reader stops carrying a period through prose that states no figure: after
# this many sentences without a digit, the topic has moved on ("6 tháng đầu năm"
# reported, then the Prime Minister's remarks on land use).
MAX_QUIET = 4


def update_context(context: Context, f: str, periods: list[PeriodMention]) -> None:
    table = cues()
    found = cue_matches(f, 0, len(f))
    usable = [p for p in periods if p.period.grain != "day"]
    # "từ năm 2016 đến nay thành phố xảy ra 2.889 vụ ...": the next sentence's
    # "vụ" count from 2016 too (only its figures of the total's unit and measure,
    # `Context.running`: "xóm có 40 hộ" is no part of it); the one after it may be
    # about anything (a device's price, a target).
    # cached: read for its figures; a sentence without a period starts no running total
    context.since = opening(f, tuple(periods)).since(len(f)) if periods else None
    if usable and current(f, usable[-1].end, len(f)):
        # "tính đến ngày 6.2, tổng thu ... là 33.338 tỉ đồng": the next sentence's
        # "Trong đó, thu nội địa là 24.956 tỉ đồng" is year-to-date as well.
        context.period, context.status, context.quiet = None, Status.ACTUAL, 0
        return
    if usable:
        context.period = usable[-1].period
        context.status = table.status[found[-1].group()] if found else None
        context.quiet = 0
        return
    if current(f, 0, len(f)):
        context.period, context.status, context.quiet = None, Status.ACTUAL, 0
        return
    if found:
        context.status = table.status[found[-1].group()]
    context.quiet = 0 if DIGIT.search(f) else context.quiet + 1
    if context.quiet >= MAX_QUIET:
        context.period = context.status = None
