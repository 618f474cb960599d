"""What EV01 gathers: one finding per pair of figures, over every linked pair.

Two reports may state a figure and a third repeat it: the pairs of figures that
disagree are gathered by their values as written (`values`), so that one slip
is one finding with every report that states it, and the message says what
linked the reports (`shared`).
"""

from __future__ import annotations

from linter.checking import DocumentClaims
from linter.checking.apart import context_apart, far
from linter.checking.events import Link
from linter.checking.likeness import match, slip
from linter.models import Quantity


def shared(why: Link, lang: str) -> str:
    """What the two reports share, as the link found it: figures and names, and the
    wording when that is what linked them ("0 figures, 0 names" would say nothing)."""
    parts = []
    if why.numbers or why.names or not why.text:
        parts.append(
            f"{why.numbers} shared figures, {why.names} shared names"
            if lang == "en"
            else f"chung {why.numbers} số liệu, {why.names} tên riêng"
        )
    if why.text:
        parts.append("closely similar wording" if lang == "en" else "lời văn gần giống nhau")
    return ", ".join(parts)


class Conflict:
    """Figures of one subject that disagree, gathered over every linked pair."""

    def __init__(self, why: Link) -> None:
        self.why = why
        self.slip: str | None = None
        self.sure = False  # one of the pairs is a match, not only a shared slip
        self.label = ""  # what the figures measure, read from an aligned sentence
        self.figures: dict[tuple[str, int, int], tuple[DocumentClaims, Quantity]] = {}

    def add(
        self,
        left: DocumentClaims,
        qa: Quantity,
        right: DocumentClaims,
        qb: Quantity,
        why: Link,
        sure: bool,
    ) -> None:
        for item, q in ((left, qa), (right, qb)):
            self.figures[(item.document.path, q.span.line, q.span.column)] = (item, q)
        # Reports of one event scoped to a district and to its province may give the
        # district's 500 ha and the province's 5.000 ha: no slip is named across scopes.
        if scope(left) == scope(right):
            self.slip = self.slip or slip(qa, qb, exact=match(qa, qb) == 1.0)
        self.sure = self.sure or sure
        if (why.numbers, why.names) > (self.why.numbers, self.why.names):
            self.why = why


def values(qa: Quantity, qb: Quantity) -> tuple[object, ...]:
    """What makes two pairs of figures one finding (as `EventFigureConflict.run` keys it):
    the numbers as written, not their intervals, so that one slip a report states
    twice ("gần 1.300m2", "1.300m2" against "1,3 ha") is one finding."""
    return (qa.unit, qa.measure, *sorted((qa.value, qb.value)))


def scope(item: DocumentClaims) -> object:
    return item.document.meta.scope


def two(a: Quantity, b: Quantity) -> bool:
    """Whether the context or the values make two figures of a pair a check paired
    by other means (their sentences, their digits, a lead and its body): periods or
    roles apart, or values `far` apart that are no named slip (`linter.checking.apart`)."""
    if context_apart(a, b):
        return True
    return far(a, b) and slip(a, b, exact=True) is None
