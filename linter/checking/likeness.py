"""Whether two figures measure the same thing, and whether they can both hold.

Shared by the checks that compare figures in open vocabulary (EV01 across the
reports of one event, EV02 between a report's lead and its body). Two figures
are *like* when their unit, measure and comparison base are equal, their
periods and statuses do not exclude each other and their subjects
(`linter.claims.subjects`) overlap: the shorter subject lies inside the
longer, sharing at least `MIN_SUBJECT_WORDS` syllables and `MIN_MATCH` of its
words, or the nouns they measure ("dầu fo") are the same. Two like figures
*agree* when their intervals overlap once the rounding of the last written
digit is allowed, or when they name the same number with another comparator
("trên 30,9%" / "30,9%"), unless the two comparators put it on two sides
("hơn 1 triệu" / "gần 1 triệu"); two bounds of the same kind ("hơn 1.680 ha" /
"hơn 1.841 ha") agree only when they are the same figure. A disagreement that
is a power-of-ten slip, a unit slip or two swapped digits is named.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

from linter.checking.apart import periods_apart, roles_apart
from linter.claims.nouns import spelled
from linter.claims.numbers import DIGITS, decimal_step, parse_digits
from linter.claims.quantities import intervals_overlap
from linter.claims.subjects import MEASURES
from linter.models import Op, Quantity

# Words that say nothing about what is measured once the unit is known: "diện
# tích" is any area, "chiều dài" any length ("2 ống hầm có chiều dài 781m" and
# "toàn tuyến có chiều dài gần 20km" are two things of one metro line).
_GENERIC = re.compile(
    r"(?<!\w)(?:diện tích|số lượng|tổng số|tổng cộng|tổng|con số|mức|"
    r"chiều dài|chiều rộng|chiều cao|chiều ngang|bề rộng|bề dài|bề ngang|độ dài|độ sâu|"
    r"độ cao|độ rộng)(?!\w)"
)
SMALL_COUNT = 10  # "1 tàu" / "2 tàu": small counts are compared only under the same words
MIN_MATCH = 0.6  # "sản lượng vải thiều" is not "sản lượng vải thiều nhà chị quả tươi" (4/8 words)
MIN_SUBJECT_WORDS = 2  # "tàu" alone may be any ship of the story; "tàu cá vỏ thép" is one fleet


def conflicts(
    first: Iterable[Quantity], second: Iterable[Quantity], tolerance: float
) -> Iterator[tuple[Quantity, Quantity]]:
    """Figures of `first` whose subject `second` states only with figures that
    cannot hold together with it, each with the likest such figure of `second`."""
    ours, theirs = distinct(first), distinct(second)
    for qa in ours:
        matches = [(score, qb) for qb in theirs if (score := match(qa, qb)) > 0]
        if not matches or any(confirms(qb, qa, tolerance) for qb in theirs):
            continue  # the other side also states an agreeing figure of a like subject
        best = max(score for score, _ in matches)
        qb = next(qb for score, qb in matches if score == best)
        if any(confirms(other, qb, tolerance) for other in ours):
            continue  # the other side's figure is stated on this side too
        if ambiguous(qa, ours, tolerance) or ambiguous(qb, theirs, tolerance):
            continue  # "tổng mức đầu tư" of three projects: which one is meant?
        yield qa, qb


def ambiguous(q: Quantity, side: list[Quantity], tolerance: float) -> bool:
    """Whether one side gives the subject of `q` other values too."""
    return any(
        other is not q and match(q, other) > 0 and not agree(q, other, tolerance) for other in side
    )


def distinct(quantities: Iterable[Quantity]) -> list[Quantity]:
    """Usable figures, one per statement: a sentence repeated a thousand times is one."""
    found: dict[tuple[object, ...], Quantity] = {}
    for q in quantities:
        if usable(q):
            found.setdefault((q.subject, q.measured, q.unit, q.op, q.low, q.high), q)
    return list(found.values())


def usable(q: Quantity) -> bool:
    needed = MIN_SUBJECT_WORDS + (q.unit == "%")  # "ý kiến" 1% / 73%: shares need more words
    return (
        q.subject is not None
        and q.scope.value != "national"
        and q.part_of is None
        and len(qualifiers(q)) >= needed
    )


def qualifiers(q: Quantity) -> frozenset[str]:
    """The subject's words but those of the figure's quote: the counted noun alone
    ("16 phòng khám", "145.000 học sinh") says which kind of thing, not which things."""
    return words(q) - _quoted(q)


def _small_count(q: Quantity) -> bool:
    return q.value < SMALL_COUNT and q.value.is_integer() and q.unit not in MEASURES


def words(q: Quantity) -> frozenset[str]:
    return _key_words(q.subject or "")


# Subjects repeat across a corpus and each is compared many times: read each once.
@lru_cache(maxsize=65536)
def _key_words(text: str) -> frozenset[str]:
    return frozenset(_GENERIC.sub(" ", text).split())


def match(a: Quantity, b: Quantity) -> float:
    """How surely two figures measure the same thing: 0 (not comparable) to 1."""
    if (a.unit, a.measure, a.base) != (b.unit, b.measure, b.base):
        return 0.0
    if periods_apart(a.period, b.period) or roles_apart(a, b):
        return 0.0  # a half-year and a year, a whole and its part (`linter.checking.apart`)
    if a.status and b.status and a.status != b.status:
        return 0.0
    if a.indicator and a.indicator == b.indicator:
        if province_figure(a, b):
            return 0.0
        return 1.0  # the lexicon names the subject
    if _small_count(a) or _small_count(b):
        # "7 tỉnh" / "8 tỉnh": small counts are often parts of a story; only the very
        # same words make them one figure.
        return 1.0 if words(a) == words(b) else 0.0
    core = _overlap(_measured(a), _measured(b))
    head_a, head_b = words(a) - _measured(a), words(b) - _measured(b)
    if head_a and head_b and not head_a & head_b and len(_measured(a)) <= MIN_SUBJECT_WORDS:
        core = 0.0  # "Bắc Giang ... 30.000 ha vải thiều", "huyện Lục Ngạn ... 16.300 ha vải thiều"
    return max(_overlap(words(a), words(b)), core)


def province_figure(a: Quantity, b: Quantity) -> bool:
    """One indicator of one period and status: NU01 compares these across the
    province, and reports them; reports of one event add nothing to that."""
    return bool(
        a.indicator
        and a.indicator == b.indicator
        and a.period
        and b.period
        and a.status
        and a.status == b.status
    )


def confirms(other: Quantity, q: Quantity, tolerance: float) -> bool:
    """Whether `other` states `q`'s figure again, at least as precisely: "hơn 20.000
    tấn" does not confirm "20.108 tấn" against the "20.018 tấn" beside it."""
    if other.op in ONE_SIDED and q.op not in ONE_SIDED:
        return False
    return related(other, q) and agree(other, q, tolerance)


def related(a: Quantity, b: Quantity) -> bool:
    """A looser likeness than `match`: enough to say an agreeing figure may be the
    same one ("giá /kg" and "giá bán vải tươi nguyên chùm /kg")."""
    if (a.unit, a.measure) != (b.unit, b.measure):
        return False
    return len(words(a) & words(b)) >= MIN_SUBJECT_WORDS or match(a, b) > 0


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
    return _measured_words(q.measured or "", q.span.quote)


@lru_cache(maxsize=65536)
def _measured_words(measured: str, quote: str) -> frozenset[str]:
    found = _key_words(measured)
    return found if len(found - _quote_words(quote)) >= MIN_SUBJECT_WORDS else frozenset()


def _quoted(q: Quantity) -> frozenset[str]:
    return _quote_words(q.span.quote)


@lru_cache(maxsize=65536)
def _quote_words(quote: str) -> frozenset[str]:
    return frozenset(spelled(re.findall(r"[^\W\d_]+", quote.lower())))


def agree(a: Quantity, b: Quantity, tolerance: float) -> bool:
    if _same_bound(a, b):
        return _same_side(a, b, tolerance)
    if a.op is b.op and a.op in ONE_SIDED:
        # "hơn 1.680 ha" and "hơn 1.841 ha" overlap as intervals, but a report's
        # "hơn" sits just above its figure: two bounds mean two figures.
        return _near(a, b)
    return intervals_overlap(_interval(a, tolerance), _interval(b, tolerance))


ONE_SIDED = frozenset({Op.GT, Op.GE, Op.LT, Op.LE})


def _near(a: Quantity, b: Quantity) -> bool:
    low, high = sorted((a.value, b.value))
    return high - low <= max(rounding(a), rounding(b))


def stated_interval(q: Quantity, tolerance: float) -> tuple[float | None, float | None, bool, bool]:
    """The figure's interval as stated; "khoảng" and "gần" take the configured
    tolerance ("gần x" stops at x)."""
    if q.op is Op.APPROX:
        high = q.value if q.high == q.value else q.value * (1 + tolerance)
        return (q.value * (1 - tolerance), high, True, True)
    return (q.low, q.high, q.low_inclusive, q.high_inclusive)


def _interval(q: Quantity, tolerance: float) -> tuple[float | None, float | None, bool, bool]:
    if q.op is Op.EQ:  # news rounds: "15 độ" may be the 15,5 độ of another report
        half = rounding(q)
        return (q.value - half, q.value + half, True, True)
    return stated_interval(q, tolerance)


_FIRST_NUMBER = re.compile(DIGITS)


def rounding(q: Quantity) -> float:
    """Half a unit of the last digit written: 15 -> 0,5; 4,8 -> 0,05 (times the scale)."""
    m = _FIRST_NUMBER.search(q.span.quote)
    if not m or not (written := parse_digits(m.group())):
        return 0.0
    token = m.group()
    # Only the last digit written is rounded: "14.000" is not "about 13.000"
    # (that would need "khoảng"), and 15 may be 15,4.
    step = decimal_step(token) or 1.0
    return 0.5 * step * q.value / written


def _same_bound(a: Quantity, b: Quantity) -> bool:
    """ "trên 30,9%" and "30,9%" name the same number with other wording."""
    return a.value == b.value


def _same_side(a: Quantity, b: Quantity, tolerance: float) -> bool:
    """Whether two wordings of one number can both hold: a plain figure fits any
    comparator ("trên 30,9%" / "30,9%" is wording), but "hơn 1 triệu" and "gần 1
    triệu", or "trên" and "dưới", put the true figure on two sides of it."""
    if Op.EQ in (a.op, b.op):
        return True
    return intervals_overlap(stated_interval(a, tolerance), stated_interval(b, tolerance))


def slip(a: Quantity, b: Quantity, exact: bool) -> str | None:
    """ "tenfold" when one figure is the other times a power of ten with the same
    digits (48 ha / 4,8 ha), "unit" when the same digits carry another scale word."""
    if a.value <= 0 or b.value <= 0:
        return None
    if _transposed(a.span.quote, b.span.quote):
        return "transposed"
    ratio = math.log10(max(a.value, b.value) / min(a.value, b.value))
    if ratio < 0.5 or abs(ratio - round(ratio)) > 1e-9:
        return None
    digits_a, digits_b = (_digits(q.span.quote) for q in (a, b))
    if digits_a != digits_b or (len(digits_a) < 2 and not exact):
        return None  # "10 tấn" / "100.000 tấn" of two subjects share one digit, not a slip
    if round(ratio) < 3 and a.op is not b.op and {a.op, b.op} - {Op.EQ, Op.APPROX}:
        # "hơn 48 ha" may be far more than 4,8; a thousandfold gap never is, and two
        # bounds of one kind ("hơn 18.000 m2" / "trên 1.800 m 2") say the same digits.
        return None
    return "tenfold" if round(ratio) < 3 else "unit"


def _digits(quote: str) -> str:
    """The significant digits of a quote's number: "1.800 m 2" is 18, not its unit's 2."""
    m = _FIRST_NUMBER.search(quote)
    return re.sub(r"\D", "", m.group()).strip("0") if m else ""


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
