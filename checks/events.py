"""Reports of one event that state the same figure differently."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import ClassVar

from checks.event_conflicts import Conflict, shared, values
from checks.event_pairs import Found, Glosses, Read, ReportReads, compared, report_reads
from linter.checking import (
    DAYS,
    SHARE,
    Bound,
    Check,
    DocumentClaims,
    Group,
    Option,
    by_date,
    evidence,
)
from linter.checking.align import Report, report
from linter.checking.companions import glossed
from linter.checking.events import WINDOW_DAYS, linked_pairs, touching
from linter.claims.quantities import APPROX_TOLERANCE
from linter.models import Finding, Quantity, Severity


class EventFigureConflict(Check):
    """Two reports of one event give different figures for the same thing.

    Outlets that report one press conference, council session or incident
    repeat its figures; when one of them writes 4,8 ha where the others write
    48 ha, or 6 months where another writes 10, one report is wrong. Documents
    of one province are taken to report one event when they share distinctive
    figures, names or the title's key words within a few days
    (`linter.checking.events`); inside such a pair, figures with the same subject (the
    noun phrase they measure, `linter.claims.subjects`), unit, measure,
    compatible period and status that cannot both hold are reported. A figure
    is reported only when the other report states no agreeing figure for the
    same subject. A slip by a factor of ten or a thousand is named as such and
    is a warning; other differences are info, since news reports often give
    figures of different parts of one event under similar words. One number
    put on two sides of it ("hơn 1 triệu" / "gần 1 triệu") cannot hold
    either (info); such a pair is compared whatever status each figure's
    context was read as, when the subjects share two words besides the
    counted noun (`linter.checking.sides`). Figures whose digits are the
    same up to a power of ten and whose subjects share words are reported
    even when their status or the head of their clause differ ("nếu ... thì
    sẽ đủ 23.000 tỉ đồng để giải phóng mặt bằng" against "230.000 tỷ giải
    phóng mặt bằng"): the slip is named, at info, since the match is
    doubtful. Reports linked by names
    alone (no shared figure) may be two stories of one place: their figures
    are compared only under the same indicator or three shared subject words,
    and reports linked by their titles' words alone only under the same
    indicator.
    A second way finds one figure in two reports whatever its subject: two
    sentences that are rewrites of one another (most of their pairs of
    neighbouring words shared, `linter.checking.align`) state the figure at
    the same place ("Dự án được đầu tư thành 2 giai đoạn trên tổng diện tích
    đất 5,07ha" / "... trên tổng diện tích gần 6ha"); a difference there is
    info, and a named slip a warning when most of the sentence is copied. A
    later report that rewrites the sentence as a running count ("Đến nay,
    ... 156 căn nhà") updates the earlier figure and is not reported.
    A third way takes the figure itself as the evidence when two outlets word
    its subject apart ("khu nhà xưởng ở tầng 5 ... rộng hơn 18.000 m2" /
    "Khu vực xuất cháy có diện tích trên 1.800 m 2"): figures of one unit in
    reports linked by a shared figure or three names, the same digits a power
    of ten apart or two of them swapped, each the only value of its kind in
    its sentence (`linter.checking.slipped`), are reported at info.
    A fourth way reads a figure's gloss: when both reports state one figure and
    each glosses it in another unit, in brackets or after "tương đương", "tức"
    ("được phê duyệt tới 12 tầng, tương đương độ cao 50 m" / "từ 12 tầng (55
    m)"), the glosses are one figure, and two values are reported at info
    (`linter.checking.companions`).
    Whatever way paired them, figures the context keeps apart are not
    reported (`linter.checking.apart`): a whole a part is counted out of ("hơn
    685 ha trong tổng số 956 ha") or a part singled out ("Riêng xã ...")
    against a figure that is none, a price at one market ("tại vườn")
    against one at another ("tại các chợ"), what was given at one occasion
    ("Cũng trong buổi họp mặt, ... ủng hộ hơn 3,7 tỷ") against a total of a
    period, a running total since one time ("từ năm 2016 đến nay") against a
    figure of a period that starts elsewhere, a period less than half as long as the
    other's, a figure whose sentence names only periods outside the other's
    ("lũy kế 11 tháng đầu năm 2018 ... mới đạt 236.334 tỉ đồng" against "năm 2017
    đạt 345.287 tỉ đồng": the parser may give such a figure no period of its own),
    and values more than five times apart that are no named slip.
    Reports linked by their wording alone are compared only under one
    indicator, in copied sentences, or for one number put on two sides.

    Why it matters: the second report of an event is usually copied or
    rewritten from the first; a slip there reaches readers as a fact.

    Known problems: subjects are read by rules, so two different things
    described with the same words ("hộ dân" of two communes in one story) may
    be compared; a running story whose figure really changed between reports
    is reported as info unless the later report rewrites the same sentence
    with "đến nay", "tính đến", "cập nhật", "tăng lên" (and a count that adds
    up does not fall). Two outlets that paraphrase rather than rewrite one
    sentence share too few word pairs to be aligned, and their figures are
    compared only when they are a named slip: "úng hơn 1.680ha lúa" / "làm
    hơn 1.841 ha lúa ... bị ngập úng", "16 phòng khám có bác sĩ Trung Quốc" /
    "12 phòng khám ... quốc tịch Trung Quốc" are not found. Measured on
    news2017's tuning half, every rule tried for them (the same counted noun,
    the only such figure of each report, close values, rare words shared by
    the sentences, the headline's figure) paired hundreds of figures of two
    things ("16 trâu thắng lọt vào vòng chung kết" / "14 trâu thắng trận")
    for each one of the same thing. Loosening the likeness itself fails the
    same way (benchmarks/pairing.py, news2017's 778 readable files): of 6,058
    pairs of disagreeing figures of linked reports, the subject test alone
    keeps 3,375 apart, the status, period and role tests alone 34, nearly all
    rightly; without the status test one more finding (false) and no
    entry of the tuning half; subjects weighed by how rare their words are in
    news instead of plain overlap, no entry at any threshold and one to five
    false findings. A figure cut at its
    last digit in a rewrite ("98 ha" / "98,7 ha") is taken as the same figure.
    One template said of two things is no rewrite when each sentence names
    something the other does not (two projects); said of one thing twice
    without a name ("Thu nhập bình quân đầu người đạt ..." of two years), its
    figures are compared unless their subjects or a second value of the same
    subject on one side tell them apart. A figure misstated more than five
    times over without a slip of its digits, and a whole stated without its
    part in one report against a plain figure in another, are not reported.

    Ví dụ mâu thuẫn::

        === a.md
        ---
        date: 2017-06-20
        province: Bình Định
        title: Họp báo về dự án Khu đô thị mới Nhơn Hội
        ---
        Tại buổi họp báo, lãnh đạo sở cho biết dự án Khu đô thị mới Nhơn Hội có tổng vốn đầu tư 1.520 tỷ đồng, diện tích đất thu hồi 48 ha đất nông nghiệp.
        === b.md
        ---
        date: 2017-06-21
        province: Bình Định
        title: Dự án Khu đô thị mới Nhơn Hội thu hồi đất nông nghiệp
        ---
        Dự án Khu đô thị mới Nhơn Hội có tổng vốn đầu tư 1.520 tỷ đồng; diện tích đất thu hồi là 4,8 ha đất nông nghiệp.

    Ví dụ nhất quán::

        === a.md
        ---
        date: 2017-06-20
        province: Bình Định
        title: Họp báo về dự án Khu đô thị mới Nhơn Hội
        ---
        Tại buổi họp báo, lãnh đạo sở cho biết dự án Khu đô thị mới Nhơn Hội có tổng vốn đầu tư 1.520 tỷ đồng, diện tích đất thu hồi 48 ha đất nông nghiệp.
        === b.md
        ---
        date: 2017-06-21
        province: Bình Định
        title: Dự án Khu đô thị mới Nhơn Hội thu hồi đất nông nghiệp
        ---
        Dự án Khu đô thị mới Nhơn Hội có tổng vốn đầu tư 1.520 tỷ đồng; diện tích đất thu hồi là 48 ha đất nông nghiệp.
    """

    code = "EV01"
    name = "event.figure-conflict"
    severity = Severity.WARNING
    options: ClassVar[Mapping[str, Option]] = {
        "approx-tolerance": APPROX_TOLERANCE,
        "window-days": WINDOW_DAYS,
    }
    bounds: ClassVar[Mapping[str, Bound]] = {
        "approx-tolerance": SHARE,
        "window-days": DAYS,
    }

    def run(self, group: Group) -> Iterator[Finding]:
        items = {item.document.path: item for item in group.items}
        found: dict[tuple[object, ...], Conflict] = {}
        window = int(self.option("window-days"))
        tolerance = float(self.option("approx-tolerance"))
        read = _reader()
        focus = group.focus
        linked = linked_pairs((item.document for item in group.items), window, focus)
        mine: dict[tuple[str, str], tuple[Found, ...]] = {}  # compared once: the loop takes them
        if focus is not None:
            # A focused run (a draft's) reports only findings with the draft: with none of
            # its pairs in conflict, the published pairs (a third of this check) need no compare.
            for a, b, why in touching(linked, focus):
                mine[a.path, b.path] = compared(
                    items[a.path], items[b.path], why, tolerance, read, focus
                )
            if not any(mine.values()):
                return
        for a, b, why in linked:
            left, right = items[a.path], items[b.path]
            # A draft's pairs are compared at each check, two published reports' once.
            found_here = mine.get((a.path, b.path))
            if found_here is None:
                found_here = compared(left, right, why, tolerance, read, focus)
            for qa, qb, sure, label in found_here:
                # One finding per pair of figures, with every report that states them.
                conflict = found.setdefault(values(qa, qb), Conflict(why))
                conflict.add(left, qa, right, qb, why, sure)
                conflict.label = conflict.label or label
        for key in sorted(found, key=repr):
            yield self._finding(found[key], group)

    def _finding(self, conflict: Conflict, group: Group) -> Finding:
        pairs = by_date(conflict.figures.values())
        slip = conflict.slip
        subjects = [q.subject for _, q in pairs if q.subject]
        # A figure found through its sentence may have no subject: the words before it.
        subject = min(subjects, key=lambda s: (len(s), s)) if subjects else conflict.label
        indicators = {q.indicator for _, q in pairs}
        if len(indicators) == 1 and None not in indicators:  # the lexicon's name reads best
            subject = group.lexicon.label(indicators.pop() or "", group.lang)
        figures = " và ".join(dict.fromkeys(q.span.quote for _, q in pairs))
        why = conflict.why
        if group.lang == "en":
            named = {
                "tenfold": " (a slip by a power of ten)",
                "unit": " (a slip of unit)",
                "transposed": " (two digits swapped)",
            }
            figures = figures.replace(" và ", " and ")
            message = (
                f"Reports of one event ({shared(why, 'en')}) give '{subject}' as "
                f"{figures}{named.get(slip or '', '')}."
            )
        else:
            named = {
                "tenfold": " (nhầm gấp 10 lần)",
                "unit": " (nhầm đơn vị)",
                "transposed": " (đảo chữ số)",
            }
            message = (
                f"Các bản tin về cùng một sự kiện ({shared(why, 'vi')}) nêu «{subject}» là "
                f"{figures}{named.get(slip or '', '')}."
            )
        notes = [evidence(item, q.span, f"{q.span.quote}: {q.subject or ''}") for item, q in pairs]
        # A slip between figures that `match` keeps apart (another status, another
        # head) is named but stays info: the match itself is doubtful.
        severity = Severity.WARNING if slip and conflict.sure else Severity.INFO
        q = pairs[0][1]
        intervals = sorted({f"{q.low}:{q.high}" for _, q in pairs})
        key = "|".join((self.code, subject, q.unit, q.measure, *intervals))
        district = pairs[0][0].document.meta.district
        return self.finding(message, notes, group, severity, district=district, key=key)


def _reader() -> Read:
    """What `pairs` reads of a report, read once per run, whatever the number of
    reports it is linked to: its sentences with figures, its figures glossed in
    another unit, and its `ReportReads` (the days and periods of its sentences,
    its figures as each way of pairing reads them)."""
    read: dict[str, tuple[Report, Glosses, ReportReads]] = {}

    def of(item: DocumentClaims) -> tuple[Report, Glosses, ReportReads]:
        path = item.document.path
        if path not in read:
            text = item.document.text
            side = report(text, item.of(Quantity))
            read[path] = (side, glossed(text, side.figures), report_reads(item, side.figures))
        return read[path]

    return of
