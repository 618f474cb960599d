"""The status of a figure: a target, an estimate, a result, or none at all.

In: a folded sentence, one figure of it, the figure's period, the `Context`
carried from earlier sentences and the text's publication date. Out: the figure's
`Status` (`status_of`), or None for a request or a need ("đề nghị", "nhu cầu") and
for the text of a rule quoted (`rule_quotes`). A period that has not begun gives
targets, and so does a deadline of either year ("Đến năm 2020 - 2021") to a figure
it leaves without a period; one already over gives results and one in its last
quarter at publication estimates (`closing_status`), unless the figure's own clause
(or the clause it only changes) says otherwise; a figure no cue or period marks, or
whose period the reader left open (one company's, a stock, a yearly average), is a
reported result.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from linter.claims.carried import Context
from linter.claims.cues import (
    CUE_WINDOW,
    HEADING_LENGTH,
    MEASURED_AGAINST,
    WORD_WINDOW,
    cue_matches,
    cues,
)
from linter.claims.deadlines import either_year_deadlines
from linter.claims.periods import PeriodMention
from linter.claims.quantities import RawQuantity
from linter.models import Dimension, Op, Period, Status


@dataclass(frozen=True)
class Site:
    """Where a figure stands in its sentence, read from what the sentence holds."""

    clause: tuple[int, int]  # the figure's clause
    before: int  # where the clause before it starts: a change of that clause's figure reads it
    in_rule: bool  # inside a rule's quoted text (`rule_quotes`)
    glossed: PeriodMention | None  # the base period it glosses: "mức năm 2016 (7,5%)"


def status_of(
    f: str,
    q: RawQuantity,
    period: Period | None,
    context: Context,
    reference: dt.date | None,
    taken: list[tuple[int, int]],
    site: Site,
) -> Status | None:
    """Target, estimate or actual; `taken` are spans whose words are not cues
    ("23/26 chỉ tiêu" is a count, "100% kế hoạch" a figure).

    A period that is over gives results; one in its last quarter at
    publication gives estimates ("6 tháng đầu năm" reported on 26/6 cannot be
    final yet). For both, a target cue counts only in the figure's own clause."""
    if site.in_rule:
        return None  # "Luật ... quy định “... không vượt quá 30% ...”": what a rule allows
    if period is not None and reference is not None and period.start > reference:
        return Status.TARGET  # nothing about a period that has not begun can be a result
    table = cues()
    # A figure with its period left open (a stock, one project's) in a text
    # about a period already over still reports a result.
    closing = closing_status(period or context.period, reference)
    # A base period's own figure ("phấn đấu ... cao hơn mức năm 2016 (7,5%)") is that
    # period's level: the plan's cues before the base are not about it.
    cues_from = site.glossed.start if site.glossed else 0
    found = [
        m
        for m in cue_matches(f, cues_from, q.start)
        if not any(a <= m.start() < b for a, b in taken) and not _measured_against(f, m)
    ]
    found = _findings_of_plans_dropped(found)
    if found and closing and table.status[found[-1].group()] is Status.TARGET:
        # "nhiều chỉ tiêu đạt và vượt kế hoạch đề ra; ... 32.500 tỉ đồng" is a result.
        clause_start = _continued_clause(f, site, q.start)
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
            and found[-1].group() not in table.found
            and len(found) > 1
            and table.status[found[-2].group()] is Status.TARGET
            and found[-1].start() - found[-2].end() <= CUE_WINDOW
        ):
            return Status.TARGET  # "phấn đấu cả năm đạt được 14%": the verb of a target
        return last
    if period is None and _deadline_ahead(f, q.start, reference):
        return Status.TARGET  # "Đến năm 2020 - 2021, toàn tỉnh có 100% xã đạt chuẩn"
    # A target cue from an earlier sentence does not make a result of a period
    # that is over or closing a target ("đề ra phương hướng" ... "tháng 1 đạt").
    carried = context.status is not None and period == context.period
    if carried and not (closing and context.status is Status.TARGET):
        return context.status
    # A duration has no period of its own ("5 năm", "10 năm"): its missing
    # period says nothing of whether it happened.
    left_open = q.dimension is not Dimension.DURATION or context.period is None
    open_period = period is None and left_open and _running(context, reference)
    if closing is None and open_period and q.op is not Op.LE:
        # A figure no cue, period or context marks as a plan is what the text
        # reports happened: "trên mỗi cuốn sổ ... chỉ còn 1 triệu đồng". So is one
        # whose period the reader left open under a year still running (one
        # company's "tổng vốn đầu tư đăng ký 70 tỷ đồng", a stock, a yearly
        # average "thu về hàng năm là 2.000 tỷ đồng"): that year's plan is not
        # what it is. A ceiling ("không vượt quá 40%") is a rule, not something
        # that happened.
        return Status.ACTUAL
    return closing


def _findings_of_plans_dropped(found: list[re.Match[str]]) -> list[re.Match[str]]:
    """The cues less the finding words after a plan's word or a recommendation
    ("phấn đấu không để xảy ra sai phạm, thu ngân sách 5.000 tỷ đồng", "kiến nghị thu
    hồi số tiền chi sai quy định 2 tỷ đồng"); not after a plan named as what was
    done wrongly ("phê duyệt dự toán tăng chưa đúng quy định")."""
    table = cues()
    kept: list[re.Match[str]] = []
    ahead = False  # a plan's word or a recommendation seen
    for m in found:
        word = m.group()
        if word not in table.found or not ahead:
            kept.append(m)
        planned = table.status[word] is Status.TARGET and word not in table.plan_named
        ahead = ahead or planned or word in table.recommending
    return kept


def _running(context: Context, reference: dt.date | None) -> bool:
    """Whether the period the text is about has begun at `reference`: "Mục tiêu đến
    năm 2020, tỉnh có 500 doanh nghiệp. Bình quân hàng năm tăng thêm 50 doanh nghiệp"
    and "Kế hoạch năm 2018 ... Trong đó, Công ty ... đầu tư 500 tỷ đồng" (written in
    2017) tell no result. A text without a period or a date is taken as begun."""
    return context.period is None or reference is None or context.period.start <= reference


def _deadline_ahead(f: str, pos: int, reference: dt.date | None) -> bool:
    """Whether a deadline of either year before `pos` ("Đến năm 2025-2027, sân bay
    Long Thành đón 25 triệu khách") has not begun at `reference`."""
    deadlines = either_year_deadlines(f)
    return reference is not None and any(d.end <= pos and d.first > reference for d in deadlines)


def _measured_against(f: str, cue: re.Match[str]) -> bool:
    """Whether the cue names what the figure is measured against ("so với dự toán",
    "vượt kế hoạch"). A result is no base after a bare "với": "với kết quả thu 6.279
    tỷ đồng" says the figure is a result."""
    base = MEASURED_AGAINST.search(f, max(0, cue.start() - WORD_WINDOW), cue.start())
    if base is None:
        return False
    return base.group().strip() != "với" or cues().status[cue.group()] is not Status.ACTUAL


def _continued_clause(f: str, site: Site, figure: int) -> int:
    """Where the clause of a figure starts when its own clause is only a change of
    the figure before ("giao dự toán thu ... năm 2015 ... là 300 tỷ đồng, bằng 47% so
    với năm 2014"): at the clause before, whose plan the change is of. A clause that
    names a thing of its own first ("tăng gấp đôi số lượng cây trồng năm 2016 là
    trên 210.000 cây xanh") is no such change."""
    start = site.clause[0]
    verb = _CHANGE.match(f, start, figure) if start else None
    if verb is None or _MORE.fullmatch(f, verb.end(), figure) is None:
        return start
    return site.before


# A clause that only changes the figure before: "..., tăng 9,8%", "bằng 47% so với
# năm 2014". "đạt" is no change: "Kế hoạch năm 2016 giải ngân 800 tỷ đồng, đạt 95%"
# tells what was reached against the plan, a result.
_CHANGE_VERBS = r"tăng|giảm|bằng|gấp|vượt|chiếm"
_CHANGE = re.compile(rf"\s*(?:và\s+)?(?:{_CHANGE_VERBS})(?!\w)")
# A clause that goes on about the figure before, a change or "đạt 128% kế hoạch".
CONTINUATION = re.compile(rf"\s*(?:và\s+)?(?:{_CHANGE_VERBS}|đạt|ước đạt|ước)(?!\w)")
_MORE = re.compile(r"(?:\s+thêm)?\s*")  # "tăng thêm 50 doanh nghiệp"


def rule_quotes(f: str) -> tuple[tuple[int, int], ...]:
    """The quotations that a rule's text opens, read once for a sentence: "Luật Ngân
    sách năm 2002 quy định “mức dư nợ ... không vượt quá 30% ...”", "Theo quy định
    của Chính phủ về thu tiền thuê đất, thuê mặt nước thì: “... ổn định 5 năm ...”".
    The rule word must be a document's (status.yaml rule_document): a plain noun
    ("thực hiện tốt quy định mới: “tỉnh đã thu ...”") leads into an account."""
    if "“" not in f and '"' not in f:
        return ()
    lead, document = _rule_lead()
    return tuple(
        m.span()
        for m in _QUOTATION.finditer(f)
        if lead.search(f, max(0, m.start() - RULE_LEAD), m.start())
        and document.search(f, max(0, m.start() - 2 * RULE_LEAD), m.start())
    )


_QUOTATION = re.compile(r"“[^”]*(?:”|$)|\"[^\"]*(?:\"|$)")
# How far before a quotation its rule word may stand when "thì" closes the lead-in:
# "Nghị định 63/2014/NĐ-CP ngày 26/6/2014 của Chính phủ quy định chi tiết thi hành
# một số điều của Luật Đấu thầu về lựa chọn nhà thầu thì “". A lead-in ending in ":"
# is short and whole ("Luật Ngân sách 2012 quy định: “"); "quy định, ông ... cho
# biết: “" quotes a man, not the rule. The document stands at most as far again
# before the rule word.
RULE_LEAD = 120
SHORT_LEAD = 40


@lru_cache(maxsize=1)
def _rule_lead() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The rule word (status.yaml quoted_rule) leading right into a quotation, and
    a document's word before it ("Luật ... quy định", "Theo quy định")."""
    table = cues()
    word = table.quoted_rule.pattern
    no_end = r"(?:[^.;“”\"]|\.(?=\d))"  # no sentence end nor another quotation between
    lead = re.compile(
        rf"{word}(?:\s*:?|{no_end}{{0,{RULE_LEAD}}}(?<!\w)thì\s*:?"
        rf"|(?:(?!,(?!\d)){no_end}){{0,{SHORT_LEAD}}}:)\s*$"
    )
    document = re.compile(rf"{table.rule_document.pattern}{no_end}{{0,{RULE_LEAD}}}{word}")
    return lead, document


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
