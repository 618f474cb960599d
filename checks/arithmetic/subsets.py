"""Parts named after "trong đó" against their total, with what is left and siblings."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

from checks.arithmetic.figures import _Figure
from checks.arithmetic.lists import _COMPARES, _SUBSET_CUE, _item_bounds, _list_end, _whole, _within
from checks.arithmetic.result import _amount, _Arithmetic, _in, _stated
from checks.arithmetic.siblings import _sibling_sum, _siblings
from linter.models import Severity

# The total closes its sentence, or only words saying what it counts follow it, in
# one clause: "26 trường hợp bệnh nhân được cứu sống. Trong đó, ...".
_ENDS_SENTENCE = re.compile(r"^\s*\)?(?:\s+[^\W\d]+){0,8}\s*[.!]?\s*$")
_STARTS_SUBSET = re.compile(r"^\s*trong\s+đó\s*[,:]?")


def _subsets(
    folded: str,
    figures: list[_Figure],
    following: list[_Figure],
    after: list[_Figure],
    parents: Parents,
) -> Iterator[_Arithmetic]:
    """A total split after "trong đó": each part against the total and, when the text
    names what is left ("còn lại r"), the parts and the rest against the total."""
    for total, parts, rest in (
        *_subsets_here(folded, figures, following, parents),
        *_subsets_next(folded, figures, following, after, parents),
    ):
        for index, part in enumerate(parts):
            yield _part(total, part, sure=index == 0 or _known_child(total, part, parents))
        if len(parts) > 1 and _siblings(folded, parts):
            yield _sibling_sum(total, parts)
        remainder = _remainder(folded, total, rest)
        if parts and remainder is not None:
            yield _completed(total, parts, remainder)


_Split = tuple[_Figure, list[_Figure], list[_Figure]]  # total, parts, figures after them
Parents = Mapping[str, str | None]  # indicator key -> the indicator it is a part of


def _subsets_here(
    folded: str, figures: list[_Figure], following: list[_Figure], parents: Parents
) -> Iterator[_Split]:
    """A total right before "trong đó" in its sentence."""
    for i, total in enumerate(figures):
        if not _whole(total):
            continue
        after = folded[total.end : total.sentence_end]
        cue = _SUBSET_CUE.match(after)
        if cue is None:
            continue
        start = total.end + cue.end()
        bracket = after[: cue.end()].lstrip().startswith("(")
        end = _list_end(folded, start, total.sentence_end, bracket, subset=True)
        parts = _subset_parts(folded, start, end, figures[i + 1 :], total, parents)
        last = parts[-1].start if parts else start
        yield total, parts, [f for f in figures if f.start > last] + following


def _subsets_next(
    folded: str,
    figures: list[_Figure],
    following: list[_Figure],
    after: list[_Figure],
    parents: Parents,
) -> Iterator[_Split]:
    """A sentence opening with "trong đó" ("... tổng T. Trong đó, a ...") splits the
    figure that closed the sentence before it, when that sentence has no other figure
    of its unit ("doanh thu 6.335 tỷ đồng ... lợi nhuận 552 tỷ đồng. Trong đó, doanh
    thu từ trái cây ..." splits the revenue, not the last figure)."""
    if not (figures and following):
        return
    total = figures[-1]
    if not _whole(total) or any(f.unit == total.unit for f in figures[:-1]):
        return
    if not _ENDS_SENTENCE.match(folded[total.end : total.sentence_end]):
        return
    s, e = following[0].sentence_start, following[0].sentence_end
    cue = _STARTS_SUBSET.match(folded[s:e])
    if cue is None:
        return
    end = _list_end(folded, s + cue.end(), e, bracket=False, subset=True)
    parts = _subset_parts(folded, s + cue.end(), end, following, total, parents)
    last = parts[-1].start if parts else s
    yield total, parts, [f for f in following if f.start > last] + after


# An item that names a new total ("..., tổng vốn đầu tư toàn xã hội đạt khoảng 1.100
# tỷ đồng" after "thu NSNN 190 tỷ đồng, trong đó ...") starts the next indicator.
_NEW_TOTAL = re.compile(r"(?<!\w)tổng(?!\w)")


def _known_child(total: _Figure, part: _Figure, parents: Parents) -> bool:
    """Whether indicators.yaml makes the part's indicator a part of the total's."""
    t, p = total.claim.indicator, part.claim.indicator
    return bool(t and p and p != t and _ancestor(p, t, parents))


def _ancestor(key: str, ancestor: str, parents: Parents) -> bool:
    seen: set[str] = set()
    parent = parents.get(key)
    while parent and parent not in seen:
        if parent == ancestor:
            return True
        seen.add(parent)
        parent = parents.get(parent)
    return False


def _may_be_part(total: _Figure, part: _Figure, parents: Parents) -> bool:
    """Whether the indicators the parser read let the part belong to the total: one of
    another known indicator is the next target of a list, unless indicators.yaml makes
    it a part of the total's ("thu nội địa" of "tổng thu ngân sách")."""
    t, p = total.claim.indicator, part.claim.indicator
    return not (t and p and p != t) or _ancestor(p, t, parents)


def _subset_parts(
    folded: str, start: int, end: int, figures: list[_Figure], total: _Figure, parents: Parents
) -> list[_Figure]:
    """The parts named after "trong đó": one figure of the total's unit per item, up to
    the first item that holds none once a part was found ("trong đó trên 35.000 cây có
    đường kính lớn, thực hiện cắt tỉa ... được trên 50.000 cây": the pruned trees are
    no part of the planted ones), two, or a comparison."""
    parts: list[_Figure] = []
    unit = total.unit
    for pos, item_end in _item_bounds(folded, start, end):
        inside = [f for f in figures if pos <= f.start < item_end and f.unit == unit]
        if len(inside) > 1 or _COMPARES.search(folded, pos, item_end):
            break
        if "còn lại" in folded[pos:item_end] or _NEW_TOTAL.search(folded, pos, item_end):
            break
        if inside and not (_within(total, inside[0]) and _may_be_part(total, inside[0], parents)):
            break
        if inside and inside[0].is_level:
            parts.append(inside[0])
        elif parts or inside:
            break
    return parts


def _part(total: _Figure, part: _Figure, sure: bool) -> _Arithmetic:
    """One part after "trong đó" cannot exceed its total; parts may overlap, so their
    sum is never compared. Only the first item is surely a part: a later one may be the
    next target of a list ("..., trong đó thu nội địa 16.000 tỷ đồng, thu từ du lịch
    đạt 23.000 tỷ đồng trở lên"), unless indicators.yaml makes it a part of the total."""
    return _Arithmetic(
        "part",
        ((total, "total"), (part, "part")),
        part.low,
        part.high,
        total.low,
        total.high,
        _stated(part),
        _stated(total),
        over=Severity.WARNING if sure else None,
        under=None,
    )


# "Còn lại 55,7 triệu đồng", "phần còn lại là 30 tỷ đồng": what the parts leave.
_REMAINDER_CUE = re.compile(r"(?<!\w)còn lại(?:\s+(?:là|khoảng|gần|hơn|trên))?\s*$")


def _remainder(folded: str, total: _Figure, rest: list[_Figure]) -> _Figure | None:
    """The rest of a split total: the next figure of its unit, if "còn lại" names it."""
    for f in rest:
        if f.unit != total.unit:
            continue
        clause = re.split(r"[;:,.()]", folded[max(f.sentence_start, f.start - 30) : f.start])
        if f.is_level and _REMAINDER_CUE.search(clause[-1]) and _within(total, f):
            return f
        return None
    return None


def _completed(total: _Figure, parts: list[_Figure], remainder: _Figure) -> _Arithmetic:
    """The parts and the rest make the total up, no more and no less."""
    pieces = [*parts, remainder]
    value = sum(p.claim.value for p in pieces)
    return _Arithmetic(
        "remainder",
        ((total, "total"), *((p, "part") for p in parts), (remainder, "remainder")),
        sum(p.low for p in pieces),
        sum(p.high for p in pieces),
        total.low,
        total.high,
        " + ".join(_in(p, total) for p in pieces) + f" = {_amount(value, total)}",
        _stated(total),
    )
