"""Reports of one event that give its dates or its hour differently."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any, ClassVar

from checks import dated, held, named_days, opening_days
from linter import nlp
from linter.checking import DAYS, Bound, Check, DocumentClaims, Group, Option, by_date, evidence
from linter.checking.events import WINDOW_DAYS, linked_pairs, touching
from linter.models import Document, Finding, Severity

Stated = tuple[
    DocumentClaims,
    "dated.Span | dated.Hour | dated.End | named_days.Act | held.Held | opening_days.Opened",
]  # a report and what it says

# How far apart the other ends of two spans that share one end may be to read as a
# slip of one of them ("từ 16/6" against "từ 17/6"). Further apart they are two
# stages of one programme ("trực tuyến từ 15/6 đến 30/6" against "lớp 1 từ 15/6 đến
# 18/6"), which news2017 shows as often as slips.
SLIP_DAYS = 2


class EventDateConflict(Check):
    """Two reports of one event give its dates or its hour differently.

    Outlets that announce a fair, a campaign or a closure repeat its dates;
    when one writes "từ 16.6 – 23.6" and another "từ 17-23/6" for the same
    lychee week in Hà Nội, one of them is wrong. Documents of one province are
    taken to report one event as for EV01 (`linter.checking.events`). Inside
    such a pair, spans of dates ("từ 16/6 đến 23/6", "từ ngày 16/6 - 23/6/2017",
    "từ 17-23/6") that share one end and whose other ends are one or two days
    apart are reported, unless the other report also states the first span.
    So is one day at one place given two hours: "vào 20h00 ngày 19/8/2017 tại
    Khách sạn Hà Nội" against "18 giờ ngày 19/8/2017 tại Khách sạn Hà Nội"
    for one auction, unless a report gives both hours. So is one thing given
    two last days ("việc lấy ý kiến người dân về loa phường ... sẽ kết thúc vào
    ngày 17-3" against "Đợt lấy ý kiến nhân dân về loa phường sẽ kéo dài đến
    hết ngày 10/3"): the clauses before "kết thúc / đến hết / hạn chót" share
    three pairs of words, the days are under a month apart and neither report
    gives the other's day to it. So is one act given two days at most three
    days apart, or one day number of two months next to each other ("ngày 9.2 Phó Chủ tịch UBND TP Hà Nội Ngô Văn Quý đã ký quyết
    định phê duyệt tờ trình tuyển sinh vào các lớp đầu cấp" against "Ngày
    10/2, UBND thành phố Hà Nội chấp thuận tờ trình ... về công tác tuyển sinh
    các lớp đầu cấp"): a day, who acts, a verb of signing, issuing, approving,
    passing or writing ("có văn bản"), and 25 words after it that share
    three pairs of words, unless who acts names two bodies of one kind
    ("Trường ĐH Công nghiệp", "Trường ĐH Văn hóa": each announces its own
    "phương án tuyển sinh"); a day before "cho biết" dates what was said, and
    "Cùng ngày" (the same day) the day the last sentence opened with
    (`checks/named_days.py`). So is
    the day one report holds a named event on ("Hội nghị ... phối hợp tổ chức
    tại TPHCM ngày 10/5") outside the span another gives it ("Hội nghị diễn ra
    từ 11 đến 13/5") and at most three days from it: the event is the kind
    (hội nghị, hội chợ, kỳ thi ...) its sentence names last, and a sentence
    that names a press conference or another gathering about it ("họp báo
    giới thiệu hội chợ") dates that, not the event. So are two reports that
    open with one day of two months next to each other ("Sáng nay (30/7),
    Tổng Công ty Vận tải Hà Nội đã tổ chức chạy thử" against "Sáng ngày
    30/6, chiếc xe buýt 2 tầng ... xuất hiện"): the first day a report's
    first three paragraphs open with or call today. One finding names
    every report that states either value. Info: the reader decides which
    is right.

    Why it matters: a reader who comes on the wrong day of a fair, or a
    business that closes a day early, acts on the date a report gave.

    Known problems: a programme with stages that end together ("trưng bày từ
    16/6", "bán hàng từ 17/6", both "đến 23/6"), or two sessions of one day
    at one place ("khai mạc 8h ngày 19/8 tại Nhà văn hóa", "bế mạc 17h ngày
    19/8 tại Nhà văn hóa"), is reported when each report gives one of them; a span written with its month only once before both
    days ("từ tháng 6, ngày 16 đến 23") is not read; one finding per pair of
    values, with every report that states either. Measured on news2017's
    tuning half (778 articles): 2 findings, the two slips a reader found
    there (T05: two reports write 16/6, one 17/6; T11: two write 20h00, two
    18 giờ); a third pair of spans, 15/6-30/6 against 15/6-18/6, is two
    stages 12 days apart and stays quiet. Last days: 19 in
    18 of those articles; one conflict, the loudspeaker poll's 17/3 against
    10/3 of four reports (T40); a fifth report's "việc lấy ý kiến sẽ kết thúc
    vào ngày 17/3" names it in too few words to be paired. A thing named in
    other words in each report is not paired. Acts: 86 dated signatures,
    issues, approvals, votes and letters in the 778 articles (who acts read
    past "TP." and "TP.HCM"), two conflicts:
    the admissions plan approved on 9/2 in two reports and on 10/2 in a third
    (T57), the Deputy Prime Minister's letter on Bình Định's surplus deputy
    directors written "Cùng ngày" as the 25/5 meeting and on 24/5 (T38); an
    approval and the decision that issues it a week later, and two
    universities' admissions plans, stay quiet. Held days: 13 single days and 13 spans name an event kind, one
    conflict, the IPU conference held on 10/5 against 11-13/5 (T86). A
    conference whose opening day and later sessions are told apart as two
    things ("khai mạc ngày 10/5", "hội nghị diễn ra từ 11 đến 13/5") is
    reported all the same. Opening days (counted before "Sáng nay 29.5,"
    without brackets was read as "Sáng nay (29.5)": 210 tuning articles open
    with a day, 204 then): 102 linked pairs of the tuning
    articles both open with a day, 54 with two days (reports of successive
    days), one day of two months only in the double-decker bus trial (T29:
    30/7 against 30/6 in two reports). A follow-up a month later that opens
    with the same day number is reported as a slip.

    Ví dụ mâu thuẫn::

        === a.md
        ---
        province: Bắc Giang
        title: Tuần lễ vải thiều Lục Ngạn tại Hà Nội
        ---
        Từ 16.6 – 23.6, người tiêu dùng thủ đô sẽ được dùng thử vải thiều Lục Ngạn tại siêu thị Big C Thăng Long, với 15.000 tấn vải xuất khẩu và 2,5 tỷ đồng hỗ trợ.

        === b.md
        ---
        province: Bắc Giang
        title: Vải thiều Lục Ngạn về Hà Nội
        ---
        Tuần lễ vải thiều được Sở Công Thương tỉnh Bắc Giang tổ chức tại Big C Thăng Long từ 17-23/6, với 15.000 tấn vải xuất khẩu và 2,5 tỷ đồng hỗ trợ.

    Ví dụ nhất quán::

        === a.md
        ---
        province: Bắc Giang
        title: Tuần lễ vải thiều Lục Ngạn tại Hà Nội
        ---
        Từ 16.6 – 23.6, người tiêu dùng thủ đô sẽ được dùng thử vải thiều Lục Ngạn tại siêu thị Big C Thăng Long, với 15.000 tấn vải xuất khẩu và 2,5 tỷ đồng hỗ trợ.

        === b.md
        ---
        province: Bắc Giang
        title: Vải thiều Lục Ngạn về Hà Nội
        ---
        Tuần lễ vải thiều được Sở Công Thương tỉnh Bắc Giang tổ chức tại Big C Thăng Long từ 16-23/6, với 15.000 tấn vải xuất khẩu và 2,5 tỷ đồng hỗ trợ.
    """

    code = "EV03"
    name = "event.date-conflict"
    severity = Severity.INFO
    options: ClassVar[Mapping[str, Option]] = {"window-days": WINDOW_DAYS}
    bounds: ClassVar[Mapping[str, Bound]] = {"window-days": DAYS}

    def run(self, group: Group) -> Iterator[Finding]:
        items = {item.document.path: item for item in group.items}
        window = int(self.option("window-days"))
        docs, focus = [item.document for item in group.items], group.focus
        linked, compared = None, Compared()  # each linked pair compared once
        if focus is not None:
            # A focused run (a draft's) reports only findings with the draft: with none of
            # its pairs in conflict, reading every published text (most of this check) is idle.
            linked = linked_pairs(docs, window, focus)
            mine = touching(linked, focus)
            if not _stated({d.path: items[d.path] for p in mine for d in p[:2]}, mine, compared):
                return
        read = _read(items)
        if sum(any(said[p] for said in read) for p in items) < 2:
            return  # no pair to compare: the linking is the costly part
        linked = linked if linked is not None else linked_pairs(docs, window)
        found = _stated(items, linked, compared, read)
        for labels in sorted(found):
            yield self._finding(labels, list(found[labels].values()), group)

    def _finding(self, labels: tuple[str, ...], stated: list[Stated], group: Group) -> Finding:
        ordered = by_date(stated)
        said = list(dict.fromkeys(value.label for _, value in ordered))
        if group.lang == "en":
            message = f"Reports of one event give its time as {said[0]} and {said[1]}."
        else:
            message = f"Các bản tin về cùng một sự kiện ghi thời gian là {said[0]} và {said[1]}."
        notes = [evidence(item, item.document.span(s.start, s.end)) for item, s in ordered]
        return self.finding(message, notes, group, key="|".join((self.code, *labels)))


Read = tuple[dict[str, Any], ...]  # what each report states of each kind, by path
Compared = dict[tuple[str, str], list[tuple[Any, Any]]]  # a linked pair's values stated apart


def _read(items: Mapping[str, DocumentClaims]) -> Read:
    """The spans, hours, ends, acts, meetings and openings each report states."""
    texts = {path: nlp.lowered(item.document.text) for path, item in items.items()}
    acts = {path: named_days.acts(items[path].document.text, text) for path, text in texts.items()}
    spans, hours, ends, helds, opens = (
        {path: read(text) for path, text in texts.items()}
        for read in (dated.spans, dated.hours, dated.ends, held.helds, opening_days.opening)
    )
    return spans, hours, ends, acts, helds, opens


def _stated(
    items: Mapping[str, DocumentClaims],
    linked: Iterable[tuple[Document, Document, object]],
    compared: Compared,
    read: Read | None = None,
) -> dict[tuple[str, ...], dict[tuple[str, int], Stated]]:
    """One entry per pair of values the linked reports state differently, with every
    report that states either; each linked pair compared once (kept in `compared`)."""
    spans, hours, ends, acts, helds, opens = read or _read(items)
    found: dict[tuple[str, ...], dict[tuple[str, int], Stated]] = {}
    for a, b, _ in linked:
        if (pairs := compared.get((a.path, b.path))) is None:
            pairs = compared[a.path, b.path] = [
                *_span_slips(spans[a.path], spans[b.path]),
                *_hour_conflicts(hours[a.path], hours[b.path]),
                *named_days.day_conflicts(ends[a.path], ends[b.path], named_days.END_DAYS),
                *named_days.day_conflicts(acts[a.path], acts[b.path], named_days.ACT_DAYS),
                *held.conflicts(helds[a.path], helds[b.path]),
                *opening_days.month_slips(opens[a.path], opens[b.path]),
            ]
        for sa, sb in pairs:
            stated = found.setdefault(tuple(sorted((sa.label, sb.label))), {})
            stated.setdefault((a.path, sa.start), (items[a.path], sa))
            stated.setdefault((b.path, sb.start), (items[b.path], sb))
    return found


def _span_slips(
    left: list[dated.Span], right: list[dated.Span]
) -> Iterator[tuple[dated.Span, dated.Span]]:
    """Spans that share one end, the other one or two days apart, neither stated alike
    on the other side."""
    for sa in left:
        for sb in right:
            if _slip(sa, sb) and not _states(right, sa) and not _states(left, sb):
                yield sa, sb


def _hour_conflicts(
    left: list[dated.Hour], right: list[dated.Hour]
) -> Iterator[tuple[dated.Hour, dated.Hour]]:
    """One day at one place given two hours, neither hour given on the other side."""
    for ha in left:
        for hb in right:
            if ha.hour == hb.hour or ha.place != hb.place or not dated.same_day(ha, hb):
                continue
            if any(h.hour == ha.hour and dated.same_day(h, ha) for h in right):
                continue
            if any(h.hour == hb.hour and dated.same_day(h, hb) for h in left):
                continue
            yield ha, hb


def _slip(a: dated.Span, b: dated.Span) -> bool:
    """One end shared, the other one or two days apart."""
    pair = dated.span_pair(a, b)
    if pair is None:
        return False
    (fa, la), (fb, lb) = pair
    if fa == fb:
        return 0 < abs((la - lb).days) <= SLIP_DAYS
    if la == lb:
        return 0 < abs((fa - fb).days) <= SLIP_DAYS
    return False


def _states(spans: list[dated.Span], other: dated.Span) -> bool:
    return any((pair := dated.span_pair(s, other)) and pair[0] == pair[1] for s in spans)
