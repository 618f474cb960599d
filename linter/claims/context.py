"""Reading context: which period a figure is about, and where the rest is read.

A reader carries context from sentence to sentence: "Theo đó, các chỉ tiêu
đặt ra trong năm 2024 là ..." sets the period (2024) and status (target) of the
figures that follow until another period is named. This module decides a
figure's period (`figure_period`); the others of the seam:

- `linter.claims.cues`: the status words of `linter/data/status.yaml`, the
  "now" words and whether a figure is the country's (`scope_of`);
- `linter.claims.carried`: the `Context` carried between sentences
  (`update_context`);
- `linter.claims.status`: a figure's status (`status_of`).

Their names stay importable from here. Reading news rather than plans (issue
10) adds what an editor does without thinking:

- a figure under "hiện nay / đến nay / tính đến / tại thời điểm" is a stock:
  an actual whose period stays open; so is one company's or one project's
  figure, a duration, and a yearly average ("hàng năm");
- a sentence that dates an event ("Ngày 6/2, ...", "Tại buổi lễ, ...") carries
  no earlier period, and a carried period fades after a few sentences
  without any figure;
- a period in its last quarter at publication gives estimates, one already
  over gives results, and a figure no cue marks is a reported result;
- a request or a need ("đề nghị", "nhu cầu") has no status at all, and a
  figure of a rule's quoted text ("Luật ... quy định “... không vượt quá
  30% ...”") neither status nor period;
- a change told like an earlier one of its sentence, without years ("từ gần
  41% năm 2015 lên hơn 45% năm 2016 ... và từ 42% lên 45%"), is between the
  same years;
- a figure after "cả nước" or "toàn quốc" is the country's, never the
  province's (`scope_of`).
"""

from __future__ import annotations

import re

from linter.claims.carried import Context, update_context
from linter.claims.cues import CUE_WINDOW, cues, current, scope_of
from linter.claims.deadlines import either_year_deadlines
from linter.claims.periods import PeriodMention
from linter.claims.quantities import RawQuantity
from linter.claims.status import Site, status_of
from linter.models import Dimension, Period

# The names other modules import from here (`extract`, `figures`).
__all__ = [
    "Context",
    "Site",
    "cues",
    "figure_period",
    "period_of",
    "scope_of",
    "site_of",
    "status_of",
    "update_context",
]


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


def site_of(
    f: str,
    q: RawQuantity,
    clauses: list[tuple[int, int]],
    mentions: tuple[PeriodMention, ...],
    rules: tuple[tuple[int, int], ...],
) -> Site:
    """Where figure `q` stands: its clause and the one before (`clauses`, which skip
    decimal commas), whether it is inside a rule's quoted text (`rules`, from
    `rule_quotes`) and the base period it glosses in brackets ("cao hơn mức 6 tháng
    đầu năm 2017 (13,26%)", "giảm 62% so với thực hiện năm 2015 (156 tỷ đồng)")."""
    at = next(i for i, (a, b) in enumerate(clauses) if a <= q.number_start < b)
    glossed = None
    if _GLOSS_END.match(f, q.end):
        bases = [p for p in mentions if p.is_base and _GLOSS.fullmatch(f, p.end, q.start)]
        glossed = bases[-1] if bases else None
    in_rule = any(a <= q.start < b for a, b in rules)
    return Site(clauses[at], clauses[at - 1][0] if at else 0, in_rule, glossed)


def figure_period(
    f: str,
    q: RawQuantity,
    periods: list[PeriodMention],
    site: Site,
    context: Context,
) -> Period | None:
    """The period of figure `q` (`periods`: those its sentence is about, no comparison
    base): the one its sentence names (`period_of`), else the one carried from
    earlier sentences. A stock under "hiện nay / đến nay / tính đến" after the last
    period named before it is left open, and a sentence that dates an event to a
    day carries no earlier period: "Ngày 6/2, ... trao 8 giấy chứng nhận ... 311
    triệu USD" is not about last year. A figure of one company or one project
    ("Công ty TNHH ... với tổng vốn 3 triệu USD") has none; one glossing a base
    period in brackets is that period's own (`Site.glossed`)."""
    if site.glossed is not None:
        return site.glossed.period
    if q.dimension is Dimension.DURATION or site.in_rule:
        # "một thập kỷ", "6 tháng thi công" last; they sum up no period, and nor
        # does a figure of a rule's text ("Luật ... quy định “... 30% ...”")
        return None
    before = [p for p in periods if p.end <= q.start]
    after = max((p.end for p in before), default=0)
    if current(f, after, q.start):
        return None
    cue_start = max(0, before[-1].start - CUE_WINDOW) if before else 0
    if before and current(f, cue_start, before[-1].start):
        # "tại thời điểm thanh tra tháng 12/2016, ... 214.932 m2": a stock then; but
        # "lũy kế 11 tháng đầu năm 2018 ...": a sum over those months (status.yaml)
        running = cues().running_sum.search(f, cue_start, before[-1].start)
        return before[-1].period if running else None
    told_alike = _change_told_alike(f, q, before)
    if told_alike is not None:
        return told_alike
    item = max([after, *(m.end() for m in _ITEM_BREAK.finditer(f, 0, q.start))])
    if cues().single.search(f, item, q.start):
        return None  # one company's or one project's figure sums up no period
    right_after = [
        p for p in periods if q.end <= p.start <= q.end + 2 and not f[q.end : p.start].strip()
    ]
    if right_after:  # "từ gần 41% năm 2015 lên hơn 45% năm 2016"
        return right_after[0].period
    named = period_of(periods, q.start, *site.clause)
    if named is None and _EVERY_YEAR.search(f, after, q.start):
        return None  # "trung bình ... thu về hàng năm là 2.000 tỷ đồng": any year's
    if named is not None:
        return named
    deadline = any(d.end <= q.start for d in either_year_deadlines(f))
    if deadline or _EVENT_DAY.search(f, 0, q.start):
        return None  # the sentence's own day or deadline ("đến hết năm 2020 - 2021"), not
    return context.period  # an earlier sentence's "đến năm 2020"


def _change_told_alike(f: str, q: RawQuantity, before: list[PeriodMention]) -> Period | None:
    """The period of an end of a change told like an earlier one of its sentence
    without years: in "từ gần 41% năm 2015 lên hơn 45% năm 2016 đối với dự án đầu tư
    nước ngoài và từ 42% lên 45% đối với dự án đầu tư trong nước" the second change
    is between the same years, 42% of 2015 and 45% of 2016. A period named after the
    earlier change (`before`: those named before the figure) is the figure's own:
    "..., còn kế hoạch năm 2018 là giảm từ 7% xuống 6%"."""
    start = q.number_start  # "từ 42%" may be the figure's own quote
    if _FROM.search(f, max(0, start - WINDOW), start) and _TOWARDS.match(f, q.end):
        end = 0  # the figure a change starts from
    elif _FROM_TO.search(f, max(0, start - 2 * WINDOW), start):
        end = 1  # the figure it ends at
    else:
        return None
    if len(before) < 2:
        return None
    p1, p2 = before[-2:]  # the last period before the figure ends the earlier change
    told = _FROM_FIGURE.search(f, max(0, p1.start - WINDOW), p1.start)
    if told and _TOWARDS_FIGURE.fullmatch(f, p1.end, p2.start):
        return (p1.period, p2.period)[end]
    return None


_GLOSS = re.compile(r"\s*\(\s*")
_GLOSS_END = re.compile(r"\s*\)")


# A change from one figure to another: "từ gần 41% lên hơn 45%", "từ 401 xuống còn
# 208 đơn vị". WINDOW is about the characters of a figure with its qualifier.
WINDOW = 30
_QUALIFIED = r"(?:[^\W\d]+\s+){0,2}"  # "gần", "hơn", "khoảng"
_FIGURE = r"\d[\d.,]*\s*[^\s\d]*\s*"  # "41%", "208 đơn"
_FROM = re.compile(r"(?<!\w)từ\s+" + _QUALIFIED + r"$")
_TOWARDS = re.compile(r"\s*(?:lên|xuống)(?!\w)")
_TOWARDS_FIGURE = re.compile(r"\s*(?:lên|xuống)(?:\s+còn)?\s+" + _QUALIFIED + _FIGURE)
_FROM_FIGURE = re.compile(r"(?<!\w)từ\s+" + _QUALIFIED + _FIGURE + r"$")
_FROM_TO = re.compile(
    r"(?<!\w)từ\s+" + _QUALIFIED + _FIGURE + r"(?:lên|xuống)(?:\s+còn)?\s+" + _QUALIFIED + r"$"
)


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
