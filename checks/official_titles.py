"""One person given the head's title of two different bodies in one document (for OF01).

"Ông Nguyễn Văn Hùng, Giám đốc Sở Y tế" and, further down the same report, "ông
Nguyễn Văn Hùng, Giám đốc Sở Tài chính": one person runs one department, so one of
the two bodies is a slip. Only heads whose bodies exclude each other are read: the
director of a department (Sở), the minister of a ministry (Bộ) and the chair of a
people's committee (UBND) whose unit both mentions name. Party titles are left out
(a province's Party secretary is also the secretary of its military Party committee),
and so are deputies (a deputy may head a body beside), former holders and two
documents (people move from one department to another; two reports a month apart
may both be right).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import TYPE_CHECKING

from linter.checking import DocumentClaims, Group, evidence
from linter.claims.names import name_key_of
from linter.claims.offices import label_of, unit_of
from linter.models import Finding, OfficialRef, Severity

if TYPE_CHECKING:
    from linter.checking import Check

_HEADS_OF_ONE = ("Sở ", "Bộ ")  # a director heads one Sở, a minister one Bộ


def _office(item: DocumentClaims, ref: OfficialRef) -> tuple[str, ...] | None:
    """The office as far as it excludes another of the same title; None when the
    title, or what the text says of it, allows two at once."""
    if ref.deputy or ref.status != "current":
        return None
    if ref.role in ("Giám đốc", "Bộ trưởng") and ref.body.startswith(_HEADS_OF_ONE):
        return (ref.role, ref.body.lower())
    if ref.role == "Chủ tịch" and ref.body == "UBND" and ref.place:
        return (ref.role, *unit_of(item.document, ref))
    return None


def two_offices(check: Check, group: Group) -> Iterator[Finding]:
    """Info: the parser may tie a name to the title of the next person in a list."""
    for item in group.items:
        said: dict[tuple[str, str], dict[tuple[str, ...], OfficialRef]] = defaultdict(dict)
        for ref in item.of(OfficialRef):
            office = _office(item, ref)
            if office is not None:
                said[(name_key_of(ref.name), ref.role)].setdefault(office, ref)
        for offices in said.values():
            if len(offices) < 2:
                continue
            refs = list(offices.values())
            labels = [label_of(item.document, r) for r in refs]
            name = refs[0].name
            if group.lang == "en":
                message = f"{name} is called {' and '.join(labels)} in one document: one person heads one of them."
            else:
                message = f"{name} được ghi là {' và cũng là '.join(labels)} trong cùng một văn bản: một người chỉ đứng đầu một nơi."
            notes = [
                evidence(item, r.span, f"{r.name}: {label}")
                for r, label in zip(refs, labels, strict=True)
            ]
            key = f"bodies|{item.document.path}|{name}|{','.join(labels)}"
            yield check.finding(message, notes, group, Severity.INFO, key=key)
