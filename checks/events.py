"""Reports of one event that state the same figure differently."""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from typing import ClassVar

from linter.checking import Check, DocumentClaims, Group, by_date, evidence
from linter.claims.numbers import DIGITS, parse_digits
from linter.claims.quantities import intervals_overlap
from linter.claims.subjects import MEASURES
from linter.events import Link, linked_pairs
from linter.models import Finding, Op, Quantity, Severity

# Words that say nothing about what is measured once the unit is known.
_GENERIC = re.compile(r"(?<!\w)(?:diện tích|số lượng|tổng số|tổng cộng|tổng|con số|mức)(?!\w)")
SMALL_COUNT = 10  # "1 tàu" / "2 tàu": small counts are parts of a story more often than slips
MIN_MATCH = 0.6  # "sản lượng vải thiều" is not "sản lượng vải thiều nhà chị quả tươi" (4/8 words)
MIN_SUBJECT_WORDS = 2  # "tàu" alone may be any ship of the story; "tàu cá vỏ thép" is one fleet


class EventFigureConflict(Check):
    """Two reports of one event give different figures for the same thing.

    Outlets that report one press conference, council session or incident
    repeat its figures; when one of them writes 4,8 ha where the others write
    48 ha, or 6 months where another writes 10, one report is wrong. Documents
    of one province are taken to report one event when they share distinctive
    figures, names or the title's key words within a few days
    (`linter.events`); inside such a pair, figures with the same subject (the
    noun phrase they measure, `linter.claims.subjects`), unit, measure,
    compatible period and status that cannot both hold are reported. A figure
    is reported only when the other report states no agreeing figure for the
    same subject. A slip by a factor of ten or a thousand is named as such and
    is a warning; other differences are info, since news reports often give
    figures of different parts of one event under similar words.

    Why it matters: the second report of an event is usually copied or
    rewritten from the first; a slip there reaches readers as a fact.

    Known problems: subjects are read by rules, so two different things
    described with the same words ("hộ dân" of two communes in one story) may
    be compared; a running story whose figure really changed between reports
    is reported as info unless the later report says "còn", "tăng lên".

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
    config_keywords: ClassVar[tuple[str, ...]] = ()

    def run(self, group: Group) -> Iterator[Finding]:
        items = {item.document.path: item for item in group.items}
        found: dict[tuple[object, ...], _Conflict] = {}
        for a, b, why in linked_pairs(item.document for item in group.items):
            left, right = items[a.path], items[b.path]
            for qa, qb in _conflicts(left, right, group.tolerance):
                # One finding per pair of figures, with every report that states them.
                values = sorted(((qa.low, qa.high), (qb.low, qb.high)), key=repr)
                key = (qa.unit, qa.measure, *values)
                conflict = found.setdefault(key, _Conflict(why))
                conflict.add(left, qa, right, qb, why)
        for key in sorted(found, key=repr):
            yield self._finding(found[key], group)

    def _finding(self, conflict: _Conflict, group: Group) -> Finding:
        pairs = by_date(conflict.figures.values())
        slip = conflict.slip
        subject = min((q.subject or "" for _, q in pairs), key=lambda s: (len(s), s))
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
                f"Reports of one event ({why.numbers} shared figures, {why.names} shared "
                f"names) give '{subject}' as {figures}{named.get(slip or '', '')}."
            )
        else:
            named = {
                "tenfold": " (nhầm gấp 10 lần)",
                "unit": " (nhầm đơn vị)",
                "transposed": " (đảo chữ số)",
            }
            message = (
                f"Các bản tin về cùng một sự kiện (chung {why.numbers} số liệu, {why.names} "
                f"tên riêng) nêu «{subject}» là {figures}{named.get(slip or '', '')}."
            )
        notes = [evidence(item, q.span, f"{q.span.quote}: {q.subject or ''}") for item, q in pairs]
        severity = Severity.WARNING if slip else Severity.INFO
        q = pairs[0][1]
        values = sorted({f"{q.low}:{q.high}" for _, q in pairs})
        key = "|".join((self.code, subject, q.unit, q.measure, *values))
        district = pairs[0][0].document.meta.district
        return self.finding(message, notes, group, severity, district=district, key=key)


class _Conflict:
    """Figures of one subject that disagree, gathered over every linked pair."""

    def __init__(self, why: Link) -> None:
        self.why = why
        self.slip: str | None = None
        self.figures: dict[tuple[str, int, int], tuple[DocumentClaims, Quantity]] = {}

    def add(
        self, left: DocumentClaims, qa: Quantity, right: DocumentClaims, qb: Quantity, why: Link
    ) -> None:
        for item, q in ((left, qa), (right, qb)):
            self.figures[(item.document.path, q.span.line, q.span.column)] = (item, q)
        # Reports of one event scoped to a district and to its province may give the
        # district's 500 ha and the province's 5.000 ha: no slip is named across scopes.
        if _scope(left) == _scope(right):
            self.slip = self.slip or _slip(qa, qb, exact=_match(qa, qb) == 1.0)
        if (why.numbers, why.names) > (self.why.numbers, self.why.names):
            self.why = why


def _conflicts(
    left: DocumentClaims, right: DocumentClaims, tolerance: float
) -> Iterator[tuple[Quantity, Quantity]]:
    """Figures of `left` whose subject `right` states only with figures that
    cannot hold together with it (and the closest such figure)."""
    if _scope(left) is None or _scope(right) is None:
        return  # a document of a unit that could not be resolved is compared with nobody
    ours, theirs = _distinct(left), _distinct(right)
    for qa in ours:
        matches = [(score, qb) for qb in theirs if (score := _match(qa, qb)) > 0]
        if not matches or any(_confirms(qb, qa, tolerance) for qb in theirs):
            continue  # the other report also states an agreeing figure of a like subject
        best = max(score for score, _ in matches)
        qb = next(qb for score, qb in matches if score == best)
        if any(_confirms(other, qb, tolerance) for other in ours):
            continue  # the other report's figure is stated here too
        yield qa, qb


def _distinct(item: DocumentClaims) -> list[Quantity]:
    """Usable figures, one per statement: a sentence repeated a thousand times is one."""
    found: dict[tuple[object, ...], Quantity] = {}
    for q in item.of(Quantity):
        if _usable(q):
            found.setdefault((q.subject, q.measured, q.unit, q.op, q.low, q.high), q)
    return list(found.values())


def _scope(item: DocumentClaims) -> object:
    meta = item.document.meta
    return getattr(meta, "scope", (meta.district,))


def _usable(q: Quantity) -> bool:
    needed = MIN_SUBJECT_WORDS + (q.unit == "%")  # "ý kiến" 1% / 73%: shares need more words
    # The counted noun alone ("16 phòng khám", "145.000 học sinh") says which kind
    # of thing, not which things: the qualifiers around it must say that.
    qualifiers = _words(q) - _quoted(q)
    return (
        q.subject is not None
        and q.scope.value != "national"
        and q.part_of is None
        and len(qualifiers) >= needed
        and not (q.value < SMALL_COUNT and q.value.is_integer() and q.unit not in MEASURES)
    )


def _words(q: Quantity) -> frozenset[str]:
    return frozenset(_GENERIC.sub(" ", q.subject or "").split())


def _match(a: Quantity, b: Quantity) -> float:
    """How surely two figures measure the same thing: 0 (not comparable) to 1."""
    if (a.unit, a.measure, a.base) != (b.unit, b.measure, b.base):
        return 0.0
    if a.period and b.period and (a.period.end < b.period.start or b.period.end < a.period.start):
        return 0.0  # periods of news figures are read from context: only disjoint ones differ
    if a.status and b.status and a.status != b.status:
        return 0.0
    if a.indicator and a.indicator == b.indicator:
        if a.period and b.period and a.status and a.status == b.status:
            return 0.0  # NU01 compares these across the province
        return 1.0  # the lexicon names the subject
    core = _overlap(_measured(a), _measured(b))
    head_a, head_b = _words(a) - _measured(a), _words(b) - _measured(b)
    if head_a and head_b and not head_a & head_b:
        core = 0.0  # "Bắc Giang ... 30.000 ha vải thiều", "huyện Lục Ngạn ... 16.300 ha vải thiều"
    return max(_overlap(_words(a), _words(b)), core)


def _confirms(other: Quantity, q: Quantity, tolerance: float) -> bool:
    """Whether `other` states `q`'s figure again, at least as precisely: "hơn 20.000
    tấn" does not confirm "20.108 tấn" against the "20.018 tấn" beside it."""
    if other.op in _ONE_SIDED and q.op not in _ONE_SIDED:
        return False
    return _related(other, q) and _agree(other, q, tolerance)


def _related(a: Quantity, b: Quantity) -> bool:
    """A looser likeness than `_match`: enough to say an agreeing figure may be the
    same one ("giá /kg" and "giá bán vải tươi nguyên chùm /kg")."""
    if (a.unit, a.measure) != (b.unit, b.measure):
        return False
    return len(_words(a) & _words(b)) >= MIN_SUBJECT_WORDS or _match(a, b) > 0


def _overlap(wa: frozenset[str], wb: frozenset[str]) -> float:
    """Word overlap of two subjects; the shorter must lie inside the longer."""
    common = len(wa & wb)
    if common < MIN_SUBJECT_WORDS or common < min(len(wa), len(wb)):
        return 0.0
    score = common / max(len(wa), len(wb))
    return score if score >= MIN_MATCH else 0.0


def _measured(q: Quantity) -> frozenset[str]:
    """What is counted or measured after the number ("dầu fo", "cơ sở y tế tư nhân"),
    when it says more than the counted noun itself ("học sinh" says nothing)."""
    words = frozenset(_GENERIC.sub(" ", q.measured or "").split())
    return words if len(words - _quoted(q)) >= MIN_SUBJECT_WORDS else frozenset()


def _quoted(q: Quantity) -> frozenset[str]:
    return frozenset(re.findall(r"[^\W\d_]+", q.span.quote.lower()))


def _agree(a: Quantity, b: Quantity, tolerance: float) -> bool:
    if _same_bound(a, b):
        return True
    if a.op is b.op and a.op in _ONE_SIDED:
        # "hơn 1.680 ha" and "hơn 1.841 ha" overlap as intervals, but a report's
        # "hơn" sits just above its figure: two bounds mean two figures.
        return _near(a, b)
    return intervals_overlap(_interval(a, tolerance), _interval(b, tolerance))


_ONE_SIDED = frozenset({Op.GT, Op.GE, Op.LT, Op.LE})


def _near(a: Quantity, b: Quantity) -> bool:
    low, high = sorted((a.value, b.value))
    return high - low <= max(_rounding(a), _rounding(b))


def _interval(q: Quantity, tolerance: float) -> tuple[float | None, float | None, bool, bool]:
    if q.op is Op.APPROX:
        high = q.value if q.high == q.value else q.value * (1 + tolerance)
        return (q.value * (1 - tolerance), high, True, True)
    if q.op is Op.EQ:  # news rounds: "15 độ" may be the 15,5 độ of another report
        half = _rounding(q)
        return (q.value - half, q.value + half, True, True)
    return (q.low, q.high, q.low_inclusive, q.high_inclusive)


_FIRST_NUMBER = re.compile(DIGITS)


def _rounding(q: Quantity) -> float:
    """Half a unit of the last digit written: 15 -> 0,5; 4,8 -> 0,05 (times the scale)."""
    m = _FIRST_NUMBER.search(q.span.quote)
    if not m or not (written := parse_digits(m.group())):
        return 0.0
    token = m.group()
    # Only the last digit written is rounded: "14.000" is not "about 13.000"
    # (that would need "khoảng"), and 15 may be 15,4.
    step = 10.0 ** -len(token.split(",")[1]) if "," in token else 1.0
    return 0.5 * step * q.value / written


def _same_bound(a: Quantity, b: Quantity) -> bool:
    """ "trên 30,9%" and "30,9%" name the same number with other wording."""
    return a.value == b.value


def _slip(a: Quantity, b: Quantity, exact: bool) -> str | None:
    """ "tenfold" when one figure is the other times a power of ten with the same
    digits (48 ha / 4,8 ha), "unit" when the same digits carry another scale word."""
    if a.value <= 0 or b.value <= 0:
        return None
    if _transposed(a.span.quote, b.span.quote):
        return "transposed"
    ratio = math.log10(max(a.value, b.value) / min(a.value, b.value))
    if ratio < 0.5 or abs(ratio - round(ratio)) > 1e-9:
        return None
    digits_a, digits_b = (re.sub(r"\D", "", q.span.quote).strip("0") for q in (a, b))
    if digits_a != digits_b or (len(digits_a) < 2 and not exact):
        return None  # "10 tấn" / "100.000 tấn" of two subjects share one digit, not a slip
    if round(ratio) < 3 and {a.op, b.op} - {Op.EQ, Op.APPROX}:
        return None  # "hơn 48 ha" may be far more than 4,8; a thousandfold gap never is
    return "tenfold" if round(ratio) < 3 else "unit"


def _transposed(a: str, b: str) -> bool:
    """20.108 / 20.018: the same digits with two neighbours swapped (3 or more digits)."""
    da, db = (_FIRST_NUMBER.search(x) for x in (a, b))
    if not da or not db or len(da.group()) != len(db.group()):
        return False
    x, y = da.group(), db.group()
    diff = [i for i in range(len(x)) if x[i] != y[i]]
    digits = len(re.sub(r"\D", "", x))
    return (
        digits >= 3
        and len(diff) == 2
        and diff[1] == diff[0] + 1
        and (x[diff[0]], x[diff[1]]) == (y[diff[1]], y[diff[0]])
    )
