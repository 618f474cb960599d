"""The status of a figure: a target, an estimate, a result, or none at all.

In: a folded sentence, one figure of it, the figure's period, the `Context`
carried from earlier sentences and the text's publication date. Out: the
figure's `Status` (`status_of`), or None for a request or a need ("đề nghị",
"nhu cầu") and for the text of a rule quoted (`quoted_rule`). A period that has
not begun gives targets; one already over gives results and one in its last
quarter at publication estimates (`closing_status`), unless the figure's own
clause (or the clause it is only a change of) says otherwise; a figure no cue or
period marks, or whose period the reader left open (one company's, a stock, a
yearly average), is a reported result.
"""

from __future__ import annotations

import datetime as dt
import re

from linter.claims.carried import Context
from linter.claims.cues import (
    CUE_WINDOW,
    HEADING_LENGTH,
    MEASURED_AGAINST,
    WORD_WINDOW,
    cue_matches,
    cues,
)
from linter.claims.quantities import RawQuantity
from linter.models import Dimension, Op, Period, Status


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
    if quoted_rule(f, q.start):
        return None  # "Luật ... quy định “... không vượt quá 30% ...”": what a rule allows
    if period is not None and reference is not None and period.start > reference:
        return Status.TARGET  # nothing about a period that has not begun can be a result
    table = cues()
    # A figure with its period left open (a stock, one project's) in a text
    # about a period already over still reports a result.
    closing = closing_status(period or context.period, reference)
    found = [
        m
        for m in cue_matches(f, 0, q.start)
        if not any(a <= m.start() < b for a, b in taken) and not _measured_against(f, m)
    ]
    if found and closing and table.status[found[-1].group()] is Status.TARGET:
        # "nhiều chỉ tiêu đạt và vượt kế hoạch đề ra; ... 32.500 tỉ đồng" is a result.
        clause_start = _continued_clause(f, clause_start, q.start)
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
    # A duration has no period of its own ("5 năm", "10 năm"): its missing
    # period says nothing of whether it happened.
    left_open = q.dimension is not Dimension.DURATION or context.period is None
    if closing is None and period is None and left_open and q.op is not Op.LE:
        # A figure no cue, period or context marks as a plan is what the text
        # reports happened: "trên mỗi cuốn sổ ... chỉ còn 1 triệu đồng". So is one
        # whose period the reader left open under a year still running (one
        # company's "tổng vốn đầu tư đăng ký 70 tỷ đồng", a stock, a yearly
        # average "thu về hàng năm là 2.000 tỷ đồng"): that year's plan is not
        # what it is. A ceiling ("không vượt quá 40%") is a rule, not something
        # that happened.
        return Status.ACTUAL
    return closing


def _measured_against(f: str, cue: re.Match[str]) -> bool:
    """Whether the cue names what the figure is measured against ("so với dự toán",
    "vượt kế hoạch"). A result is no base after a bare "với": "với kết quả thu 6.279
    tỷ đồng" says the figure is a result."""
    base = MEASURED_AGAINST.search(f, max(0, cue.start() - WORD_WINDOW), cue.start())
    if base is None:
        return False
    return base.group().strip() != "với" or cues().status[cue.group()] is not Status.ACTUAL


def _continued_clause(f: str, start: int, figure: int) -> int:
    """Where the clause of a figure starts when its own clause is only a change of
    the figure before ("giao dự toán thu ... năm 2015 ... là 300 tỷ đồng, bằng 47% so
    với năm 2014"): at the clause before, whose plan the change is of. A clause that
    names a thing of its own first ("tăng gấp đôi số lượng cây trồng năm 2016 là
    trên 210.000 cây xanh") is no such change."""
    if start == 0 or not _GOES_ON.fullmatch(f, start, figure):
        return start
    return max(f.rfind(",", 0, start - 1), f.rfind(";", 0, start - 1), 0)


# A clause that is a change of the figure before: "..., tăng 9,8%", "..., bằng 47%".
_GOES_ON = re.compile(
    r"\s*(?:và\s+)?(?:tăng|giảm|bằng|gấp|vượt|chiếm)(?:\s+(?:thêm|khoảng|gần|hơn|trên))?\s*"
)


def quoted_rule(f: str, pos: int) -> bool:
    """Whether `pos` is inside a quotation that a rule word opens: "Luật Ngân sách
    năm 2002 quy định “mức dư nợ ... không vượt quá 30% ...”", "Theo quy định của
    Chính phủ về thu tiền thuê đất thì: “... được ổn định 5 năm ...”"."""
    curly = f.rfind("“", 0, pos)
    if curly >= 0 and "”" not in f[curly:pos]:
        opening = curly
    elif f.count('"', 0, pos) % 2:
        opening = f.rfind('"', 0, pos)
    else:
        return False
    # The rule word names the document just before its text, in the same sentence.
    lead = f[max(0, opening - RULE_LEAD) : opening]
    return "." not in lead[-RULE_LEAD // 2 :] and cues().quoted_rule.search(lead) is not None


# How far before a quotation its rule word may stand: "Nghị định 63/2014/NĐ-CP ngày
# 26/6/2014 của Chính phủ quy định chi tiết thi hành ... Luật Đấu thầu ... thì “".
RULE_LEAD = 120


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


def closing_status(period: Period | None, reference: dt.date | None) -> Status | None:
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
