"""Reading context: which period and status a figure is about.

A reader carries context from sentence to sentence: "Theo đó, các chỉ tiêu
đặt ra trong năm 2024 là ..." sets the period (2024) and status (target) of the
figures that follow until another period is named. Status words live in
`linter/data/status.yaml`; a figure about a period that has not begun is
always a target, and one about a period already over is a result unless its
own clause says otherwise.

Reading news rather than plans (issue 10) adds what an editor does without
thinking:

- a figure under "hiện nay / đến nay / tính đến / tại thời điểm" is a stock:
  an actual whose period stays open; so is one company's or one project's
  figure, a duration, and a yearly average ("hàng năm");
- a sentence that dates an event ("Ngày 6/2, ...", "Tại buổi lễ, ...") carries
  no earlier period, and a carried period fades after a few sentences
  without any figure;
- a period in its last quarter at publication gives estimates, one already
  over gives results, and a figure no cue marks is a reported result;
- a request or a need ("đề nghị", "nhu cầu") has no status at all;
- a figure after "cả nước" or "toàn quốc" is the country's, never the
  province's (`scope_of`).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from pydantic import BaseModel, ConfigDict

from linter import nlp
from linter.claims.periods import PeriodMention
from linter.claims.quantities import RawQuantity
from linter.claims.roles import since_of
from linter.data import load
from linter.models import Dimension, Op, Period, Scope, Status

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

    estimate: tuple[str, ...]
    target: tuple[str, ...]
    actual: tuple[str, ...]
    request: tuple[str, ...]
    neutral: tuple[str, ...]
    current: tuple[str, ...]
    single: tuple[str, ...]
    national: tuple[str, ...]
    local: tuple[str, ...]
    part_of: tuple[str, ...]
    governing: tuple[str, ...]


@dataclass(frozen=True)
class Cues:
    pattern: re.Pattern[str]
    status: dict[str, Status | None]  # None: a request or a need, no status at all
    part_of: re.Pattern[str]
    neutral: frozenset[str]
    current: re.Pattern[str]
    single: re.Pattern[str]
    place: re.Pattern[str]  # national and local words; `national` tells them apart
    national: frozenset[str]
    governing: frozenset[str]  # target verbs that govern the rest of their sentence


def _words(words: tuple[str, ...]) -> re.Pattern[str]:
    folded = sorted({nlp.fold(w) for w in words}, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in folded) + r")(?!\w)")


@lru_cache(maxsize=1)
def cues() -> Cues:
    raw = load("status.yaml", _StatusFile)
    status: dict[str, Status | None] = {
        nlp.fold(w): Status(kind)
        for kind in ("estimate", "target", "actual")
        for w in getattr(raw, kind)
    }
    status.update({nlp.fold(w): None for w in raw.request})
    # Neutral phrases are matched (longest first) so that the cue words inside
    # them ("nhiệm vụ chi", "bổ sung có mục tiêu") never count, then dropped.
    neutral = {nlp.fold(w) for w in raw.neutral}
    return Cues(
        pattern=_words(tuple(status) + tuple(neutral)),
        neutral=frozenset(neutral),
        status=status,
        part_of=_words(raw.part_of),
        current=_words(raw.current),
        single=_words(raw.single),
        place=_words(raw.national + raw.local),
        national=frozenset(nlp.fold(w) for w in raw.national),
        governing=frozenset(nlp.fold(w) for w in raw.governing),
    )


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


@dataclass
class Context:
    period: Period | None = None
    status: Status | None = None
    quiet: int = 0  # sentences in a row without a number since the period was set
    since: dt.date | None = None  # a running total's start ("từ năm 2016 đến nay")


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


def figure_period(
    f: str,
    q: RawQuantity,
    periods: list[PeriodMention],
    clause: tuple[int, int],
    context: Context,
) -> Period | None:
    """The period of figure `q`: the one its sentence names (`period_of`), else the
    one carried from earlier sentences. A stock under "hiện nay / đến nay / tính
    đến" after the last period named before it is left open, and a sentence that
    dates an event to a day carries no earlier period: "Ngày 6/2, ... trao 8 giấy
    chứng nhận ... 311 triệu USD" is not about last year. A figure of one
    company or one project ("Công ty TNHH ... với tổng vốn 3 triệu USD") has none."""
    if q.dimension is Dimension.DURATION:
        return None  # "một thập kỷ", "6 tháng thi công" last; they sum up no period
    before = [p for p in periods if p.end <= q.start]
    after = max((p.end for p in before), default=0)
    if _current(f, after, q.start):
        return None
    if before and _current(f, max(0, before[-1].start - CUE_WINDOW), before[-1].start):
        return None  # "tại thời điểm thanh tra tháng 12/2016, ... 214.932 m2": a stock then
    item = max([after, *(m.end() for m in _ITEM_BREAK.finditer(f, 0, q.start))])
    if cues().single.search(f, item, q.start):
        return None  # one company's or one project's figure sums up no period
    right_after = [
        p for p in periods if q.end <= p.start <= q.end + 2 and not f[q.end : p.start].strip()
    ]
    if right_after:  # "từ gần 41% năm 2015 lên hơn 45% năm 2016"
        return right_after[0].period
    named = period_of(periods, q.start, clause[0], clause[1])
    if named is None and _EVERY_YEAR.search(f, after, q.start):
        return None  # "trung bình ... thu về hàng năm là 2.000 tỷ đồng": any year's
    if named is not None:
        return named
    return None if _EVENT_DAY.search(f, 0, q.start) else context.period


# A sentence or clause that opens with a day or names the event it reports
# ("Ngày 6/2, ...", "Sáng 12-7, ...", "Tại buổi lễ, ...") is about that event;
# a date inside a citation ("Nghị quyết số 20 ngày 27/11") dates a document.
_EVENT_DAY = re.compile(
    r"(?:^|[,;:]\s*)(?:(?:vào\s+)?(?:ngày|sáng|chiều|tối|trưa|hôm)\s+"
    r"(?:nay\b|\d{1,2}\s*[/.\-]\s*\d{1,2})|đầu năm\s*,)"
    r"|(?<!\w)(?:tại\s+(?:buổi|lễ|hội nghị|cuộc họp|phiên)|dịp)(?!\w)"
)
_EVERY_YEAR = re.compile(r"(?<!\w)(?:hàng|hằng|mỗi)\s+năm(?!\w)")
# An item of a list ("- Công ty ..., tổng vốn 70 tỷ đồng") or a clause after
# ";" or ":" is where a company or a project is named for its figure.
_ITEM_BREAK = re.compile(r"\s[-–+•]\s|[;:]")


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
    ("23/26 chỉ tiêu" is a count, "100% kế hoạch" a figure).

    A period that is over gives results; one in its last quarter at
    publication gives estimates ("6 tháng đầu năm" reported on 26/6 cannot be
    final yet). For both, a target cue counts only in the figure's own clause."""
    if period is not None and reference is not None and period.start > reference:
        return Status.TARGET  # nothing about a period that has not begun can be a result
    table = cues()
    # A figure with its period left open (a stock, one project's) in a text
    # about a period already over still reports a result.
    closing = _closing_status(period or context.period, reference)
    found = [
        m
        for m in _cue_matches(f, 0, q.start)
        if not any(a <= m.start() < b for a, b in taken)
        and not _MEASURED_AGAINST.search(f, max(0, m.start() - WORD_WINDOW), m.start())
    ]
    if found and closing and table.status[found[-1].group()] is Status.TARGET:
        # "nhiều chỉ tiêu đạt và vượt kế hoạch đề ra; ... 32.500 tỉ đồng" is a result.
        found = [
            m
            for m in found
            if m.start() >= clause_start
            or _heads_list(f, m, q.start)
            or m.group() in table.governing
        ]
        if not found:
            return closing
    if found:
        last = table.status[found[-1].group()]
        if (
            last is Status.ACTUAL
            and not table.current.fullmatch(found[-1].group())
            and len(found) > 1
            and table.status[found[-2].group()] is Status.TARGET
            and found[-1].start() - found[-2].end() <= CUE_WINDOW
        ):
            return Status.TARGET  # "phấn đấu cả năm đạt được 14%": the verb of a target
        return last
    # A target cue from an earlier sentence does not make a result of a period
    # that is over or closing a target ("đề ra phương hướng" ... "tháng 1 đạt").
    carried = context.status is not None and period == context.period
    if carried and not (closing and context.status is Status.TARGET):
        return context.status
    if closing is None and period is None and context.period is None and q.op is not Op.LE:
        # A figure no cue, period or context marks as a plan is what the text
        # reports happened: "trên mỗi cuốn sổ ... chỉ còn 1 triệu đồng". A
        # ceiling ("không vượt quá 40%") is a rule, not something that happened.
        return Status.ACTUAL
    return closing


def _heads_list(f: str, cue: re.Match[str], figure: int) -> bool:
    """Whether `cue` heads a list the figure is in: "Chỉ tiêu năm 2017: tỷ lệ che
    phủ rừng đạt 40% trở lên, ...", "các chỉ tiêu đặt ra trong năm 2023 là tỷ lệ
    đô thị hóa đạt 38%; ...; tỷ lệ dân số đô thị được cung cấp nước sạch 98%"."""
    opener = _LIST_OPENER.search(f, cue.end(), figure)
    # A heading is short ("Các chỉ tiêu chủ yếu năm 2024:"); "... cho biết:" is a quote.
    return (
        opener is not None
        and opener.start() - cue.end() <= HEADING_LENGTH
        and not re.search(r"[;.]", f[cue.end() : opener.start()])
    )


_LIST_OPENER = re.compile(r":|(?<!\w)là(?!\w)")


# "chi bổ sung ngoài dự toán", "vượt kế hoạch", "so với dự toán": the plan is
# what the figure is measured against, not what the figure is.
_MEASURED_AGAINST = re.compile(r"(?<!\w)(?:ngoài|vượt|so với|với)\s+$")


def _cue_matches(f: str, start: int, end: int) -> list[re.Match[str]]:
    table = cues()
    return [m for m in table.pattern.finditer(f, start, end) if m.group() not in table.neutral]


def _closing_status(period: Period | None, reference: dt.date | None) -> Status | None:
    """ACTUAL for a period over at `reference`, ESTIMATE for one in its last
    quarter, else None."""
    if period is None or reference is None:
        return None
    if period.end <= reference:
        return Status.ACTUAL
    elapsed = (reference - period.start).days
    if elapsed >= 0.75 * (period.end - period.start).days:
        return Status.ESTIMATE
    return None


# A reader stops carrying a period through prose that states no figure: after
# this many sentences without a digit, the topic has moved on ("6 tháng đầu năm"
# reported, then the Prime Minister's remarks on land use).
MAX_QUIET = 4


def _current(f: str, start: int, end: int) -> bool:
    """Whether a "now" word stands before `end` (after `start`) with no target or
    estimate cue after it: "tính đến nay, tỉnh có 301 dự án" and "đến nay đã giảm
    được 9 đầu mối" are stocks; "hiện có ..., để đảm bảo mục tiêu tăng trưởng từ
    8,4%" is a target after all."""
    table = cues()
    now = None
    for m in _cue_matches(f, start, end):
        if _MEASURED_AGAINST.search(f, max(0, m.start() - WORD_WINDOW), m.start()):
            continue  # "giảm 69 biên chế so với hiện nay": now is the base
        if table.current.fullmatch(m.group()):
            now = m
        elif table.status[m.group()] is not Status.ACTUAL:
            now = None
    return now is not None


def update_context(context: Context, f: str, periods: list[PeriodMention]) -> None:
    table = cues()
    found = _cue_matches(f, 0, len(f))
    usable = [p for p in periods if p.period.grain != "day"]
    # "từ năm 2016 đến nay thành phố xảy ra 2.889 vụ ...": the next sentence's "Tài
    # sản thiệt hại ước tính hơn 300 tỉ đồng" counts from 2016 too; the one after
    # it may be about anything (a device's price, a target).
    context.since = since_of(f, periods, len(f))
    if usable and _current(f, usable[-1].end, len(f)):
        # "tính đến ngày 6.2, tổng thu ... là 33.338 tỉ đồng": the next sentence's
        # "Trong đó, thu nội địa là 24.956 tỉ đồng" is year-to-date as well.
        context.period, context.status, context.quiet = None, Status.ACTUAL, 0
        return
    if usable:
        context.period = usable[-1].period
        context.status = table.status[found[-1].group()] if found else None
        context.quiet = 0
        return
    if _current(f, 0, len(f)):
        context.period, context.status, context.quiet = None, Status.ACTUAL, 0
        return
    if found:
        context.status = table.status[found[-1].group()]
    context.quiet = 0 if _DIGIT.search(f) else context.quiet + 1
    if context.quiet >= MAX_QUIET:
        context.period = context.status = None


_DIGIT = re.compile(r"\d")
